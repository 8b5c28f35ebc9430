/**
 * Typing stays responsive at any length: while the user types into a long text, the
 * panels wait for a pause in the typing before they follow it.
 *
 * Each panel update of a long text ends in a commit the browser cannot interrupt (tens of
 * thousands of DOM changes at 512 tokens: 80–400 ms on a busy laptop). Rendered on every
 * keystroke, those commits are the long tasks that make the text box stutter. So a
 * keystroke-sized edit (one character typed or deleted, an IME composition step) of a
 * text whose trace has `HEAVY_TOKENS` tokens or more holds the panels' update until no
 * key has come for `TYPING_PAUSE_MS`; then every panel follows in one update. Larger
 * edits (a paste, a drop, an example, a link, Undo of a paragraph) and short texts update
 * at once, as before. The text box itself is never held: it is the browser's own.
 *
 * Pure timing state with no React and no store: the sentence box reports edits
 * (`noteEdit`), and the trace hook asks before handing a new trace to the panels
 * (`holdWhileTyping`).
 */

/** From this many tokens a panel update is held while the user types (below it, updates stay cheap). */
export const HEAVY_TOKENS = 128;

/** How long the keys must rest before held panel updates go through, in milliseconds. */
export const TYPING_PAUSE_MS = 300;

/** When the last keystroke-sized edit happened (performance.now()), or -Infinity. */
let lastKeystroke = Number.NEGATIVE_INFINITY;

/** Updates held until the pause, by the panel (hook) they belong to: the latest wins. */
const held = new Map<object, () => void>();
let timer: ReturnType<typeof setTimeout> | undefined;

const now = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

/** Input types of an edit a single key makes (Input Events Level 2). */
const KEYSTROKE_TYPES = new Set([
  'insertText',
  'insertCompositionText',
  'insertReplacementText',
  'insertLineBreak',
  'insertParagraph',
  'deleteContentBackward',
  'deleteContentForward',
  'deleteWordBackward',
  'deleteWordForward',
  'deleteSoftLineBackward',
  'deleteSoftLineForward',
  'deleteHardLineBackward',
  'deleteHardLineForward',
]);

/**
 * True when `event` (the text box's `input` event) is an edit one key makes: a short
 * insert or a delete. A paste, a drop, undo and a script's one-off insert of a whole
 * sentence are not.
 */
export function isKeystroke(event: { inputType?: string; data?: string | null }): boolean {
  const type = event.inputType ?? '';
  if (!KEYSTROKE_TYPES.has(type)) return false;
  // Typed text arrives a character (or an IME's few characters) at a time; an
  // insertText of a whole sentence is a program filling the box, not a key.
  return !type.startsWith('insert') || (event.data ?? '').length <= 4;
}

/** Records an edit of the text box (call it from its `input` handler, before the store changes). */
export function noteEdit(event: { inputType?: string; data?: string | null }): void {
  lastKeystroke = isKeystroke(event) ? now() : Number.NEGATIVE_INFINITY;
}

/** True while the user is typing: the last edit was a keystroke, less than the pause ago. */
export function isTyping(at: number = now()): boolean {
  return at - lastKeystroke < TYPING_PAUSE_MS;
}

function release(): void {
  timer = undefined;
  const wait = TYPING_PAUSE_MS - (now() - lastKeystroke);
  if (wait > 0) {
    // A key came since the timer was set: wait for the pause after it.
    timer = setTimeout(release, wait);
    return;
  }
  const updates = [...held.values()];
  held.clear();
  // In one task, so that every panel's update joins the same render and commit.
  for (const update of updates) update();
}

/**
 * Runs `update` now, or, while the user types into a text of `tokens` tokens or more
 * (`HEAVY_TOKENS`), once the typing pauses; a later call for the same `owner` replaces a
 * held update. Every held update runs in the same task.
 */
export function holdWhileTyping(owner: object, tokens: number, update: () => void): void {
  if (tokens < HEAVY_TOKENS || !isTyping()) {
    // An update that is not held supersedes one that still waits.
    held.delete(owner);
    update();
    return;
  }
  held.set(owner, update);
  timer ??= setTimeout(release, TYPING_PAUSE_MS - (now() - lastKeystroke));
}

/** Forgets `owner`'s held update (its panel is gone). */
export function dropHeld(owner: object): void {
  held.delete(owner);
}
