// @vitest-environment jsdom
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WorksheetPreview } from '../../../src/components/worksheet/WorksheetPreview';
import { WorksheetButton } from '../../../src/components/worksheet/WorksheetButton';
import { fromRows } from '../../../src/core/matrix';
import { buildWorksheet, type Worksheet, type WorksheetSource } from '../../../src/core/worksheet';
import { formatNumber } from '../../../src/format';
import { en } from '../../../src/messages';
import { useAppStore } from '../../../src/store/store';
import { resetStore } from '../../helpers/testStore';

const m = en.worksheet;

/** The preview is a lazily loaded chunk: under a busy test run its import can take a while. */
const LAZY = { timeout: 10_000 };

/** A message as the sheet shows it: "W_Q" is printed as W with a subscript Q, so its text is "WQ". */
const text = (message: string) => message.replace(/_(?=[\p{L}\p{N}])/gu, '');

/** The hand example of test/core/worksheet.test.ts, with inputs off by up to 0.04 so rounding shows. */
function source(): WorksheetSource {
  return {
    tokens: ['we', 'like', 'cats'],
    input: fromRows([
      [1.04, 0.01, 0.47, -0.03],
      [-0.02, 0.96, 0.04, 0.53],
      [0.98, 1.01, -0.04, 0.02],
    ]),
    weights: {
      wq: fromRows([
        [0.51, 0, 0.02, 0],
        [0, 0.46, 0, 0],
        [0.97, 0, 1.03, 0],
        [0, 1.04, 0, 0.99],
      ]),
      wk: fromRows([
        [1, 0, 0, 0],
        [0, 1, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
      ]),
      wv: fromRows([
        [1, 0, 0, 0],
        [0, 0, 1, 0],
        [0, 2, 0, 0],
        [0, 0, 0, 2],
      ]),
    },
  };
}

/** The body cells of the grid `name` inside `container`, as text, row by row. */
function gridCells(container: HTMLElement, name: string): string[][] {
  const table = container.querySelector(`table[data-grid="${name}"]`);
  if (!table) throw new Error(`no grid ${name}`);
  return Array.from(table.querySelectorAll('tbody tr'), (tr) =>
    Array.from(tr.querySelectorAll('td'), (td) => td.textContent ?? ''),
  );
}

/** Every entry of a key matrix as the key prints it. */
function shown(sheet: Worksheet, name: 'q' | 'weights' | 'output' | 'scores', digits: number) {
  const { rows, cols, data } = sheet[name];
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => formatNumber(data[i * cols + j] as number, digits)),
  );
}

function region(name: string): HTMLElement {
  return screen.getByRole('region', { name });
}

describe('WorksheetPreview', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('shows the given matrices rounded to one decimal, with token labels', () => {
    const sheet = buildWorksheet(source(), { scale: true });
    render(<WorksheetPreview sheet={sheet} onClose={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: m.previewTitle });
    expect(dialog).toHaveTextContent(m.sentence('we like cats'));
    expect(gridCells(dialog, 'x')).toEqual([
      ['1.0', '0.0', '0.5', '0.0'],
      ['0.0', '1.0', '0.0', '0.5'],
      ['1.0', '1.0', '0.0', '0.0'],
    ]);
    expect(gridCells(dialog, 'wq')).toEqual([
      ['0.5', '0.0', '0.0', '0.0'],
      ['0.0', '0.5', '0.0', '0.0'],
      ['1.0', '0.0', '1.0', '0.0'],
      ['0.0', '1.0', '0.0', '1.0'],
    ]);
    expect(gridCells(dialog, 'wv')[2]).toEqual(['0.0', '2.0', '0.0', '0.0']);
    const x = dialog.querySelector('table[data-grid="x"]') as HTMLElement;
    expect(
      within(x)
        .getAllByRole('rowheader')
        .map((th) => th.textContent),
    ).toEqual(['we', 'like', 'cats']);
    // Subscripts are real: W_Q is printed as W with a subscript Q.
    expect(x.ownerDocument.querySelector('table[data-grid="wq"] caption sub')).toHaveTextContent(
      'Q',
    );
    // The instructions name √d_k = √4 = 2.
    expect(dialog).toHaveTextContent('√dk = √4 = 2');
  });

  it('has blank grids of the right shapes to fill in, on their own page', () => {
    const sheet = buildWorksheet(source(), { scale: true, causal: true });
    render(<WorksheetPreview sheet={sheet} onClose={() => {}} />);
    const work = region(m.workTitle);
    const shapes: Record<string, [number, number]> = {
      q: [3, 4],
      k: [3, 4],
      v: [3, 4],
      scores: [3, 3],
      scaled: [3, 3],
      weights: [3, 3],
      output: [3, 4],
    };
    const grids = Array.from(work.querySelectorAll('table[data-grid]'));
    expect(grids.map((g) => g.getAttribute('data-grid'))).toEqual(Object.keys(shapes));
    for (const [name, [rows, cols]] of Object.entries(shapes)) {
      const cells = gridCells(work, name);
      expect(cells.length, name).toBe(rows);
      for (const row of cells) expect(row, name).toEqual(Array(cols).fill(''));
    }
    expect(work.querySelectorAll('td')).toHaveLength(3 * 4 * 4 + 3 * 3 * 3);
    expect(work).toHaveClass('ws-page--work');
    // With the mask on, the instructions say what it does.
    expect(screen.getByRole('dialog')).toHaveTextContent(text(m.steps.mask));
  });

  it('has no scaled grid when neither scaling nor the mask sits between scores and softmax', () => {
    const sheet = buildWorksheet(source(), { scale: false, causal: false });
    render(<WorksheetPreview sheet={sheet} onClose={() => {}} />);
    expect(region(m.workTitle).querySelector('table[data-grid="scaled"]')).toBeNull();
    expect(screen.getByRole('dialog')).toHaveTextContent(text(m.steps.noScale));
  });

  it('puts the answer key, with the key’s numbers, on a page of its own', () => {
    const sheet = buildWorksheet(source(), { scale: true, causal: true });
    render(<WorksheetPreview sheet={sheet} onClose={() => {}} />);
    const key = region(m.keyTitle);
    expect(key).toHaveClass('ws-page--key');
    expect(gridCells(key, 'q')).toEqual(shown(sheet, 'q', 2));
    expect(gridCells(key, 'q')[0]).toEqual(['1.00', '0.00', '0.50', '0.00']);
    expect(gridCells(key, 'scores')).toEqual(shown(sheet, 'scores', 3));
    expect(gridCells(key, 'scaled')[0]).toEqual(['0.500', '−∞', '−∞']);
    expect(gridCells(key, 'weights')).toEqual([
      ['1.000', '0.000', '0.000'],
      ['0.378', '0.622', '0.000'],
      ['0.305', '0.305', '0.391'],
    ]);
    expect(gridCells(key, 'output')).toEqual(shown(sheet, 'output', 3));
    // The students' pages do not give the answers away.
    expect(region(m.workTitle)).not.toHaveTextContent('0.622');
  });

  it('prints with window.print, and closes with Close or Escape', async () => {
    const user = userEvent.setup();
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const onClose = vi.fn();
    render(<WorksheetPreview sheet={buildWorksheet(source())} onClose={onClose} />);
    await user.click(screen.getByRole('button', { name: m.print }));
    expect(print).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: m.close }));
    expect(onClose).toHaveBeenCalledTimes(1);
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('renders beside the app in a print root, and makes the rest of the page inert meanwhile', () => {
    const { container, unmount } = render(
      <WorksheetPreview sheet={buildWorksheet(source())} onClose={() => {}} />,
    );
    const root = document.querySelector('body > .worksheet-print-root');
    expect(root).not.toBeNull();
    expect(root).toContainElement(screen.getByRole('dialog'));
    expect(container).toHaveAttribute('inert');
    unmount();
    expect(document.querySelector('.worksheet-print-root')).toBeNull();
    expect(container).not.toHaveAttribute('inert');
  });
});

describe('WorksheetButton', () => {
  beforeEach(() => resetStore({ text: 'I love tennis.' }));
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('opens the preview for the current sentence, shortened to three tokens, and closes back to itself', async () => {
    const user = userEvent.setup();
    render(<WorksheetButton />);
    const button = screen.getByRole('button', { name: m.button });
    await user.click(button);
    const dialog = await screen.findByRole('dialog', { name: m.previewTitle }, LAZY);
    expect(dialog).toHaveTextContent(m.sentence('I love tennis'));
    expect(dialog).toHaveTextContent(m.shortened(3));
    expect(dialog).toHaveTextContent(m.unknownWords(['I']));
    expect(dialog).toHaveTextContent(text(m.steps.sameQK));
    expect(gridCells(dialog, 'x')).toHaveLength(3);
    expect(gridCells(dialog, 'x')[0]).toHaveLength(4);
    // Every given number has exactly one decimal.
    for (const row of gridCells(dialog, 'wv'))
      for (const cell of row) expect(cell).toMatch(/^−?\d\.\d$/);
    await user.click(within(dialog).getByRole('button', { name: m.close }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(button).toHaveFocus();
  });

  it('offers one to four tokens; Escape closes', async () => {
    const user = userEvent.setup();
    await act(() => resetStore({ text: 'The cat sat on the mat.' }));
    render(<WorksheetButton />);
    await user.click(screen.getByRole('button', { name: m.button }));
    const dialog = await screen.findByRole('dialog', {}, LAZY);
    await user.selectOptions(within(dialog).getByLabelText(m.tokenCount), '4');
    expect(gridCells(dialog, 'x').map((r) => r.length)).toEqual([4, 4, 4, 4]);
    expect(gridCells(region(m.workTitle), 'weights')).toHaveLength(4);
    expect(dialog).toHaveTextContent(m.sentence('The cat sat on'));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('lets the teacher choose which tokens go on the sheet, so “it” can be on it', async () => {
    const user = userEvent.setup();
    await act(() => resetStore({ text: 'The cat sat on the mat because it was tired.' }));
    render(<WorksheetButton />);
    await user.click(screen.getByRole('button', { name: m.button }));
    const dialog = await screen.findByRole('dialog', {}, LAZY);
    const picker = within(dialog).getByRole('group', { name: m.chooseTokens(4) });
    const box = (name: string, n = 0) => within(picker).getAllByRole('checkbox', { name })[n]!;
    // The first three by default; "it" is the eighth token.
    expect(box('The')).toBeChecked();
    expect(box('it')).not.toBeChecked();
    await user.click(box('sat'));
    await user.click(box('it'));
    expect(gridCells(dialog, 'x').map((r) => r[0])).toHaveLength(3);
    const rowLabels = Array.from(
      dialog.querySelectorAll('table[data-grid="x"] tbody th'),
      (th) => th.textContent,
    );
    expect(rowLabels).toEqual(['The', 'cat', 'it']);
    expect(dialog).toHaveTextContent(m.chosen(['The', 'cat', 'it']));
    // Four at most: a fourth fills the sheet, and the rest cannot be ticked.
    await user.click(box('tired'));
    expect(box('was')).toBeDisabled();
    expect(gridCells(region(m.workTitle), 'weights')).toHaveLength(4);
  });

  it('follows the app’s mask setting, and is unavailable while the word vectors load', async () => {
    const user = userEvent.setup();
    await act(() => resetStore({ text: 'I love tennis.', settings: { causal: true } }));
    render(<WorksheetButton />);
    await user.click(screen.getByRole('button', { name: m.button }));
    const dialog = await screen.findByRole('dialog', {}, LAZY);
    expect(gridCells(region(m.keyTitle), 'weights')[0]?.slice(1)).toEqual(['0.000', '0.000']);
    await user.keyboard('{Escape}');
    expect(dialog).not.toBeInTheDocument();
    await act(() => resetStore({ vectors: 'loading' }));
    const button = screen.getByRole('button', { name: m.button });
    expect(button).toHaveAttribute('aria-disabled', 'true');
    await user.click(button);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(useAppStore.getState().vectors.status).toBe('loading');
  });
});
