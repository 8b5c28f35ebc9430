/** Strings of the app's safety nets: a panel that failed, and characters left out of the tokens. */

/** The panels a `PanelBoundary` guards, by the name its messages use. */
export type PanelName =
  | 'sentence'
  | 'steps'
  | 'explanation'
  | 'views'
  | 'heatmap'
  | 'graph'
  | 'concat'
  | 'work'
  | 'matrices'
  | 'settings'
  | 'tables'
  | 'lab';

/** English strings of the safety nets: panel failures and characters left out of the tokens. */
export const reliability = {
  /** What failed, in a sentence that ends before the error's own message. */
  panelFailed: {
    sentence: 'The sentence panel could not be shown',
    steps: 'The steps could not be shown',
    explanation: 'The explanation could not be shown',
    views: 'The heatmap and the graph could not be shown',
    heatmap: 'The heatmap could not be drawn',
    graph: 'The graph could not be drawn',
    concat: 'The heads’ concatenation could not be shown',
    work: 'The worked arithmetic could not be shown',
    matrices: 'The matrices could not be shown',
    settings: 'The settings could not be shown',
    tables: 'The number tables could not be shown',
    lab: 'The Attention Lab could not be shown',
  } satisfies Record<PanelName, string>,
  failedWith: (what: string, reason: string) => `${what}: ${reason}`,
  unknownReason: 'unknown error',
  keptNote: 'Your sentence is kept; the rest of the page still works.',
  reset: 'Reset',
  /**
   * Controls, invisible format characters and halves of broken characters that are not
   * tokens, counted so that they never vanish without a word.
   */
  leftOut: (count: number) =>
    count === 1
      ? '1 invisible character (a control or format character, or half of a broken character) is not a token and was left out.'
      : `${count} invisible characters (control or format characters, or halves of broken characters) are not tokens and were left out.`,
  noTokens: 'This text has no tokens: only spaces and invisible characters.',
  /**
   * What the page says when the app cannot run at all. vite.config.ts writes these into
   * index.html at build time, in every language at once (no script runs to choose one).
   */
  boot: {
    needsJavaScript:
      'Attention Graph needs JavaScript, and it is turned off for this page. Turn it on for this site, then reload.',
    cannotStart:
      'Attention Graph has not started. It needs JavaScript and a recent browser (Chrome, Edge, Firefox or Safari from 2023 on), and it must run in a tab of its own: a frame inside another page may not let it start. Reload, or open this address in a new tab.',
    /** After the app started but its frame failed; `reason` is the error's message. */
    crashed: (reason: string) =>
      `Attention Graph stopped because of an error (${reason}). Reload the page: the lesson link in the address bar keeps your sentence and view.`,
  },
  /** Code loaded on demand (a panel, the worksheet, the quiz's question) that could not be had. */
  lazy: {
    parts: {
      worksheet: 'The worksheet could not be opened',
      quiz: 'The question could not be shown',
    },
    notDownloaded: 'its code could not be downloaded (is the connection down?)',
    tryAgain: 'Try again',
    close: 'Close',
    newVersion:
      'A new version of Attention Graph has been published since this page was opened: reload to use it. Your sentence and view are kept.',
    reload: 'Reload',
  },
  /** The link notice's last line when it lists only the first problems; `count` is formatted. */
  moreProblems: (count: string) => `…and ${count} more.`,
  /** The share bar's note when the text is longer than a link can carry; counts are formatted. */
  linkCut: (carried: string, total: string) =>
    `This text is too long for a link: the link carries its first ${carried} of ${total} tokens. The whole text stays in this tab, also after a reload.`,
  /** The offer to bring back the user's own text after something replaced it. */
  replaced: {
    label: 'Your earlier text',
    byExample: (start: string) => `An example replaced your text (“${start}”).`,
    byLink: (start: string) => `A link replaced your text (“${start}”).`,
    undone: (start: string) =>
      `Your text is back; the text it replaced (“${start}”) is one click away.`,
    undo: 'Undo',
    redo: 'Redo',
    dismiss: 'Dismiss',
  },
} as const;
