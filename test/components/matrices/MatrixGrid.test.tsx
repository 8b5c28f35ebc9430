// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MatrixGrid, NUMBERS_MAX_COLUMNS } from '../../../src/components/matrices/MatrixGrid';
import { fromRows, matrix } from '../../../src/core/matrix';
import { useAppStore } from '../../../src/store/store';
import { resetStore } from '../../helpers/testStore';

const SMALL = fromRows([
  [0.5, -1.25, 0],
  [2, 0.125, -0.333],
]);

/** A 3 × 100 matrix whose entry (r, c) is r + c / 100, so every value names its cell. */
function wide() {
  const data = new Float32Array(300);
  for (let r = 0; r < 3; r++) for (let c = 0; c < 100; c++) data[r * 100 + c] = r + c / 100;
  return matrix(3, 100, data);
}

describe('MatrixGrid', () => {
  beforeEach(() => resetStore({ vectors: 'made-up' }));
  afterEach(cleanup);

  it('prints rounded numbers in narrow matrices, with full values in titles and the shape in the caption', () => {
    render(
      <MatrixGrid
        matrix={SMALL}
        name="Q"
        description="queries"
        rowLabels={['I', 'love']}
        tokenRows
      />,
    );
    expect(screen.getByText('Q (2 × 3)')).toBeInTheDocument();
    expect(screen.getByText('−1.25')).toBeInTheDocument();
    expect(screen.getByText('0.13')).toHaveAttribute('title', '0.125');
    expect(screen.getByText('−0.33')).toHaveAttribute('title', '−0.333');
    expect(screen.getByText('d2')).toBeInTheDocument();
    expect(screen.getByText('love')).toBeInTheDocument();
  });

  it(`shows colour only above ${NUMBERS_MAX_COLUMNS} columns, and reads values by keyboard`, async () => {
    const user = userEvent.setup();
    // Records the keys that reach the window, where the step navigation listens.
    const onWindowKey = vi.fn((e: KeyboardEvent) => e.key);
    window.addEventListener('keydown', onWindowKey);
    render(<MatrixGrid matrix={wide()} name="E" rowLabels={['I', 'love', 'tennis']} tokenRows />);
    expect(screen.getByText('E (3 × 100)')).toBeInTheDocument();
    // No numbers in the cells: the only digits are column labels and the caption.
    expect(screen.queryByText('0.01')).toBeNull();
    const grid = screen.getByRole('group', { name: /E \(3 × 100\)/ });

    await user.tab();
    expect(grid).toHaveFocus();
    expect(screen.getByText('row I, d0: 0.0000')).toBeInTheDocument();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(screen.getByText('row I, d2: 0.0200')).toBeInTheDocument();
    await user.keyboard('{ArrowDown}{End}');
    expect(screen.getByText('row love, d99: 1.9900')).toBeInTheDocument();
    await user.keyboard('{ArrowRight}{ArrowDown}{ArrowDown}');
    expect(screen.getByText('row tennis, d99: 2.9900')).toBeInTheDocument();
    await user.keyboard('{Home}');
    expect(screen.getByText('row tennis, d0: 2.0000')).toBeInTheDocument();
    // The focused row is the app's hovered token, so every panel highlights it.
    expect(useAppStore.getState().hoverToken).toBe(2);
    // The grid's arrows never reach the step navigation's window listener as unhandled keys.
    expect(
      onWindowKey.mock.results.map((r) => r.value).filter((k: string) => k.startsWith('Arrow')),
    ).toEqual([]);
    window.removeEventListener('keydown', onWindowKey);

    // One tab stop: the next Tab leaves the grid, and the highlight goes with it.
    await user.tab();
    expect(grid).not.toHaveFocus();
    expect(useAppStore.getState().hoverToken).toBeNull();
  });

  it('reads a value on hover in numeric grids and links the row to the hovered token', () => {
    render(<MatrixGrid matrix={SMALL} name="Q" rowLabels={['I', 'love']} tokenRows />);
    fireEvent.mouseMove(screen.getByText('0.13'));
    expect(screen.getByText('row love, d1: 0.1250')).toBeInTheDocument();
    expect(useAppStore.getState().hoverToken).toBe(1);
    fireEvent.mouseLeave(screen.getByRole('group'));
    expect(useAppStore.getState().hoverToken).toBeNull();
  });

  it('highlights the row of the token hovered anywhere in the app', () => {
    render(<MatrixGrid matrix={SMALL} name="Q" rowLabels={['I', 'love']} tokenRows />);
    const loveRow = screen.getByText('love').closest('.mgrid-row')!;
    expect(loveRow).not.toHaveClass('mgrid-row-highlight');
    act(() => useAppStore.getState().setHoverToken(1));
    expect(loveRow).toHaveClass('mgrid-row-highlight');
    act(() => useAppStore.getState().setHoverToken(null));
    act(() => useAppStore.getState().setHoverCell({ i: 0, j: 1 }));
    expect(loveRow).toHaveClass('mgrid-row-highlight');
  });

  it('leaves weight matrices out of the token highlighting', () => {
    render(<MatrixGrid matrix={SMALL} name="wq" rowLabels={['d0', 'd1']} />);
    act(() => useAppStore.getState().setHoverToken(1));
    expect(
      screen.getByText('d1', { selector: '.mgrid-label' }).closest('.mgrid-row'),
    ).not.toHaveClass('mgrid-row-highlight');
    fireEvent.mouseMove(screen.getByText('0.13'));
    expect(useAppStore.getState().hoverToken).toBe(1);
  });

  it('marks unknown words', () => {
    render(
      <MatrixGrid
        matrix={SMALL}
        name="E"
        rowLabels={['I', 'love']}
        tokenRows
        unknownRows={[true, false]}
      />,
    );
    expect(screen.getByText('I')).toHaveClass('mgrid-unknown');
    expect(screen.getByText('I')).toHaveAttribute(
      'title',
      expect.stringContaining('made-up vector'),
    );
  });
});
