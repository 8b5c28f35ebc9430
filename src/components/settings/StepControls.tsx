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
    // A div, not a fieldset: a fieldset's legend would not let its fields form a grid.
    <div className="step-controls" role="group" aria-label={m.stepControls}>
      {ids.map((c) => (
        <SettingControl key={c} id={c} />
      ))}
    </div>
  );
}
