// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AttentionViews } from '../../../src/components/shell/AttentionViews';
import { traceFileName } from '../../../src/components/sharing/DownloadTrace';
import { TABLES_MAX_TOKENS } from '../../../src/components/matrices/tableLimits';
import { computeTrace, traceToJson } from '../../../src/core/trace';
import { gloveVectors, resetStore } from '../../helpers/testStore';
import { DEFAULT_SETTINGS } from '../../../src/core/settings';

const text = (n: number) => Array.from({ length: n }, (_, k) => (k % 2 ? 'cat' : 'dog')).join(' ');
const button = () => screen.queryByRole('button', { name: 'Download the trace (JSON)' });

describe('Download the trace (JSON)', () => {
  beforeEach(() => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  });
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  it(`is offered beside the heatmap only past ${TABLES_MAX_TOKENS} tokens, where the tables stop`, async () => {
    await resetStore({ text: text(TABLES_MAX_TOKENS), state: { step: 'softmax' } });
    render(<AttentionViews />);
    expect(button()).toBeNull();
    cleanup();
    await resetStore({ text: text(TABLES_MAX_TOKENS + 1), state: { step: 'softmax' } });
    render(<AttentionViews />);
    expect(button()).not.toBeNull();
    expect(screen.getByText(/stop at 64 tokens and this text has 65/)).toBeInTheDocument();
  });

  it('saves the same JSON document as the command-line tool, named after the sentence', async () => {
    const user = userEvent.setup();
    const n = TABLES_MAX_TOKENS + 6;
    await resetStore({ text: text(n), state: { step: 'tokens' } });
    render(<AttentionViews />);
    let saved: Blob | null = null;
    const createObjectURL = vi.fn((blob: Blob) => {
      saved = blob;
      return 'blob:trace';
    });
    const revokeObjectURL = vi.fn();
    // jsdom has no object URLs: lend it two for this test.
    const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
    URL.createObjectURL = createObjectURL;
    URL.revokeObjectURL = revokeObjectURL;
    const clicks: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicks.push(this);
    });
    try {
      await user.click(button()!);
      await new Promise((r) => setTimeout(r, 0));
    } finally {
      URL.createObjectURL = original.create;
      URL.revokeObjectURL = original.revoke;
    }
    // The URL is released once the click has been handled.
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:trace');
    expect(clicks).toHaveLength(1);
    expect(clicks[0]!.download).toBe(traceFileName(text(n)));
    // The sentence's first words, cut at a word boundary, then what the file holds.
    expect(clicks[0]!.download).toBe(
      'attention-dog-cat-dog-cat-dog-cat-dog-cat-dog-cat-trace.json',
    );
    expect(clicks[0]!.href).toBe('blob:trace');
    expect(clicks[0]!.isConnected).toBe(false); // the temporary link is gone
    expect(saved).not.toBeNull();
    const json = JSON.parse(await saved!.text());
    const expected = traceToJson(computeTrace(text(n), DEFAULT_SETTINGS, await gloveVectors()));
    expect(json).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(json.heads[0].weights).toHaveLength(n);
  });
});
