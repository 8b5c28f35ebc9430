/**
 * The input panel: the "Sentence" text box, the example menu and the token chips.
 * Every keystroke goes straight to the store; the trace behind the chips is derived from a
 * deferred copy of the text (see useTrace), so typing never waits for the numbers.
 *
 * An example replaces the text through the text box's own editing (an `insertText`
 * command), so the box's undo history holds it and Ctrl+Z brings the user's text back,
 * even after more typing; "Undo" under the box (TextUndo) does the same with one click,
 * and also after a lesson link replaced the text.
 */
import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import { noteReplacement, undoReplacement, useReplacedText } from '../../store/textUndo';
import { noteEdit } from '../../store/typingPause';
import { ExampleMenu } from './ExampleMenu';
import { TextUndo } from './TextUndo';
import { TokenChips } from './TokenChips';
import './SentenceInput.css';

/**
 * Replaces the whole content of `box` with `text` as an edit of the box, so its undo
 * history keeps what was there. False where the browser does not support it (jsdom).
 */
function replaceByEditing(box: HTMLTextAreaElement, text: string): boolean {
  box.focus();
  box.select();
  // The command fires an input event, which React's onChange hands to the store.
  return insertText(text) && box.value === text;
}

/** `document.execCommand('insertText')`, false where it is missing or refused. */
function insertText(text: string): boolean {
  try {
    return document.execCommand('insertText', false, text);
  } catch {
    return false;
  }
}

/** The sentence box with its example menu and token chips. */
export function SentenceInput() {
  const m = useMessages().shell;
  const text = useAppStore((s) => s.text);
  const setText = useAppStore((s) => s.setText);
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  // The text box is the browser's own (uncontrolled): React never writes its value back on
  // a keystroke, which for a 5 MB text meant copying the 5 MB twice more per key. Only a
  // change from elsewhere (an example, a link, Undo, a reset) is written into it; the
  // text this box itself reported last is recognised by identity, at no cost.
  const reported = useRef<string | null>(null);
  // The first text only: a `defaultValue` that followed the text would be written into the
  // box's DOM (its 5 MB text node) on every keystroke.
  const [initialText] = useState(text);
  useLayoutEffect(() => {
    const element = box.current;
    if (!element || text === reported.current) return;
    reported.current = text;
    if (element.value !== text) element.value = text;
  }, [text]);

  const choose = (example: string) => {
    const current = useAppStore.getState().text;
    noteReplacement(current, example, 'example');
    if (!box.current || !replaceByEditing(box.current, example)) setText(example);
  };

  // A link replaced the text from outside the box, so the box's own undo cannot bring it
  // back: Ctrl+Z (⌘Z) does, while the text is still exactly what the link put there.
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key.toLowerCase() !== 'z' || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey) return;
    const offer = useReplacedText.getState();
    if (offer.by !== 'link' || offer.replacement !== useAppStore.getState().text) return;
    e.preventDefault();
    undoReplacement();
  };

  return (
    <section className="panel sentence-input" aria-labelledby={`${id}-label`}>
      <div className="sentence-input__top">
        <h2 className="sentence-input__heading">
          <label id={`${id}-label`} htmlFor={`${id}-text`}>
            {m.sentence.label}
          </label>
        </h2>
        <ExampleMenu onChoose={choose} />
      </div>
      <textarea
        ref={box}
        id={`${id}-text`}
        className="sentence-input__text"
        defaultValue={initialText}
        rows={2}
        placeholder={m.sentence.placeholder}
        aria-describedby={`${id}-hint`}
        // Red squiggles under "Nadal" distract on a projector and are not what the app is about.
        spellCheck={false}
        onChange={(e) => {
          // Keystrokes into a long text hold the panels until the typing pauses.
          noteEdit(e.nativeEvent as InputEvent);
          const value = e.target.value;
          reported.current = value;
          setText(value);
        }}
        onKeyDown={onKeyDown}
      />
      <TextUndo />
      <p id={`${id}-hint`} className="hint">
        {m.sentence.hint}
      </p>
      <TokenChips />
    </section>
  );
}
