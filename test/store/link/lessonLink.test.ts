/**
 * Lesson links: every valid view survives the trip through a link exactly, and no link,
 * however broken, makes the decoder throw or hand the store a value its controls cannot
 * show. Each part that is not used as written is named in one readable problem.
 */
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { initialState, useAppStore } from '../../../src/store/store';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';
import { DEFAULT_TEXT } from '../../../src/vocabulary/text';
import { DEFAULT_GRAPH } from '../../../src/vocabulary/graph';
import {
  DEFAULT_LESSON,
  lessonFromPatch,
  type LessonState,
} from '../../../src/store/link/lessonState';
import { LINK_KEYS } from '../../../src/store/link/fields';
import {
  decodeLessonLink,
  encodeLessonLink,
  fitLessonToTokens,
} from '../../../src/store/link/lessonLink';
import { applyLessonLink } from '../../../src/store/link/useLessonLink';
import { arbLesson } from './arbitraries';
import { describeLinkProblem, type LinkProblem } from '../../../src/store/link/problems';
import { share } from '../../../src/messages/share';

/** Problems as the English notice words them. */
const said = (problems: readonly LinkProblem[] | null): string[] | undefined =>
  problems?.map((problem) => describeLinkProblem(problem, share.problems));
import { binaryString } from '../../helpers/arbitraries';

/** The view a link leads to. */
const decodeState = (hash: string): LessonState => lessonFromPatch(decodeLessonLink(hash).patch);

/** Every view the controls can produce, with any text at all. */
const arbText = fc.oneof(
  binaryString({ maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.constantFrom(
    '',
    ' ',
    '&t=x&w=4',
    '100% + 50% = 150%',
    '%E0%A4%A',
    '<script>alert(1)</script>',
    '"><svg onload=alert(1)>',
    '👩‍👩‍👧 🇪🇸 שלום مرحبا 漢字 é\u0301',
    'line\nbreak\ttab\r\n',
    '#hash?query=1',
  ),
);
const arbState = arbLesson(arbText);

/** Pieces a hand edit, a truncation or a hostile page might put in a link. */
const arbKey = fc.oneof(
  fc.constantFrom(...Object.values(LINK_KEYS)),
  fc.constantFrom('W', 'SEED', ' t', 'x', '', '%', '%74', 'constructor', '__proto__', 'toString'),
  fc.string({ maxLength: 4 }),
);
const arbValue = fc.oneof(
  fc.constantFrom(
    '',
    '0',
    '1',
    '-1',
    '1e20',
    '1e400',
    'NaN',
    'Infinity',
    '-0',
    '0x10',
    '4294967295',
    '4294967296',
    '0.1',
    '0.05',
    '3.05',
    '.5',
    '7',
    '3',
    '100',
    'output',
    'Softmax',
    '1-2',
    '511-511',
    '512-0',
    '9999999999999999-1',
    'circle',
    'in',
    'es',
    'true',
    '%',
    '%%',
    '%E0%A4%A',
    '%C3%A9',
    '%ED%A0%80',
    '%FF',
    '+',
    '%2B',
    '\uD800',
    '\u0000',
  ),
  binaryString({ maxLength: 20 }),
  fc.double().map(String),
  fc.integer().map(String),
);
const arbHash = fc
  .array(fc.tuple(arbKey, fc.constantFrom('=', '', '=='), arbValue), { maxLength: 25 })
  .chain((pairs) =>
    fc
      .constantFrom('#', '', '#?', '##')
      .map((lead) => lead + pairs.map(([k, eq, v]) => k + eq + v).join('&')),
  );

describe('encodeLessonLink', () => {
  it('writes only the text for the default view', () => {
    expect(encodeLessonLink(DEFAULT_LESSON)).toBe('t=I+love+tennis.');
  });

  it('writes what differs from the defaults with short keys, and the text last', () => {
    const link = encodeLessonLink({
      ...DEFAULT_LESSON,
      text: 'The cat sat.',
      settings: { ...DEFAULT_SETTINGS, width: 16, heads: 2, causal: true, temperature: 0.5 },
      step: 'softmax',
      head: 1,
      selection: { i: 2, j: 0 },
      graph: { ...DEFAULT_LESSON.graph, layout: 'circle', focus: 1 },
    });
    expect(link).toBe(
      'w=16&h=2&causal=1&temp=0.5&step=softmax&head=1&sel=2-0&layout=circle&focus=1&t=The+cat+sat.',
    );
  });

  it('writes quiz=1 when "Predict first" is on, and nothing when it is off', () => {
    expect(encodeLessonLink({ ...DEFAULT_LESSON, quiz: true, step: 'softmax' })).toBe(
      'step=softmax&quiz=1&t=I+love+tennis.',
    );
    expect(encodeLessonLink({ ...DEFAULT_LESSON, quiz: false })).toBe('t=I+love+tennis.');
    expect(decodeState('step=softmax&quiz=1&t=x').quiz).toBe(true);
    expect(decodeState('quiz=on').quiz).toBe(true);
    expect(decodeState('quiz=0').quiz).toBe(false);
    expect(decodeState('t=x').quiz).toBe(false);
    expect(said(decodeLessonLink('quiz=sometimes&t=x').problems)).toEqual([
      'Ignored quiz=sometimes: it must be 1 (on) or 0 (off)',
    ]);
  });

  it('escapes text that could end the fragment or start a new key', () => {
    const link = encodeLessonLink({ ...DEFAULT_LESSON, text: 'a&w=4#b+c=d%' });
    expect(link).toBe('t=a%26w%3D4%23b%2Bc%3Dd%25');
    expect(decodeState(link).text).toBe('a&w=4#b+c=d%');
    expect(decodeState(link).settings.width).toBe(8);
  });
});

describe('decodeLessonLink', () => {
  it('names the learned weights and reads them back', () => {
    const lesson: LessonState = {
      ...DEFAULT_LESSON,
      text: 'The cat sat on the mat because it was tired.',
      settings: { ...DEFAULT_SETTINGS, width: 100, heads: 4, causal: true, weights: 'learned' },
      head: 2,
    };
    const link = encodeLessonLink(lesson);
    expect(link).toContain('weights=learned');
    const { patch, problems } = decodeLessonLink(`#${link}`);
    expect(problems).toEqual([]);
    expect(lessonFromPatch(patch)).toEqual(lesson);
  });

  it('reads a hand-written link, with or without the #', () => {
    const { patch, problems } = decodeLessonLink(
      '#t=The+cat+sat+on+the+mat.&w=4&h=4&seed=42&causal=1&scale=0&temp=2.5&weights=random&pos=0' +
        '&step=output&head=3&all=1&quiz=1&embed=1&sel=1-2&layout=force&thr=0.25&topk=2&focus=0&dir=in&every=1' +
        '&follow=2-5&lang=es',
    );
    expect(problems).toEqual([]);
    expect(lessonFromPatch(patch)).toEqual({
      text: 'The cat sat on the mat.',
      settings: {
        width: 4,
        heads: 4,
        seed: 42,
        causal: true,
        scale: false,
        temperature: 2.5,
        weights: 'random',
        positions: false,
      },
      step: 'output',
      head: 3,
      allHeads: true,
      quiz: true,
      embed: true,
      selection: { i: 1, j: 2 },
      graph: {
        layout: 'force',
        threshold: 0.25,
        topK: 2,
        focus: 0,
        direction: 'in',
        everyEdge: true,
      },
      follow: { token: 2, frame: 5 },
      lang: 'es',
    });
    expect(decodeLessonLink('w=16&t=x').patch).toEqual({ text: 'x', settings: { width: 16 } });
  });

  it('carries "Show every edge" as every=1, and the covering default as nothing', () => {
    const every: LessonState = { ...DEFAULT_LESSON, graph: { ...DEFAULT_GRAPH, everyEdge: true } };
    expect(encodeLessonLink(every)).toBe('every=1&t=I+love+tennis.');
    expect(encodeLessonLink(DEFAULT_LESSON)).not.toContain('every');
    expect(decodeLessonLink('every=1&t=x').patch).toEqual({
      text: 'x',
      graph: { everyEdge: true },
    });
    expect(decodeLessonLink('every=off').patch).toEqual({ graph: { everyEdge: false } });
    expect(decodeLessonLink('every=all').problems).toHaveLength(1);
  });

  it('is not fooled by an in-page anchor or an empty fragment', () => {
    for (const hash of ['', '#', '#main', '#top-of-page', '#%E0']) {
      expect(decodeLessonLink(hash)).toEqual({ patch: {}, problems: [] });
    }
  });

  it('drops each unreadable value with one readable problem, and keeps the rest', () => {
    const { patch, problems } = decodeLessonLink(
      '#w=7&h=3&seed=-1&temp=NaN&causal=maybe&weights=trained&layout=spiral&dir=up&lang=fr&t=Hello',
    );
    expect(patch).toEqual({ text: 'Hello' });
    expect(said(problems)).toEqual([
      'Ignored w=7: the model width must be one of 4, 8, 16, 32, 64 or 100',
      'Ignored h=3: the number of heads must be one of 1, 2 or 4',
      'Ignored seed=-1: the seed must be a whole number from 0 to 4294967295',
      'Ignored causal=maybe: it must be 1 (on) or 0 (off)',
      'Ignored temp=NaN: the temperature must be from 0.1 to 3, in steps of 0.1',
      'Ignored weights=trained: the weights must be one of random, similarity or learned',
      'Ignored layout=spiral: the graph layout must be one of line, circle or force',
      'Ignored dir=up: the edges shown must be one of out or in',
      'Ignored lang=fr: the language must be one of en or es',
    ]);
  });

  it('rejects numbers out of range or not written as plain whole numbers', () => {
    for (const seed of ['1e20', '4294967296', '1.5', '0x10', '', ' ', '-0', 'Infinity']) {
      const { patch, problems } = decodeLessonLink(`seed=${seed}&t=x`);
      expect(patch.settings?.seed, seed).toBeUndefined();
      expect(problems, seed).toHaveLength(1);
    }
    expect(decodeLessonLink('seed=4294967295').patch.settings?.seed).toBe(4294967295);
    expect(decodeLessonLink('seed=007').patch.settings?.seed).toBe(7);
    for (const temp of ['0', '0.04', '3.1', '-1', '1e400', 'NaN', 'Infinity', '']) {
      expect(decodeLessonLink(`temp=${temp}`).patch.settings, temp).toBeUndefined();
    }
    expect(decodeLessonLink('thr=1.01').patch).toEqual({});
    expect(decodeLessonLink('topk=513').patch).toEqual({});
    expect(decodeLessonLink('focus=512').patch).toEqual({});
    expect(decodeLessonLink('sel=0-512').patch).toEqual({});
    expect(decodeLessonLink('sel=3').patch).toEqual({});
  });

  it('rounds a temperature or threshold between the sliders’ steps, and says so', () => {
    const { patch, problems } = decodeLessonLink('temp=0.25&thr=0.333');
    expect(patch.settings?.temperature).toBe(0.3);
    expect(patch.graph?.threshold).toBe(0.33);
    expect(said(problems)).toEqual([
      'Changed temp=0.25 to 0.3: the temperature must be from 0.1 to 3, in steps of 0.1',
      'Changed thr=0.333 to 0.33: the weight threshold must be from 0 to 1, in steps of 0.01',
    ]);
  });

  it('checks the step and the head against the link’s own number of heads', () => {
    expect(said(decodeLessonLink('step=output&head=1').problems)).toEqual([
      'Ignored step=output: that step exists only with more than one head',
      'Ignored head=1: with one head the head must be 0',
    ]);
    expect(decodeLessonLink('h=2&step=output&head=1').problems).toEqual([]);
    expect(said(decodeLessonLink('h=2&head=2').problems)).toEqual([
      'Ignored head=2: with 2 heads the head must be a whole number from 0 to 1',
    ]);
    expect(said(decodeLessonLink('step=attention').problems)).toEqual([
      'Ignored step=attention: the step must be one of tokens, qkv, score, softmax, weighted or output',
    ]);
  });

  it('names unknown keys and repeated keys, and uses the last of a repeated key', () => {
    const { patch, problems } = decodeLessonLink('seed=1&foo=bar&seed=2&t=a&t=b');
    expect(patch).toEqual({ text: 'b', settings: { seed: 2 } });
    expect(said(problems)).toEqual([
      'Ignored foo=bar: this is not a setting of the app',
      '“seed” appears 2 times; the last one is used',
      '“t” appears 2 times; the last one is used',
    ]);
  });

  it('forgives the spellings of a hand edit: case, spaces, true/false, other separators', () => {
    const { patch, problems } = decodeLessonLink(
      'W=16&Causal=true&scale=off&step=Softmax&layout=CIRCLE&sel=1,2&t=x',
    );
    expect(problems).toEqual([]);
    expect(patch).toEqual({
      text: 'x',
      settings: { width: 16, causal: true, scale: false },
      step: 'softmax',
      selection: { i: 1, j: 2 },
      graph: { layout: 'circle' },
    });
  });

  it('reads text with broken escapes as far as it can, and says it was damaged', () => {
    const { patch, problems } = decodeLessonLink('#w=16&t=Caf%C3%A9+%E0%A4%A');
    expect(patch.settings).toEqual({ width: 16 });
    expect(patch.text).toBe('Café \uFFFD%A');
    expect(said(problems)).toEqual([
      'Some characters of the sentence were damaged in the link and show as �',
    ]);
    // A lone percent sign is text, not damage.
    expect(decodeLessonLink('t=100%').problems).toEqual([]);
    expect(decodeLessonLink('t=100%').patch.text).toBe('100%');
  });

  it('reads what is left of a truncated link', () => {
    const full = encodeLessonLink({
      ...DEFAULT_LESSON,
      text: 'Où est la bibliothèque ?',
      settings: { ...DEFAULT_SETTINGS, width: 32, seed: 123456 },
    });
    for (let cut = 0; cut <= full.length; cut++) {
      const { patch } = decodeLessonLink(full.slice(0, cut));
      const state = lessonFromPatch(patch);
      // Settings come before the text, so once the text has started they are all there.
      if (cut > full.indexOf('&t=')) expect(state.settings.width).toBe(32);
      expect(typeof state.text).toBe('string');
    }
  });

  it('quotes at most a short piece of a long value in a problem', () => {
    const { problems } = decodeLessonLink(`w=${'9'.repeat(100_000)}`);
    expect(problems).toHaveLength(1);
    expect(said(problems)![0]!.length).toBeLessThan(200);
  });

  it('reads a 1 MB sentence whole', () => {
    const text = 'The cat sat on the mat. '.repeat(45_000); // about 1 MB
    const { patch, problems } = decodeLessonLink(encodeLessonLink({ ...DEFAULT_LESSON, text }));
    expect(problems).toEqual([]);
    expect(patch.text).toBe(text);
  });
});

describe('lesson link properties', () => {
  it('every valid view round-trips exactly, with no problem', () => {
    fc.assert(
      fc.property(arbState, (state) => {
        const link = encodeLessonLink(state);
        const { patch, problems } = decodeLessonLink(`#${link}`);
        expect(problems).toEqual([]);
        expect(lessonFromPatch(patch)).toEqual(state);
      }),
      { numRuns: 500 },
    );
  });

  it('decoding never throws on arbitrary strings, and always gives a valid view', () => {
    const check = (hash: string) => {
      const decoded = decodeLessonLink(hash);
      expect(Array.isArray(decoded.problems)).toBe(true);
      const state = lessonFromPatch(decoded.patch);
      // Whatever it read is a view the link can carry again, unchanged.
      const again = decodeLessonLink(encodeLessonLink(state));
      expect(again.problems).toEqual([]);
      expect(lessonFromPatch(again.patch)).toEqual(state);
    };
    fc.assert(fc.property(binaryString({ maxLength: 300 }), check), {
      numRuns: 500,
    });
    // UTF-16 code units one by one: lone surrogates included.
    const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
    fc.assert(fc.property(fc.string({ unit: codeUnit, maxLength: 200 }), check), {
      numRuns: 300,
    });
    fc.assert(fc.property(arbHash, check), { numRuns: 1000 });
  });
});

describe('fitLessonToTokens', () => {
  it('drops a selection or focus past the last token, with a problem each', () => {
    const patch = { text: 'a b c', selection: { i: 1, j: 3 }, graph: { focus: 5, topK: 2 } };
    const fitted = fitLessonToTokens(patch, 3);
    expect(fitted.patch).toEqual({
      text: 'a b c',
      selection: null,
      graph: { focus: null, topK: 2 },
    });
    expect(said(fitted.problems)).toEqual([
      'Ignored sel=1-3: the sentence has only 3 tokens (numbered from 0)',
      'Ignored focus=5: the sentence has only 3 tokens (numbered from 0)',
    ]);
    const inside = { selection: { i: 2, j: 0 }, graph: { focus: 2 } };
    expect(fitLessonToTokens(inside, 3)).toEqual({ patch: inside, problems: [] });
  });
});

describe('store.applyLink', () => {
  const state = () => useAppStore.getState();
  beforeEach(() => {
    useAppStore.setState(initialState());
  });

  it('sets text, selection and focus together, without setText’s resets', () => {
    state().applyLink({
      text: 'The cat sat.',
      selection: { i: 1, j: 0 },
      graph: { focus: 2, layout: 'force' },
      settings: { heads: 2 },
      step: 'output',
      head: 1,
      allHeads: true,
      lang: 'es',
    });
    expect(state()).toMatchObject({
      text: 'The cat sat.',
      selection: { i: 1, j: 0 },
      graph: { ...DEFAULT_LESSON.graph, focus: 2, layout: 'force' },
      settings: { ...DEFAULT_SETTINGS, heads: 2 },
      step: 'output',
      head: 1,
      allHeads: true,
      lang: 'es',
    });
  });

  it('clears a selection and focus that belonged to the old text when the patch names none', () => {
    state().select({ i: 1, j: 1 });
    state().setGraph({ focus: 1 });
    state().applyLink({ text: 'Another sentence.' });
    expect(state().selection).toBeNull();
    expect(state().graph.focus).toBeNull();
    // The same text keeps them.
    state().select({ i: 1, j: 1 });
    state().applyLink({ text: 'Another sentence.', settings: { seed: 3 } });
    expect(state().selection).toEqual({ i: 1, j: 1 });
  });

  it('keeps step and head valid and clears the hover', () => {
    state().setHoverToken(1);
    state().setHoverCell({ i: 0, j: 0 });
    state().applyLink({ step: 'output', head: 3 });
    expect(state().step).toBe('weighted');
    expect(state().head).toBe(0);
    expect(state().hoverToken).toBeNull();
    expect(state().hoverCell).toBeNull();
  });

  it('turns the quiz on and off as the link says, keeping its score', () => {
    state().updateQuiz((quiz) => ({ ...quiz, right: 2, answered: 3 }));
    state().applyLink({ quiz: true });
    expect(state().quiz).toMatchObject({ enabled: true, right: 2, answered: 3 });
    const quiz = state().quiz;
    state().applyLink({ text: 'Another.' });
    expect(state().quiz).toBe(quiz);
    state().applyLink({ quiz: false });
    expect(state().quiz).toMatchObject({ enabled: false, right: 2, answered: 3 });
  });

  it('keeps the settings and graph objects when the link does not change them', () => {
    const { settings, graph } = state();
    state().applyLink(lessonFromPatch({}));
    expect(state().settings).toBe(settings);
    expect(state().graph).toBe(graph);
  });
});

describe('applyLessonLink', () => {
  const state = () => useAppStore.getState();
  beforeEach(() => {
    useAppStore.setState(initialState());
  });

  it('shows the whole view of the link, defaults for what it leaves out', () => {
    state().setSettings({ seed: 99, causal: true });
    state().setStep('softmax');
    expect(applyLessonLink('#w=16&step=score&t=The+cat+sat.')).toBe(true);
    expect(state().text).toBe('The cat sat.');
    expect(state().settings).toEqual({ ...DEFAULT_SETTINGS, width: 16 });
    expect(state().step).toBe('score');
    expect(state().linkNotice).toBeNull();
  });

  it('lists what it could not read, including indices past the sentence’s tokens', () => {
    expect(applyLessonLink('#seed=-1&sel=9-0&focus=1&t=Hi+there')).toBe(true);
    expect(state().settings.seed).toBe(DEFAULT_SETTINGS.seed);
    expect(state().selection).toBeNull();
    expect(state().graph.focus).toBe(1);
    expect(said(state().linkNotice)).toEqual([
      'Ignored seed=-1: the seed must be a whole number from 0 to 4294967295',
      'Ignored sel=9-0: the sentence has only 2 tokens (numbered from 0)',
    ]);
  });

  it('changes nothing for a fragment that is not a lesson link', () => {
    state().setText('Mine.');
    expect(applyLessonLink('#main')).toBe(false);
    expect(applyLessonLink('')).toBe(false);
    expect(state().text).toBe('Mine.');
    expect(state().text).not.toBe(DEFAULT_TEXT);
  });
});
