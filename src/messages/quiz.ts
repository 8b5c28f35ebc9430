/**
 * Strings of "Predict, then reveal": the "Predict first" switch, the questions at the
 * Softmax and Weighted sum steps, and the reveal with its arithmetic. Numbers arrive
 * already formatted; sentences here only place them.
 */
import { stepNumber } from '../vocabulary/steps';

/** Curly quotes around a token, so that punctuation tokens ("." or ",") stay readable. */
const q = (token: string) => `“${token}”`;

/** "“a”", "“a” and “b”", "“a”, “b” and “c”". */
const quoted = (tokens: readonly string[]) => {
  const all = tokens.map(q);
  return all.length < 2
    ? (all[0] ?? '')
    : `${all.slice(0, -1).join(', ')} and ${all[all.length - 1]}`;
};

/** The quiz's English strings. */
export const quiz = {
  switchLabel: 'Predict first',
  switchNote:
    'At Softmax and Weighted sum, hide the results and ask you to predict them before showing them.',

  title: 'Predict, then reveal',
  score: (right: number, answered: number) =>
    answered === 0 ? 'No predictions yet' : `${right} of ${answered} right`,
  /** A token as a choice; `position` (1-based) tells apart the same word said twice. */
  token: (text: string, position: number | null) =>
    position === null ? text : `${text} (token ${position})`,
  component: (d: number) => `d${d}`,

  setupLabel: 'The question',
  kindLegend: 'Ask',
  kinds: {
    softmax: { token: 'Which token', number: 'One weight' },
    weighted: { token: 'Which token', number: 'One number' },
  },
  queryLabel: 'Attending token',
  keyLabel: 'Attended token',
  dimLabel: 'Component of the output',

  questions: {
    softmaxToken: (x: string) => `Which token will ${q(x)} attend to most?`,
    softmaxNumber: (x: string, y: string) => `What is the weight from ${q(x)} to ${q(y)}?`,
    weightedToken: (x: string) => `Whose value vector adds the most to the new vector of ${q(x)}?`,
    weightedNumber: (x: string, d: string) =>
      `What is component ${d} of the new vector of ${q(x)}?`,
  },
  hints: {
    softmaxToken: `Think back to the scores of step ${stepNumber('score')}, Score: softmax keeps their order, so the largest score gets the largest weight.`,
    softmaxNumber: (tolerance: string) =>
      `Work it out from the row’s scores (step ${stepNumber('score')}): weight = exp(s − max) ÷ the sum of exp(s − max) over the row. Within ±${tolerance} counts as right.`,
    weightedToken: `Each token adds its value vector times its weight. The one that adds most is the longest weighted vector: weight × length of the value vector. The weights are at step ${stepNumber('softmax')}, the values V at step ${stepNumber('qkv')}, “Queries, keys and values”.`,
    weightedNumber: (tolerance: string) =>
      `The new vector is the sum of weight × value vector: multiply each weight of step ${stepNumber('softmax')} by the same component of each value vector, and add. Within ±${tolerance} counts as right.`,
  },
  maskedChoice: 'hidden by the causal mask',
  maskedNote:
    'The causal mask hides the tokens after it, so they get a weight of exactly 0 and are not choices.',
  answerLabel: 'Your answer',
  check: 'Check',
  tryAgain: (answer: string) =>
    `Not quite: it is not ${q(answer)}. Look again and try once more; the answer shows after this try.`,
  skip: 'Show without predicting',
  another: 'Ask another',
  chooseFirst: 'Choose a token first.',
  emptyNumber: 'Type a number first, such as 0.25.',
  badNumber: (typed: string) =>
    `${q(typed)} is not a number: type one such as 0.25 or 0,25 (no letters or percent sign).`,
  covered:
    'Hidden until you predict: answer the question above, or choose “Show without predicting”.',

  verdicts: { right: 'Right!', wrong: 'Not quite.', shown: 'The answer' },
  youChose: (token: string) => `You chose ${q(token)}.`,
  youSaid: (typed: string) => `You said ${typed}.`,
  reveal: {
    softmaxToken: (x: string, best: readonly string[], weight: string) =>
      best.length > 1
        ? `${q(x)} attends most to ${quoted(best)}, tied at weight ${weight}: any of them is right.`
        : `${q(x)} attends most to ${quoted(best)}, with weight ${weight}.`,
    softmaxWhy: (score: string) =>
      `Its score, ${score}, is the largest of the row, and softmax keeps the order of the scores.`,
    softmaxNumber: (x: string, y: string, weight: string) =>
      `The weight from ${q(x)} to ${q(y)} is ${weight}.`,
    /** The weight of one token worked out: its exponential over the row's sum. */
    softmaxArithmetic: (y: string, exponent: string, exp: string, sum: string, weight: string) =>
      `For ${q(y)}: exp(${exponent}) = ${exp}; ${exp} ÷ ${sum} = ${weight}, where ${sum} is the sum of the exponentials of the row.`,
    weightedToken: (x: string, best: readonly string[]) =>
      best.length > 1
        ? `${quoted(best)} add the most to the new vector of ${q(x)}, tied: any of them is right.`
        : `${quoted(best)} adds the most to the new vector of ${q(x)}.`,
    weightedWhy: (weight: string, length: string, product: string) =>
      `Its weight ${weight} times the length of its value vector ${length} gives ${product}, the longest of the weighted vectors in the table below.`,
    contributionCaption: 'Each token’s weighted value vector: weight × length',
    contributionColumns: {
      token: 'token',
      weight: 'weight w',
      length: 'length ‖v‖',
      product: 'w × ‖v‖',
    },
    weightedNumber: (x: string, d: string, value: string) =>
      `Component ${d} of the new vector of ${q(x)} is ${value}.`,
    /** The sum written out, e.g. "0.41 × 0.20 + 0.59 × (−0.61) = −0.28". */
    weightedArithmetic: (
      terms: readonly { weight: string; value: string }[],
      total: string,
      /** True when only the largest terms are written. */
      more: boolean,
    ) =>
      `${terms.map((t) => `${t.weight} × ${t.value.startsWith('−') ? `(${t.value})` : t.value}`).join(' + ')}${more ? ' + … (the largest terms only)' : ''} = ${total}`,
    tolerance: (tolerance: string) => `Answers within ±${tolerance} count as right.`,
  },
  toWork: 'See all of the row’s arithmetic',
  toWorkNote: 'The row is selected: “Show the work” below has every number behind the answer.',
  noTokens: 'Type a sentence to get a question.',
};
