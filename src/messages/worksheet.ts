/**
 * Strings of the printable worksheet and its preview. Numbers arrive already formatted.
 * In the instructions and captions, "_X" marks a subscript (W_Q, d_k): the sheet renders it
 * as one, so a translation keeps the notation without markup.
 */

/** Curly quotes around a sentence or token. */
const q = (text: string) => `“${text}”`;

/** "A", "A and B", "A, B and C". */
function list(words: readonly string[]): string {
  const quoted = words.map(q);
  if (quoted.length <= 1) return quoted.join('');
  return `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}`;
}

/** The worksheet's English strings. */
export const worksheet = {
  // Opening and the preview's toolbar
  button: 'Worksheet',
  buttonDescription:
    'A printable handout with an answer key for the tokens of the sentence you choose',
  previewTitle: 'Worksheet preview',
  previewHint:
    'This is what will be printed: the students’ pages, then the answer key on its own page.',
  tokenCount: 'Tokens on the sheet',
  chooseTokens: (max: number) => `Which tokens (up to ${max})`,
  chooseHint: 'Each chosen token keeps its place in the sentence.',
  print: 'Print',
  close: 'Close',

  // Page 1: the task
  title: 'Self-attention by hand',
  name: 'Name',
  date: 'Date',
  sentence: (text: string) => `Sentence: ${q(text)}`,
  settings: (s: {
    dModel: number;
    dK: number;
    preset: string | null;
    seed: number | null;
    scale: boolean;
    causal: boolean;
    temperature: string;
  }) =>
    [
      `Width d_model = ${s.dModel}, one head with d_k = ${s.dK}`,
      s.preset !== null && s.seed !== null ? `${q(s.preset)} weights, seed ${s.seed}` : null,
      `scaling by √d_k ${s.scale ? 'on' : 'off'}`,
      `causal mask ${s.causal ? 'on' : 'off'}`,
      `temperature τ = ${s.temperature}`,
    ]
      .filter((part) => part !== null)
      .join('; ') + '.',
  settingsSource: 'The settings are the app’s, at width 4 with one head.',
  notesTitle: 'About these numbers',
  rounded: (decimals: number) =>
    `X and the weights are Attention Graph’s numbers rounded to ${decimals === 1 ? 'one decimal' : `${decimals} decimals`}.`,
  chosen: (words: readonly string[]) =>
    `The sheet covers ${list(words)}, chosen from the sentence; each keeps the position it has there.`,
  shortened: (kept: number) =>
    `The sentence is shortened to its first ${kept} tokens, so that the work fits on a page.`,
  unknownWords: (words: readonly string[]) =>
    `${list(words)} ${words.length === 1 ? 'is' : 'are'} not in GloVe, so ${words.length === 1 ? 'its vector is' : 'their vectors are'} made up, as in the app.`,
  madeUpVectors: 'The word-vector table was not loaded, so every vector is made up.',
  noPositions: 'Positions are off: X is the word vectors alone.',
  withPositions:
    'Each row of X is the word’s vector plus its position’s encoding, already added up.',

  instructionsTitle: 'What to do',
  steps: {
    project:
      'Queries, keys and values: Q = X · W_Q, K = X · W_K and V = X · W_V. Entry (i, j) is row i of X times column j of the weight matrix: multiply entry by entry and add up.',
    sameQK: 'Here W_Q = W_K, so K = Q: compute Q once and copy it.',
    scores:
      'Scores = Q · Kᵀ: entry (i, j) is row i of Q times row j of K. It says how well the query of token i matches the key of token j.',
    scale: (dK: number, root: string) =>
      `Scale: divide every score by √d_k = √${dK} = ${root}, so that the spread of the scores does not grow with d_k.`,
    noScale: 'Scaling by √d_k is off here: the scores go to the softmax as they are.',
    mask: 'Causal mask: a token may not look at later tokens. Every entry above the diagonal (column after row) becomes −∞, so its weight is 0.',
    softmax:
      'Softmax, one row at a time: subtract the row’s largest entry from each entry, take eˣ of each difference, and divide each eˣ by the sum of the row. Each row of weights adds up to 1.',
    softmaxTemperature: (tau: string) =>
      `Softmax, one row at a time: subtract the row’s largest entry from each entry, divide the difference by τ = ${tau}, take eˣ, and divide each eˣ by the sum of the row. Each row of weights adds up to 1.`,
    output:
      'Output = Weights · V: row i is token i’s weights times the rows of V, added up: a mix of the value vectors, most of the one it attends to most.',
    rounding: (qkvDigits: number, digits: number) =>
      `Q, K and V come out exact with ${qkvDigits} decimals. Keep every digit while you work, and write the other answers with ${digits} decimals; an answer within 0.01 of the key is right.`,
  },
  expHintTitle: 'eˣ for a few x (a calculator’s eˣ key is more precise)',
  expHintX: 'x',
  expHintExp: 'eˣ',

  givenTitle: 'Given',
  workTitle: 'Your work',
  page: (n: number) => `Page ${n}`,

  // Grids
  corner: 'token',
  dim: (d: number) => `d${d}`,
  shape: (rows: number, cols: number) => `${rows} × ${cols}`,
  grids: {
    x: 'X (the input)',
    wq: 'W_Q (query weights)',
    wk: 'W_K (key weights)',
    wv: 'W_V (value weights)',
    q: 'Q = X · W_Q',
    k: 'K = X · W_K',
    v: 'V = X · W_V',
    scores: 'Scores = Q · Kᵀ',
    scaled: (root: string) => `Scaled scores = Scores ÷ ${root}`,
    scaledMasked: (root: string) => `Scaled scores = Scores ÷ ${root}, masked`,
    masked: 'Masked scores',
    weights: 'Weights = softmax of each row',
    output: 'Output = Weights · V',
  },
  rowsHint: 'Rows: the token that attends; columns: the token attended to.',

  // The answer key
  keyTitle: 'Answer key',
  keyIntro:
    'Computed by Attention Graph from the rounded inputs on the first page, with the same code the app runs.',
  unrounded: (difference: string) =>
    `With the unrounded inputs, the app’s weights differ from this key by at most ${difference}.`,
  checkInApp: (sentence: string, dModel: number) =>
    `To see the unrounded numbers in the app: type ${q(sentence)}, and set Model width to ${dModel} and Heads to 1.`,
  noTokens: 'Type a sentence first: the worksheet needs at least one token.',
  /** The Worksheet button's tooltip while the word-vector table loads. */
  waitForVectors: 'The worksheet is ready once the word vectors have loaded.',
} as const;
