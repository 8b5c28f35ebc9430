/** The task's card: what it is, the pattern the head must learn, and what to try. */
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';

/** The card of the store's task. */
export function TaskCard() {
  const m = useMessages().lab;
  const task = useAppStore((s) => s.lab.task);
  const card = m.cards[task];
  return (
    <section className="lab-card" aria-label={m.taskCard}>
      <h3 className="lab-card__title">{m.taskNames[task]}</h3>
      <dl>
        <dt>{m.whatLabel}</dt>
        <dd>{card.what}</dd>
        <dt>{m.patternLabel}</dt>
        <dd>{card.pattern}</dd>
        <dt>{m.tryLabel}</dt>
        <dd>{card.tryThis}</dd>
      </dl>
    </section>
  );
}
