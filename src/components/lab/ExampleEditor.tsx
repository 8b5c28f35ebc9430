/**
 * The example the pictures show: typed from the task's symbols, or a new random one.
 * A typed sequence the task cannot answer is refused with a note, never shown half-read.
 */
import { useState, useId } from 'react';
import { labTask } from '../../core/lab/tasks';
import { mulberry32 } from '../../core/random';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import { useLabExample } from './useLabExample';

/** The token ids of a typed example, or null when it is not a sequence of the task. */
export function parseExample(taskId: string, text: string): number[] | null {
  const task = labTask(taskId);
  const ids = text
    .trim()
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((symbol) => task.vocab.findIndex((v) => v.toLowerCase() === symbol.toLowerCase()));
  if (ids.length !== task.seqLen || ids.includes(-1)) return null;
  return task.answers(ids) ? ids : null;
}

let draws = 0;

/** The editor (see the module comment). */
export function ExampleEditor() {
  const m = useMessages().lab;
  const id = useId();
  const taskId = useAppStore((s) => s.lab.task);
  const seed = useAppStore((s) => s.lab.seed);
  const setExample = useAppStore((s) => s.setLabExample);
  const example = useLabExample();
  const shown = example ? example.symbols.join(' ') : '';
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const commit = () => {
    if (draft === null) return;
    const ids = parseExample(taskId, draft);
    setInvalid(ids === null);
    if (ids) setExample(ids);
    setDraft(null);
  };
  const fresh = () => {
    // A seeded draw, so that the same clicks give the same examples in every browser.
    draws++;
    setExample(labTask(taskId).sample(mulberry32(seed * 7919 + draws)).tokens);
    setInvalid(false);
  };
  return (
    <div className="lab-example">
      <label className="field__label" htmlFor={id}>
        {m.example}
      </label>
      <div className="lab-example__row">
        <input
          id={id}
          type="text"
          spellCheck={false}
          autoComplete="off"
          value={draft ?? shown}
          aria-describedby={`${id}-help`}
          aria-invalid={invalid || undefined}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
          }}
        />
        <button type="button" onClick={fresh}>
          {m.newExample}
        </button>
      </div>
      <p id={`${id}-help`} className="field__note">
        {invalid ? m.exampleInvalid : m.exampleHelp}
      </p>
    </div>
  );
}
