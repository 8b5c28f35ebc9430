/**
 * The "Examples" menu: a button that opens a short list of example sentences; choosing
 * one puts it in the text box. A menu button rather than a native select: a closed select
 * changes its value on an arrow key or a typed letter (Windows and Linux browsers do), and
 * here a change replaces what the user typed. Nothing happens until an example is chosen
 * in the open list, and the choice can be undone (see SentenceInput and TextUndo).
 */
import { useAppStore } from '../../store/store';
import { useMessages } from '../../messages';
import { useDisclosure } from '../common/useDisclosure';

/** Props of the menu. */
export interface ExampleMenuProps {
  /** Puts `text` in the text box (the sentence panel does it undoably). */
  readonly onChoose: (text: string) => void;
}

/** The Examples menu (see the module comment). */
export function ExampleMenu({ onChoose }: ExampleMenuProps) {
  const m = useMessages().shell.examples;
  // The index is a primitive, so the menu re-renders only when it changes, not on every keystroke.
  const current = useAppStore((s) => m.items.findIndex((example) => example.text === s.text));
  const menu = useDisclosure();
  return (
    <details className="example-menu" {...menu.props}>
      <summary className="example-menu__button">{m.label}</summary>
      <ul className="example-menu__list">
        {m.items.map((example, i) => (
          <li key={example.text}>
            <button
              type="button"
              aria-current={i === current ? 'true' : undefined}
              onClick={() => {
                menu.close();
                onChoose(example.text);
              }}
            >
              {example.label}
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
