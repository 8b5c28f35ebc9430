/**
 * Strings of the numbers panels: the matrix grids, the "Show the work" panel and the
 * accessible data tables. Numbers arrive already formatted; sentences here only place them.
 */

/** Curly quotes around a token, so that punctuation tokens ("." or ",") stay readable. */
const q = (token: string) => `“${token}”`;

/** The numbers panels' English strings; functions take already formatted numbers. */
export const numbers = {
  // Matrix grids
  dim: (d: number) => `d${d}`,
  shape: (name: string, rows: number, cols: number) => `${name} (${rows} × ${cols})`,
  gridLabel: (shape: string) => `${shape}: use the arrow keys to read the values`,
  readout: (row: string, column: string, value: string) => `row ${row}, ${column}: ${value}`,
  readoutHint: 'Hover a cell for all its digits; or focus the grid and use the arrow keys.',
  readoutHintColour:
    'Too wide for numbers: hover a cell, or focus the grid and use the arrow keys, to read its value.',
  unknownRow: 'not in GloVe, so a made-up vector',
  /** Over the right edge of a grid wider than its box: more columns lie that way. */
  scrollMore: 'scroll →',

  // Matrices panel
  matricesTitle: 'Matrices',
  matricesTabs: 'Matrices to show',
  noTokens: 'Type a sentence to see its matrices.',
  groups: {
    embeddings: 'Embeddings',
    qkv: 'Q, K, V',
    weights: 'wq, wk, wv',
    head: 'Weighted sum',
    multi: 'Output projection',
  },
  headSuffix: (head: number, heads: number) => (heads > 1 ? `, head ${head + 1} of ${heads}` : ''),
  concatViewTitle: 'The heads side by side',
  concatViewLead: (heads: number, dK: number) =>
    `Each of the ${heads} heads gave every token a new vector of ${dK} numbers. Concatenating puts them side by side: one row per token, one band of ${dK} columns per head.`,
  concatViewTable: 'Concatenation of the heads’ outputs',
  concatViewHead: (head: number) => `head ${head}`,
  concatViewMoreRows: (shown: number, total: number) =>
    `The first ${shown} of ${total} tokens; the matrices below have every row.`,
  concatViewProjection: (T: number, cols: number, width: number) =>
    `Then the projection mixes the heads: concat (${T} × ${cols}) · wo (${cols} × ${width}) = the final output (${T} × ${width}), one row per token at the model’s width.`,
  matrices: {
    embeddings: 'word vectors, one row per token',
    positions: 'sinusoidal positional encodings, one row per position',
    input: 'input X = E + P: what the heads read',
    inputNoPositions: 'input X = E (positions are off)',
    wq: 'query weights: turn a token vector into a query',
    wk: 'key weights: turn a token vector into a key',
    wv: 'value weights: turn a token vector into a value',
    q: 'queries: Q = X · wq, what each token looks for',
    k: 'keys: K = X · wk, what each token offers to be found by',
    v: 'values: V = X · wv, what each token hands over',
    output: 'head output: weights · V, each token’s new vector',
    concat: 'the heads’ outputs side by side',
    wo: 'output weights: mix the heads back to the model width',
    final: 'final output: concat · wo',
  },
  pcaNote: (width: number) =>
    `At width ${width} each row holds the coordinates of the word’s GloVe vector on the table’s ${width} leading principal components, not GloVe’s own numbers.`,
  gloveNote: 'At width 100 each row holds GloVe’s own 100 numbers for the word.',
  madeUpNote: 'The word-vector table is not loaded: every token uses a made-up vector.',
  similarityNote:
    'Similarity preset: wq = wk, so a query and a key live in the same space and each token scores highest with tokens like itself.',
  sameQKNote:
    'Similarity preset: wq = wk, so Q and K are the same matrix and every score compares two tokens in one space.',
  headDimNote: (dModel: number, dK: number, heads: number) =>
    heads > 1
      ? `Each of the ${heads} heads gets d_k = ${dK} of the model’s ${dModel} dimensions.`
      : '',

  // Show the work
  workTitle: 'Show the work',
  workHint: 'Click a cell of the heatmap or an edge of the graph to see the arithmetic behind it.',
  workNotYet:
    'The arithmetic starts at the step that crafts queries, keys and values: move on to see it.',
  close: 'Close',
  closeLabel: 'Close the arithmetic',
  pair: (from: string, to: string) => `${from} → ${to}`,
  pairMeaning: (from: string, to: string, head: number, heads: number) =>
    `${q(from)} attends to ${q(to)}${heads > 1 ? `, in head ${head + 1}` : ''}.`,
  fullValueHint: 'Rounded to 4 decimals; hover a number for all its digits.',

  scoreTitle: 'Score: the query of one token dotted with the key of another',
  scoreIntro: (from: string, to: string) =>
    `Multiply the query of ${q(from)} and the key of ${q(to)} dimension by dimension, then add the products up.`,
  scoreColumns: {
    dim: 'dimension',
    q: (from: string) => `q (${from})`,
    k: (to: string) => `k (${to})`,
    product: 'q × k',
  },
  scoreSum: 'sum = score',
  scaleLine: 'Divide by √d_k so that the spread of the scores does not grow with d_k:',
  scaleRoot: (dK: number) => `√${dK}`,
  scaledResult: 'scaled score',
  scaleOff: 'Scaling by √d_k is off: the score goes to softmax unchanged.',
  maskedNote: (from: string, to: string) =>
    `The causal mask hides ${q(to)} from ${q(from)}, because it comes later in the sentence: this score becomes −∞, so its weight after softmax is exactly 0.`,

  softmaxTitle: 'Softmax: the row of scores becomes weights that add up to 1',
  softmaxIntro: (from: string) =>
    `Take every score in the row of ${q(from)}, subtract the largest so that no exponential overflows, exponentiate, and divide each exponential by their sum.`,
  temperatureNote: (tau: string) =>
    `The temperature τ = ${tau} divides every difference before exponentiating: below 1 it sharpens the weights, above 1 it flattens them.`,
  maxLine: (max: string, token: string) => `max = ${max} (${q(token)})`,
  softmaxColumns: {
    token: 'token',
    score: 'score s',
    difference: 's − max',
    exponent: '(s − max) / τ',
    exp: (withTau: boolean) => (withTau ? 'exp((s − max) / τ)' : 'exp(s − max)'),
    weight: 'weight = exp ÷ sum',
  },
  softmaxSum: 'sum',
  maskedExp: 'masked: exp(−∞) = 0',

  weightedTitle: 'Weighted sum: the weights mix the value vectors',
  weightedIntro: (from: string) =>
    `Multiply each token’s value vector by the weight ${q(from)} gives it, then add the weighted vectors up: the result is the new vector of ${q(from)}.`,
  weightedColumns: {
    token: 'token',
    weight: 'weight w',
    value: 'value v',
    term: 'w × v',
  },
  weightedSum: (from: string) => `sum = output of ${q(from)}`,

  projectionTitle: 'Output projection: the heads are joined and mixed by wo',
  projectionIntro: (from: string, heads: number) =>
    `The ${heads} heads’ outputs for ${q(from)} are placed side by side (concat), then each entry of the final output is concat times one column of wo.`,
  projectionColumn: 'Output column',
  projectionIndex: (head: number, d: number) => `head ${head + 1}, d${d}`,
  projectionColumns: {
    index: 'concat entry',
    concat: 'concat',
    wo: (column: string) => `wo (·, ${column})`,
    product: 'concat × wo',
  },
  projectionSum: (column: string) => `sum = final output, ${column}`,
  projectionRow: (from: string) => `Final output row of ${q(from)}:`,

  // Data tables
  tablesTitle: 'The numbers as tables',
  tables: {
    q: 'Queries (Q)',
    k: 'Keys (K)',
    v: 'Values (V)',
    scores: 'Scores',
    weights: 'Attention weights',
    output: 'Output',
    final: 'Final output',
  },
  tableCaptions: {
    q: (head: string) => `Queries Q = X · wq${head}: one row per token, one column per dimension.`,
    k: (head: string) => `Keys K = X · wk${head}: one row per token, one column per dimension.`,
    v: (head: string) => `Values V = X · wv${head}: one row per token, one column per dimension.`,
    scores: (head: string, divisor: string | null, causal: boolean) =>
      `Scores${head}: q · k${divisor ? ` divided by √d_k = ${divisor}` : ''}, as softmax receives them; rows attend, columns are attended to${causal ? '; −∞ where the causal mask hides a later token' : ''}.`,
    weights: (head: string) =>
      `Attention weights${head}: softmax of each row of scores; each row adds up to 1.`,
    output: (head: string) => `Output${head}: weights · V, each token’s new vector.`,
    final: 'Final output: the heads’ outputs side by side, times wo.',
  },
  tableCorner: 'token',
  tablesTooLong: (tokens: number, max: number) =>
    `The number tables cover sentences of up to ${max} tokens; this one has ${tokens}. Every number is in the trace: use the “Download the trace (JSON)” button below the attention heatmap.`,
} as const;
