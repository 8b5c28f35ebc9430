/**
 * The header's "Attention Lab" button: opens the Lab, or, in the Lab, goes back to the
 * walkthrough (its name then says so).
 */
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';

/** The button (see the module comment). */
export function LabButton() {
  const m = useMessages().lab;
  const screen = useAppStore((s) => s.screen);
  const setScreen = useAppStore((s) => s.setScreen);
  const inLab = screen === 'lab';
  return (
    <button
      type="button"
      className="lab-button"
      aria-pressed={inLab}
      onClick={() => setScreen(inLab ? 'walkthrough' : 'lab')}
    >
      {inLab ? m.back : m.open}
    </button>
  );
}
