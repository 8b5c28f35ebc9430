// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LanguagePicker } from '../../../src/components/shell/LanguagePicker';
import { StepNav } from '../../../src/components/steps/StepNav';
import { TemperatureControl } from '../../../src/components/settings/TemperatureControl';
import { useDocumentLanguage } from '../../../src/messages/useDocumentLanguage';
import { useAppStore } from '../../../src/store/store';
import { resetStore } from '../../helpers/testStore';

/** The header's picker with a few panels that follow it, and the document hook App calls. */
function Page() {
  useDocumentLanguage();
  return (
    <>
      <LanguagePicker />
      <StepNav />
      <TemperatureControl />
    </>
  );
}

describe('LanguagePicker', () => {
  afterEach(cleanup);
  beforeEach(async () => {
    await resetStore({ vectors: 'made-up' });
  });

  it('is a labelled select whose options name each language in that language', () => {
    render(<Page />);
    const select = screen.getByRole('combobox', { name: 'Language' });
    const options = Array.from((select as HTMLSelectElement).options);
    expect(options.map((o) => [o.value, o.textContent, o.lang])).toEqual([
      ['en', 'English', 'en'],
      ['es', 'Español', 'es'],
    ]);
    expect(select).toHaveValue('en');
  });

  it('switches the interface, the document and the numbers to Spanish', async () => {
    const user = userEvent.setup();
    act(() => useAppStore.getState().setSettings({ temperature: 0.5 }));
    render(<Page />);
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByText('τ = 0.5')).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Language' }), 'es');

    expect(useAppStore.getState().lang).toBe('es');
    expect(screen.getByRole('combobox', { name: 'Idioma' })).toHaveValue('es');
    expect(screen.getByRole('navigation', { name: 'Pasos' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Paso siguiente' })).toBeInTheDocument();
    expect(screen.getByText('τ = 0,5')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('es');
    expect(document.documentElement.dir).toBe('ltr');
    expect(document.title).toBe('Attention Graph: la autoatención, paso a paso');
  });

  it('follows a language set elsewhere (a lesson link)', () => {
    render(<Page />);
    act(() => useAppStore.getState().setLang('es'));
    expect(screen.getByRole('combobox', { name: 'Idioma' })).toHaveValue('es');
    act(() => useAppStore.getState().setLang('en'));
    expect(screen.getByRole('combobox', { name: 'Language' })).toHaveValue('en');
    expect(document.documentElement.lang).toBe('en');
  });
});
