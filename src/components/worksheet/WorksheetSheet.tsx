/**
 * The printable worksheet itself: a page with the task and the given (rounded) matrices, a
 * page of empty grids to fill in, and the answer key on a page of its own.
 */
import { useId } from 'react';
import type { Worksheet } from '../../core/worksheet';
import { isolate } from '../../bidi';
import { useMessages } from '../../messages';
import { useNumberFormat } from '../common/useNumberFormat';
import { MathText } from '../common/MathText';
import { WorkGrids } from './WorkGrids';
import { Grid } from './WorksheetGrid';
import { ExpHints, Instructions, Notes } from './WorksheetNotes';
import { NameLine, Page } from './WorksheetPage';
import { KEY_DIGITS, temperatureText } from './worksheetText';

/** The handout: the task, the blank grids, and the answer key on its own page. */
export function WorksheetSheet({ sheet }: { sheet: Worksheet }) {
  const m = useMessages().worksheet;
  const fmt = useNumberFormat();
  const dims = (n: number) => Array.from({ length: n }, (_, d) => m.dim(d + 1));
  const { settings, options } = sheet;
  const unrounded = sheet.notes.find((n) => n.kind === 'unrounded');
  const settingsLine = m.settings({
    dModel: sheet.dModel,
    dK: sheet.dK,
    preset: settings ? settings.weights : null,
    seed: settings ? settings.seed : null,
    scale: options.scale,
    causal: options.causal,
    temperature: temperatureText(options.temperature, fmt),
  });
  const given = { digits: sheet.decimals, rowHeader: m.corner };
  const titleId = useId();
  return (
    <article className="ws-sheet" aria-label={m.title}>
      <section className="ws-page ws-page--task" aria-labelledby={titleId}>
        <header className="ws-header">
          <h1 id={titleId} className="ws-title">
            {m.title}
          </h1>
          <NameLine />
        </header>
        <p className="ws-sentence">{m.sentence(isolate(sheet.sentence))}</p>
        <p className="ws-settings">
          <MathText text={settingsLine} />
        </p>
        <h2 className="ws-page__title">{m.instructionsTitle}</h2>
        <Instructions sheet={sheet} />
        <ExpHints />
        <h2 className="ws-page__title">{m.givenTitle}</h2>
        <div className="ws-grids">
          <Grid
            {...given}
            name="x"
            caption={m.grids.x}
            rowLabels={sheet.tokens}
            colLabels={dims(sheet.dModel)}
            values={sheet.x}
          />
          {(['wq', 'wk', 'wv'] as const).map((name) => (
            <Grid
              {...given}
              key={name}
              name={name}
              caption={m.grids[name]}
              rowLabels={dims(sheet.dModel)}
              colLabels={dims(sheet.dK)}
              rowHeader=""
              values={sheet[name]}
            />
          ))}
        </div>
        <h2 className="ws-page__title">{m.notesTitle}</h2>
        <Notes sheet={sheet} />
      </section>
      <Page className="ws-page--work" title={m.workTitle} nameLine>
        <WorkGrids sheet={sheet} filled={false} />
      </Page>
      <Page className="ws-page--key" title={m.keyTitle}>
        <p className="ws-sentence">{m.sentence(isolate(sheet.sentence))}</p>
        <p className="ws-hint">{m.keyIntro}</p>
        <WorkGrids sheet={sheet} filled />
        <ul className="ws-notes">
          {unrounded && (
            <li>{m.unrounded(fmt.number(unrounded.maxWeightDifference, KEY_DIGITS))}</li>
          )}
          {settings && <li>{m.checkInApp(isolate(sheet.sentence), sheet.dModel)}</li>}
        </ul>
      </Page>
    </article>
  );
}
