import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDUCTION_SIZES, inductionTask } from '../../../src/core/lab/tasks/induction';
import {
  DEFAULT_LAB_TASK,
  isLabTaskId,
  LAB_TASK_IDS,
  LAB_TASKS,
  labTask,
  type LabTask,
} from '../../../src/core/lab/tasks/index';
import { LOOKUP_SIZES, lookupTask } from '../../../src/core/lab/tasks/lookup';
import { previousTask } from '../../../src/core/lab/tasks/previous';
import { reverseTask } from '../../../src/core/lab/tasks/reverse';
import { mulberry32 } from '../../../src/core/random';

const seeds = fc.integer({ min: 0, max: 2 ** 32 - 1 });

/** The symbols of an example. */
function symbols(task: LabTask, ids: readonly number[]): string[] {
  return ids.map((id) => task.vocab[id] as string);
}

describe('the tasks', () => {
  it('are the four of issue 11, in menu order, and the Lab opens on lookup', () => {
    expect(LAB_TASKS.map((t) => t.id)).toEqual(['lookup', 'previous', 'reverse', 'induction']);
    expect([...LAB_TASK_IDS]).toEqual(['lookup', 'previous', 'reverse', 'induction']);
    expect(DEFAULT_LAB_TASK).toBe('lookup');
    expect(isLabTaskId('induction')).toBe(true);
    expect(isLabTaskId('copy')).toBe(false);
    expect(labTask('reverse')).toBe(reverseTask);
    expect(() => labTask('copy')).toThrow(/copy.*lookup, previous, reverse, induction/);
  });

  it('mask as issue 11 says: previous and induction causal, lookup and reverse not', () => {
    expect(LAB_TASKS.map((t) => t.causal)).toEqual([false, true, false, true]);
    expect(LAB_TASKS.map((t) => t.defaults.layers)).toEqual([1, 1, 1, 2]);
  });

  for (const task of LAB_TASKS) {
    describe(task.id, () => {
      it('has distinct symbols and sane defaults', () => {
        expect(new Set(task.vocab).size).toBe(task.vocab.length);
        expect(task.defaults.positions).toBe(true);
        expect(task.defaults.steps).toBeGreaterThan(0);
      });

      it('samples T tokens of the vocabulary, with answers that the task’s rule gives (fast-check)', () => {
        fc.assert(
          fc.property(seeds, (seed) => {
            const { tokens, targets } = task.sample(mulberry32(seed));
            expect(tokens).toHaveLength(task.seqLen);
            expect(targets).toHaveLength(task.seqLen);
            expect(
              tokens.every((t) => Number.isInteger(t) && t >= 0 && t < task.vocab.length),
            ).toBe(true);
            expect(targets.some((t) => t >= 0)).toBe(true);
            expect(task.answers(tokens)).toEqual(targets);
          }),
        );
      });

      it('has known patterns of one-hot rows (or rows of zeros) that point at earlier keys when causal', () => {
        fc.assert(
          fc.property(seeds, (seed) => {
            const { tokens } = task.sample(mulberry32(seed));
            const patterns = task.knownPatterns(tokens);
            expect(patterns.length).toBeGreaterThan(0);
            for (const { layer, weights } of patterns) {
              expect(layer).toBeLessThan(task.defaults.layers);
              expect(weights).toHaveLength(task.seqLen);
              weights.forEach((row, i) => {
                expect(row).toHaveLength(task.seqLen);
                const sum = row.reduce((a, b) => a + b, 0);
                expect(row.every((x) => x === 0 || x === 1)).toBe(true);
                expect(sum === 0 || sum === 1).toBe(true);
                if (task.causal && sum === 1) expect(row.indexOf(1)).toBeLessThanOrEqual(i);
              });
            }
          }),
          { numRuns: 50 },
        );
      });

      it('rejects a sequence of the wrong length or with an id outside the vocabulary', () => {
        const { tokens } = task.sample(mulberry32(1));
        expect(task.answers(tokens.slice(1))).toBeNull();
        expect(task.answers([...tokens.slice(1), task.vocab.length])).toBeNull();
        expect(task.answers([...tokens.slice(1), 0.5])).toBeNull();
      });
    });
  }
});

describe('lookup', () => {
  const { keys, values, books } = LOOKUP_SIZES;
  const T = books + 1;

  it('spells books as key then value, queries as key then "?", answers as the value', () => {
    expect(lookupTask.seqLen).toBe(T);
    expect(lookupTask.vocab.slice(0, values)).toEqual(
      ['A0', 'A1', 'A2', 'A3', 'A4', 'A5'].slice(0, values),
    );
    expect(lookupTask.vocab).toContain('B2');
    expect(lookupTask.vocab).toContain('B?');
    expect(lookupTask.vocab.slice(-values)).toEqual(
      Array.from({ length: values }, (_, v) => String(v)),
    );
    expect(lookupTask.vocab).toHaveLength(keys * values + keys + values);
  });

  it('puts a shelf of books with distinct keys, then a query whose key exactly one book has (fast-check)', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const { tokens, targets } = lookupTask.sample(mulberry32(seed));
        const s = symbols(lookupTask, tokens);
        const shelf = s.slice(0, books);
        const query = s[books] as string;
        expect(shelf.every((b) => /^[A-Z]\d$/.test(b))).toBe(true);
        expect(query).toMatch(/^[A-Z]\?$/);
        expect(new Set(shelf.map((b) => b[0])).size).toBe(books);
        const matching = shelf.filter((b) => b[0] === query[0]);
        expect(matching).toHaveLength(1);
        // Only the query answers, and its answer is the matching book's value.
        expect(targets.slice(0, books)).toEqual(new Array(books).fill(-1));
        expect(lookupTask.vocab[targets[books] as number]).toBe((matching[0] as string)[1]);
        // The known pattern: the query's row on the matching book, nothing else asked.
        const [pattern] = lookupTask.knownPatterns(tokens);
        expect(pattern?.layer).toBe(0);
        expect(pattern?.weights[books]?.[shelf.indexOf(matching[0] as string)]).toBe(1);
        expect(
          pattern?.weights
            .slice(0, books)
            .flat()
            .every((x) => x === 0),
        ).toBe(true);
      }),
    );
  });

  it('answers a typed shelf, and refuses one it cannot answer', () => {
    const id = (symbol: string) => lookupTask.vocab.indexOf(symbol);
    const ids = (...s: string[]) => s.map(id);
    expect(lookupTask.answers(ids('A3', 'C1', 'D0', 'B2', 'B?'))).toEqual([
      -1,
      -1,
      -1,
      -1,
      id('2'),
    ]);
    expect(lookupTask.answers(ids('A3', 'C1', 'D0', 'B2', 'E?'))).toBeNull(); // no book E
    expect(lookupTask.answers(ids('A3', 'A1', 'D0', 'B2', 'A?'))).toBeNull(); // two books A
    expect(lookupTask.answers(ids('A3', 'C?', 'D0', 'B2', 'D?'))).toBeNull(); // a query on the shelf
    expect(lookupTask.answers(ids('A3', 'C1', 'D0', 'B2', 'B2'))).toBeNull(); // no query
    expect(lookupTask.answers(ids('A3', '1', 'D0', 'B2', 'B?'))).toBeNull(); // an answer on the shelf
  });
});

describe('previous and reverse', () => {
  it('previous answers each position with the token before it, the first with nothing (fast-check)', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const { tokens, targets } = previousTask.sample(mulberry32(seed));
        expect(targets[0]).toBe(-1);
        for (let t = 1; t < tokens.length; t++) expect(targets[t]).toBe(tokens[t - 1]);
        const [pattern] = previousTask.knownPatterns(tokens);
        expect(pattern?.weights[3]?.[2]).toBe(1);
      }),
    );
  });

  it('reverse answers position t with the token at T − 1 − t (fast-check)', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const { tokens, targets } = reverseTask.sample(mulberry32(seed));
        expect(targets).toEqual([...tokens].reverse());
        const T = tokens.length;
        const [pattern] = reverseTask.knownPatterns(tokens);
        pattern?.weights.forEach((row, t) => expect(row.indexOf(1)).toBe(T - 1 - t));
      }),
    );
  });
});

describe('induction', () => {
  const { length: T, segment: L } = INDUCTION_SIZES;

  it('repeats a segment: in the second copy each position answers what followed it in the first (fast-check)', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const { tokens, targets } = inductionTask.sample(mulberry32(seed));
        const second = tokens.slice(T - L);
        // Everything before the second copy is distinct, so the first copy is where it matches.
        const before = tokens.slice(0, T - L);
        expect(new Set(before).size).toBe(before.length);
        const start = before.indexOf(second[0] as number);
        expect(start).toBeGreaterThanOrEqual(0);
        expect(before.slice(start, start + L)).toEqual(second);
        targets.forEach((target, t) => {
          if (t < T - L) expect(target).toBe(-1);
          else expect(target).toBe(tokens[start + (t - (T - L)) + 1]);
        });
        const [previous, stripe] = inductionTask.knownPatterns(tokens);
        expect(previous?.layer).toBe(0);
        expect(stripe?.layer).toBe(1);
        for (let t = T - L; t < T; t++)
          expect(stripe?.weights[t]?.indexOf(1)).toBe(start + (t - (T - L)) + 1);
      }),
    );
  });

  it('starts the first copy at every possible offset, so no fixed position gives the answer away', () => {
    const random = mulberry32(3);
    const starts = new Set<number>();
    for (let i = 0; i < 500; i++) {
      const { tokens } = inductionTask.sample(random);
      starts.add(tokens.indexOf(tokens[T - L] as number));
    }
    expect([...starts].sort((a, b) => a - b)).toEqual(
      Array.from({ length: T - 2 * L + 1 }, (_, i) => i),
    );
  });

  it('answers any typed sequence by its rule: after a token seen exactly once before comes what followed it', () => {
    const id = (s: string) => inductionTask.vocab.indexOf(s);
    const seq = 'A B C D E F G C D E'.split(' ').map(id);
    expect(inductionTask.answers(seq)).toEqual([
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      -1,
      id('D'),
      id('E'),
      id('F'),
    ]);
    // A token seen twice before is ambiguous: no answer.
    const twice = 'A B A C D E F G H A'.split(' ').map(id);
    expect(inductionTask.answers(twice)?.[9]).toBe(-1);
    expect(inductionTask.answers(twice)?.[2]).toBe(id('B'));
  });
});
