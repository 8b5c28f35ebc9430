/**
 * Strings of "Follow one token": the guided story of one query token, frame by frame (its
 * query meets each key, the scores as bars, the softmax, the weighted sum, the arrows).
 * Functions take token texts and numbers already formatted for display.
 */
export const follow = {
  button: 'Follow one token',
  buttonHint: 'Step through one token’s attention, with the real numbers. Key: F',
  title: 'Follow one token',
  tokenLabel: 'Token',
  /** An option of the token picker: "3 · it" (numbered from 1, as people count). */
  tokenOption: (n: number, text: string) => `${n} · ${text}`,
  head: (head: number, heads: number) => `Head ${head} of ${heads}`,
  close: 'Close',
  previous: 'Previous',
  next: 'Next',
  framesLabel: 'Frames',
  /** The frame indicator: "3 / 14". */
  indicator: (n: number, total: number) => `${n} / ${total}`,
  indicatorLabel: (n: number, total: number) => `Frame ${n} of ${total}`,
  keysHint: 'Next: → Space Page Down · Back: ← Page Up · Esc: close',
  /** Frame titles and their one or two sentences. */
  meetTitle: (query: string, key: string) => `The query of “${query}” meets the key of “${key}”`,
  meetText: (query: string, key: string) =>
    `Multiply q (of “${query}”) and k (of “${key}”) number by number and add the products: that sum is the score, how well the key matches the query.`,
  meetScaled: (sqrt: string) =>
    `Then the score is divided by √d_k = ${sqrt}, so it does not grow with the width.`,
  meetUnscaled: 'Scaling by √d_k is off: the score is used as it is.',
  barsTitle: 'The scores become bars',
  barsText:
    'One bar per key: the higher the score, the longer the bar. A bar to the left is a negative score.',
  barsMasked: 'The causal mask hides the later tokens: they get no bar.',
  softmaxTitle: 'Softmax turns the bars into weights',
  softmaxText: (temperature: string) =>
    `Each weight is e^(score ÷ τ) divided by the sum over all keys (τ = ${temperature}): every weight is between 0 and 1, and together they make 1.`,
  mixTitle: 'The values, weighted, add into the new vector',
  mixText: (query: string) =>
    `Each key’s value vector v is multiplied by its weight; the weighted vectors are added, number by number, into the new vector of “${query}”.`,
  arrowsTitle: (query: string) => `The arrows of “${query}”`,
  arrowsText:
    'The graph draws one arrow from the token to each token it attends to, as thick as the weight.',
  /** Column headers and row labels. */
  dimension: 'd',
  query: 'q',
  key: 'k',
  product: 'q × k',
  score: 'Score',
  scaled: 'Score ÷ √d_k',
  keyToken: 'Key',
  weight: 'Weight',
  value: 'Value v',
  weighted: 'Weight × v',
  sum: 'Sum',
  weightSum: 'Sum of the weights',
  newVector: 'New vector',
  masked: 'masked',
  /** The row that stands for terms not shown: "… 92 more". */
  more: (n: number) => `… ${n} more`,
  allKeys: 'Every key’s score',
  arrowsLabel: (query: string) => `Arrows of “${query}”`,
} as const;
