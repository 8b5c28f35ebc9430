/**
 * The controls that change what the current step shows, drawn beside its picture: ÷√d_k at
 * Score, the temperature and the causal mask at Softmax, the heads wherever a head's numbers
 * are on screen. The settings panel leaves these out while they are here.
 */
import { useMessages } from '../../messages';
import { SettingControl, STEP_CONTROLS } from './settingControls';
import './SettingsPanel.css';
import { useStep } from '../../store/selectors';

/** The current step's controls, as a labelled group. */
export function StepControls() {
  const m = useMessages().shell.settings;
  const step = useStep();
  const ids = STEP_CONTROLS[step];
  if (ids.length === 0) return null;
  return (
    <fieldset className="step-controls">
      <legend className="visually-hidden">{m.stepControls}</legend>
      {ids.map((c) => (
        <SettingControl key={c} id={c} />
      ))}
    </fieldset>
  );
}
