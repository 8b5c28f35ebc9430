/**
 * The messages write the apostrophe as ’ (issue 13, item 7: a stray ' closed the Score
 * caption, "Compare the legend's range with the raw scores'."). Every string, and every
 * function's sentence with sample arguments, is checked in both languages.
 */
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../src/messages/all';

/** Every sentence reachable from `value`, functions called with a few sample arguments. */
function sentences(value: unknown, path: string, out: [string, string][]): void {
  if (typeof value === 'string') {
    out.push([path, value]);
  } else if (typeof value === 'function') {
    for (const args of [
      ['a', 'b', 'c'],
      [2, 3, 4],
      ['2', '3', '4'],
    ]) {
      let result: unknown;
      try {
        result = (value as (...a: unknown[]) => unknown)(...args);
      } catch {
        // A function of an object (a step's context) is not sampled this way.
        continue;
      }
      sentences(result, `${path}()`, out);
    }
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => sentences(v, `${path}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) sentences(v, `${path}.${key}`, out);
  }
}

describe('apostrophes in the messages', () => {
  it('are typographic: no straight apostrophe in any sentence, in English or Spanish', () => {
    for (const [lang, messages] of Object.entries(MESSAGES)) {
      const all: [string, string][] = [];
      sentences(messages, lang, all);
      expect(all.length).toBeGreaterThan(300);
      // A straight ' beside a letter. The example sentences are text a user might type
      // ("don't" shows how contractions split), not the app's own words.
      const stray = all.filter(
        ([path, text]) => !path.includes('.examples.') && /\p{L}'|'\p{L}/u.test(text),
      );
      expect(stray).toEqual([]);
    }
  });

  it('the scaled-scores caption ends as a sentence', () => {
    const caption = MESSAGES.en.viz.modeExplanations.scaled(8, '2.83');
    expect(caption).not.toMatch(/'/);
    expect(caption).toMatch(/legend’s range/);
  });
});
