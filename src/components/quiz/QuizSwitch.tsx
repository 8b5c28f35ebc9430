/** The "Predict first" checkbox: turns the quiz of the Softmax and Weighted sum steps on or off. */
import { useId } from 'react';
import { useMessages } from '../../messages';
import { withEnabled } from '../../store/quiz';
import { useAppStore } from '../../store/store';
import './Quiz.css';

/** "Predict first", with what it does as its description (and tooltip). */
export function QuizSwitch() {
  const m = useMessages().quiz;
  const enabled = useAppStore((s) => s.quiz.enabled);
  const updateQuiz = useAppStore((s) => s.updateQuiz);
  const id = useId();
  return (
    <div className="quiz-switch" title={m.switchNote}>
      <input
        id={id}
        type="checkbox"
        checked={enabled}
        aria-describedby={`${id}-note`}
        onChange={(e) => {
          const on = e.target.checked;
          updateQuiz((quiz) => withEnabled(quiz, on));
        }}
      />
      <label htmlFor={id}>{m.switchLabel}</label>
      <span id={`${id}-note`} className="visually-hidden">
        {m.switchNote}
      </span>
    </div>
  );
}
