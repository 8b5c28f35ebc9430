/**
 * What an attention head looks at, measured on tagged text the way "What does BERT look at?"
 * (Clark et al., 2019) described BERT's heads: figures about positions, read off the mean
 * weights, and figures about part-of-speech relations, read off where each row's largest
 * weight falls. Pure: sentences (tokens with Brown tags) and attention weights in, numbers out.
 *
 * Positional figures (mean weight, over the rows where the position exists):
 *
 * - `previous`: weight of row i on token i-1, over rows i ≥ 1;
 * - `next`: weight of row i on token i+1, over rows i ≤ T-2 (0 under a causal mask);
 * - `self`: weight of row i on itself, over all rows;
 * - `first`: weight of row i on token 0, over rows i ≥ 1;
 * - `punctuation`: total weight of row i on punctuation tokens (the app tokenizer's kind
 *   `punctuation`, the row's own token included), over all rows.
 *
 * Relation figures (share of cases): a case is a token (the source) and the tokens the
 * relation says it should look at (its targets, found from the tags by the heuristics of
 * `relationCases`). The case scores 1 when the largest weight of the source's row falls on a
 * target; when several tokens tie for the largest weight, it scores the fraction of them that
 * are targets (what a random choice among the tied tokens would score). The share is the mean
 * score. Next to it, `baseline` is the share a head fixed on one position (previous, next,
 * self or first token) would score on the same cases: the best of the four.
 *
 * Every figure comes with its `chance` level: the figure of a head that spreads its weight
 * evenly over the tokens it may see (all of them, or under a causal mask itself and those
 * before it), so 1/T on the previous token, |targets|/T on a relation.
 *
 * The dominant `pattern` of a head (see `dominantPattern`) is the highest of its figures that
 * is at least MIN_OVER_CHANCE times its chance level: the five mean weights, and the shares of
 * the relations that are measured on at least `MIN_CASES` cases and beat their positional
 * baseline by at least `MIN_LIFT` (a relation that a plain previous-token head explains as
 * well is no finding). Ties go to the earlier name in `PATTERNS`. A head with no such figure
 * (an untrained one, say) has no pattern: `null`.
 */
import type { Token } from '../types';

/** Patterns measured by mean weight, in the order tables list them. */
export const POSITIONAL_PATTERNS = ['previous', 'next', 'self', 'first', 'punctuation'] as const;

/** A pattern measured by mean weight. */
export type PositionalPattern = (typeof POSITIONAL_PATTERNS)[number];

/**
 * Part-of-speech relations measured by argmax share, source first: `noun-determiner` is a
 * noun looking at its determiner. Pairs of directions come together; `pronoun-antecedent`
 * has only the backward one (a word cannot name what comes later as its antecedent).
 */
export const RELATIONS = [
  'determiner-noun',
  'noun-determiner',
  'adjective-noun',
  'noun-adjective',
  'preposition-object',
  'object-preposition',
  'subject-verb',
  'verb-subject',
  'verb-object',
  'object-verb',
  'pronoun-antecedent',
] as const;

/** A part-of-speech relation. */
export type RelationName = (typeof RELATIONS)[number];

/** Every pattern a head can be said to follow, positional first. */
export const PATTERNS: readonly PatternName[] = [...POSITIONAL_PATTERNS, ...RELATIONS];

/** A pattern a head can be said to follow. */
export type PatternName = PositionalPattern | RelationName;

/** Fewest cases a relation needs before it can be a head's dominant pattern. */
export const MIN_CASES = 20;

/** How far a relation's share must beat its positional baseline to be a head's pattern. */
export const MIN_LIFT = 0.1;

/** How many times its chance level a figure must reach to be a head's pattern. */
export const MIN_OVER_CHANCE = 2;

/** Longest run of tokens a noun phrase heuristic scans after its start. */
export const MAX_PHRASE = 6;

/** One token as the measurements see it. */
export interface PatternToken {
  readonly text: string;
  /** Normalised Brown tag (see brown.ts), or null for a piece of a word tagged elsewhere. */
  readonly tag: string | null;
  /** The app tokenizer's kind is `punctuation`. */
  readonly punctuation: boolean;
}

/** App tokens with their tags (`tags[i]` belongs to `tokens[i]`), as the measurements want them. */
export function patternTokens(
  tokens: readonly Token[],
  tags: readonly (string | null)[],
): PatternToken[] {
  if (tokens.length !== tags.length) {
    throw new RangeError(`patternTokens: ${tokens.length} tokens but ${tags.length} tags`);
  }
  return tokens.map((token, i) => ({
    text: token.text,
    tag: tags[i] ?? null,
    punctuation: token.kind === 'punctuation',
  }));
}

/** One case of a relation: the token that looks, and the tokens it should look at. */
export interface RelationCase {
  readonly relation: RelationName;
  readonly source: number;
  readonly targets: readonly number[];
}

const NOUN = new Set(['NN', 'NNS', 'NP', 'NPS', 'NR', 'NRS']);
const POSSESSIVE_NOUN = new Set(['NN$', 'NNS$', 'NP$', 'NPS$', 'NR$', 'NRS$']);
const SINGULAR_NOUN = new Set(['NN', 'NP', 'NR', 'NN$', 'NP$', 'NR$']);
const PLURAL_NOUN = new Set(['NNS', 'NPS', 'NRS', 'NNS$', 'NPS$', 'NRS$']);
const ADJECTIVE = new Set(['JJ', 'JJR', 'JJS', 'JJT']);
const DETERMINER = new Set(['AT', 'DT', 'DTI', 'DTS', 'DTX']);
// Words that may stand between a determiner and its noun: "the three other very old stone walls".
const MODIFIER = new Set([...ADJECTIVE, 'CD', 'OD', 'AP', 'QL']);
// Words that may open a preposition's object before its modifiers: "of all his many friends".
const PRE_DETERMINER = new Set([...DETERMINER, 'PP$', 'ABN', 'ABX']);
const OBJECT_PRONOUN = new Set(['PPO', 'PPL', 'PPLS', 'PN']);
const SUBJECT = new Set([...NOUN, 'PPS', 'PPSS', 'PN', 'WPS', 'WDT', 'EX']);
const FINITE = new Set('VB VBD VBZ BEM BER BEZ BED BEDZ HV HVD HVZ DO DOD DOZ MD'.split(' '));
// Words inside a verb group between its verbs: "has not yet been seen".
const GROUP_ADVERB = new Set(['RB', 'RBR', 'RBT', 'QL', '*']);
// Where the search for a verb's subject gives up: a clause boundary or another verb.
const SUBJECT_STOP = new Set(['CS', 'CC', 'TO', '.', ':']);
const SINGULAR_PRONOUN = new Set(
  'he him his himself she her hers herself it its itself'.split(' '),
);
const PLURAL_PRONOUN = new Set('they them their theirs themselves'.split(' '));

function isVerb(tag: string | null): boolean {
  return tag !== null && /^(?:VB|BE|HV|DO|MD)/u.test(tag);
}

/**
 * The head noun of the phrase that starts right after token `from`: scanning at most
 * MAX_PHRASE tokens, first any determiners (only when `determiners`), then modifiers
 * (adjectives, numbers, AP, QL), then nouns, the head being the last noun of the run; a
 * possessive noun ends the run and is the head ("the city's mayor": "city"). Tokens with a
 * null tag (pieces of a word tagged elsewhere, such as "term" and "-" in "term-end") are
 * skipped. Returns -1 when no noun comes.
 */
function headNounAfter(
  tokens: readonly PatternToken[],
  from: number,
  determiners: boolean,
): number {
  let head = -1;
  let stage = determiners ? 0 : 1; // 0: determiners, 1: modifiers, 2: nouns
  for (let k = from + 1; k < tokens.length && k - from <= MAX_PHRASE; k++) {
    const tag = (tokens[k] as PatternToken).tag;
    if (tag === null) continue;
    if (POSSESSIVE_NOUN.has(tag)) return k;
    if (NOUN.has(tag)) {
      head = k;
      stage = 2;
    } else if (stage === 0 && PRE_DETERMINER.has(tag)) {
      continue;
    } else if (stage <= 1 && MODIFIER.has(tag)) {
      stage = 1;
    } else {
      break;
    }
  }
  return head;
}

/** Index of the nearest token before `i` that is no adverb of a verb group nor a word piece, or -1. */
function beforeAdverbs(tokens: readonly PatternToken[], i: number): number {
  let k = i - 1;
  while (k >= 0) {
    const tag = (tokens[k] as PatternToken).tag;
    if (tag !== null && !GROUP_ADVERB.has(tag)) break;
    k--;
  }
  return k;
}

/** A verb group: its first and last verb, and whether it follows TO (an infinitive). */
interface VerbGroup {
  first: number;
  last: number;
  infinitive: boolean;
}

/**
 * Verb groups ("has not been seen", "to establish"): maximal runs of verbs with adverbs,
 * negations and word pieces between them.
 */
function verbGroups(tokens: readonly PatternToken[]): VerbGroup[] {
  const groups: VerbGroup[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!isVerb((tokens[i] as PatternToken).tag)) continue;
    const previous = tokens[beforeAdverbs(tokens, i)]?.tag ?? null;
    const current = groups[groups.length - 1];
    if (current && isVerb(previous)) current.last = i;
    else groups.push({ first: i, last: i, infinitive: previous === 'TO' });
  }
  return groups;
}

/**
 * Pairs (earlier, later) of related tokens, by relation family, from the tags alone. The
 * heuristics, a stand-in for a parse that the corpus does not have:
 *
 * - determiner: a determiner (AT, DT, DTI, DTS, DTX) and the head noun after it (see
 *   `headNounAfter`: only modifiers and nouns between, the last noun of the run);
 * - adjective: an adjective (JJ, JJR, JJS, JJT) and the head noun after it, likewise
 *   (a predicative adjective, "was tired.", has none);
 * - preposition: a preposition (IN) and its object: an object pronoun right after it, or the
 *   head noun of the phrase after it, determiners allowed ("of all his friends");
 * - subject: the first verb of a finite verb group (a run of verbs with adverbs and negations
 *   between them, opened by VB, VBD, VBZ, a finite form of be, have or do, or a modal, and not
 *   after TO) and the nearest token before it that can be a subject (a noun, a
 *   subject pronoun, PN, WPS, WDT, EX), searching back no further than another verb, a
 *   conjunction (CS, CC), TO, or a full stop, colon or semicolon;
 * - object: the last verb of a verb group, unless it is a form of be or a modal, and an
 *   object pronoun right after the group, or the head noun of the phrase after it that is
 *   not an adverbial noun (NR: "said Friday");
 * - antecedent: a third-person pronoun (he, him, his, himself, she, her, hers, herself, it,
 *   its, itself; they, them, their, theirs, themselves, tagged PP…) and the nearest noun of
 *   the same number before it in the sentence. Crude: the corpus marks no coreference.
 */
function relatedPairs(
  tokens: readonly PatternToken[],
): Record<
  'determiner' | 'adjective' | 'preposition' | 'subject' | 'object' | 'antecedent',
  [number, number][]
> {
  const pairs = {
    determiner: [] as [number, number][],
    adjective: [] as [number, number][],
    preposition: [] as [number, number][],
    subject: [] as [number, number][],
    object: [] as [number, number][],
    antecedent: [] as [number, number][],
  };
  tokens.forEach((token, i) => {
    const tag = token.tag;
    if (tag === null) return;
    if (DETERMINER.has(tag)) {
      const noun = headNounAfter(tokens, i, false);
      if (noun >= 0) pairs.determiner.push([i, noun]);
    } else if (ADJECTIVE.has(tag)) {
      const noun = headNounAfter(tokens, i, false);
      if (noun >= 0) pairs.adjective.push([i, noun]);
    } else if (tag === 'IN') {
      const next = tokens[i + 1];
      const object =
        next?.tag && OBJECT_PRONOUN.has(next.tag) ? i + 1 : headNounAfter(tokens, i, true);
      if (object >= 0) pairs.preposition.push([i, object]);
    } else if (tag.startsWith('PP')) {
      const word = token.text.toLowerCase();
      const number = SINGULAR_PRONOUN.has(word)
        ? SINGULAR_NOUN
        : PLURAL_PRONOUN.has(word)
          ? PLURAL_NOUN
          : null;
      if (!number) return;
      for (let k = i - 1; k >= 0; k--) {
        if (number.has((tokens[k] as PatternToken).tag ?? '')) {
          pairs.antecedent.push([k, i]);
          break;
        }
      }
    }
  });
  for (const { first, last, infinitive } of verbGroups(tokens)) {
    if (!infinitive && FINITE.has((tokens[first] as PatternToken).tag ?? '')) {
      for (let k = first - 1; k >= 0; k--) {
        const tag = (tokens[k] as PatternToken).tag;
        if (tag === null) continue;
        if (SUBJECT.has(tag)) {
          pairs.subject.push([k, first]);
          break;
        }
        if (isVerb(tag) || SUBJECT_STOP.has(tag)) break;
      }
    }
    const verb = (tokens[last] as PatternToken).tag as string;
    if (verb.startsWith('BE') || verb === 'MD') continue;
    const next = tokens[last + 1];
    let object = next?.tag && OBJECT_PRONOUN.has(next.tag) ? last + 1 : -1;
    if (object < 0) {
      object = headNounAfter(tokens, last, true);
      const tag = tokens[object]?.tag ?? '';
      if (tag.startsWith('NR')) object = -1;
    }
    if (object >= 0) pairs.object.push([last, object]);
  }
  return pairs;
}

const DIRECTIONS: Record<
  keyof ReturnType<typeof relatedPairs>,
  [RelationName | null, RelationName]
> = {
  determiner: ['determiner-noun', 'noun-determiner'],
  adjective: ['adjective-noun', 'noun-adjective'],
  preposition: ['preposition-object', 'object-preposition'],
  subject: ['subject-verb', 'verb-subject'],
  object: ['verb-object', 'object-verb'],
  antecedent: [null, 'pronoun-antecedent'],
};

/**
 * Every relation case of a sentence (see `relatedPairs` for the heuristics). Each pair of
 * related tokens (earlier, later) gives a forward case (the earlier looks at the later) and a
 * backward one; cases with the same source and relation merge, so a noun with two adjectives
 * is one `noun-adjective` case with two targets. Ordered by relation, then source.
 */
export function relationCases(tokens: readonly PatternToken[]): RelationCase[] {
  const bySource = new Map<RelationName, Map<number, number[]>>();
  const add = (relation: RelationName, source: number, target: number): void => {
    let sources = bySource.get(relation);
    if (!sources) bySource.set(relation, (sources = new Map()));
    const targets = sources.get(source);
    if (!targets) sources.set(source, [target]);
    else if (!targets.includes(target)) targets.push(target);
  };
  const pairs = relatedPairs(tokens);
  for (const family of Object.keys(pairs) as (keyof typeof pairs)[]) {
    const [forward, backward] = DIRECTIONS[family];
    for (const [earlier, later] of pairs[family]) {
      if (forward) add(forward, earlier, later);
      add(backward, later, earlier);
    }
  }
  const cases: RelationCase[] = [];
  for (const relation of RELATIONS) {
    const sources = bySource.get(relation);
    if (!sources) continue;
    for (const source of [...sources.keys()].sort((a, b) => a - b)) {
      const targets = (sources.get(source) as number[]).sort((a, b) => a - b);
      cases.push({ relation, source, targets });
    }
  }
  return cases;
}

/** A (T, T) matrix of attention weights, float32 or float64, row-major. */
export interface WeightRows {
  readonly rows: number;
  readonly cols: number;
  readonly data: ArrayLike<number>;
}

/** A relation's figures for one head. */
export interface RelationFigure {
  /** Cases measured. */
  readonly cases: number;
  /** Mean score of the cases: how often the head's largest weight falls on a target (0 to 1). */
  readonly share: number;
  /** The best share a head fixed on one position would score on the same cases (0 to 1). */
  readonly baseline: number;
  /** Which position that is (null when there are no cases). */
  readonly baselinePattern: Exclude<PositionalPattern, 'punctuation'> | null;
  /** The share of a head that spreads its weight evenly over the tokens it may see. */
  readonly chance: number;
}

/** Everything measured about one head. */
export interface HeadFigures {
  /** Sentences measured. */
  readonly sentences: number;
  /** Rows (query tokens) measured. */
  readonly rows: number;
  /** Mean weight on each position (0 to 1). */
  readonly positional: Readonly<Record<PositionalPattern, number>>;
  /** The mean weight on each position of a head that spreads its weight evenly. */
  readonly positionalChance: Readonly<Record<PositionalPattern, number>>;
  readonly relations: Readonly<Record<RelationName, RelationFigure>>;
  /** The dominant pattern (see `dominantPattern`), or null when no figure stands out from chance. */
  readonly pattern: PatternName | null;
  /** Its figure: a mean weight for a positional pattern, a share for a relation (0 to 1); 0 without a pattern. */
  readonly share: number;
}

/** Collects one head's figures sentence by sentence. */
export interface HeadPatternAccumulator {
  /**
   * Adds one sentence: its tokens and the head's (T, T) weights. `cases` may be passed when
   * already computed (several heads share one sentence's cases). Throws on a shape mismatch.
   */
  add(tokens: readonly PatternToken[], weights: WeightRows, cases?: readonly RelationCase[]): void;
  /** The figures so far (all zeros before the first sentence). */
  figures(): HeadFigures;
}

const BASELINES = ['previous', 'next', 'self', 'first'] as const;

/** Options of `createHeadAccumulator`. */
export interface AccumulatorOptions {
  /** The weights come from a causal head: row i sees tokens 0..i only (for the chance levels). */
  readonly causal?: boolean;
}

/** A fresh accumulator for one head. */
export function createHeadAccumulator(options: AccumulatorOptions = {}): HeadPatternAccumulator {
  const causal = options.causal ?? false;
  let sentences = 0;
  let rowCount = 0;
  const sums = Object.fromEntries(POSITIONAL_PATTERNS.map((p) => [p, 0])) as Record<
    PositionalPattern,
    number
  >;
  const counts = { ...sums };
  const chance = { ...sums };
  const relation = Object.fromEntries(
    RELATIONS.map((r) => [r, { cases: 0, hits: 0, chance: 0, base: [0, 0, 0, 0] }]),
  ) as Record<RelationName, { cases: number; hits: number; chance: number; base: number[] }>;

  return {
    add(tokens, weights, given) {
      const T = tokens.length;
      if (weights.rows !== T || weights.cols !== T) {
        throw new RangeError(
          `HeadPatternAccumulator.add: weights (${weights.rows}, ${weights.cols}) for ${T} tokens, expected (${T}, ${T})`,
        );
      }
      const w = weights.data;
      sentences++;
      rowCount += T;
      for (let i = 0; i < T; i++) {
        const row = i * T;
        const even = 1 / (causal ? i + 1 : T); // each visible token's weight in an even spread
        if (i >= 1) {
          sums.previous += w[row + i - 1] as number;
          sums.first += w[row] as number;
          chance.previous += even;
          chance.first += even;
          counts.previous++;
          counts.first++;
        }
        if (i <= T - 2) {
          sums.next += w[row + i + 1] as number;
          chance.next += causal ? 0 : even;
          counts.next++;
        }
        sums.self += w[row + i] as number;
        chance.self += even;
        counts.self++;
        let punctuation = 0;
        let visiblePunctuation = 0;
        for (let j = 0; j < T; j++) {
          if (!(tokens[j] as PatternToken).punctuation) continue;
          punctuation += w[row + j] as number;
          if (!causal || j <= i) visiblePunctuation++;
        }
        sums.punctuation += punctuation;
        chance.punctuation += visiblePunctuation * even;
        counts.punctuation++;
      }
      for (const c of given ?? relationCases(tokens)) {
        const r = relation[c.relation];
        const row = c.source * T;
        let max = -Infinity;
        for (let j = 0; j < T; j++) max = Math.max(max, w[row + j] as number);
        let tied = 0;
        let onTarget = 0;
        for (let j = 0; j < T; j++) {
          if (w[row + j] !== max) continue;
          tied++;
          if (c.targets.includes(j)) onTarget++;
        }
        r.cases++;
        r.hits += tied > 0 ? onTarget / tied : 0;
        const seen = causal ? c.source + 1 : T;
        r.chance += c.targets.filter((t) => t < seen).length / seen;
        const positions = [c.source - 1, c.source + 1, c.source, 0];
        positions.forEach((p, k) => {
          if (c.targets.includes(p)) (r.base[k] as number)++;
        });
      }
    },

    figures() {
      const positional = Object.fromEntries(
        POSITIONAL_PATTERNS.map((p) => [p, counts[p] > 0 ? sums[p] / counts[p] : 0]),
      ) as Record<PositionalPattern, number>;
      const positionalChance = Object.fromEntries(
        POSITIONAL_PATTERNS.map((p) => [p, counts[p] > 0 ? chance[p] / counts[p] : 0]),
      ) as Record<PositionalPattern, number>;
      const relations = Object.fromEntries(
        RELATIONS.map((name) => {
          const r = relation[name];
          let best = -1;
          r.base.forEach((b, k) => {
            if (best < 0 || b > (r.base[best] as number)) best = k;
          });
          const figure: RelationFigure = {
            cases: r.cases,
            share: r.cases > 0 ? r.hits / r.cases : 0,
            baseline: r.cases > 0 ? (r.base[best] as number) / r.cases : 0,
            baselinePattern: r.cases > 0 ? (BASELINES[best] ?? null) : null,
            chance: r.cases > 0 ? r.chance / r.cases : 0,
          };
          return [name, figure];
        }),
      ) as Record<RelationName, RelationFigure>;
      const { pattern, share } = dominantPattern(positional, positionalChance, relations);
      return {
        sentences,
        rows: rowCount,
        positional,
        positionalChance,
        relations,
        pattern,
        share,
      };
    },
  };
}

/**
 * A head's dominant pattern and its figure: the highest of the positional mean weights and of
 * the shares of the relations with at least MIN_CASES cases and a share at least MIN_LIFT
 * above their positional baseline, counting only figures at least MIN_OVER_CHANCE times their
 * chance level. Ties go to the pattern listed first in PATTERNS. `null` (share 0) when no
 * figure qualifies.
 */
export function dominantPattern(
  positional: Readonly<Record<PositionalPattern, number>>,
  positionalChance: Readonly<Record<PositionalPattern, number>>,
  relations: Readonly<Record<RelationName, RelationFigure>>,
): { pattern: PatternName | null; share: number } {
  let pattern: PatternName | null = null;
  let share = 0;
  const consider = (name: PatternName, figure: number, chance: number): void => {
    if (figure < MIN_OVER_CHANCE * chance || figure <= 0) return;
    if (pattern === null || figure > share) {
      pattern = name;
      share = figure;
    }
  };
  for (const p of POSITIONAL_PATTERNS) consider(p, positional[p], positionalChance[p]);
  for (const r of RELATIONS) {
    const f = relations[r];
    if (f.cases < MIN_CASES || f.share < f.baseline + MIN_LIFT) continue;
    consider(r, f.share, f.chance);
  }
  return { pattern, share };
}
