/** A checkbox with its label and an optional note that is its accessible description. */
import { useId } from 'react';
import { hasSubscript, MathText } from './MathText';

/** Props of a checkbox field. */
export interface CheckFieldProps {
  readonly label: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
  readonly note?: string;
  readonly disabled?: boolean;
}

/**
 * A checkbox whose accessible name is exactly `label` (the note is its description). A
 * label with a subscript ("Scale by √d_k") shows a real subscript and keeps the plain
 * text as the name, which is what scripts and tests look for.
 */
export function CheckField({ label, checked, onChange, note, disabled }: CheckFieldProps) {
  const id = useId();
  return (
    <div className="field field--check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        aria-label={hasSubscript(label) ? label : undefined}
        aria-describedby={note ? `${id}-note` : undefined}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label className="field__label" htmlFor={id}>
        <MathText text={label} />
      </label>
      {note && (
        <p id={`${id}-note`} className="field__note">
          <MathText text={note} />
        </p>
      )}
    </div>
  );
}
