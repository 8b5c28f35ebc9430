/** The "Temperature" slider, 0.1 to 3, with its value shown beside it. */
import { useId } from 'react';
import { snapToStep, TEMPERATURE_SLIDER } from '../../core/settings';
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
          min={TEMPERATURE_SLIDER.min}
          max={TEMPERATURE_SLIDER.max}
          step={TEMPERATURE_SLIDER.step}
          value={temperature}
          aria-describedby={`${id}-note`}
          // Sliders step in binary fractions: round so 0.30000000000000004 never reaches the core.
          onChange={(e) =>
            setSettings({
              temperature: snapToStep(Number(e.target.value), TEMPERATURE_SLIDER.step),
            })
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
