/**
 * The table of a lesson link's fields: it covers every part of a lesson exactly once, and
 * each row's codec gives back every value the controls can produce, unchanged and without
 * a notice, and refuses what they cannot with a reason every language can word.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MESSAGES } from '../../../src/messages/all';
import {
  LINK_FIELDS,
  LINK_KEYS,
  valueAt,
  withValueAt,
  type FieldPath,
} from '../../../src/store/link/fields';
import {
  DEFAULT_LESSON,
  LESSON_GROUPS,
  lessonFromPatch,
  type LessonState,
} from '../../../src/store/link/lessonState';
import { describeLinkReason } from '../../../src/store/link/problems';
import { arbLesson } from './arbitraries';

/** Every lesson the controls can produce. */
const lessons = arbLesson(fc.string({ unit: 'grapheme', maxLength: 40 }));

/** Every path to a value in a lesson: top-level fields, and each field of a group. */
function lessonPaths(lesson: LessonState): string[] {
  return (Object.keys(lesson) as (keyof LessonState)[]).flatMap((key) =>
    (LESSON_GROUPS as readonly string[]).includes(key)
      ? Object.keys(lesson[key] as object).map((name) => `${key}.${name}`)
      : [key],
  );
}

const pathName = (path: FieldPath) => path.join('.');

describe('the table of link fields', () => {
  it('has one row for every part of a lesson, with a key of its own', () => {
    expect(LINK_FIELDS.map((f) => pathName(f.path)).sort()).toEqual(
      lessonPaths(DEFAULT_LESSON).sort(),
    );
    expect(new Set(LINK_KEYS).size).toBe(LINK_KEYS.length);
    // The text is written always, and last, so a cut link loses its sentence's end only.
    expect(LINK_FIELDS.filter((f) => f.always).map((f) => pathName(f.path))).toEqual(['text']);
    expect(pathName(LINK_FIELDS[LINK_FIELDS.length - 1]!.path)).toBe('text');
  });

  it('gives back every value the controls can produce, row by row, without a notice', () => {
    fc.assert(
      fc.property(lessons, (lesson) => {
        for (const field of LINK_FIELDS) {
          const value = valueAt(lesson, field.path);
          // A selection or focus of none is not written at all: it is the default.
          if (value === null) continue;
          const read = field.codec.decode(field.codec.encode(value), lesson);
          expect(read, pathName(field.path)).toEqual({ value });
        }
      }),
      { numRuns: 300 },
    );
  });

  it('places each value where it reads it, over the defaults', () => {
    fc.assert(
      fc.property(lessons, (lesson) => {
        const patch = LINK_FIELDS.reduce(
          (built, field) => withValueAt(built, field.path, valueAt(lesson, field.path)),
          {},
        );
        expect(lessonFromPatch(patch)).toEqual(lesson);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses what the controls cannot produce with a reason every language can word', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), lessons, (raw, sofar) => {
        for (const field of LINK_FIELDS) {
          const read = field.codec.decode(raw, sofar);
          const reasons = [
            ...('rejected' in read ? [read.rejected] : []),
            ...('rounded' in read && read.rounded ? [read.rounded] : []),
          ];
          for (const reason of reasons) {
            for (const messages of Object.values(MESSAGES)) {
              expect(describeLinkReason(reason, messages.share.problems)).not.toBe('');
            }
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
