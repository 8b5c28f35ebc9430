/**
 * Which tokens go on the worksheet: one checkbox per token of the sentence, at most
 * `WORKSHEET_MAX_TOKENS` ticked and never none, so a teacher can put "it" on the sheet
 * beside the word it refers to, however far apart they are.
 */
import { useId } from 'react';
import { isolate } from '../../bidi';
import { WORKSHEET_MAX_TOKENS } from '../../core/worksheet';
import { useMessages } from '../../messages';
import { truncateLabel } from '../../viz/text';

/** The longest a token is quoted beside its checkbox, in characters. */
const MAX_LABEL = 24;

/** Props: the sentence's tokens, the chosen indices (ascending), and the change. */
export interface TokenPickerProps {
  readonly tokens: readonly string[];
  readonly chosen: readonly number[];
  readonly onChange: (chosen: readonly number[]) => void;
}

/** The token checkboxes of the worksheet preview. */
export function TokenPicker({ tokens, chosen, onChange }: TokenPickerProps) {
  const m = useMessages().worksheet;
  const id = useId();
  const full = chosen.length >= WORKSHEET_MAX_TOKENS;
  const toggle = (index: number, on: boolean) => {
    const next = on ? [...chosen, index] : chosen.filter((i) => i !== index);
    onChange(next.sort((a, b) => a - b));
  };
  return (
    <fieldset className="worksheet-preview__tokens" aria-describedby={`${id}-hint`}>
      <legend>{m.chooseTokens(WORKSHEET_MAX_TOKENS)}</legend>
      <p id={`${id}-hint`} className="worksheet-preview__tokens-hint">
        {m.chooseHint}
      </p>
      <ul>
        {tokens.map((token, i) => {
          const on = chosen.includes(i);
          return (
            <li key={i}>
              <label>
                <input
                  type="checkbox"
                  checked={on}
                  // A full sheet takes no more; the last token cannot be taken off.
                  disabled={on ? chosen.length === 1 : full}
                  onChange={(e) => toggle(i, e.target.checked)}
                />
                <span dir="auto">{isolate(truncateLabel(token, MAX_LABEL))}</span>
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}
