/**
 * The one-line guide of the selected learned head, from the figures measured on held-out
 * Brown text (public/weights/learned-heads.json, written by `npm run measure:heads:file`),
 * with a disclosure of the head's full figures. Nothing for the other presets.
 */
import { headsFor } from '../../core/learnedHeads';
import { POSITIONAL_PATTERNS, RELATIONS, type HeadFigures } from '../../core/english/headPatterns';
import { useMessages, type Messages } from '../../messages';
import { useHead, useSettings } from '../../store/selectors';
import { useAppStore } from '../../store/store';

const percent = (x: number): string => `${Math.round(100 * x)}\u00a0%`;

/** The guide's sentence for head `head` (numbered from 1) with these figures. */
export function guideText(m: Messages['shell']['settings'], head: number, f: HeadFigures): string {
  const isPositional = (POSITIONAL_PATTERNS as readonly string[]).includes(f.pattern ?? '');
  if (f.pattern && isPositional) {
    return m.guidePositional(head, m.patternPhrase[f.pattern] ?? f.pattern, percent(f.share));
  }
  if (f.pattern) return m.guideRelation(head, m.relationPhrase(f.pattern), percent(f.share));
  const [best] = POSITIONAL_PATTERNS.map((p) => [p, f.positional[p]] as const).sort(
    (a, b) => b[1] - a[1],
  );
  const [pattern, share] = best ?? ['self', 0];
  return m.guideNone(head, m.patternPhrase[pattern] ?? pattern, percent(share));
}

/** The guide, shown with the learned preset once its figures have loaded. */
export function HeadGuide() {
  const m = useMessages().shell.settings;
  const settings = useSettings();
  const head = useHead();
  const heads = useAppStore((s) => s.learned.heads);
  if (settings.weights !== 'learned') return null;
  const figures = headsFor(heads, settings.width, settings.heads)?.figures[head];
  if (!figures) return null;
  return (
    <section className="head-guide" aria-label={m.guideLabel}>
      <p className="head-guide__line">{guideText(m, head + 1, figures)}</p>
      <details>
        <summary>{m.guideFigures}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{m.figureColumn}</th>
              <th scope="col">{m.headColumn}</th>
              <th scope="col">{m.chanceColumn}</th>
            </tr>
          </thead>
          <tbody>
            {POSITIONAL_PATTERNS.map((p) => (
              <tr key={p}>
                <th scope="row">{m.positionalRow(m.patternPhrase[p] ?? p)}</th>
                <td>{percent(figures.positional[p])}</td>
                <td>{percent(figures.positionalChance[p])}</td>
              </tr>
            ))}
            {RELATIONS.map((r) => (
              <tr key={r}>
                <th scope="row">{m.relationRow(r, figures.relations[r].cases)}</th>
                <td>{percent(figures.relations[r].share)}</td>
                <td>{percent(figures.relations[r].baseline)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
