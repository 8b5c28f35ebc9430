// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAB_TASK_IDS } from '../../../src/core/lab/tasks/types';
import { LabButton } from '../../../src/components/lab/LabButton';
import { LabScreen } from '../../../src/components/lab/LabScreen';
import { parseExample } from '../../../src/components/lab/ExampleEditor';
import { labClient } from '../../../src/lab-worker/client';
import { useAppStore } from '../../../src/store/store';
import { resetStore } from '../../helpers/testStore';

const status = () => screen.getByRole('status', { name: 'Training status' });

describe('the Lab screen', () => {
  afterEach(() => {
    labClient.pause();
    cleanup();
  });
  beforeEach(async () => {
    await resetStore({ vectors: 'made-up' });
  });

  it('opens from the header button, which then leads back', async () => {
    const user = userEvent.setup();
    render(<LabButton />);
    await user.click(screen.getByRole('button', { name: 'Attention Lab' }));
    expect(useAppStore.getState().screen).toBe('lab');
    await user.click(screen.getByRole('button', { name: 'Back to the walkthrough' }));
    expect(useAppStore.getState().screen).toBe('walkthrough');
  });

  it('shows the task, its card, the controls and the status, and steps once', async () => {
    const user = userEvent.setup();
    render(<LabScreen />);
    const task = screen.getByRole('combobox', { name: 'Task' });
    expect(task).toHaveValue('lookup');
    expect([...task.querySelectorAll('option')].map((o) => o.value)).toEqual([...LAB_TASK_IDS]);
    expect(screen.getByText(/The question must put its attention/)).toBeInTheDocument();
    const speed = screen.getByRole('combobox', { name: 'Speed' });
    expect(speed.querySelectorAll('option')).toHaveLength(5);
    await waitFor(() => expect(status()).toHaveAttribute('data-loss', expect.stringMatching(/\d/)));
    expect(status()).toHaveAttribute('data-step', '0');
    await user.click(screen.getByRole('button', { name: 'Step' }));
    await waitFor(() => expect(status()).toHaveAttribute('data-step', '1'));
    expect(screen.getByLabelText('Lab attention heatmap')).toBeInTheDocument();
    const graph = screen.getByLabelText('Lab attention graph');
    expect(graph.querySelectorAll('[data-token-index]')).toHaveLength(5);
    expect(graph.querySelector('[data-source][data-target][data-weight]')).not.toBeNull();
    expect(screen.getByRole('img', { name: 'Training curve' })).toBeInTheDocument();
    for (const name of ['Layers', 'Heads per layer', 'Width', 'Learning rate', 'Seed']) {
      expect(screen.getByLabelText(name)).toBeInTheDocument();
    }
    expect(screen.getByRole('checkbox', { name: 'Position embeddings' })).toBeChecked();
  });

  it('names Train "Pause" while training', async () => {
    const user = userEvent.setup();
    render(<LabScreen />);
    await waitFor(() => expect(status()).toHaveAttribute('data-loss', expect.stringMatching(/\d/)));
    await user.click(screen.getByRole('button', { name: 'Train' }));
    await screen.findByRole('button', { name: 'Pause' });
    await user.click(screen.getByRole('button', { name: 'Pause' }));
    await screen.findByRole('button', { name: 'Train' });
    await act(async () => {});
  });

  it('reads a typed example only when it is one of the task', () => {
    expect(parseExample('lookup', 'A0 F2 B3 E3 F?')).toEqual(expect.any(Array));
    expect(parseExample('lookup', 'A0 A2 B3 E3 F?')).toBeNull();
    expect(parseExample('lookup', 'A0 F2')).toBeNull();
  });
});
