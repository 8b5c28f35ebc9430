// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Stage, StepPictures } from '../../../src/components/shell/Stage';
import { ONE_COLUMN, pictureOrder, viewOrder } from '../../../src/components/shell/pictureOrder';
import { useAppStore } from '../../../src/store/store';
import { resetStore } from '../../helpers/testStore';

/** Makes matchMedia answer `oneColumn` for the stage's one-column query. */
function layout(oneColumn: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query === ONE_COLUMN ? oneColumn : false,
    media: query,
    addEventListener: () => {},
    removeEventListener: () => {},
  }));
}

function page() {
  return render(
    <Stage
      words={<div key="words" data-part="words" />}
      picture={
        <div key="picture" data-part="picture">
          <StepPictures
            matrices={
              <section data-part="matrices">
                <button type="button">CSV</button>
              </section>
            }
            views={<section data-part="views" />}
            work={<section data-part="work" />}
          />
        </div>
      }
    />,
  );
}

/** The parts, in document order. */
const parts = () =>
  Array.from(document.querySelectorAll('[data-part]'), (el) => el.getAttribute('data-part'));

describe('the stage’s order', () => {
  beforeEach(() => resetStore());
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('puts each step’s own picture first', () => {
    expect(pictureOrder('tokens')).toEqual(['matrices', 'views', 'work']);
    expect(pictureOrder('qkv')).toEqual(['matrices', 'views', 'work']);
    expect(pictureOrder('score')).toEqual(['views', 'work', 'matrices']);
    expect(pictureOrder('softmax')).toEqual(['views', 'work', 'matrices']);
    expect(pictureOrder('weighted')).toEqual(['matrices', 'views', 'work']);
    expect(pictureOrder('output')).toEqual(['matrices', 'views', 'work']);
    // At Weighted sum the graph stands beside the matrices and the heatmap below them.
    expect(viewOrder('weighted')).toEqual(['graph', 'heatmap']);
    for (const step of ['tokens', 'qkv', 'score', 'softmax', 'output'] as const) {
      expect(viewOrder(step)).toEqual(['heatmap', 'graph']);
    }
  });

  it('says when a cell’s arithmetic is open (the stage then gives it a third column)', () => {
    layout(false);
    page();
    const stage = document.querySelector('.app-main__stage');
    expect(stage).not.toHaveAttribute('data-work-open');
    act(() => useAppStore.getState().select({ i: 1, j: 2 }));
    expect(stage).toHaveAttribute('data-work-open');
    // A selection beyond a shorter sentence shows the hint, not the arithmetic.
    act(() => useAppStore.getState().select({ i: 400, j: 0 }));
    expect(stage).not.toHaveAttribute('data-work-open');
    act(() => useAppStore.getState().select(null));
    expect(stage).not.toHaveAttribute('data-work-open');
  });

  it('reads the words before the picture on the stage, and after it in one column', () => {
    layout(false);
    act(() => useAppStore.getState().setStep('score'));
    page();
    expect(parts()).toEqual(['words', 'picture', 'views', 'work', 'matrices']);
    cleanup();
    layout(true);
    act(() => useAppStore.getState().setStep('tokens'));
    page();
    expect(parts()).toEqual(['picture', 'matrices', 'views', 'work', 'words']);
  });

  it('moves the panels when the step changes, keeping the keyboard focus where it was', () => {
    layout(false);
    act(() => useAppStore.getState().setStep('qkv'));
    page();
    const csv = screen.getByRole('button', { name: 'CSV' });
    act(() => csv.focus());
    act(() => useAppStore.getState().setStep('score'));
    expect(parts()).toEqual(['words', 'picture', 'views', 'work', 'matrices']);
    // The same element, moved rather than mounted again, and still focused.
    expect(screen.getByRole('button', { name: 'CSV' })).toBe(csv);
    expect(csv).toHaveFocus();
  });
});
