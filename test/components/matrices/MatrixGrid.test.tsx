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

  it('prints rounded numbers in narrow matrices, with the full value read out on hover and the shape in the caption', async () => {
    const user = userEvent.setup();
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
    await user.hover(screen.getByText('0.13'));
    expect(screen.getByText('row love, d1: 0.125')).toBeInTheDocument();
    await user.hover(screen.getByText('−0.33'));
    expect(screen.getByText('row love, d2: −0.333')).toBeInTheDocument();
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
    expect(screen.getByText('row I, d0: 0')).toBeInTheDocument();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(screen.getByText('row I, d2: 0.02')).toBeInTheDocument();
    await user.keyboard('{ArrowDown}{End}');
    expect(screen.getByText('row love, d99: 1.99')).toBeInTheDocument();
    await user.keyboard('{ArrowRight}{ArrowDown}{ArrowDown}');
    expect(screen.getByText('row tennis, d99: 2.99')).toBeInTheDocument();
    await user.keyboard('{Home}');
    expect(screen.getByText('row tennis, d0: 2')).toBeInTheDocument();
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
    expect(screen.getByText('row love, d1: 0.125')).toBeInTheDocument();
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

  describe('a long matrix', () => {
    /** A 200 × 2 matrix whose entry (r, c) is r + c / 10, with rows named w0…w199. */
    const LONG = matrix(
      200,
      2,
      Float32Array.from({ length: 400 }, (_, k) => (k >> 1) + (k % 2) / 10),
    );
    const labels = Array.from({ length: 200 }, (_, r) => `w${r}`);
    const rowsShown = () =>
      Array.from(document.querySelectorAll('.mgrid-row:not(.mgrid-header)'), (el) =>
        Number((el as HTMLElement).dataset.r),
      );
    const restore: (() => void)[] = [];
    /** jsdom lays nothing out: give rows 20 px and the scroll box 200 px, as a browser would. */
    function fakeLayout() {
      const offset = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'offsetHeight');
      const client = Object.getOwnPropertyDescriptor(Element.prototype, 'clientHeight');
      Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
        configurable: true,
        get(this: HTMLElement) {
          return this.classList.contains('mgrid-row') ? 20 : 0;
        },
      });
      Object.defineProperty(Element.prototype, 'clientHeight', {
        configurable: true,
        get(this: Element) {
          return this.classList.contains('mgrid-scroll') ? 200 : 0;
        },
      });
      restore.push(() => {
        if (offset) Object.defineProperty(HTMLElement.prototype, 'offsetHeight', offset);
        if (client) Object.defineProperty(Element.prototype, 'clientHeight', client);
      });
    }
    afterEach(() => restore.splice(0).forEach((undo) => undo()));

    it('renders only the rows in view, with spacers for the rest, and follows the scroll', () => {
      fakeLayout();
      render(<MatrixGrid matrix={LONG} name="E" rowLabels={labels} tokenRows />);
      // 200 px show rows 0–8; six more render below them.
      expect(rowsShown()).toEqual(Array.from({ length: 15 }, (_, r) => r));
      const spacers = document.querySelectorAll<HTMLElement>('.mgrid-spacer');
      expect(spacers).toHaveLength(1);
      expect(spacers[0]!.style.height).toBe('calc(185 * var(--mgrid-row-h))');

      const box = screen.getByRole('group', { name: /E \(200 × 2\)/ });
      box.scrollTop = 1000;
      fireEvent.scroll(box);
      expect(rowsShown()).toEqual(Array.from({ length: 22 }, (_, k) => 43 + k));
      expect(screen.getByText('w50')).toBeInTheDocument();
      expect(screen.queryByText('w0')).toBeNull();
      const [above, below] = document.querySelectorAll<HTMLElement>('.mgrid-spacer');
      expect(above!.style.height).toBe('calc(43 * var(--mgrid-row-h))');
      expect(below!.style.height).toBe('calc(135 * var(--mgrid-row-h))');
    });

    it('renders the keyboard row wherever the keys take it', async () => {
      fakeLayout();
      const user = userEvent.setup();
      render(<MatrixGrid matrix={LONG} name="E" rowLabels={labels} tokenRows />);
      await user.tab();
      await user.keyboard('{Control>}{End}{/Control}');
      expect(screen.getByText('row w199, d1: 199.1')).toBeInTheDocument();
      expect(screen.getByText('w199')).toBeInTheDocument();
      expect(document.querySelector('[data-r="199"] .mgrid-active')).not.toBeNull();
    });

    it('renders the first forty rows where nothing can be measured', () => {
      render(<MatrixGrid matrix={LONG} name="E" rowLabels={labels} tokenRows />);
      expect(rowsShown()).toEqual(Array.from({ length: 40 }, (_, r) => r));
    });
  });
});
