/**
 * The "Examples" menu: a native select (keyboard, touch and screen readers for free).
 * It shows the example currently in the text box, or a prompt when the text is the user's own.
 */
import { useId } from 'react';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';

/** A select that puts an example sentence in the text box. */
export function ExampleMenu() {
  const m = useMessages().shell.examples;
  const setText = useAppStore((s) => s.setText);
  // The index is a primitive, so the menu re-renders only when it changes, not on every keystroke.
  const current = useAppStore((s) => m.items.findIndex((example) => example.text === s.text));
  const id = useId();
  // A label wrapped around a select would add the chosen option to the accessible name: link by id.
  return (
    <div className="example-menu">
      <label className="example-menu__label" htmlFor={id}>
        {m.label}
      </label>
      <select
        id={id}
        value={current >= 0 ? String(current) : ''}
        onChange={(e) => {
          const example = m.items[Number(e.target.value)];
          // The prompt option carries no sentence: choosing it must never clear the user's text.
          if (e.target.value !== '' && example) setText(example.text);
        }}
      >
        <option value="">{m.choose}</option>
        {m.items.map((example, i) => (
          <option key={example.text} value={String(i)}>
            {example.label}
          </option>
        ))}
      </select>
    </div>
  );
}
