/**
 * The language picker in the header: a labelled select whose options name each language
 * in that language, marked with its `lang` so a screen reader reads "Español" in Spanish.
 * The choice goes into the store, and from there into lesson links.
 */
import { useId } from 'react';
import { useMessages } from '../../messages';
import { LANGUAGE_NAMES } from '../../messages/languages';
import { useAppStore } from '../../store/store';
import './LanguagePicker.css';
import { LANGUAGES, type Language } from '../../vocabulary/language';
import { useLang } from '../../store/selectors';

/** The "Language" select. */
export function LanguagePicker() {
  const m = useMessages().app;
  const lang = useLang();
  const setLang = useAppStore((s) => s.setLang);
  const id = useId();
  return (
    <div className="language-picker">
      <label className="language-picker__label" htmlFor={id}>
        {m.language}
      </label>
      <select
        id={id}
        className="language-picker__select"
        value={lang}
        onChange={(e) => {
          const chosen = LANGUAGES.find((l) => l === e.target.value);
          if (chosen) setLang(chosen);
        }}
      >
        {LANGUAGES.map((l: Language) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
