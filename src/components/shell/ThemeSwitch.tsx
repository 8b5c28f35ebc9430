/**
 * The header's theme switch: System (follow the operating system), Light or Dark. A
 * native select with a visible label: small, and every keyboard and screen reader knows it.
 */
import { useId } from 'react';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import { isThemeChoice, THEME_CHOICES } from '../../theme';
import './ThemeSwitch.css';

/** The labelled theme select. */
export function ThemeSwitch() {
  const m = useMessages().present;
  const theme = useAppStore((s) => s.theme);
  const setTheme = useAppStore((s) => s.setTheme);
  const id = useId();
  return (
    <div className="theme-switch">
      <label htmlFor={id}>{m.themeLabel}</label>
      <select
        id={id}
        value={theme}
        onChange={(e) => {
          if (isThemeChoice(e.target.value)) setTheme(e.target.value);
        }}
      >
        {THEME_CHOICES.map((choice) => (
          <option key={choice} value={choice}>
            {m.themes[choice]}
          </option>
        ))}
      </select>
    </div>
  );
}
