// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/App';
import { lazyPanel } from '../../../src/components/shell/lazyPanel';
import { PanelBoundary } from '../../../src/components/shell/PanelBoundary';
import { SentenceInput } from '../../../src/components/sentence/SentenceInput';
import { useAppStore } from '../../../src/store/store';
import { resetStore } from '../../helpers/testStore';
import { DEFAULT_GRAPH } from '../../../src/vocabulary/graph';

// The graph panel throws while `graphFails` is set; everything else is the real app.
const faults = vi.hoisted(() => ({ graphFails: false }));
vi.mock('../../../src/components/graph/GraphPanel', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../src/components/graph/GraphPanel')>();
  return {
    ...real,
    GraphPanel: (props: Parameters<typeof real.GraphPanel>[0]) => {
      if (faults.graphFails) throw new Error('the layout blew up');
      return real.GraphPanel(props);
    },
  };
});

/** A panel that throws until it is told not to. */
function Fragile({ fail }: { fail: () => boolean }) {
  if (fail()) throw new Error('boom');
  return <p>fragile panel drawn</p>;
}

describe('PanelBoundary', () => {
  afterEach(() => {
    cleanup();
    faults.graphFails = false;
    vi.restoreAllMocks();
  });

  beforeEach(async () => {
    await resetStore({ text: 'The cat sat.' });
    // React reports caught render errors on the console; they are expected here.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});
  });

  it('shows what failed, keeps the sentence, and Reset clears the view state and re-mounts', async () => {
    const user = userEvent.setup();
    let failing = true;
    act(() => {
      useAppStore.getState().setGraph({ threshold: 0.4, topK: 2, layout: 'circle', focus: 1 });
      useAppStore.getState().select({ i: 1, j: 0 });
    });
    render(
      <>
        <SentenceInput />
        <PanelBoundary panel="graph">
          <Fragile fail={() => failing} />
        </PanelBoundary>
      </>,
    );
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The graph could not be drawn: boom');
    expect(screen.queryByText('fragile panel drawn')).toBeNull();
    // The sentence box, outside the boundary, is untouched and still takes typing.
    const box = screen.getByRole('textbox', { name: 'Sentence' });
    expect(box).toHaveValue('The cat sat.');
    await user.type(box, ' Yes');
    expect(useAppStore.getState().text).toBe('The cat sat. Yes');

    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Reset' }));
    expect(screen.getByText('fragile panel drawn')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(useAppStore.getState().graph).toEqual(DEFAULT_GRAPH);
    expect(useAppStore.getState().selection).toBeNull();
    expect(screen.getByRole('textbox', { name: 'Sentence' })).toHaveValue('The cat sat. Yes');
  });

  it('shows the boundary again when the panel still fails after Reset', async () => {
    const user = userEvent.setup();
    let renders = 0;
    render(
      <PanelBoundary panel="matrices">
        <Fragile
          fail={() => {
            renders++;
            return true;
          }}
        />
      </PanelBoundary>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('The matrices could not be shown: boom');
    const before = renders;
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(renders).toBeGreaterThan(before);
    expect(screen.getByRole('alert')).toHaveTextContent('The matrices could not be shown: boom');
  });

  it('in the app: a failing graph leaves the heatmap, the sentence and the tokens working', async () => {
    const user = userEvent.setup();
    faults.graphFails = true;
    render(<App />);
    // The whole app's lazy chunks load first: generous, for a machine busy with other tests.
    const alert = await screen.findByRole('alert', {}, { timeout: 20_000 });
    expect(alert).toHaveTextContent('The graph could not be drawn: the layout blew up');
    // The heatmap beside it is drawn.
    expect(
      await screen.findByLabelText('Attention heatmap', { selector: 'svg' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Sentence' })).toHaveValue('The cat sat.');
    const tokens = () =>
      within(screen.getByRole('list', { name: 'Tokens' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent);
    expect(tokens()).toEqual(['The', 'cat', 'sat', '.']);
    // The rest of the app keeps following the sentence.
    await user.clear(screen.getByRole('textbox', { name: 'Sentence' }));
    await user.type(screen.getByRole('textbox', { name: 'Sentence' }), 'Dogs run');
    await waitFor(() => expect(tokens()).toEqual(['Dogs', 'run']));

    faults.graphFails = false;
    await user.click(within(alert).getByRole('button', { name: 'Reset' }));
    expect(
      await screen.findByLabelText('Attention graph', { selector: 'svg' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('Reset fetches a lazy panel again after its chunk failed to load', async () => {
    const user = userEvent.setup();
    let online = false;
    let attempts = 0;
    const Panel = lazyPanel(async () => {
      attempts++;
      if (!online) throw new TypeError('Failed to fetch dynamically imported module');
      return () => <p>loaded at last</p>;
    });
    render(
      <PanelBoundary panel="work">
        <Panel />
      </PanelBoundary>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The worked arithmetic could not be shown: its code could not be downloaded',
    );
    const failedAttempts = attempts;
    online = true;
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    expect(await screen.findByText('loaded at last')).toBeInTheDocument();
    expect(attempts).toBe(failedAttempts + 1);
  });
});
