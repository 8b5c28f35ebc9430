/**
 * The "Seed" field and the "New seed" button. The field keeps exactly what the user typed;
 * only a valid seed (a whole number from 0 to 4294967295) reaches the store, and anything
 * else shows a message while the weights keep the last valid seed.
 */
import { useId, useState } from 'react';
import { MAX_SEED } from '../../core/settings';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';

/** The seed `text` stands for, or null when it is not a whole number from 0 to 4294967295. */
export function parseSeed(text: string): number | null {
  if (!/^\s*\d{1,10}\s*$/.test(text)) return null;
  const seed = Number(text);
  return seed <= MAX_SEED ? seed : null;
}

/** The seed field with its validation message and the "New seed" button. */
export function SeedControl() {
  const m = useMessages().shell.settings;
  const seed = useAppStore((s) => s.settings.seed);
  const setSettings = useAppStore((s) => s.setSettings);
  const [draft, setDraft] = useState(String(seed));
  const [shown, setShown] = useState(seed);
  const id = useId();
  // The seed changed elsewhere (New seed, a shared link): show it, replacing the draft.
  if (seed !== shown) {
    setShown(seed);
    setDraft(String(seed));
  }
  const valid = parseSeed(draft) !== null;
  return (
    <div className="field seed-control">
      <label className="field__label" htmlFor={id}>
        {m.seed}
      </label>
      <div className="seed-control__row">
        <input
          id={id}
          type="text"
          // A text field, not type=number: a number field would silently drop what is not a number.
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          value={draft}
          aria-invalid={!valid}
          aria-describedby={`${id}-note`}
          onChange={(e) => {
            setDraft(e.target.value);
            const parsed = parseSeed(e.target.value);
            if (parsed !== null) {
              setShown(parsed);
              setSettings({ seed: parsed });
            }
          }}
        />
        <button
          type="button"
          onClick={() => setSettings({ seed: Math.floor(Math.random() * (MAX_SEED + 1)) })}
        >
          {m.newSeed}
        </button>
      </div>
      <p
        id={`${id}-note`}
        className={valid ? 'field__note' : 'field__note field__error'}
        aria-live="polite"
      >
        {valid ? m.seedNote : m.seedInvalid(MAX_SEED.toString())}
      </p>
    </div>
  );
}
