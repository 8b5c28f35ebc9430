// @vitest-environment jsdom
/**
 * "Concatenate and project" leads with the concatenation (issue 13, item 7): the heads'
 * outputs side by side, one band per head, before head 1's heatmap and graph.
 */
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AttentionViews } from '../../../src/components/shell/AttentionViews';
import { at } from '../../../src/core/matrix';
import { formatNumber } from '../../../src/format';
import { useAppStore } from '../../../src/store/store';
import { deriveTrace } from '../../../src/store/useTrace';
import { resetStore } from '../../helpers/testStore';

const TABLE = 'Concatenation of the heads’ outputs';

describe('the Concatenate and project view', () => {
  afterEach(cleanup);

  beforeEach(async () => {
    await resetStore({ text: 'The cat sat.', settings: { heads: 2, width: 8 } });
  });

  it('comes first, before the heatmap, with one band of d_k columns per head', () => {
    act(() => useAppStore.getState().setStep('output'));
    render(<AttentionViews />);
    const table = screen.getByRole('table', { name: TABLE });
    const heatmap = screen.getByRole('heading', { name: /Attention heatmap/ });
    // The concatenation precedes the heatmap in the page.
    expect(table.compareDocumentPosition(heatmap) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    const bands = within(table).getAllByRole('columnheader');
    expect(bands.map((b) => b.textContent)).toEqual(['head 1', 'head 2']);
    expect(bands.map((b) => b.getAttribute('colspan'))).toEqual(['4', '4']);
    // Its numbers are the trace's concat: token 2, column 5 is head 2's second number.
    const { text, settings, vectors } = useAppStore.getState();
    const trace = deriveTrace(text, settings, vectors.table);
    const row = within(table).getAllByRole('row')[3] as HTMLElement;
    expect(within(row).getByRole('rowheader')).toHaveTextContent('sat');
    const cells = within(row).getAllByRole('cell');
    expect(cells).toHaveLength(8);
    expect(cells[5]).toHaveTextContent(formatNumber(at(trace.concat, 2, 5), 2));
    expect(formatNumber(at(trace.concat, 2, 5), 2)).toBe(
      formatNumber(at(trace.heads[1]!.output, 2, 1), 2),
    );
  });

  it('is not shown at the other steps', () => {
    act(() => useAppStore.getState().setStep('weighted'));
    render(<AttentionViews />);
    expect(screen.queryByRole('table', { name: TABLE })).toBeNull();
    expect(screen.getByRole('heading', { name: /Attention heatmap/ })).toBeInTheDocument();
  });
});
