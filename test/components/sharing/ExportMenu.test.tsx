// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AttentionViews } from '../../../src/components/shell/AttentionViews';
import { MatricesPanel } from '../../../src/components/matrices/MatricesPanel';
import { computeTrace } from '../../../src/core/trace';
import { float32ToJson } from '../../../src/core/trace';
import { gloveVectors, resetStore } from '../../helpers/testStore';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';

/** The files "downloaded" while `act` runs: object URLs and anchor clicks are caught. */
async function downloads(act: () => Promise<void>): Promise<{ name: string; blob: Blob }[]> {
  const blobs = new Map<string, Blob>();
  const saved: { name: string; blob: Blob }[] = [];
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test-${blobs.size}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = () => {};
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    saved.push({ name: this.download, blob: blobs.get(this.getAttribute('href') ?? '')! });
  });
  try {
    await act();
    // The menu builds the file after letting its status paint: wait for the save.
    await waitFor(() => expect(saved.length).toBeGreaterThan(0));
  } finally {
    URL.createObjectURL = original.create;
    URL.revokeObjectURL = original.revoke;
    click.mockRestore();
  }
  return saved;
}

const menuButton = (what: string) =>
  screen.getByText((_, el) => el?.tagName === 'SUMMARY' && el.textContent === `Export ${what}`);

describe('Export menus', () => {
  beforeEach(() => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it('offer only the trace before step Score, and the heatmap’s files from there on', async () => {
    await resetStore({ text: 'I love tennis.', state: { step: 'tokens' } });
    render(<AttentionViews />);
    const heatmapMenu = menuButton('the heatmap').closest('details')!;
    expect(
      within(heatmapMenu)
        .getAllByRole('button', { hidden: true })
        .map((b) => b.textContent),
    ).toEqual(['Whole trace as JSON']);
    cleanup();
    await resetStore({ text: 'I love tennis.', state: { step: 'softmax' } });
    render(<AttentionViews />);
    const names = within(menuButton('the heatmap').closest('details')!)
      .getAllByRole('button', { hidden: true })
      .map((b) => b.textContent);
    expect(names).toEqual([
      'Heatmap as SVG (vector image)',
      'Heatmap as PNG (picture)',
      'Heatmap numbers as CSV',
      'Whole trace as JSON',
    ]);
  });

  // (Enter and Space on the summary are the browser's own: the browser test presses them.)
  it('close with Escape and give the focus back to their button', async () => {
    const user = userEvent.setup();
    await resetStore({ text: 'I love tennis.', state: { step: 'softmax' } });
    render(<AttentionViews />);
    const summary = menuButton('the graph');
    const details = summary.closest('details')!;
    await user.click(summary);
    expect(details.open).toBe(true);
    await user.tab();
    expect(document.activeElement).toHaveTextContent('Graph as SVG (vector image)');
    await user.keyboard('{Escape}');
    expect(details.open).toBe(false);
    expect(document.activeElement).toBe(summary);
  });

  it('save the heatmap’s matrix as CSV, float32-exact, named after the sentence', async () => {
    const user = userEvent.setup();
    await resetStore({ text: 'I love tennis.', state: { step: 'softmax' } });
    render(<AttentionViews />);
    const files = await downloads(async () => {
      await user.click(menuButton('the heatmap'));
      await user.click(screen.getByRole('button', { name: 'Heatmap numbers as CSV' }));
    });
    expect(files.map((f) => f.name)).toEqual(['attention-i-love-tennis-heatmap-weights-head1.csv']);
    const text = await files[0]!.blob.text();
    const trace = computeTrace('I love tennis.', DEFAULT_SETTINGS, await gloveVectors());
    const w = trace.heads[0]!.weights;
    const lines = text.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe('query \\ key,I,love,tennis,.');
    expect(lines[2]).toBe(
      ['love', ...Array.from(w.data.slice(4, 8), (x) => String(float32ToJson(x)))].join(','),
    );
    // The menu closed itself.
    expect(menuButton('the heatmap').closest('details')!.open).toBe(false);
  });

  it('save the graph as SVG with one node per token and the drawn edges', async () => {
    const user = userEvent.setup();
    await resetStore({ text: 'I love tennis.', state: { step: 'softmax' } });
    const { container } = render(<AttentionViews />);
    const files = await downloads(async () => {
      await user.click(menuButton('the graph'));
      await user.click(screen.getByRole('button', { name: 'Graph as SVG (vector image)' }));
    });
    expect(files.map((f) => f.name)).toEqual(['attention-i-love-tennis-graph-head1.svg']);
    expect(files[0]!.blob.type).toBe('image/svg+xml;charset=utf-8');
    const doc = new DOMParser().parseFromString(await files[0]!.blob.text(), 'image/svg+xml');
    expect(doc.querySelectorAll('[data-token-index]')).toHaveLength(4);
    const onScreen = container.querySelectorAll('svg[aria-label="Attention graph"] [data-source]');
    expect(doc.querySelectorAll('[data-source]')).toHaveLength(onScreen.length);
  });

  it('say so in words when a picture cannot be made', async () => {
    const user = userEvent.setup();
    await resetStore({ text: 'I love tennis.', state: { step: 'softmax' } });
    render(<AttentionViews />);
    const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    URL.createObjectURL = () => 'blob:x';
    URL.revokeObjectURL = () => {};
    // jsdom has no HTMLImageElement.decode: lend it one that fails as a broken image would.
    Object.defineProperty(HTMLImageElement.prototype, 'decode', {
      configurable: true,
      value: () => Promise.reject(new Error('no decoder')),
    });
    try {
      await user.click(menuButton('the graph'));
      await user.click(screen.getByRole('button', { name: 'Graph as PNG (picture)' }));
      const status = await screen.findByText('The file could not be made (no decoder).');
      expect(status).toHaveAttribute('role', 'status');
    } finally {
      URL.createObjectURL = original.create;
      URL.revokeObjectURL = original.revoke;
      delete (HTMLImageElement.prototype as { decode?: unknown }).decode;
    }
  });
});

describe('Matrix CSV buttons', () => {
  afterEach(cleanup);

  it('save the matrix shown, named after the sentence, the matrix and the head', async () => {
    const user = userEvent.setup();
    await resetStore({
      text: 'I love tennis.',
      settings: { heads: 2 },
      state: { step: 'qkv', head: 1 },
    });
    render(<MatricesPanel />);
    const files = await downloads(async () => {
      await user.click(screen.getByRole('button', { name: 'Download K (4 × 4) as CSV' }));
    });
    expect(files.map((f) => f.name)).toEqual(['attention-i-love-tennis-k-head2.csv']);
    const trace = computeTrace(
      'I love tennis.',
      { ...DEFAULT_SETTINGS, heads: 2 },
      await gloveVectors(),
    );
    const k = trace.heads[1]!.k;
    const lines = (await files[0]!.blob.text()).replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe('K,d0,d1,d2,d3');
    expect(lines[1]).toBe(
      ['I', ...Array.from(k.data.slice(0, 4), (x) => String(float32ToJson(x)))].join(','),
    );
  });
});
