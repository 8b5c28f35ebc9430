// @vitest-environment jsdom
/**
 * Subscripts in prose: on screen "d_k" becomes d<sub>k</sub>; in a tooltip, which holds no
 * markup, it becomes "dₖ"; and the heatmap's mode switch shows no underscore anywhere.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { HeatmapModeSwitch } from '../../../src/components/heatmap/HeatmapModeSwitch';
import { hasSubscript, MathText, plainSubscripts } from '../../../src/components/common/MathText';
import { resetStore } from '../../helpers/testStore';

afterEach(cleanup);

describe('plainSubscripts', () => {
  it('writes letters and digits after an underscore as Unicode subscripts', () => {
    expect(plainSubscripts('÷ √d_k')).toBe('÷ √dₖ');
    expect(plainSubscripts('W_Q and x_12')).toBe('W_Q and x₁₂');
    expect(plainSubscripts('no marker')).toBe('no marker');
  });

  it('keeps the marker when a character has no subscript form', () => {
    // There is no subscript capital Q in Unicode.
    expect(plainSubscripts('W_Q')).toBe('W_Q');
  });
});

describe('MathText', () => {
  it('draws the part after the underscore as a <sub>', () => {
    const { container } = render(<MathText text="√d_k grows" />);
    expect(container.querySelector('sub')?.textContent).toBe('k');
    expect(container.textContent).toBe('√dk grows');
    expect(hasSubscript('√d_k')).toBe(true);
    expect(hasSubscript('plain')).toBe(false);
  });
});

describe('HeatmapModeSwitch', () => {
  it('shows no underscore in its labels, tooltips or hidden names', async () => {
    await resetStore();
    const { container } = render(
      <HeatmapModeSwitch modes={['scores', 'scaled']} value="scores" onChange={() => {}} />,
    );
    expect(container.textContent).not.toContain('_');
    for (const label of container.querySelectorAll('label')) {
      expect(label.title).not.toContain('_');
    }
    expect(screen.getByRole('radio', { name: /dₖ/ })).toBeTruthy();
  });
});
