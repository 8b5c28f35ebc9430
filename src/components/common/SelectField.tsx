/**
 * A labelled native select with an optional note under it. The label is linked by id,
 * not wrapped around the select, so the accessible name is the label alone.
 */
import { useId } from 'react';
import { MathText } from './MathText';

/** One option: the value in the store and its label. */
export interface SelectOption<T extends string | number> {
  readonly value: T;
  readonly label: string;
}

/** Props of a select field. */
export interface SelectFieldProps<T extends string | number> {
  readonly label: string;
  readonly value: T;
  readonly options: readonly SelectOption<T>[];
  readonly onChange: (value: T) => void;
  readonly note?: string;
  readonly disabled?: boolean;
}

/** A select whose options carry typed values (numbers stay numbers). */
export function SelectField<T extends string | number>(props: SelectFieldProps<T>) {
  const { label, value, options, onChange, note, disabled } = props;
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        value={String(value)}
        disabled={disabled}
        aria-describedby={note ? `${id}-note` : undefined}
        onChange={(e) => {
          const option = options.find((o) => String(o.value) === e.target.value);
          if (option) onChange(option.value);
        }}
      >
        {options.map((o) => (
          <option key={String(o.value)} value={String(o.value)}>
            {o.label}
          </option>
        ))}
      </select>
      {note && (
        <p id={`${id}-note`} className="field__note">
          <MathText text={note} />
        </p>
      )}
    </div>
  );
}
