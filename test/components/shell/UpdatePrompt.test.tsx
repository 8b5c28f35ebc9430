// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { UpdatePrompt } from '../../../src/components/shell/UpdatePrompt';
import { useAppUpdate } from '../../../src/store/appUpdate';
import { useAppStore } from '../../../src/store/store';

describe('UpdatePrompt', () => {
  afterEach(cleanup);

  beforeEach(() => {
    act(() => {
      useAppUpdate.setState({ applyUpdate: null });
      useAppStore.getState().setLang('en');
    });
  });

  it('is an empty live region while no new version waits', () => {
    render(<UpdatePrompt />);
    expect(screen.getByRole('status', { name: 'New version' })).toBeEmptyDOMElement();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says a new version is ready once the service worker has one, and Reload switches to it', () => {
    const applyUpdate = vi.fn();
    render(<UpdatePrompt />);
    act(() => useAppUpdate.setState({ applyUpdate }));
    expect(screen.getByRole('status', { name: 'New version' })).toHaveTextContent(
      'A new version of Attention Graph is ready.',
    );
    act(() => screen.getByRole('button', { name: 'Reload' }).click());
    expect(applyUpdate).toHaveBeenCalledTimes(1);
  });

  it('Later hides the prompt without switching', () => {
    const applyUpdate = vi.fn();
    render(<UpdatePrompt />);
    act(() => useAppUpdate.setState({ applyUpdate }));
    act(() => screen.getByRole('button', { name: 'Later' }).click());
    expect(screen.getByRole('status', { name: 'New version' })).toBeEmptyDOMElement();
    expect(applyUpdate).not.toHaveBeenCalled();
    expect(useAppUpdate.getState().applyUpdate).toBeNull();
  });

  it('speaks the interface language', () => {
    render(<UpdatePrompt />);
    act(() => {
      useAppStore.getState().setLang('es');
      useAppUpdate.setState({ applyUpdate: () => {} });
    });
    expect(screen.getByRole('status', { name: 'Nueva versión' })).toHaveTextContent(
      'Hay una versión nueva de Attention Graph.',
    );
    expect(screen.getByRole('button', { name: 'Recargar' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Más tarde' })).toBeInTheDocument();
  });
});
