// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { useLayoutEffect } from 'react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataTables, TABLES_MAX_TOKENS } from '../../../src/components/matrices/DataTables';
import { useTrace } from '../../../src/store/useTrace';
import { at, type Matrix } from '../../../src/core/matrix';
import { computeTrace } from '../../../src/core/trace';
import type { AttentionSettings } from '../../../src/core/types';
import { useAppStore } from '../../../src/store/store';
import { gloveVectors, resetStore } from '../../helpers/testStore';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';

const TEXT = 'The cat sat on the mat because it was tired.';

/** A table cell's number: true minus signs, and "−∞" for a masked score. */
function parse(text: string): number {
  return text === '−∞' ? -Infinity : Number(text.replace('−', '-'));
}

/** The body rows of the table named `name`. */
function bodyRows(name: string): HTMLTableRowElement[] {
  const table = screen.getByRole('table', { name }) as HTMLTableElement;
  return Array.from(table.tBodies[0]?.rows ?? []);
}

/** Fails unless the table named `name` shows `expected` with `labels` as row headers, to 4 decimals. */
function expectTable(name: string, expected: Matrix, labels: readonly string[]): void {
  const rows = bodyRows(name);
  expect(rows).toHaveLength(expected.rows);
  rows.forEach((tr, r) => {
    // Plain DOM below the table: role queries on thousands of cells are slow and add nothing here.
    expect(tr.querySelector('th[scope="row"]')?.textContent).toBe(labels[r]);
    const cells = Array.from(tr.querySelectorAll('td'));
    expect(cells).toHaveLength(expected.cols);
    cells.forEach((td, c) => {
      const want = at(expected, r, c);
      const got = parse(td.textContent ?? '');
      if (want === -Infinity) expect(got).toBe(-Infinity);
      else expect(Math.abs(got - want), `${name} (${r}, ${c})`).toBeLessThanOrEqual(5.01e-5);
    });
  });
}

/** Waits until the tables show the latest trace: they follow the other panels a moment later. */
async function tablesFollowed(): Promise<void> {
  await waitFor(() =>
    expect(document.querySelector('.data-tables')).toHaveAttribute('aria-busy', 'false'),
  );
}

async function setup(settings: Partial<AttentionSettings> = {}, text = TEXT) {
  await resetStore({ text, settings });
  render(<DataTables />);
  return computeTrace(text, { ...DEFAULT_SETTINGS, ...settings }, await gloveVectors());
}

describe('DataTables', () => {
  beforeEach(() => resetStore());
  afterEach(cleanup);

  it('shows the six tables of the contract with the numbers of an independently computed trace', async () => {
    const trace = await setup({ causal: true, width: 16 });
    const head = trace.heads[0]!;
    const labels = trace.tokens.map((t) => t.text);
    expect(labels.length).toBeGreaterThan(8);
    expectTable('Queries (Q)', head.q, labels);
    expectTable('Keys (K)', head.k, labels);
    expectTable('Values (V)', head.v, labels);
    expectTable('Scores', head.masked, labels);
    expectTable('Attention weights', head.weights, labels);
    expectTable('Output', head.output, labels);
    // Masked scores read as −∞, never as "-Infinity".
    expect(bodyRows('Scores')[0]!.cells[2]!.textContent).toBe('−∞');
    // Token texts head the columns of the token-by-token tables, dimensions the others.
    const scoreHeaders = within(screen.getByRole('table', { name: 'Scores' })).getAllByRole(
      'columnheader',
    );
    expect(scoreHeaders.slice(1).map((th) => th.textContent)).toEqual(labels);
    const qHeaders = within(screen.getByRole('table', { name: 'Queries (Q)' })).getAllByRole(
      'columnheader',
    );
    expect(qHeaders.slice(1).map((th) => th.textContent)).toEqual(
      Array.from({ length: 16 }, (_, d) => `d${d}`),
    );
    // One head: no final-output table.
    expect(screen.queryByRole('table', { name: 'Final output' })).toBeNull();
  });

  it('captions say what each table holds', async () => {
    await setup({ scale: true, width: 8 });
    const caption = screen.getByRole('table', { name: 'Scores' }).querySelector('caption');
    expect(caption?.textContent).toContain('√d_k = 2.8284');
  });

  it('renders at every step, not only once the walkthrough reaches the numbers', async () => {
    await resetStore({ text: TEXT, state: { step: 'tokens' } });
    render(<DataTables />);
    expect(screen.getByRole('table', { name: 'Attention weights' })).toBeInTheDocument();
  });

  it('follows the selected head and adds the final output with several heads', async () => {
    const trace = await setup({ heads: 2, width: 8 });
    const labels = trace.tokens.map((t) => t.text);
    expectTable('Queries (Q)', trace.heads[0]!.q, labels);
    act(() => useAppStore.getState().setHead(1));
    await tablesFollowed();
    expectTable('Queries (Q)', trace.heads[1]!.q, labels);
    expectTable('Attention weights', trace.heads[1]!.weights, labels);
    expectTable('Output', trace.heads[1]!.output, labels);
    expectTable('Final output', trace.output, labels);
  });

  it(`is replaced by a note above ${TABLES_MAX_TOKENS} tokens`, async () => {
    const long = Array.from({ length: TABLES_MAX_TOKENS + 6 }, (_, k) =>
      k % 2 ? 'cat' : 'dog',
    ).join(' ');
    await setup({}, long);
    expect(screen.queryAllByRole('table')).toHaveLength(0);
    expect(screen.getByText(/up to 64 tokens; this one has 70/)).toBeInTheDocument();
    // It says how to get the numbers anyway.
    expect(screen.getByText(/Download the trace \(JSON\)/)).toBeInTheDocument();
  });

  it(`still shows the tables at exactly ${TABLES_MAX_TOKENS} tokens`, async () => {
    const text = Array.from({ length: TABLES_MAX_TOKENS }, () => 'word').join(' ');
    await setup({}, text);
    expect(bodyRows('Attention weights')).toHaveLength(TABLES_MAX_TOKENS);
  });

  it('follows a new trace after the other panels, busy until it has', async () => {
    // Rendered after the tables, so its layout effect sees their DOM of the same commit.
    const seen: string[] = [];
    function Watch() {
      const trace = useTrace();
      useLayoutEffect(() => {
        const busy = document.querySelector('.data-tables')?.getAttribute('aria-busy');
        seen.push(
          `${trace?.tokens.length} tokens, busy ${busy}, ${bodyRows('Attention weights').length} rows`,
        );
      });
      return null;
    }
    await resetStore({ text: TEXT });
    render(
      <>
        <DataTables />
        <Watch />
      </>,
    );
    expect(bodyRows('Attention weights')).toHaveLength(11);
    seen.length = 0;
    await act(async () => useAppStore.getState().setText('The cat sat.'));
    // The commit that brought the 4-token trace still showed the 11 rows, marked busy…
    expect(seen[0]).toBe('4 tokens, busy true, 11 rows');
    expect(document.querySelector('.data-tables')).toHaveAttribute('aria-busy', 'true');
    // …and a moment later the tables hold the new rows, no longer busy.
    await tablesFollowed();
    expect(bodyRows('Attention weights')).toHaveLength(4);
    expect(document.querySelector('.data-tables')).toHaveAttribute('aria-busy', 'false');
  });

  it('shows the made-up vectors’ numbers while the table loads: nothing waits for it', async () => {
    await resetStore({ vectors: 'loading' });
    render(<DataTables />);
    expect(bodyRows('Attention weights')).toHaveLength(4);
  });
});
