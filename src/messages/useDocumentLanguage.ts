/**
 * Keeps the document in the interface's language: `<html lang>` (so screen readers pick
 * the right voice and browsers hyphenate and translate correctly), `dir="ltr"` (both
 * languages are left to right; tokens in right-to-left scripts are isolated where they
 * are shown), the tab's title and the meta description.
 */
import { useLayoutEffect } from 'react';
import { messagesFor, useShownLanguage } from '.';

/** Call once, in the App. */
export function useDocumentLanguage(): void {
  // The language shown, which is English until a chosen language's messages have arrived.
  const lang = useShownLanguage();
  // A layout effect: the first paint already carries the right lang for assistive technology.
  useLayoutEffect(() => {
    const m = messagesFor(lang).app;
    const html = document.documentElement;
    html.lang = lang;
    html.dir = 'ltr';
    document.title = m.documentTitle;
    document.querySelector('meta[name="description"]')?.setAttribute('content', m.description);
  }, [lang]);
}
