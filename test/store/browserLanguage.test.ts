import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browserLanguage, preferredLanguage } from '../../src/store/browserLanguage';
import { initialState, useAppStore } from '../../src/store/store';
import { DEFAULT_LESSON } from '../../src/store/link/lessonState';
import { encodeLessonLink } from '../../src/store/link/lessonLink';
import { applyLessonLink, lessonUrl } from '../../src/store/link/useLessonLink';
import { MESSAGES } from '../../src/messages/all';
import { describeLinkProblem } from '../../src/store/link/problems';

describe('preferredLanguage', () => {
  it('takes the first preferred language the interface has, by primary subtag', () => {
    expect(preferredLanguage(['es-MX', 'en-US'])).toBe('es');
    expect(preferredLanguage(['ES'])).toBe('es');
    expect(preferredLanguage(['en-GB', 'es'])).toBe('en');
    expect(preferredLanguage(['fr-FR', 'es-ES', 'en'])).toBe('es');
  });

  it('falls back to English', () => {
    expect(preferredLanguage([])).toBe('en');
    expect(preferredLanguage(['de-DE', 'ja'])).toBe('en');
    expect(preferredLanguage([''])).toBe('en');
  });
});

describe('the language of a link and of the browser', () => {
  const state = () => useAppStore.getState();
  beforeEach(() => useAppStore.setState(initialState()));
  afterEach(() => vi.unstubAllGlobals());

  const browserSays = (languages: string[]) =>
    vi.stubGlobal('navigator', { languages, language: languages[0] });

  it('reads the browser’s preferred languages', () => {
    browserSays(['es-AR', 'en']);
    expect(browserLanguage()).toBe('es');
    browserSays(['de', 'en-US']);
    expect(browserLanguage()).toBe('en');
  });

  it('lets a link’s language win over the browser’s', () => {
    browserSays(['es-ES']);
    applyLessonLink('#lang=en&t=Hola');
    expect(state().lang).toBe('en');
    browserSays(['en-US']);
    applyLessonLink('#lang=es&t=Hi');
    expect(state().lang).toBe('es');
  });

  it('shows a link without a language in English, the links’ default, whatever the browser says', () => {
    browserSays(['es-CL']);
    state().setLang('es');
    applyLessonLink('#w=16&t=Hola');
    expect(state().lang).toBe('en');
  });

  it('tells what a Spanish link could not read in Spanish', () => {
    browserSays(['en-US']);
    applyLessonLink('#lang=es&seed=-1&t=Hola');
    const notice = state().linkNotice?.map((problem) =>
      describeLinkProblem(problem, MESSAGES[state().lang].share.problems),
    );
    expect(notice).toEqual([
      'Se ignoró seed=-1: la semilla debe ser un número entero de 0 a 4294967295',
    ]);
  });

  it('writes the language into a link unless it is English, the links’ default', () => {
    const es = { ...DEFAULT_LESSON, lang: 'es' as const };
    const en = { ...DEFAULT_LESSON, lang: 'en' as const };
    expect(encodeLessonLink(es)).toBe('lang=es&t=I+love+tennis.');
    expect(encodeLessonLink(en)).toBe('t=I+love+tennis.');
    expect(lessonUrl(es, { origin: 'https://x.org', pathname: '/', search: '' } as Location)).toBe(
      'https://x.org/#lang=es&t=I+love+tennis.',
    );
  });
});
