/**
 * What the quiz asks about: a token to choose or a number to type, the attending token,
 * and for a number the attended token (Softmax) or the output component (Weighted sum).
 * Changing any of them asks a new question.
 */
import { useId } from 'react';
import { visibleKeys, type QuizQuestion, type QuizStep } from '../../core/quiz';
import { useMessages } from '../../messages';
import type { QuizAsk, QuizKind } from '../../store/quiz';
import { SelectField } from '../common/SelectField';
import type { HeadView } from '../common/useHeadTrace';

/** Props of QuizSetup. */
export interface QuizSetupProps {
  readonly step: QuizStep;
  readonly question: QuizQuestion;
  readonly view: HeadView;
  /** Names a token as the choices do. */
  readonly name: (index: number) => string;
  readonly onChange: (patch: Partial<QuizAsk>) => void;
}

const KINDS: readonly QuizKind[] = ['token', 'number'];

/** The question's set-up controls. */
export function QuizSetup({ step, question, view, name, onChange }: QuizSetupProps) {
  const m = useMessages().quiz;
  const id = useId();
  const kind: QuizKind = question.kind === 'most' ? 'token' : 'number';
  const tokens = view.labels.map((_, i) => ({ value: i, label: name(i) }));
  return (
    <div className="quiz__setup" role="group" aria-label={m.setupLabel}>
      <fieldset className="quiz__kinds">
        <legend>{m.kindLegend}</legend>
        {KINDS.map((k) => (
          <label key={k} className="quiz__kind">
            <input
              type="radio"
              name={`${id}-kind`}
              checked={kind === k}
              onChange={() => onChange({ kind: k })}
            />
            {m.kinds[step][k]}
          </label>
        ))}
      </fieldset>
      <SelectField
        label={m.queryLabel}
        value={question.query}
        options={tokens}
        onChange={(query) => onChange({ query, key: null })}
      />
      {question.kind === 'weight' && (
        <SelectField
          label={m.keyLabel}
          value={question.key}
          // A masked key's weight is exactly 0: no question there.
          options={visibleKeys(view.head.masked, question.query).map(
            (j) => tokens[j] ?? { value: j, label: '' },
          )}
          onChange={(key) => onChange({ key })}
        />
      )}
      {question.kind === 'cell' && (
        <SelectField
          label={m.dimLabel}
          value={question.dim}
          options={Array.from({ length: view.trace.dK }, (_, d) => ({
            value: d,
            label: m.component(d),
          }))}
          onChange={(dim) => onChange({ dim })}
        />
      )}
    </div>
  );
}
