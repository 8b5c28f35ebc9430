// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { guideText } from '../../../src/components/settings/HeadGuide';
import { SettingsPanel } from '../../../src/components/settings/SettingsPanel';
import { headsFor, LEARNED_HEADS_PATH, parseLearnedHeads } from '../../../src/core/learnedHeads';
import { LEARNED_WEIGHTS_PATH, parseLearnedWeights } from '../../../src/core/learnedWeights';
import { en } from '../../../src/messages';
import { useAppStore } from '../../../src/store/store';
import { resetStore } from '../../helpers/testStore';

const pub = (p: string): unknown => JSON.parse(readFileSync(join('public', p), 'utf8')) as unknown;
const file = parseLearnedWeights(pub(LEARNED_WEIGHTS_PATH));
const heads = parseLearnedHeads(pub(LEARNED_HEADS_PATH));
const settings = () => useAppStore.getState().settings;

describe('the learned preset in the settings', () => {
  afterEach(cleanup);

  beforeEach(async () => {
    await resetStore({ vectors: 'made-up' });
    useAppStore.getState().setLearned({ status: 'ready', file, heads, error: null });
  });

  it('is offered with a help text for each preset, and turns the causal mask on', async () => {
    const user = userEvent.setup();
    render(<SettingsPanel />);
    const weights = screen.getByRole('combobox', { name: 'Weights' });
    for (const preset of ['random', 'similarity', 'learned'] as const) {
      await user.selectOptions(weights, preset);
      expect(weights).toHaveAccessibleDescription(en.shell.settings.weightsNote[preset]);
    }
    expect(settings()).toMatchObject({ weights: 'learned', causal: true });
    const causal = screen.getByRole('checkbox', { name: 'Causal mask' });
    expect(causal).toBeChecked();
    expect(causal).toBeDisabled();
    expect(causal).toHaveAccessibleDescription(en.shell.settings.learnedCausalNote);
  });

  it('says when the width and heads are not covered and applies the nearest covered setting', async () => {
    const user = userEvent.setup();
    useAppStore.getState().setSettings({ weights: 'learned', causal: true, width: 64, heads: 4 });
    render(<SettingsPanel />);
    expect(screen.getByText(/not at width 64 with 4 heads/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Use width 100, 4 heads' }));
    expect(settings()).toMatchObject({ width: 100, heads: 4 });
    expect(screen.queryByText(/not at width/)).not.toBeInTheDocument();
  });

  it('guides each head with the measured figures, and shows them all on request', async () => {
    const user = userEvent.setup();
    useAppStore.getState().setSettings({ weights: 'learned', causal: true, width: 100, heads: 4 });
    render(<SettingsPanel />);
    const model = headsFor(heads, 100, 4);
    expect(model).not.toBeNull();
    const head = screen.getByRole('combobox', { name: 'Head' });
    const guide = screen.getByRole('region', { name: 'Head guide' });
    for (let h = 0; h < 4; h++) {
      await user.selectOptions(head, String(h));
      const f = model!.figures[h]!;
      const line = guideText(en.shell.settings, h + 1, f);
      expect(guide.querySelector('.head-guide__line')?.textContent).toBe(line);
      if (f.pattern) {
        expect(line).toContain(`${Math.round(100 * f.share)}\u00a0%`);
      } else {
        expect(line).toMatch(/no clear pattern/);
      }
    }
    await user.selectOptions(head, '0');
    expect(guide).toHaveTextContent(/Head 1 looks mostly at the word itself: \d+ %/);
    await user.click(screen.getByText('All figures of this head'));
    expect(screen.getByRole('table')).toHaveTextContent('Mean weight on the previous word');
  });

  it('shows the head guide only for the learned preset', () => {
    useAppStore.getState().setSettings({ weights: 'similarity', width: 100, heads: 4 });
    render(<SettingsPanel />);
    expect(screen.queryByRole('region', { name: 'Head guide' })).not.toBeInTheDocument();
  });
});
