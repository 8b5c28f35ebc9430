/**
 * The worksheet's words around the numbers: the numbered instructions, the table of eˣ
 * hints, and the notes on where the numbers come from.
 */
import type { Worksheet } from '../../core/worksheet';
import { isolate } from '../../bidi';
import { useMessages } from '../../messages';
import { useNumberFormat } from '../common/useNumberFormat';
import { MathText } from '../common/MathText';
import { stepNumber, type StepId } from '../../vocabulary/steps';
import { EXP_HINTS, KEY_DIGITS, rootText, temperatureText } from './worksheetText';

/**
 * The instructions, numbered as the app numbers its steps (`stepNumber`): what the sheet
 * asks at "3 Score" is item 3 here too, scaling and the mask included.
 */
export function Instructions({ sheet }: { sheet: Worksheet }) {
  const m = useMessages().worksheet.steps;
  const fmt = useNumberFormat();
  const { scale, causal, temperature } = sheet.options;
  const sameQK = sheet.notes.some((n) => n.kind === 'sameQK');
  const parts: readonly (readonly [StepId, string | null])[] = [
    ['qkv', sameQK ? `${m.project} ${m.sameQK}` : m.project],
    ['score', m.scores],
    ['score', scale ? m.scale(sheet.dK, rootText(sheet.dK, fmt)) : m.noScale],
    ['score', causal ? m.mask : null],
    [
      'softmax',
      temperature === 1 ? m.softmax : m.softmaxTemperature(temperatureText(temperature, fmt)),
    ],
    ['weighted', m.output],
  ];
  const steps = new Map<StepId, string[]>();
  for (const [step, text] of parts) {
    if (text !== null) steps.set(step, [...(steps.get(step) ?? []), text]);
  }
  return (
    <>
      <ol className="ws-steps">
        {[...steps].map(([step, texts]) => (
          <li key={step} value={stepNumber(step)}>
            {texts.map((t) => (
              <p key={t}>
                <MathText text={t} />
              </p>
            ))}
          </li>
        ))}
      </ol>
      <p className="ws-hint">{m.rounding(Math.min(2 * sheet.decimals, KEY_DIGITS), KEY_DIGITS)}</p>
    </>
  );
}

/** A two-row table of eˣ for the differences softmax meets. */
export function ExpHints() {
  const m = useMessages().worksheet;
  const fmt = useNumberFormat();
  return (
    <table className="ws-exp">
      <caption>{m.expHintTitle}</caption>
      <tbody>
        <tr>
          <th scope="row">{m.expHintX}</th>
          {EXP_HINTS.map((x) => (
            <td key={x}>{fmt.number(x, Number.isInteger(x) ? 0 : 1)}</td>
          ))}
        </tr>
        <tr>
          <th scope="row">{m.expHintExp}</th>
          {EXP_HINTS.map((x) => (
            <td key={x}>{fmt.number(Math.exp(x), 3)}</td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

/** The notes about where the numbers come from, worded from the core's data. */
export function Notes({ sheet }: { sheet: Worksheet }) {
  const m = useMessages().worksheet;
  const lines: string[] = [m.rounded(sheet.decimals)];
  if (sheet.settings?.positions) lines.push(m.withPositions);
  for (const note of sheet.notes) {
    if (note.kind === 'shortened') lines.push(m.shortened(note.kept));
    else if (note.kind === 'chosen') lines.push(m.chosen(note.words.map(isolate)));
    else if (note.kind === 'unknownWords') lines.push(m.unknownWords(note.words.map(isolate)));
    else if (note.kind === 'madeUpVectors') lines.push(m.madeUpVectors);
    else if (note.kind === 'noPositions') lines.push(m.noPositions);
  }
  if (sheet.settings) lines.push(m.settingsSource);
  return (
    <ul className="ws-notes">
      {lines.map((line) => (
        <li key={line}>
          <MathText text={line} />
        </li>
      ))}
    </ul>
  );
}
