import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromRows, type Matrix } from '../../../src/core/matrix';
import { CSV_BOM, csvTextCell, matrixCsv } from '../../../src/export/csv';
import { parseCsv, unguardLabel } from './rfc4180';
import { binaryString } from '../../helpers/arbitraries';

const HOSTILE = ['<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', 'javascript:alert(1)'];

function matrixOf(rows: number, cols: number, values: readonly number[]): Matrix {
  return { rows, cols, data: Float32Array.from(values) };
}

/** The file without its byte-order mark, parsed. */
function parsed(csv: string): string[][] {
  expect(csv.startsWith(CSV_BOM)).toBe(true);
  return parseCsv(csv.slice(CSV_BOM.length));
}

describe('matrixCsv', () => {
  it('writes a small matrix exactly as RFC 4180 wants it (hand-written expectation)', () => {
    const m = fromRows([
      [1, -0.5],
      [0.25, 0],
    ]);
    const csv = matrixCsv(m, ['cat', 'sat'], ['d0', 'd1'], { corner: 'Q' });
    expect(csv).toBe('\ufeffQ,d0,d1\r\ncat,1,-0.5\r\nsat,0.25,0\r\n');
  });

  it('writes float32 values as their shortest exact decimals, and −∞ as -inf', () => {
    // 0.1 is not a float32: the matrix holds 0.100000001490116..., whose shortest float32 decimal is 0.1.
    const m = matrixOf(1, 3, [0.1, 1 / 3, -Infinity]);
    const [, row] = parsed(matrixCsv(m, ['a'], ['x', 'y', 'z']));
    expect(row).toEqual(['a', '0.1', '0.33333334', '-inf']);
  });

  it('quotes cells with commas, quotes and line breaks, and doubles the quotes', () => {
    expect(csvTextCell('a,b')).toBe('"a,b"');
    expect(csvTextCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvTextCell('two\nlines')).toBe('"two\nlines"');
    expect(csvTextCell('cr\rlf')).toBe('"cr\rlf"');
    expect(csvTextCell('plain')).toBe('plain');
  });

  it('guards labels a spreadsheet would run as formulas with a leading apostrophe', () => {
    expect(csvTextCell('=1+1')).toBe("'=1+1");
    expect(csvTextCell('+')).toBe("'+");
    expect(csvTextCell('-')).toBe("'-");
    expect(csvTextCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvTextCell('\tcmd')).toBe("'\tcmd");
    expect(csvTextCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    // Already-apostrophed formulas get one more, so a reader can always drop exactly one.
    expect(csvTextCell("'=x")).toBe("''=x");
    // Ordinary apostrophes, as in the clitic 's, are left alone.
    expect(csvTextCell("'s")).toBe("'s");
    expect(csvTextCell("n't")).toBe("n't");
  });

  it('never guards numbers, negative ones included', () => {
    const m = matrixOf(1, 2, [-1.5, -0.25]);
    const [, row] = parsed(matrixCsv(m, ['-'], ['d0', 'd1']));
    expect(row).toEqual(["'-", '-1.5', '-0.25']);
  });

  it('keeps every hostile sentence as one text cell', () => {
    const m = matrixOf(3, 3, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const rows = parsed(matrixCsv(m, HOSTILE, HOSTILE, { corner: '=cmd|/C calc' }));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toEqual(["'=cmd|/C calc", ...HOSTILE]);
    expect(rows.slice(1).map((r) => r[0])).toEqual(HOSTILE);
  });

  it('throws when the labels do not fit the shape, naming both', () => {
    const m = matrixOf(2, 2, [1, 2, 3, 4]);
    expect(() => matrixCsv(m, ['a'], ['x', 'y'])).toThrow(/\(2, 2\).*1 row and 2 column/);
  });

  it('throws rather than write NaN or +∞', () => {
    expect(() => matrixCsv(matrixOf(1, 1, [Number.NaN]), ['a'], ['x'])).toThrow();
    expect(() => matrixCsv(matrixOf(1, 1, [Infinity]), ['a'], ['x'])).toThrow();
  });

  it('round-trips arbitrary labels and float32 numbers through an RFC 4180 reader', () => {
    const label = binaryString({ maxLength: 12 });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        fc.infiniteStream(fc.float({ noNaN: true, noDefaultInfinity: true })),
        fc.array(label, { minLength: 9, maxLength: 9 }),
        (rows, cols, numbers, labels) => {
          const values = Array.from({ length: rows * cols }, () => numbers.next().value as number);
          const m = matrixOf(rows, cols, values);
          const rowLabels = labels.slice(0, rows);
          const colLabels = labels.slice(4, 4 + cols);
          const corner = labels[8] as string;
          const table = parsed(matrixCsv(m, rowLabels, colLabels, { corner }));
          expect(table).toHaveLength(rows + 1);
          expect(table[0]!.map(unguardLabel)).toEqual([corner, ...colLabels]);
          for (let r = 0; r < rows; r++) {
            const cells = table[r + 1]!;
            expect(cells).toHaveLength(cols + 1);
            expect(unguardLabel(cells[0]!)).toBe(rowLabels[r]);
            for (let c = 0; c < cols; c++) {
              // Full float32 precision: the decimal reads back as the very same float32
              // (−0 is written 0, as in the JSON trace: adding 0 makes −0 compare as 0).
              expect(Math.fround(Number(cells[c + 1]))).toBe((m.data[r * cols + c] as number) + 0);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('puts no unguarded formula in any label cell', () => {
    fc.assert(
      fc.property(binaryString({ maxLength: 8 }), (text) => {
        const cell = parseCsv(csvTextCell(text) + '\r\n')[0]![0]!;
        expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
      }),
    );
  });
});
