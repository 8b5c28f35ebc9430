/**
 * Strings of the Attention Lab: its controls, the tasks' cards, the pictures and the curve.
 * Functions take numbers already formatted for display.
 */

/** The English strings of the Lab. */
export const lab = {
  open: 'Attention Lab',
  back: 'Back to the walkthrough',
  title: 'Attention Lab: watch attention learn',
  intro:
    'Pick a task whose right answer is known, press Train, and watch the attention of one example move from noise to the pattern that solves it.',
  task: 'Task',
  taskNames: {
    lookup: 'Look up a book',
    previous: 'Copy the previous token',
    reverse: 'Reverse the sequence',
    induction: 'Induction: continue a repeat',
  },
  cards: {
    lookup: {
      what: 'A shelf of books: "B7" is a book with key B and content 7. At the end comes a question, "B?": which content has the book with key B? The model must answer 7.',
      pattern:
        'The question must put its attention on the book with the same key, and copy that book’s content. That is exactly what a query and a key are for.',
      tryThis:
        'Train it and watch the row of the question light up on the matching book. Then press "Step through this head" to see the scores that make it happen.',
    },
    previous: {
      what: 'A row of letters. At each position the answer is the letter just before it.',
      pattern:
        'Every token must attend to the token one step back: a stripe just below the diagonal.',
      tryThis:
        'Turn the position embeddings off and train again: why does it fail? Without positions, all tokens look alike wherever they stand.',
    },
    reverse: {
      what: 'A row of letters, all visible at once. Position 1 answers the last letter, position 2 the one before last, and so on.',
      pattern: 'Each position attends to its mirror position: the anti-diagonal.',
      tryThis: 'Turn the position embeddings off: can it still work?',
    },
    induction: {
      what: 'A random stretch of letters appears twice. In the second copy, each letter must predict the letter that followed it the first time.',
      pattern:
        'Two layers work together: the first looks at the previous token, the second finds where the current letter appeared before and copies what came next.',
      tryThis:
        'Train induction with one layer: it must fail. One head alone cannot both look back one step and look for a match.',
    },
  },
  taskCard: 'About this task',
  whatLabel: 'The task',
  patternLabel: 'The pattern to learn',
  tryLabel: 'Try this',
  train: 'Train',
  pause: 'Pause',
  step: 'Step',
  reset: 'Reset',
  speed: 'Speed',
  speedNames: ['Watch', 'Slow', 'Medium', 'Fast', 'Full speed'],
  settings: 'Model',
  layers: 'Layers',
  heads: 'Heads per layer',
  width: 'Width',
  lr: 'Learning rate',
  seed: 'Seed',
  positions: 'Position embeddings',
  status: 'Training status',
  stepLabel: 'Step',
  lossLabel: 'Loss',
  accuracyLabel: 'Held-out accuracy',
  statusText: (step: string, loss: string, accuracy: string) =>
    `Step ${step}, loss ${loss}, held-out accuracy ${accuracy}`,
  starting: 'Preparing the model…',
  failed: (message: string) => `Training stopped: ${message}`,
  view: 'Head shown',
  layerHead: (layer: number, head: number) => `Layer ${layer}, head ${head}`,
  example: 'Example',
  exampleHelp: 'Type the task’s symbols separated by spaces, or draw a new random example.',
  newExample: 'New example',
  exampleInvalid: 'That is not a sequence of this task; the example was not changed.',
  symbols: (list: string) => `Symbols: ${list}`,
  heatmap: 'Lab attention heatmap',
  graph: 'Lab attention graph',
  knownHeatmap: 'Known pattern heatmap',
  knownGraph: 'Known pattern graph',
  learned: 'What the model attends to',
  known: 'The pattern that solves it',
  noPattern: 'This layer has no fixed pattern to learn.',
  curve: 'Training curve',
  curveLoss: 'loss (log scale)',
  curveAccuracy: 'accuracy',
  curveStep: 'step',
  stepThrough: 'Step through this head',
  labModel: (task: string, layer: number, head: number, step: string) =>
    `This walkthrough shows a trained Lab model: ${task}, layer ${layer}, head ${head}, after ${step} steps.`,
  backToLab: 'Back to the Lab',
  matchTitle: 'What the weights learned',
  matchHelp:
    'How much a query of one token (row) matches a key of another (column), read from the weights alone.',
  matchTokens: 'Token query–key match',
  matchPositions: 'Position query–key match',
  timeline: 'Timeline',
  timelineHelp: 'Look back at the attention and the weights at an earlier step.',
  timelineValue: (step: string) => `Showing step ${step}`,
  exportCurve: 'Curve',
  exportModel: 'Trained model (JSON)',
} as const;
