/** The worksheet's grids of the computation: blank on the work page, filled in the answer key. */
import type { Worksheet } from '../../core/worksheet';
import { useMessages } from '../../messages';
import { useNumberFormat } from '../common/useNumberFormat';
import { Grid } from './WorksheetGrid';
import { KEY_DIGITS, rootText } from './worksheetText';

/**
 * The grids of the computation, blank (`filled` false) or filled with the answer key. The
 * second score grid appears when there is a step between scores and softmax (scaling or
 * the mask), and shows the masked scores, −∞ included.
 */
export function WorkGrids({ sheet, filled }: { sheet: Worksheet; filled: boolean }) {
  const m = useMessages().worksheet;
  const fmt = useNumberFormat();
  const dims = Array.from({ length: sheet.dK }, (_, d) => m.dim(d + 1));
  const tokens = sheet.tokens;
  const root = rootText(sheet.dK, fmt);
  const { scale, causal } = sheet.options;
  // Q, K and V of rounded inputs are exact with twice the inputs' decimals.
  const qkvDigits = Math.min(2 * sheet.decimals, KEY_DIGITS);
  const common = { rowLabels: tokens, rowHeader: m.corner, writeIn: !filled };
  const secondCaption = scale
    ? causal
      ? m.grids.scaledMasked(root)
      : m.grids.scaled(root)
    : causal
      ? m.grids.masked
      : null;
  // From the scores on, in the order they are computed; each one tokens by tokens or dims.
  const later = [
    { name: 'scores', caption: m.grids.scores, columns: tokens, values: sheet.scores },
    ...(secondCaption === null
      ? []
      : [{ name: 'scaled', caption: secondCaption, columns: tokens, values: sheet.masked }]),
    { name: 'weights', caption: m.grids.weights, columns: tokens, values: sheet.weights },
    { name: 'output', caption: m.grids.output, columns: dims, values: sheet.output },
  ];
  return (
    <>
      <div className="ws-grids">
        {(['q', 'k', 'v'] as const).map((name) => (
          <Grid
            key={name}
            name={name}
            caption={m.grids[name]}
            colLabels={dims}
            values={filled ? sheet[name] : null}
            digits={qkvDigits}
            {...common}
          />
        ))}
      </div>
      <p className="ws-hint">{m.rowsHint}</p>
      <div className="ws-grids">
        {later.map((grid) => (
          <Grid
            key={grid.name}
            name={grid.name}
            caption={grid.caption}
            colLabels={grid.columns}
            values={filled ? grid.values : null}
            digits={KEY_DIGITS}
            {...common}
          />
        ))}
      </div>
    </>
  );
}
