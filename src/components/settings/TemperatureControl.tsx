/** The "Temperature" slider, 0.1 to 3, with its value shown beside it. */
import { useId } from 'react';
import { useNumberFormat } from '../common/useNumberFormat';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';

/** The softmax temperature τ. */
export function TemperatureControl() {
  const fmt = useNumberFormat();
  const m = useMessages().shell.settings;
  const temperature = useAppStore((s) => s.settings.temperature);
  const setSettings = useAppStore((s) => s.setSettings);
  const id = useId();
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {m.temperature}
      </label>
      <div className="temperature-control__row">
        <input
          id={id}
          type="range"
          min={0.1}
          max={3}
          step={0.1}
          value={temperature}
          aria-describedby={`${id}-note`}
          // Sliders step in binary fractions: round so 0.30000000000000004 never reaches the core.
          onChange={(e) =>
            setSettings({ temperature: Math.round(Number(e.target.value) * 10) / 10 })
          }
        />
        <output htmlFor={id} className="temperature-control__value">
          {m.temperatureValue(fmt.number(temperature, 1))}
        </output>
      </div>
      <p id={`${id}-note`} className="field__note">
        {m.temperatureNote}
      </p>
    </div>
  );
}
