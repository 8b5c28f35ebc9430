/**
 * Strings of the shell panels: the sentence box, example menu, token chips, step
 * navigation and explanations, formula, code view, settings and vector status.
 * Functions take numbers already formatted for display, so a translation never rounds.
 */

/** What a step's explanation may mention; built by StepExplanation from the store and trace. */
export interface StepContext {
  /** Number of tokens T. */
  readonly tokens: number;
  /** Tokens without a GloVe vector. */
  readonly unknown: number;
  /** Model width dModel. */
  readonly width: number;
  readonly heads: number;
  /** Index of the head shown (0-based). */
  readonly head: number;
  readonly dK: number;
  /** √dK, formatted. */
  readonly sqrtDK: string;
  readonly scale: boolean;
  readonly causal: boolean;
  readonly temperature: number;
  /** The temperature, formatted. */
  readonly temperatureText: string;
  readonly positions: boolean;
  readonly weights: 'random' | 'similarity' | 'learned';
  /** True when the GloVe table is not loaded and every vector is made up. */
  readonly madeUp: boolean;
}

/** One example sentence of the menu. */
export interface Example {
  /** What the menu shows. */
  readonly label: string;
  /** What it puts in the text box. */
  readonly text: string;
}

/** “word”, with the curly quotes English uses. */
const q = (word: string) => `“${word}”`;

const BANK_PARAGRAPH =
  'We walked along the bank of the river and watched the water rise after the storm. ' +
  'Later that day we went to the bank in town to ask for a loan, because the flood had damaged our house. ' +
  'The clerk at the bank said the river bank would be repaired soon, and she smiled as she counted the money.';

/** Strings of the shell. */
export const shell = {
  sentence: {
    label: 'Sentence',
    placeholder: 'Type a sentence, for example: The cat sat on the mat.',
    hint: 'The tokens and every number below follow as you type.',
  },
  examples: {
    label: 'Examples',
    items: [
      { label: 'I love tennis.', text: 'I love tennis.' },
      {
        label: 'The cat sat on the mat because it was tired.',
        text: 'The cat sat on the mat because it was tired.',
      },
      {
        label: 'I love Tennis & I am a big fan of Rafael Nadal.',
        text: 'I love Tennis & I am a big fan of Rafael Nadal.',
      },
      {
        label: 'Who is “it”? The trophy did not fit in the suitcase…',
        text: 'The trophy did not fit in the suitcase because it was too big.',
      },
      { label: 'Repeated words: A rose is a rose is a rose.', text: 'A rose is a rose is a rose.' },
      {
        label: 'Two meanings: Time flies like an arrow; fruit flies like a banana.',
        text: 'Time flies like an arrow; fruit flies like a banana.',
      },
      {
        label: 'Contractions: I don’t think they’re coming, but we’ll see.',
        text: "I don't think they're coming, but we'll see.",
      },
      {
        label: 'A paragraph: a bank by the river, and a bank that lends money (59 words)',
        text: BANK_PARAGRAPH,
      },
    ] satisfies readonly Example[],
  },
  tokens: {
    label: 'Tokens',
    heading: 'Tokens',
    empty: 'Type a sentence to begin.',
    loading: 'The tokens appear in a moment.',
    /** The count while the word-vector table loads: which words it has is not known yet. */
    countPending: (tokens: number) =>
      `${tokens} ${tokens === 1 ? 'token' : 'tokens'}; looking up their GloVe vectors…`,
    chipPending: (word: string) =>
      `Looking up ${q(word)}: the word-vector table is still loading (a made-up vector meanwhile)`,
    count: (tokens: number, unknown: number) =>
      `${tokens} ${tokens === 1 ? 'token' : 'tokens'}` +
      (unknown > 0 ? `, ${unknown} without a GloVe vector` : ', every one with a GloVe vector'),
    truncated: (max: number) =>
      `The text is longer than ${max} tokens: only the first ${max} are used.`,
    chipKnown: (word: string, rank: number) =>
      `GloVe vector of ${q(word)} (word ${rank} by frequency)`,
    chipUnknown: (word: string) =>
      `No GloVe vector for ${q(word)}: it uses a made-up vector seeded by the word`,
    chipClitic: (token: string, word: string) => `${q(token)} uses the vector of ${q(word)}`,
    chipFocus: 'Click to show only this token’s edges in the graph.',
    legendUnknown:
      'Dashed, with a ?: no GloVe vector for this word (single letters, digits and rare words are missing); it uses a made-up vector seeded by the word.',
    /** Sample text of the dashed chip drawn in the legend. */
    legendSample: 'ab',
    legendClitic: (token: string, word: string) => `${q(token)} is looked up as ${q(word)}.`,
    legendPossessive:
      'GloVe has no single word for “’s” (is, has or a possessive), so it stays unknown.',
    madeUp: 'The word-vector table is not loaded: every token uses a made-up vector.',
    hoverHint:
      'Hover or focus a token to highlight it everywhere; click it to show only its edges in the graph.',
  },
  steps: {
    nav: 'Steps',
    previous: 'Previous step',
    next: 'Next step',
    keysHint: 'The ← and → keys move between steps.',
    position: (n: number, total: number) => `Step ${n} of ${total}`,
    head: (head: number, heads: number) => `Head ${head} of ${heads}`,
    announce: (title: string, n: number, total: number) => `Step ${n} of ${total}: ${title}`,
    /** A step's title with its number (`stepNumber`): "3 Score". The bar and the headings show this. */
    numbered: (n: number, title: string) => `${n} ${title}`,
    titles: {
      tokens: 'Tokens and embeddings',
      qkv: 'Queries, keys and values',
      score: 'Score',
      softmax: 'Softmax',
      weighted: 'Weighted sum',
      output: 'Concatenate and project',
    },
    /**
     * What a step's button shows when the full titles do not fit in one row (a tablet);
     * the full title stays its accessible name.
     */
    compactTitles: {
      tokens: 'Tokens',
      qkv: 'Q, K, V',
      score: 'Score',
      softmax: 'Softmax',
      weighted: 'Weighted sum',
      output: 'Output',
    },
    /** The shortest form (a phone) shows every step but the current one by its number alone. */
  },
  explain: {
    tokens: (c: StepContext): string[] => [
      'The sentence is cut into tokens: words, numbers and punctuation marks, one chip each.',
      c.madeUp
        ? `The GloVe table is not loaded, so each token gets a made-up vector of ${c.width} numbers, the same for the same word every time but meaning nothing.`
        : c.width === 100
          ? 'Each token becomes its GloVe vector: 100 numbers learned from how words appear together in six billion words of text.'
          : `Each token becomes its GloVe vector, 100 numbers learned from six billion words of text, here narrowed to its ${c.width} most informative directions so that every number fits on screen.`,
      c.positions
        ? 'A positional encoding, a fixed pattern of waves, is added to each vector, so the same word in two places gets two different rows.'
        : 'Positions are off: the same word in two places gets the same row, and word order is invisible.',
      'Stacked, the rows form the matrix X, one row per token.',
    ],
    qkv: (c: StepContext): string[] => [
      'Think of a library. A token’s key is the label on its book’s spine, its query is what it is looking for on the shelves, and its value is what its book actually holds.',
      `All three are made the same way: the token’s row of X times a weight matrix, one for queries, one for keys and one for values, giving d_k\u00a0=\u00a0${c.dK} numbers each` +
        (c.heads > 1
          ? `. Every head has its own three matrices; this is head ${c.head + 1} of ${c.heads}.`
          : '.'),
      c.weights === 'similarity'
        ? 'These weights use the same matrix for queries and keys, so a query matches best the keys of tokens with similar meaning, its own above all.'
        : c.weights === 'learned'
          ? 'These weights were learned from English text, to guess the next word; the guide under the settings says, with figures measured on text the model never read, what the selected head looks at.'
          : 'These weights are random, like a model before training: the patterns they make carry no meaning yet.',
    ],
    score: (c: StepContext): string[] => [
      'Each query is compared with every key by a dot product: multiply the two vectors number by number and add up. A large score means that key matches what the query is looking for.',
      c.scale
        ? `The scores are then divided by √d_k\u00a0=\u00a0√${c.dK}\u00a0≈\u00a0${c.sqrtDK}, which stops them growing with the length of the vectors and pushing the softmax to extremes.`
        : 'Scaling is off: the scores are not divided by √d_k, so they grow with the length of the vectors and the softmax may saturate.',
      ...(c.causal
        ? [
            'The causal mask sets the score of every later token to −∞: a token may look only at itself and the tokens before it, as when a model writes one word at a time.',
          ]
        : []),
    ],
    softmax: (c: StepContext): string[] => [
      'Softmax turns each row of scores into attention weights: raise e to the power of each score, then divide by the row’s total.',
      'Every weight lies between 0 and 1 and each row sums to 1: a row says how one token shares out its attention.',
      ...(c.temperature !== 1
        ? [
            `The scores are first divided by the temperature τ = ${c.temperatureText}: ${
              c.temperature < 1
                ? 'below 1 it sharpens the weights toward the largest score.'
                : 'above 1 it evens the weights out.'
            }`,
          ]
        : []),
      ...(c.causal ? ['Masked scores of −∞ become weights of exactly 0.'] : []),
    ],
    weighted: (c: StepContext): string[] => [
      'Each token’s new vector is a blend of all the value vectors, mixed in the proportions of its row of weights.',
      'A token that gives 0.6 of its attention to another takes in 60% of that token’s value: this is how “it” could pick up the meaning of “cat”. No head in this app has learned that: measured on held-out text, no learned head picks out a pronoun’s noun much more often than chance (see each head’s figures), since one layer trained on a million words learns little about pronouns.',
      c.heads > 1
        ? `This is the output of head ${c.head + 1}: ${c.dK} numbers per token, now informed by context.`
        : `The output has one row of d_k\u00a0=\u00a0${c.dK} numbers per token, now informed by context.`,
    ],
    output: (c: StepContext): string[] => [
      `Each of the ${c.heads} heads looked at the sentence in its own way and produced ${c.dK} numbers per token.`,
      `Their outputs are placed side by side (concatenated) into ${c.heads * c.dK} numbers per token, then multiplied by one more weight matrix, the output projection, which mixes what the heads found into ${c.width} numbers per token.`,
      'That is the output of the attention layer, ready for the next layer of a transformer.',
    ],
  },
  example: {
    heading: 'In your sentence',
    hint: 'Hover or focus a token to see its numbers here.',
    tokens: (tokens: number, unknown: number) =>
      `${tokens} ${tokens === 1 ? 'token' : 'tokens'}, ${unknown} of them without a GloVe vector: X has ${tokens} ${
        tokens === 1 ? 'row' : 'rows'
      }.`,
    qkv: (tokens: number, dK: number) =>
      `Q, K and V are each a table of ${tokens} × ${dK} numbers: one row per token, d_k\u00a0=\u00a0${dK} columns.`,
    score: (query: string, key: string, score: string) =>
      `The query of ${q(query)} matches the key of ${q(key)} best: score ${score}.`,
    scoreSelf: (query: string, score: string) =>
      `The query of ${q(query)} matches its own key best: score ${score}.`,
    softmax: (query: string, key: string, percent: string, self: string) =>
      `${q(query)} gives ${percent}% of its attention to ${q(key)} and ${self}% to itself.`,
    softmaxSelf: (query: string, percent: string) =>
      `${q(query)} keeps ${percent}% of its attention for itself.`,
    weightedPart: (weight: string, token: string) => `${weight} × value of ${q(token)}`,
    weighted: (query: string, parts: string[], more: boolean) =>
      `New ${q(query)} = ${parts.join(' + ')}${more ? ' + …' : ''}`,
    output: (query: string, heads: number, dK: number, width: number) =>
      `${q(query)}: ${heads} heads × ${dK} = ${heads * dK} numbers in, ${width} numbers out.`,
  },
  formula: {
    heading: 'The formula',
    caption: 'Highlighted: what this step computes.',
    symbols:
      'E holds the word vectors, P the positional encodings, and X their sum, one row per token.',
    symbolsNoPositions:
      'E holds the word vectors; without positions X is E itself, one row per token.',
    scaleOff: 'Scaling by √d_k is off.',
    maskNote: 'M is the causal mask: 0 where a token may look, −∞ above the diagonal.',
    temperatureNote: (t: string) => `τ = ${t} is the softmax temperature.`,
  },
  stage: {
    more: 'More about this step',
    formula: 'Formula',
    code: 'PyTorch',
    settings: 'All settings',
  },
  code: {
    heading: 'The same in PyTorch',
    caption: 'The highlighted lines are this step.',
  },
  settings: {
    heading: 'Settings',
    stepControls: 'What changes this step',
    model: 'Model',
    attention: 'Attention',
    view: 'View',
    width: 'Model width',
    widthNote: (width: number) =>
      width === 100
        ? 'At 100 you see GloVe’s own numbers.'
        : `GloVe has 100 numbers per word; at ${width} you see its ${width} leading principal components (the directions along which words differ most). Choose 100 for GloVe’s own numbers.`,
    heads: 'Heads',
    headsNote: (dK: number) =>
      `Each head gets d_k\u00a0=\u00a0${dK} ${dK === 1 ? 'number' : 'numbers'} per token.`,
    head: 'Head',
    headOption: (n: number) => `Head ${n}`,
    allHeads: 'All heads',
    allHeadsNote: 'One small heatmap per head.',
    causal: 'Causal mask',
    causalNote: 'A token sees only itself and the tokens before it.',
    scale: 'Scale by √d_k',
    scaleNote: 'Turn it off to watch the softmax saturate.',
    temperature: 'Temperature',
    temperatureNote: 'Below 1 sharpens the weights, above 1 flattens them.',
    temperatureValue: (t: string) => `τ = ${t}`,
    weights: 'Weights',
    weightOptions: {
      random: 'Random (untrained)',
      similarity: 'Similarity (queries = keys)',
      learned: 'Learned (English)',
    },
    weightsNote: {
      random: 'Random matrices, like a model before training: the attention means nothing yet.',
      similarity:
        'The query and key matrices are equal, so words with similar vectors attend to each other.',
      learned:
        'Heads this project trained to guess the next word of English text (the Brown corpus): each head learned its own way of looking.',
    },
    guideLabel: 'Head guide',
    patternPhrase: {
      previous: 'the previous word',
      next: 'the next word',
      self: 'the word itself',
      first: 'the first word',
      punctuation: 'punctuation',
    } as Record<string, string>,
    relationPhrase: (relation: string) => `the ${relation.replace(/-/g, ' → ')} relation`,
    guidePositional: (head: number, phrase: string, percent: string) =>
      `Head ${head} looks mostly at ${phrase}: ${percent} of its attention on average (held-out Brown text).`,
    guideRelation: (head: number, phrase: string, percent: string) =>
      `Head ${head} follows ${phrase}: its largest weight falls on the related word in ${percent} of cases (held-out Brown text).`,
    guideNone: (head: number, phrase: string, percent: string) =>
      `Head ${head} shows no clear pattern: its largest figure, ${percent} on ${phrase}, is not twice what an even spread would give (held-out Brown text).`,
    guideFigures: 'All figures of this head',
    figureColumn: 'Figure',
    headColumn: 'This head',
    chanceColumn: 'Chance (or a fixed-position baseline)',
    positionalRow: (phrase: string) => `Mean weight on ${phrase}`,
    relationRow: (relation: string, cases: number) =>
      `${relation.replace(/-/g, ' → ')}: largest weight on the related word (${cases} cases)`,
    learnedLoading: 'Loading the learned weights…',
    learnedFailed: (error: string) => `The learned weights could not be loaded: ${error}.`,
    learnedRetry: 'Try again',
    learnedNotCovered: (width: number, heads: number, nearestWidth: number, nearestHeads: number) =>
      `The learned heads were trained at width 8 (1 or 2 heads) and width 100 (4 heads), not at width ${width} with ${heads} head${heads === 1 ? '' : 's'}, so there is nothing to show. The nearest trained setting is width ${nearestWidth} with ${nearestHeads} head${nearestHeads === 1 ? '' : 's'}.`,
    learnedUseNearest: (width: number, heads: number) =>
      `Use width ${width}, ${heads} head${heads === 1 ? '' : 's'}`,
    learnedCausalNote:
      'The learned heads were trained with the causal mask on (to guess the next word, a word may only look back), so it stays on.',
    seed: 'Seed',
    seedNote: 'The same seed gives the same weights on every machine.',
    seedInvalid: (max: string) =>
      `The seed must be a whole number from 0 to ${max}. The weights keep the last valid seed.`,
    newSeed: 'New seed',
    positions: 'Positions',
    positionsNote: 'Add positional encodings, so word order matters.',
  },
} as const;
