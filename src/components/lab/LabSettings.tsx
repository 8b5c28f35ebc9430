/**
 * The model's settings: layers, heads, width, learning rate, seed, position embeddings.
 * Changing one starts a new run from step 0.
 */
import { LAB_LIMITS } from '../../core/lab/config';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import { CheckField } from '../common/CheckField';
import { SelectField } from '../common/SelectField';

const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => ({ value: from + i, label: String(from + i) }));
const LAYERS = range(1, LAB_LIMITS.layers);
const HEADS = range(1, 4);
const WIDTHS = [4, 8, 12, 16, 24, 32, 48, 64].map((w) => ({ value: w, label: String(w) }));
const RATES = [0.001, 0.003, 0.01, 0.02, 0.03, 0.1].map((r) => ({ value: r, label: String(r) }));

/** Options with `value` among them, so a lesson link's odd value still shows. */
function withValue(options: readonly { value: number; label: string }[], value: number) {
  return options.some((o) => o.value === value)
    ? options
    : [...options, { value, label: String(value) }].sort((a, b) => a.value - b.value);
}

/** The settings (see the module comment). */
export function LabSettings() {
  const m = useMessages().lab;
  const config = useAppStore((s) => s.lab.config);
  const seed = useAppStore((s) => s.lab.seed);
  const setConfig = useAppStore((s) => s.setLabConfig);
  const setSeed = useAppStore((s) => s.setLabSeed);
  return (
    <fieldset className="lab-settings">
      <legend>{m.settings}</legend>
      <SelectField<number>
        label={m.layers}
        value={config.layers}
        options={withValue(LAYERS, config.layers)}
        onChange={(layers) => setConfig({ layers })}
      />
      <SelectField<number>
        label={m.heads}
        value={config.heads}
        options={withValue(HEADS, config.heads)}
        onChange={(heads) => setConfig({ heads })}
      />
      <SelectField<number>
        label={m.width}
        value={config.width}
        options={withValue(WIDTHS, config.width)}
        onChange={(width) => setConfig({ width })}
      />
      <SelectField<number>
        label={m.lr}
        value={config.lr}
        options={withValue(RATES, config.lr)}
        onChange={(lr) => setConfig({ lr })}
      />
      <div className="field">
        <label className="field__label" htmlFor="lab-seed">
          {m.seed}
        </label>
        <input
          id="lab-seed"
          type="number"
          min={0}
          max={0xffffffff}
          step={1}
          value={seed}
          onChange={(e) => {
            const value = Number(e.target.value);
            if (Number.isInteger(value) && value >= 0 && value <= 0xffffffff) setSeed(value);
          }}
        />
      </div>
      <CheckField
        label={m.positions}
        checked={config.positions}
        onChange={(positions) => setConfig({ positions })}
      />
    </fieldset>
  );
}
