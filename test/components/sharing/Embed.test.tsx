// @vitest-environment jsdom
/**
 * The embed view (issue 13, item 8): "Embed" in the share bar copies an <iframe> of the
 * current lesson with `embed=1`; a link with `embed=1` opens the compact view, whose bar
 * offers full screen (where the page allows it) and the whole app instead of sharing.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { embedSnippet } from '../../../src/components/sharing/embedSnippet';
import { ShareBar } from '../../../src/components/sharing/ShareBar';
import { decodeLessonLink } from '../../../src/store/link/lessonLink';
import { applyLessonLink } from '../../../src/store/link/useLessonLink';
import { useAppStore } from '../../../src/store/store';
import { resetStore } from '../../helpers/testStore';

function stubClipboard(writeText: (text: string) => Promise<void>): void {
  Object.defineProperty(window.navigator, 'clipboard', {
    value: { writeText },
    configurable: true,
  });
}

describe('the embed view', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
    Reflect.deleteProperty(document, 'fullscreenEnabled');
  });

  beforeEach(async () => {
    await resetStore({ vectors: 'made-up', text: 'The cat sat & "purred".' });
  });

  it('the share bar’s Embed copies an iframe of this lesson with embed=1', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn((_: string) => Promise.resolve());
    render(<ShareBar />);
    stubClipboard(writeText);
    act(() => useAppStore.getState().setStep('softmax'));
    await user.click(screen.getByRole('button', { name: 'Embed' }));
    const code = writeText.mock.calls[0]?.[0] ?? '';
    expect(code).toMatch(/^<iframe src="[^"]+" title="Attention Graph[^"]*"/);
    expect(code).toContain('allow="fullscreen"');
    // The src, unescaped, is a lesson link to this view in the embed form.
    const src = (/src="([^"]+)"/.exec(code)?.[1] ?? '').replace(/&amp;/g, '&');
    const { patch, problems } = decodeLessonLink(new URL(src).hash);
    expect(problems).toEqual([]);
    expect(patch).toMatchObject({ embed: true, step: 'softmax', text: 'The cat sat & "purred".' });
    expect(await screen.findByText(/Embed code copied/)).toBeInTheDocument();
  });

  it('escapes the attributes it writes', () => {
    expect(embedSnippet('https://x.org/#a=1&t="<b>"', 'A "title"')).toContain(
      'src="https://x.org/#a=1&amp;t=&quot;&lt;b&gt;&quot;" title="A &quot;title&quot;"',
    );
  });

  it('a link with embed=1 shows the embed bar, with full screen when the page allows it', async () => {
    Object.defineProperty(document, 'fullscreenEnabled', { value: true, configurable: true });
    document.documentElement.requestFullscreen = vi.fn(() => Promise.resolve());
    act(() => {
      applyLessonLink('#embed=1&step=score&t=The+cat+sat.');
    });
    expect(useAppStore.getState()).toMatchObject({ embed: true, step: 'score' });
    render(<ShareBar />);
    expect(screen.queryByRole('button', { name: 'Copy link' })).toBeNull();
    const bar = screen.getByRole('group', { name: 'Embedded view' });
    expect(bar).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Full screen' }));
    expect(document.documentElement.requestFullscreen).toHaveBeenCalled();
    const open = screen.getByRole('link', { name: 'Open in Attention Graph' });
    expect(open).toHaveAttribute('target', '_blank');
    expect(decodeLessonLink(new URL(open.getAttribute('href') ?? '').hash).patch.embed).toBe(
      undefined,
    );
  });

  it('offers no full screen button where the frame does not allow it', () => {
    Object.defineProperty(document, 'fullscreenEnabled', { value: false, configurable: true });
    act(() => useAppStore.setState({ embed: true }));
    render(<ShareBar />);
    expect(screen.getByRole('group', { name: 'Embedded view' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Full screen' })).toBeNull();
  });
});
