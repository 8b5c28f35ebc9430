// @vitest-environment jsdom
/**
 * The accessible tables as a screen reader meets them, through Testing Library's roles:
 * each named table has a caption saying what it holds, one column header per column
 * (scope="col") over one row header per token (scope="row"), and as many cells per row as
 * the matrix has columns; with several heads the final output joins them.
 */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataTables } from '../../../src/components/matrices/DataTables';
import { computeTrace } from '../../../src/core/trace';
import type { AttentionSettings } from '../../../src/core/types';
import { gloveVectors, resetStore } from '../../helpers/testStore';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';

const TEXT = 'I love tennis.';

async function setup(settings: Partial<AttentionSettings>) {
  await resetStore({ text: TEXT, settings });
  render(<DataTables />);
  return computeTrace(TEXT, { ...DEFAULT_SETTINGS, ...settings }, await gloveVectors());
}

/** Checks the structure of the table named `name`: caption, headers with scopes, cells. */
function expectStructure(name: string, rowLabels: readonly string[], cols: number): void {
  const table = screen.getByRole('table', { name });
  const caption = table.querySelector('caption');
  expect(caption?.textContent?.trim().length, `${name} caption`).toBeGreaterThan(10);
  const rows = within(table).getAllByRole('row');
  expect(rows).toHaveLength(rowLabels.length + 1); // the header row, then one per token
  const columnHeaders = within(rows[0]!).getAllByRole('columnheader');
  expect(columnHeaders).toHaveLength(cols + 1); // the corner, then one per column
  for (const th of columnHeaders) expect(th).toHaveAttribute('scope', 'col');
  rows.slice(1).forEach((row, r) => {
    const header = within(row).getByRole('rowheader');
    expect(header).toHaveAttribute('scope', 'row');
    expect(header).toHaveTextContent(rowLabels[r] as string);
    expect(within(row).getAllByRole('cell')).toHaveLength(cols);
  });
}

describe('the accessible tables, by role', () => {
  beforeEach(() => resetStore());
  afterEach(cleanup);

  it('give each contract table a caption, column headers, row headers and its cells', async () => {
    const trace = await setup({ width: 8, heads: 1 });
    const labels = trace.tokens.map((t) => t.text);
    expect(labels).toEqual(['I', 'love', 'tennis', '.']);
    for (const name of ['Queries (Q)', 'Keys (K)', 'Values (V)', 'Output']) {
      expectStructure(name, labels, trace.dK);
    }
    for (const name of ['Scores', 'Attention weights'])
      expectStructure(name, labels, labels.length);
    // Token-by-token tables name their columns by token, so a cell reads "love, tennis".
    const weights = screen.getByRole('table', { name: 'Attention weights' });
    expect(
      within(weights)
        .getAllByRole('columnheader')
        .slice(1)
        .map((th) => th.textContent),
    ).toEqual(labels);
  });

  it('add the final output, over the model width, with several heads', async () => {
    const trace = await setup({ width: 8, heads: 2 });
    const labels = trace.tokens.map((t) => t.text);
    expectStructure('Final output', labels, 8);
    expectStructure('Queries (Q)', labels, trace.dK);
    expect(trace.dK).toBe(4);
  });

  it('sit under a heading, so a screen reader can jump to them', async () => {
    await setup({});
    expect(screen.getByRole('heading', { level: 2 })).toBeInTheDocument();
    expect(screen.getAllByRole('table')).toHaveLength(6);
  });
});
