/**
 * Every setting of the model and the view, grouped as a student meets them: the model
 * (width, positions, weights, seed), the attention (heads, mask, scaling, temperature)
 * and what is shown (head, all heads). Each control writes straight to the store. The
 * controls of the current step are drawn beside the step's picture instead (StepControls),
 * so this panel leaves them out; a group left empty is not drawn.
 */
import { useId } from 'react';
import { useMessages } from '../../messages';
import { CONTROL_GROUPS, SettingControl, STEP_CONTROLS } from './settingControls';
import './SettingsPanel.css';
import { useStep } from '../../store/selectors';

/** Props of SettingsPanel. */
export interface SettingsPanelProps {
  /** Leave out the current step's controls (drawn by StepControls); true on the page. */
  readonly besideStep?: boolean;
}

/** The settings panel. */
export function SettingsPanel({ besideStep = false }: SettingsPanelProps) {
  const m = useMessages().shell.settings;
  const step = useStep();
  const id = useId();
  const elsewhere = besideStep ? STEP_CONTROLS[step] : [];
  return (
    <section className="panel settings-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{m.heading}</h2>
      <div className="settings-panel__groups">
        {CONTROL_GROUPS.map((group) => {
          const ids = group.ids.filter((c) => !elsewhere.includes(c));
          if (ids.length === 0) return null;
          return (
            <fieldset key={group.legend}>
              <legend>{m[group.legend]}</legend>
              {ids.map((c) => (
                <SettingControl key={c} id={c} />
              ))}
            </fieldset>
          );
        })}
      </div>
    </section>
  );
}
