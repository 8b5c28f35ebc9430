/**
 * The segmented control that picks which matrix the heatmap shows: QKᵀ, ÷ √d_k, masked,
 * softmax, among those the walkthrough has computed so far. Radio buttons underneath, so
 * arrow keys and screen readers work as they do for any radio group.
 */
import { useId } from 'react';
import { useMessages } from '../../messages';
import { MathText, plainSubscripts } from '../common/MathText';
import type { HeatmapMode } from '../../viz/heatmap/heatmapModel';

/** Props of `HeatmapModeSwitch`. */
export interface HeatmapModeSwitchProps {
  readonly modes: readonly HeatmapMode[];
  readonly value: HeatmapMode;
  onChange(mode: HeatmapMode): void;
}

/** The mode switch; renders nothing when there is only one matrix to show. */
export function HeatmapModeSwitch({ modes, value, onChange }: HeatmapModeSwitchProps) {
  const m = useMessages().viz;
  const name = useId();
  if (modes.length < 2) return null;
  return (
    <fieldset className="hm-mode">
      <legend>{m.modeGroup}</legend>
      <div className="hm-mode-options">
        {modes.map((mode) => (
          <label key={mode} title={plainSubscripts(m.modeNames[mode])}>
            <input
              type="radio"
              name={name}
              value={mode}
              checked={mode === value}
              onChange={() => onChange(mode)}
            />
            <MathText text={m.modes[mode]} />
            <span className="visually-hidden"> ({plainSubscripts(m.modeNames[mode])})</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
