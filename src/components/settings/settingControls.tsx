/**
 * Each setting's control, by id, so that one control can be drawn either in the settings
 * panel or beside the step whose picture it changes (StepControls), never in both: its
 * accessible name ("Heads", "Causal mask", …) stays unique on the page.
 */
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
import { useHead, useSettings } from '../../store/selectors';
import type { StepId } from '../../vocabulary/steps';

/** The settings' controls, in the order the settings panel shows them. */
export type ControlId =
  | 'width'
  | 'positions'
  | 'weights'
  | 'seed'
  | 'heads'
  | 'causal'
  | 'scale'
  | 'temperature'
  | 'head'
  | 'allHeads';

/** The settings panel's groups, by their messages key. */
export const CONTROL_GROUPS: readonly {
  legend: 'model' | 'attention' | 'view';
  ids: ControlId[];
}[] = [
  { legend: 'model', ids: ['width', 'positions', 'weights', 'seed'] },
  { legend: 'attention', ids: ['heads', 'causal', 'scale', 'temperature'] },
  { legend: 'view', ids: ['head', 'allHeads'] },
];

/**
 * The controls drawn beside each step: those that change what the step shows (÷√d_k at
 * Score, temperature and the mask at Softmax, the heads wherever a head's numbers are shown).
 */
export const STEP_CONTROLS: Record<StepId, readonly ControlId[]> = {
  tokens: [],
  qkv: ['heads', 'head'],
  score: ['scale', 'heads', 'head'],
  softmax: ['temperature', 'causal', 'heads', 'head'],
  weighted: ['heads', 'head'],
  output: ['heads', 'head'],
};

const numberOptions = (values: readonly number[]): SelectOption<number>[] =>
  values.map((value) => ({ value, label: String(value) }));
const WIDTH_OPTIONS = numberOptions(MODEL_WIDTHS);
const HEAD_COUNT_OPTIONS = numberOptions(HEAD_COUNTS);

/** One setting's control (with its note), writing straight to the store. */
export function SettingControl({ id }: { id: ControlId }) {
  const m = useMessages().shell.settings;
  const settings = useSettings();
  const head = useHead();
  const allHeads = useAppStore((s) => s.allHeads);
  const setSettings = useAppStore((s) => s.setSettings);
  const setHead = useAppStore((s) => s.setHead);
  const setAllHeads = useAppStore((s) => s.setAllHeads);
  const learned = settings.weights === 'learned';
  switch (id) {
    case 'width':
      return (
        <SelectField
          label={m.width}
          value={settings.width}
          options={WIDTH_OPTIONS}
          onChange={(width) => setSettings({ width })}
          note={m.widthNote(settings.width)}
        />
      );
    case 'positions':
      return (
        <CheckField
          label={m.positions}
          checked={settings.positions}
          onChange={(positions) => setSettings({ positions })}
          note={m.positionsNote}
        />
      );
    case 'weights':
      return (
        <>
          <SelectField
            label={m.weights}
            value={settings.weights}
            options={WEIGHTS_PRESETS.map((value) => ({ value, label: m.weightOptions[value] }))}
            // The learned heads were trained with the mask on (next-word prediction).
            onChange={(weights) =>
              setSettings(weights === 'learned' ? { weights, causal: true } : { weights })
            }
            note={m.weightsNote[settings.weights]}
          />
          <LearnedNotice />
        </>
      );
    case 'seed':
      return <SeedControl />;
    case 'heads':
      return (
        <SelectField
          label={m.heads}
          value={settings.heads}
          options={HEAD_COUNT_OPTIONS}
          onChange={(heads) => setSettings({ heads })}
          note={m.headsNote(headDim(settings.width, settings.heads))}
        />
      );
    case 'causal':
      return (
        <CheckField
          label={m.causal}
          checked={settings.causal || learned}
          onChange={(causal) => setSettings({ causal })}
          note={learned ? m.learnedCausalNote : m.causalNote}
          disabled={learned}
        />
      );
    case 'scale':
      return (
        <CheckField
          label={m.scale}
          checked={settings.scale}
          onChange={(scale) => setSettings({ scale })}
          note={m.scaleNote}
        />
      );
    case 'temperature':
      return <TemperatureControl />;
    case 'head':
      return (
        <>
          <SelectField
            label={m.head}
            value={head}
            options={Array.from({ length: settings.heads }, (_, i) => ({
              value: i,
              label: m.headOption(i + 1),
            }))}
            onChange={setHead}
            disabled={settings.heads === 1}
          />
          <HeadGuide />
        </>
      );
    case 'allHeads':
      return (
        <CheckField
          label={m.allHeads}
          checked={allHeads}
          onChange={setAllHeads}
          note={m.allHeadsNote}
          disabled={settings.heads === 1}
        />
      );
  }
}
