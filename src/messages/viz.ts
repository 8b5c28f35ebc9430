/** Strings of the attention views: the heatmap, the all-heads view and the directed graph. */
import { stepNumber } from '../vocabulary/steps';
export const viz = {
  // Shared
  waitingForVectors: 'The heatmap and the graph appear once the word vectors have loaded.',
  emptyText: 'Type a sentence to see who attends to whom.',
  /** "tennis → love": query (attending) token, then key (attended) token. */
  pair: (query: string, key: string) => `${query} → ${key}`,

  // Heatmap
  heatmapTitle: 'Attention heatmap',
  /** Accessible name of the heatmap's SVG (part of the automation contract: keep it). */
  heatmapLabel: 'Attention heatmap',
  headOf: (head: number, heads: number) => `Head ${head + 1} of ${heads}`,
  queryAxis: 'query (attends)',
  keyAxis: 'key (attended to)',
  rowSumHeader: 'Σ row',
  rowSumTitle: (token: string, sum: string) => `The weights of “${token}” add up to ${sum}`,
  scoresAppear: `Scores appear at step ${stepNumber('score')}, Score.`,
  modeGroup: 'Heatmap values',
  modes: {
    scores: 'QKᵀ',
    scaled: '÷ √d_k',
    masked: 'masked',
    weights: 'softmax',
  },
  modeNames: {
    scores: 'raw scores QKᵀ',
    scaled: 'scaled scores QKᵀ ÷ √d_k',
    masked: 'scaled scores with the causal mask',
    weights: 'attention weights (softmax of each row)',
  },
  modeExplanations: {
    scores:
      'Raw scores: each cell is the dot product of a query (row) with a key (column). Positive means a match.',
    scaled: (dK: number, root: string) =>
      `Scaled scores: every raw score divided by √d_k = √${dK} ≈ ${root}, which keeps the softmax from saturating. Compare the legend’s range with that of the raw scores.`,
    masked:
      'The causal mask: a token may not look at tokens after it, so those scores become −∞ (hatched) and will get weight 0.',
    weights:
      'Attention weights: the softmax of each row. Every row adds up to 1 (see the column on the right); brighter means more attention.',
  },
  cellValue: (query: string, key: string, value: string) => `${query} → ${key}: ${value}`,
  cellMasked: (query: string, key: string) =>
    `${query} → ${key}: masked (−∞). “${key}” comes after “${query}”, so the causal mask hides it.`,
  cellMaskedWeight: (query: string, key: string) =>
    `${query} → ${key}: 0 (masked by the causal mask)`,
  readout: (query: string, key: string, value: string) => `“${query}” → “${key}”: ${value}`,
  heatmapHelp:
    'Hover, tap or arrow-key to a cell to read it; click or press Enter to open its arithmetic.',
  /** Read-out of a hovered axis label (long inputs label only every nth token). */
  readoutToken: (index: number, token: string) => `Token ${index + 1}: “${token}”`,
  labelsThinned: (stride: number) =>
    `${stride === 2 ? 'Every other token is' : `Every ${stride}th token is`} labelled; point at a row or a column to read its token.`,
  sumsLeftOut:
    'The row-sum column is left out so that every column fits; each row still adds up to 1.',
  longInputNote: (tokens: number, max: number) =>
    `The hidden number tables stop at ${max} tokens and this text has ${tokens}: every number (Q, K, V, scores, weights, outputs) is in the trace, as JSON.`,
  downloadTrace: 'Download the trace (JSON)',
  legendScores: 'score',
  legendWeights: 'attention weight',
  legendMasked: 'masked (−∞)',
  legendMaskedWeight: 'masked (weight 0)',
  legendScale: (low: string, high: string, what: string) =>
    `Colour scale of the ${what}, from ${low} to ${high}`,
  allHeadsTitle: 'All heads',
  allHeadsHelp: 'Click a head to show it in full below and in the graph.',
  headTitle: (head: number) => `Head ${head + 1}`,

  // Graph
  graphTitle: 'Attention graph',
  /** Accessible name of the graph's SVG (part of the automation contract: keep it). */
  graphLabel: 'Attention graph',
  controlsLabel: 'Graph settings',
  layoutLabel: 'Layout',
  layouts: {
    line: 'Line (reading order)',
    circle: 'Circle',
    force: 'Force',
  },
  /** The line layout's option when the text is too long for it. */
  lineTooLong: (max: number) => `Line (up to ${max} tokens)`,
  thresholdLabel: 'Weight threshold',
  topKLabel: 'Strongest per token',
  topKHint: '0 = no limit',
  everyEdgeLabel: 'Show every edge',
  /** The status line when only the covering edges are drawn; `percent` is a whole number. */
  covering: (percent: number, most: number) =>
    `Each token’s strongest edges, at most ${most}, until they carry ${percent} % of its attention.`,
  directionLabel: 'Show edges',
  directions: {
    out: 'outgoing',
    in: 'incoming',
  },
  focusHint: 'Click a token to see only its edges.',
  focused: (token: string, direction: 'out' | 'in') =>
    direction === 'out'
      ? `Showing where “${token}” looks (its outgoing edges).`
      : `Showing who looks at “${token}” (its incoming edges).`,
  clearFocus: 'Show every token',
  edgesAppear: `Edges appear at step ${stepNumber('softmax')}, Softmax.`,
  edgeCount: (shown: number, total: number) =>
    shown === total ? `${shown} edge${shown === 1 ? '' : 's'}` : `${shown} of ${total} edges`,
  capped: (perToken: number) =>
    `Long input: showing each token’s ${perToken} strongest edge${perToken === 1 ? '' : 's'}.`,
  noEdges: 'No edge passes the threshold: lower it to see more.',
  /** The disclosure that holds the graph's legend. */
  legendSummary: 'How to read the graph',
  legendArrow: 'An arrow from A to B: A attends to B; thicker = more attention.',
  legendLineHorizontal:
    'Arcs above the tokens point to later tokens, arcs below to earlier ones; a small loop is a token attending to itself.',
  legendLineVertical:
    'Arcs on the right point to later tokens, arcs on the left to earlier ones; a small loop is a token attending to itself.',
  legendOther: 'A small loop is a token attending to itself.',
  nodeTitle: (token: string, known: boolean) =>
    known
      ? `“${token}”: click to show only its edges`
      : `“${token}” (no GloVe vector: made-up): click to show only its edges`,
  edgeTitle: (query: string, key: string, weight: string) =>
    `${query} attends to ${key}: ${weight}`,
  edgeTooltip: (query: string, key: string, weight: string) => `${query} → ${key}  ${weight}`,
} as const;
