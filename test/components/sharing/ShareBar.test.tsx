// @vitest-environment jsdom
/**
 * The share bar: "Copy link" copies the link to the current view (by the clipboard API, or
 * by selection where that is missing, or shows the link selected for Ctrl+C); "QR code"
 * draws the link as an SVG code with the link under it, or says the link is too long; the
 * link notice lists what a link could not restore. The `qrcode` package is mocked, so the
 * test runs whether or not it is installed; it checks how the matrix is drawn.
 */
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GraphControls } from '../../../src/components/graph/GraphControls';
import { LinkNotice } from '../../../src/components/sharing/LinkNotice';
import { modulesPath, QR_CAPACITY } from '../../../src/components/sharing/QrCode';
import { SettingsPanel } from '../../../src/components/settings/SettingsPanel';
import { ShareBar } from '../../../src/components/sharing/ShareBar';
import { useAppStore } from '../../../src/store/store';
import { resetStore } from '../../helpers/testStore';
import {
  HEAD_COUNTS,
  MAX_SEED,
  MODEL_WIDTHS,
  TEMPERATURE_SLIDER,
} from '../../../src/core/settings';
import { THRESHOLD_STEP } from '../../../src/vocabulary/graph';
import { encodeLessonLink } from '../../../src/store/link/lessonLink';
import { applyLessonLink, lessonUrl, selectLesson } from '../../../src/store/link/useLessonLink';

/** A 2 x 2 checkerboard "code", so the drawn path can be checked by hand. */
const create = vi.hoisted(() =>
  vi.fn((text: string) => ({
    version: text.length > 500 ? 20 : 1,
    modules: {
      size: 2,
      data: new Uint8Array([1, 0, 0, 1]),
      get: (r: number, c: number) => (r === c ? 1 : 0),
    },
  })),
);
vi.mock('qrcode', () => ({ create, default: { create } }));

const currentUrl = () => lessonUrl(selectLesson(useAppStore.getState()));

/** Replaces navigator.clipboard for one test. */
function stubClipboard(writeText: (text: string) => Promise<void>): void {
  Object.defineProperty(window.navigator, 'clipboard', {
    value: { writeText },
    configurable: true,
  });
}

describe('ShareBar', () => {
  afterEach(() => {
    cleanup();
    vi.restoreAllMocks();
  });

  beforeEach(async () => {
    await resetStore({ vectors: 'made-up' });
    create.mockClear();
  });

  it('copies the link to the current view and says so', async () => {
    const user = userEvent.setup();
    const writeText = vi.fn(() => Promise.resolve());
    render(<ShareBar />);
    stubClipboard(writeText);
    act(() => {
      useAppStore.getState().setSettings({ width: 16 });
      useAppStore.getState().setStep('softmax');
    });
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith(currentUrl());
    expect(writeText.mock.calls[0]).toEqual([
      `${window.location.origin}${window.location.pathname}#w=16&step=softmax&t=I+love+tennis.`,
    ]);
    expect(await screen.findByText('Link copied')).toBeInTheDocument();
    expect(screen.getByText('Link copied').closest('[role="status"]')).not.toBeNull();
  });

  it('copies by selection where the clipboard API is refused', async () => {
    const user = userEvent.setup();
    render(<ShareBar />);
    stubClipboard(() => Promise.reject(new Error('not allowed')));
    const execCommand = vi.fn(() => true);
    Object.defineProperty(document, 'execCommand', { value: execCommand, configurable: true });
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(execCommand).toHaveBeenCalledWith('copy');
    expect(await screen.findByText('Link copied')).toBeInTheDocument();
    // The temporary field is gone again.
    expect(document.querySelector('textarea')).toBeNull();
  });

  it('shows the link selected for Ctrl+C when no way of copying works', async () => {
    const user = userEvent.setup();
    render(<ShareBar />);
    stubClipboard(() => Promise.reject(new Error('not allowed')));
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    const field = await screen.findByRole('textbox', { name: 'Link to this view' });
    expect(field).toHaveValue(currentUrl());
    expect(field).toHaveAttribute('readonly');
    expect(field).toHaveFocus();
    const input = field as HTMLInputElement;
    expect([input.selectionStart, input.selectionEnd]).toEqual([0, currentUrl().length]);
    expect(screen.getByText(/Press Ctrl\+C/)).toBeInTheDocument();
  });

  it('draws the QR code of the current link as SVG, with the link under it', async () => {
    const user = userEvent.setup();
    render(<ShareBar />);
    const toggle = screen.getByRole('button', { name: 'QR code' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('img', { name: 'QR code of the link to this view' })).toBeNull();
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const code = await screen.findByRole('img', { name: 'QR code of the link to this view' });
    expect(code.tagName.toLowerCase()).toBe('svg');
    expect(create).toHaveBeenLastCalledWith(currentUrl(), { errorCorrectionLevel: 'M' });
    // Two dark modules inside a quiet zone of 4: an 10 x 10 view box.
    expect(code).toHaveAttribute('viewBox', '0 0 10 10');
    expect(code.querySelector('path')).toHaveAttribute('d', 'M4 4h1v1h-1zM5 5h1v1h-1z');
    expect(screen.getByText(currentUrl())).toBeInTheDocument();

    // The code follows the view.
    act(() => useAppStore.getState().setText('A new sentence.'));
    await waitFor(() => expect(create).toHaveBeenLastCalledWith(currentUrl(), expect.anything()));
    expect(currentUrl()).toContain('t=A+new+sentence.');
    await waitFor(() => expect(screen.getByText(currentUrl())).toBeInTheDocument());

    await user.click(toggle);
    expect(screen.queryByRole('img', { name: 'QR code of the link to this view' })).toBeNull();
  });

  it('uses level L for a link too long for level M, and warns that a dense code is hard to scan', async () => {
    const user = userEvent.setup();
    act(() => useAppStore.getState().setText('x'.repeat(QR_CAPACITY.M)));
    render(<ShareBar />);
    await user.click(screen.getByRole('button', { name: 'QR code' }));
    await screen.findByRole('img', { name: 'QR code of the link to this view' });
    expect(create).toHaveBeenLastCalledWith(currentUrl(), { errorCorrectionLevel: 'L' });
    expect(screen.getByText(/This code is dense/)).toBeInTheDocument();
  });

  it('says when the link is too long for any QR code instead of failing', async () => {
    const user = userEvent.setup();
    act(() => useAppStore.getState().setText('é'.repeat(2000)));
    render(<ShareBar />);
    await user.click(screen.getByRole('button', { name: 'QR code' }));
    expect(
      screen.getByText(/This link is too long for a QR code \(\d+ bytes; at most 2953 fit\)/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('img', { name: 'QR code of the link to this view' })).toBeNull();
    expect(create).not.toHaveBeenCalled();
    // The link itself is still there to copy.
    expect(screen.getByText(currentUrl())).toBeInTheDocument();
  });

  it('says so when the code cannot be drawn', async () => {
    const user = userEvent.setup();
    create.mockImplementationOnce(() => {
      throw new Error('The amount of data is too big to be stored in a QR Code');
    });
    render(<ShareBar />);
    await user.click(screen.getByRole('button', { name: 'QR code' }));
    expect(
      await screen.findByText(/The QR code could not be drawn \(The amount of data is too big/),
    ).toBeInTheDocument();
  });

  it('shows the link notice', () => {
    act(() =>
      useAppStore
        .getState()
        .setLinkNotice([{ code: 'ignored', part: 'seed=-1', reason: { code: 'boolean' } }]),
    );
    render(<ShareBar />);
    expect(screen.getByText('Ignored seed=-1: it must be 1 (on) or 0 (off)')).toBeInTheDocument();
  });
});

describe('modulesPath', () => {
  it('draws each run of dark modules of a row as one rectangle, inside the quiet zone', () => {
    const rows = ['1101', '0000', '1111'];
    expect(modulesPath(3, (r, c) => rows[r]?.[c] === '1')).toBe('M4 4h2v1h-2zM4 6h3v1h-3z');
  });
});

describe('LinkNotice', () => {
  afterEach(cleanup);

  beforeEach(async () => {
    await resetStore({ vectors: 'made-up' });
  });

  it('is an empty live region until a link could not be read whole', () => {
    render(<LinkNotice />);
    const region = screen.getByRole('status', { name: 'Link notice' });
    expect(region).toBeEmptyDOMElement();
  });

  it('lists what could not be read, as plain text, and can be dismissed', async () => {
    const user = userEvent.setup();
    render(<LinkNotice />);
    act(() =>
      useAppStore.getState().setLinkNotice([
        { code: 'ignored', part: 'seed=-1', reason: { code: 'seed', max: MAX_SEED } },
        { code: 'ignored', part: '<b>x</b>=1', reason: { code: 'unknownKey' } },
      ]),
    );
    const region = screen.getByRole('status', { name: 'Link notice' });
    expect(region).toHaveTextContent(
      'Some of this link could not be read, so defaults are used for:',
    );
    expect(
      within(region)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      'Ignored seed=-1: the seed must be a whole number from 0 to 4294967295',
      'Ignored <b>x</b>=1: this is not a setting of the app',
    ]);
    expect(region.querySelector('b')).toBeNull();
    await user.click(within(region).getByRole('button', { name: 'Dismiss' }));
    expect(useAppStore.getState().linkNotice).toBeNull();
    expect(region).toBeEmptyDOMElement();
  });

  it('follows the interface’s language, as it is now, not as it was when the link was read', () => {
    act(() => {
      useAppStore.getState().setLang('en');
      applyLessonLink('#seed=-1&causal=maybe&t=Hola');
    });
    render(<LinkNotice />);
    const items = () =>
      within(screen.getByRole('status', { name: /Link notice|Aviso del enlace/ }))
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    expect(items()).toEqual([
      'Ignored seed=-1: the seed must be a whole number from 0 to 4294967295',
      'Ignored causal=maybe: it must be 1 (on) or 0 (off)',
    ]);
    act(() => useAppStore.getState().setLang('es'));
    expect(screen.getByRole('status', { name: 'Aviso del enlace' })).toHaveTextContent(
      'Parte de este enlace no se pudo leer',
    );
    expect(items()).toEqual([
      'Se ignoró seed=-1: la semilla debe ser un número entero de 0 a 4294967295',
      'Se ignoró causal=maybe: debe ser 1 (activado) o 0 (desactivado)',
    ]);
    act(() => useAppStore.getState().setLang('en'));
    expect(items()[0]).toBe(
      'Ignored seed=-1: the seed must be a whole number from 0 to 4294967295',
    );
  });
});

describe('lesson links carry exactly what the controls offer', () => {
  afterEach(cleanup);

  beforeEach(async () => {
    await resetStore({ vectors: 'made-up', settings: { heads: 2 } });
  });

  it('the same widths, head counts, temperature range and threshold step', () => {
    render(
      <>
        <SettingsPanel />
        <GraphControls tokenCount={4} />
      </>,
    );
    const options = (name: string) =>
      within(screen.getByRole('combobox', { name }))
        .getAllByRole('option')
        .map((o) => Number((o as HTMLOptionElement).value));
    expect(options('Model width')).toEqual(MODEL_WIDTHS);
    expect(options('Heads')).toEqual(HEAD_COUNTS);
    const temperature = screen.getByRole('slider', { name: 'Temperature' });
    expect(Number(temperature.getAttribute('min'))).toBe(TEMPERATURE_SLIDER.min);
    expect(Number(temperature.getAttribute('max'))).toBe(TEMPERATURE_SLIDER.max);
    expect(Number(temperature.getAttribute('step'))).toBe(TEMPERATURE_SLIDER.step);
    const threshold = screen.getByRole('slider', { name: 'Weight threshold' });
    expect(Number(threshold.getAttribute('min'))).toBe(0);
    expect(Number(threshold.getAttribute('max'))).toBe(1);
    expect(Number(threshold.getAttribute('step'))).toBe(THRESHOLD_STEP);
    expect(encodeLessonLink(selectLesson(useAppStore.getState()))).toBe('h=2&t=I+love+tennis.');
  });
});
