/**
 * Every setting of the model and the view, grouped as a student meets them: the model
 * (width, positions, weights, seed), the attention (heads, mask, scaling, temperature)
 * and what is shown (head, all heads). Each control writes straight to the store.
 */
import { useId } from 'react';
import { HEAD_COUNTS, MODEL_WIDTHS, WEIGHTS_PRESETS } from '../../core/settings';
import { headDim } from '../../core/weights';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import { CheckField } from '../common/CheckField';
import { HeadGuide } from './HeadGuide';
import { LearnedNotice } from './LearnedNotice';
import { SeedControl } from './SeedControl';
import { SelectField, type SelectOption } from '../common/SelectField';
import { TemperatureControl } from './TemperatureControl';
import './SettingsPanel.css';
import { useHead, useSettings } from '../../store/selectors';

const numberOptions = (values: readonly number[]): SelectOption<number>[] =>
  values.map((value) => ({ value, label: String(value) }));
const WIDTH_OPTIONS = numberOptions(MODEL_WIDTHS);
const HEAD_COUNT_OPTIONS = numberOptions(HEAD_COUNTS);

/** The settings panel. */
export function SettingsPanel() {
  const m = useMessages().shell.settings;
  const settings = useSettings();
  const head = useHead();
  const allHeads = useAppStore((s) => s.allHeads);
  const setSettings = useAppStore((s) => s.setSettings);
  const setHead = useAppStore((s) => s.setHead);
  const setAllHeads = useAppStore((s) => s.setAllHeads);
  const id = useId();
  const headOptions = Array.from({ length: settings.heads }, (_, i) => ({
    value: i,
    label: m.headOption(i + 1),
  }));
  const weightOptions = WEIGHTS_PRESETS.map((value) => ({
    value,
    label: m.weightOptions[value],
  }));
  const learned = settings.weights === 'learned';
  return (
    <section className="panel settings-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{m.heading}</h2>
      <div className="settings-panel__groups">
        <fieldset>
          <legend>{m.model}</legend>
          <SelectField
            label={m.width}
            value={settings.width}
            options={WIDTH_OPTIONS}
            onChange={(width) => setSettings({ width })}
            note={m.widthNote(settings.width)}
          />
          <CheckField
            label={m.positions}
            checked={settings.positions}
            onChange={(positions) => setSettings({ positions })}
            note={m.positionsNote}
          />
          <SelectField
            label={m.weights}
            value={settings.weights}
            options={weightOptions}
            // The learned heads were trained with the mask on (next-word prediction).
            onChange={(weights) =>
              setSettings(weights === 'learned' ? { weights, causal: true } : { weights })
            }
            note={m.weightsNote[settings.weights]}
          />
          <LearnedNotice />
          <SeedControl />
        </fieldset>
        <fieldset>
          <legend>{m.attention}</legend>
          <SelectField
            label={m.heads}
            value={settings.heads}
            options={HEAD_COUNT_OPTIONS}
            onChange={(heads) => setSettings({ heads })}
            note={m.headsNote(headDim(settings.width, settings.heads))}
          />
          <CheckField
            label={m.causal}
            checked={settings.causal || learned}
            onChange={(causal) => setSettings({ causal })}
            note={learned ? m.learnedCausalNote : m.causalNote}
            disabled={learned}
          />
          <CheckField
            label={m.scale}
            checked={settings.scale}
            onChange={(scale) => setSettings({ scale })}
            note={m.scaleNote}
          />
          <TemperatureControl />
        </fieldset>
        <fieldset>
          <legend>{m.view}</legend>
          <SelectField
            label={m.head}
            value={head}
            options={headOptions}
            onChange={setHead}
            disabled={settings.heads === 1}
          />
          <CheckField
            label={m.allHeads}
            checked={allHeads}
            onChange={setAllHeads}
            note={m.allHeadsNote}
            disabled={settings.heads === 1}
          />
          <HeadGuide />
        </fieldset>
      </div>
    </section>
  );
}
