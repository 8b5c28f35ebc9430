// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { VectorStatus } from '../../../src/components/shell/VectorStatus';
import { useAppStore } from '../../../src/store/store';
import { resetStore } from '../../helpers/testStore';

describe('VectorStatus', () => {
  // Unmount after each test: this project's Vitest runs without globals, so Testing Library cannot do it by itself.
  afterEach(cleanup);

  beforeEach(async () => {
    await resetStore({ vectors: 'loading' });
  });

  it('shows a status line with the percentage while the vectors load', () => {
    act(() => useAppStore.getState().setVectors({ status: 'loading', progress: 0.42 }));
    render(<VectorStatus />);
    expect(screen.getByRole('status')).toHaveTextContent('Loading word vectors… 42%');
    expect(screen.getByRole('progressbar', { name: 'Word vectors loaded' })).toHaveAttribute(
      'value',
      '0.42',
    );
  });

  it('shows a plain loading line when the size is unknown', () => {
    act(() => useAppStore.getState().setVectors({ status: 'loading', progress: null }));
    render(<VectorStatus />);
    expect(screen.getByRole('status')).toHaveTextContent(/^Loading word vectors…$/);
  });

  it('says clearly when the table failed and that every word uses a made-up vector', () => {
    render(<VectorStatus />);
    act(() => useAppStore.getState().setVectors({ status: 'failed', error: 'HTTP 404' }));
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('could not be loaded (HTTP 404)');
    expect(status).toHaveTextContent('made-up vector');
  });

  it('offers to try loading the table again', async () => {
    render(<VectorStatus />);
    act(() => useAppStore.getState().setVectors({ status: 'failed', error: 'HTTP 404' }));
    const retry = screen.getByRole('button', { name: 'Try again' });
    act(() => retry.click());
    // The reload starts at once; jsdom has no server, so it fails again and says so.
    expect(useAppStore.getState().vectors.status).toBe('loading');
    await waitFor(() => expect(useAppStore.getState().vectors.status).toBe('failed'));
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });

  it('is empty once the vectors are ready', () => {
    render(<VectorStatus />);
    act(() => useAppStore.getState().setVectors({ status: 'ready', progress: 1 }));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });
});
