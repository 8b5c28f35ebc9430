/**
 * The input panel: the "Sentence" text box, the example menu and the token chips.
 * Every keystroke goes straight to the store; the trace behind the chips is derived from a
 * deferred copy of the text (see useTrace), so typing never waits for the numbers.
 */
import { useId } from 'react';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import { ExampleMenu } from './ExampleMenu';
import { TokenChips } from './TokenChips';
import './SentenceInput.css';

/** The sentence box with its example menu and token chips. */
export function SentenceInput() {
  const m = useMessages().shell;
  const text = useAppStore((s) => s.text);
  const setText = useAppStore((s) => s.setText);
  const id = useId();
  return (
    <section className="panel sentence-input" aria-labelledby={`${id}-label`}>
      <div className="sentence-input__top">
        <h2 className="sentence-input__heading">
          <label id={`${id}-label`} htmlFor={`${id}-text`}>
            {m.sentence.label}
          </label>
        </h2>
        <ExampleMenu />
      </div>
      <textarea
        id={`${id}-text`}
        className="sentence-input__text"
        value={text}
        rows={2}
        placeholder={m.sentence.placeholder}
        aria-describedby={`${id}-hint`}
        // Red squiggles under "Nadal" distract on a projector and are not what the app is about.
        spellCheck={false}
        onChange={(e) => setText(e.target.value)}
      />
      <p id={`${id}-hint`} className="hint">
        {m.sentence.hint}
      </p>
      <TokenChips />
    </section>
  );
}
