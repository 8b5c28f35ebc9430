/**
 * Strings of lesson links: the share bar (copy, QR code) and the notice that lists what a
 * partly unreadable link could not restore. Functions take values already formatted for
 * display, so a translation never formats a number itself.
 */

/** Why one part of a lesson link was not used, keyed by what was wrong. */
export interface LinkReasons {
  readonly unknownKey: string;
  readonly width: (options: string) => string;
  readonly heads: (options: string) => string;
  readonly seed: (max: string) => string;
  readonly boolean: string;
  readonly temperature: (min: string, max: string, step: string) => string;
  readonly weights: (options: string) => string;
  readonly step: (options: string) => string;
  readonly stepNeedsHeads: string;
  readonly head: (heads: number) => string;
  readonly selection: (max: string) => string;
  readonly outsideTokens: (tokens: number) => string;
  readonly layout: (options: string) => string;
  readonly threshold: string;
  readonly topK: (max: string) => string;
  readonly focus: (max: string) => string;
  readonly follow: (max: string) => string;
  readonly direction: (options: string) => string;
  readonly lang: (options: string) => string;
}

/** The reasons, typed by the interface so each function's parameters are named once. */
const reasons: LinkReasons = {
  unknownKey: 'this is not a setting of the app',
  width: (options) => `the model width must be one of ${options}`,
  heads: (options) => `the number of heads must be one of ${options}`,
  seed: (max) => `the seed must be a whole number from 0 to ${max}`,
  boolean: 'it must be 1 (on) or 0 (off)',
  temperature: (min, max, step) =>
    `the temperature must be from ${min} to ${max}, in steps of ${step}`,
  weights: (options) => `the weights must be one of ${options}`,
  step: (options) => `the step must be one of ${options}`,
  stepNeedsHeads: 'that step exists only with more than one head',
  head: (heads) =>
    heads === 1
      ? 'with one head the head must be 0'
      : `with ${heads} heads the head must be a whole number from 0 to ${heads - 1}`,
  selection: (max) =>
    `the selected cell must be two token numbers such as 1-2, each from 0 to ${max}`,
  outsideTokens: (tokens) =>
    `the sentence has only ${tokens} ${tokens === 1 ? 'token' : 'tokens'} (numbered from 0)`,
  layout: (options) => `the graph layout must be one of ${options}`,
  threshold: 'the weight threshold must be from 0 to 1, in steps of 0.01',
  topK: (max) => `“strongest per token” must be a whole number from 0 to ${max}`,
  focus: (max) => `the focused token must be a whole number from 0 to ${max}`,
  follow: (max) =>
    `“Follow one token” must be a token number from 0 to ${max}, then a frame number, such as 3-2`,
  direction: (options) => `the edges shown must be one of ${options}`,
  lang: (options) => `the language must be one of ${options}`,
};

/** Strings of the share bar and the link notice. */
export const share = {
  barLabel: 'Share this view',
  copy: 'Copy link',
  copied: 'Link copied',
  copyManually: 'Press Ctrl+C (⌘C on a Mac) to copy the selected link.',
  linkLabel: 'Link to this view',
  qr: 'QR code',
  embed: 'Embed',
  embedDescription:
    'Copy the code of a compact view (sentence, steps, heatmap and graph) for a page or a slide',
  embedCopied: 'Embed code copied: paste it into your page',
  embedCopyManually: 'Press Ctrl+C (⌘C on a Mac) to copy the selected embed code.',
  embedCodeLabel: 'Embed code',
  /** The iframe's title: what a screen reader says the frame is. */
  embedFrameTitle: 'Attention Graph: self-attention, step by step',
  embedBarLabel: 'Embedded view',
  fullscreen: 'Full screen',
  exitFullscreen: 'Leave full screen',
  openFull: 'Open in Attention Graph',
  qrLabel: 'QR code of the link to this view',
  qrLoading: 'Drawing the QR code…',
  qrTooLong: (bytes: string, max: string) =>
    `This link is too long for a QR code (${bytes} bytes; at most ${max} fit). Shorten the sentence, or copy the link instead.`,
  qrFailed: (reason: string) => `The QR code could not be drawn (${reason}).`,
  qrDense:
    'This code is dense because the sentence is long: phones read it from closer, or from a shorter sentence.',
  notice: {
    label: 'Link notice',
    intro: 'Some of this link could not be read, so defaults are used for:',
    dismiss: 'Dismiss',
  },
  problems: {
    /** `key=value` was not used; `reason` says what a valid value is. */
    ignored: (part: string, reason: string) => `Ignored ${part}: ${reason}`,
    /** `part` was moved to the nearest value the controls can show. */
    rounded: (part: string, value: string, reason: string) =>
      `Changed ${part} to ${value}: ${reason}`,
    duplicate: (key: string, times: number) =>
      `“${key}” appears ${times} times; the last one is used`,
    damagedText: 'Some characters of the sentence were damaged in the link and show as �',
    reasons,
  },
};

/** The strings `decodeLessonLink` writes its problems with. */
export type LinkProblemMessages = (typeof share)['problems'];
