// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SentenceInput } from '../../../src/components/sentence/SentenceInput';
import { en } from '../../../src/messages';
import { useAppStore } from '../../../src/store/store';
import { forgetReplacement } from '../../../src/store/textUndo';
import { gloveVectors, resetStore } from '../../helpers/testStore';

const chipTexts = () =>
  within(screen.getByRole('list', { name: 'Tokens' }))
    .getAllByRole('listitem')
    .map((li) => li.textContent);

const chip = (text: string) =>
  within(screen.getByRole('list', { name: 'Tokens' }))
    .getAllByRole('listitem')
    .find((li) => li.textContent === text) as HTMLElement;

describe('SentenceInput', () => {
  // Unmount after each test: this project's Vitest runs without globals, so Testing Library cannot do it by itself.
  afterEach(cleanup);

  beforeEach(async () => {
    await resetStore({ text: '' });
    forgetReplacement();
  });

  it('updates the store on every keystroke and the chips follow', async () => {
    const user = userEvent.setup();
    render(<SentenceInput />);
    const box = screen.getByRole('textbox', { name: 'Sentence' });
    await user.type(box, 'I love');
    expect(useAppStore.getState().text).toBe('I love');
    await user.type(box, ' tennis.');
    expect(useAppStore.getState().text).toBe('I love tennis.');
    await waitFor(() => expect(chipTexts()).toEqual(['I', 'love', 'tennis', '.']));
  });

  it('shows a friendly empty state for blank text, and never clears the text itself', async () => {
    const user = userEvent.setup();
    render(<SentenceInput />);
    expect(screen.getByText(en.shell.tokens.empty)).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Tokens' })).not.toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Sentence' }), '   ');
    expect(screen.getByText(en.shell.tokens.empty)).toBeInTheDocument();
    expect(useAppStore.getState().text).toBe('   ');
  });

  it('marks unknown words and explains them; known words are not marked', async () => {
    await resetStore({ text: 'I love tennis.' });
    render(<SentenceInput />);
    const unknown = chip('I');
    const known = chip('love');
    expect(unknown).toHaveAttribute('data-known', 'false');
    expect(known).toHaveAttribute('data-known', 'true');
    const unknownButton = within(unknown).getByRole('button');
    expect(unknownButton).toHaveAccessibleDescription(expect.stringContaining('no GloVe vector'));
    expect(unknownButton).toHaveAttribute('title', expect.stringContaining('made-up vector'));
    expect(within(known).getByRole('button')).toHaveAttribute(
      'title',
      expect.stringContaining('GloVe vector of “love”'),
    );
    expect(screen.getByText(/Dashed, with a \?: no GloVe vector/)).toBeInTheDocument();
    expect(screen.getByText('4 tokens, 1 without a GloVe vector')).toBeInTheDocument();
  });

  it('shows which word a clitic borrowed its vector from', async () => {
    await resetStore({ text: "I don't know." });
    render(<SentenceInput />);
    expect(chipTexts()).toEqual(['I', 'do', "n't", 'know', '.']);
    const clitic = chip("n't");
    expect(clitic).toHaveAttribute('data-known', 'true');
    expect(clitic).toHaveAttribute('data-lookup', 'not');
    expect(within(clitic).getByRole('button')).toHaveAccessibleDescription(
      "“n't” is looked up as “not”.",
    );
    expect(screen.getByText("“n't” is looked up as “not”.")).toBeInTheDocument();
    expect(chip('do')).not.toHaveAttribute('data-lookup');
  });

  it('shows the chips as the text is typed, before the table, and marks the words when it arrives', async () => {
    await resetStore({ text: '', vectors: 'loading' });
    const user = userEvent.setup();
    render(<SentenceInput />);
    await user.type(screen.getByRole('textbox', { name: 'Sentence' }), 'I love zxqv');
    await waitFor(() => expect(chipTexts()).toEqual(['I', 'love', 'zxqv']));
    // No word is called known or unknown before the table can say.
    for (const word of ['I', 'love', 'zxqv']) {
      expect(chip(word)).toHaveAttribute('data-known', 'pending');
    }
    expect(screen.getByText(en.shell.tokens.countPending(3))).toBeInTheDocument();
    const table = await gloveVectors();
    act(() =>
      useAppStore
        .getState()
        .setVectors({ status: 'ready', table, bytes: null, progress: 1, error: null }),
    );
    await waitFor(() => expect(chip('love')).toHaveAttribute('data-known', 'true'));
    expect(chip('I')).toHaveAttribute('data-known', 'false');
    expect(chip('zxqv')).toHaveAttribute('data-known', 'false');
    expect(screen.getByText(en.shell.tokens.count(3, 2))).toBeInTheDocument();
  });

  it('says so when every vector is made up', async () => {
    await resetStore({ text: 'I love tennis.', vectors: 'made-up' });
    render(<SentenceInput />);
    expect(screen.getByText(en.shell.tokens.madeUp)).toBeInTheDocument();
  });

  it('puts the chosen example in the text box and shows which example is loaded', async () => {
    const user = userEvent.setup();
    render(<SentenceInput />);
    const menu = screen.getByText('Examples', { selector: 'summary' });
    await user.click(menu);
    await user.click(
      screen.getByRole('button', { name: 'The cat sat on the mat because it was tired.' }),
    );
    expect(useAppStore.getState().text).toBe('The cat sat on the mat because it was tired.');
    expect(screen.getByRole('textbox', { name: 'Sentence' })).toHaveValue(
      'The cat sat on the mat because it was tired.',
    );
    await waitFor(() => expect(chipTexts()).toHaveLength(11));
    expect(
      screen.getByRole('button', { name: 'The cat sat on the mat because it was tired.' }),
    ).toHaveAttribute('aria-current', 'true');
    // Editing the text makes it the user's own: no example is marked, the text stays.
    await user.type(screen.getByRole('textbox', { name: 'Sentence' }), ' Yes');
    expect(
      screen.getByRole('button', { name: 'The cat sat on the mat because it was tired.' }),
    ).not.toHaveAttribute('aria-current');
    expect(useAppStore.getState().text).toBe('The cat sat on the mat because it was tired. Yes');
  });

  it('offers the required examples, including a long paragraph', () => {
    render(<SentenceInput />);
    const menu = screen.getByText('Examples', { selector: 'summary' }).closest('details');
    const options = within(menu as HTMLElement).getAllByRole('button');
    const texts = en.shell.examples.items.map((e) => e.text);
    expect(options).toHaveLength(texts.length);
    expect(texts).toEqual(
      expect.arrayContaining([
        'I love tennis.',
        'The cat sat on the mat because it was tired.',
        'I love Tennis & I am a big fan of Rafael Nadal.',
      ]),
    );
    expect(Math.max(...texts.map((t) => t.split(/\s+/).length))).toBeGreaterThanOrEqual(50);
  });

  it('an example that replaced the user’s own text can be undone, and Undo can be undone', async () => {
    const user = userEvent.setup();
    render(<SentenceInput />);
    const box = screen.getByRole('textbox', { name: 'Sentence' });
    await user.type(box, 'My own words');
    // No offer while nothing was replaced.
    expect(screen.queryByRole('button', { name: 'Undo' })).not.toBeInTheDocument();
    await user.click(screen.getByText('Examples', { selector: 'summary' }));
    await user.click(screen.getByRole('button', { name: /A rose is a rose/ }));
    expect(useAppStore.getState().text).toBe('A rose is a rose is a rose.');
    const offer = screen.getByRole('status', { name: 'Your earlier text' });
    expect(offer).toHaveTextContent('An example replaced your text (“My own words”).');
    // A second example does not lose the first own text.
    await user.click(screen.getByText('Examples', { selector: 'summary' }));
    await user.click(screen.getByRole('button', { name: 'I love tennis.' }));
    expect(offer).toHaveTextContent('(“My own words”)');
    // The user edits the example, then undoes: their text is back, and the edit one click away.
    await user.type(box, ' Really');
    await user.click(within(offer).getByRole('button', { name: 'Undo' }));
    expect(useAppStore.getState().text).toBe('My own words');
    expect(offer).toHaveTextContent('(“I love tennis. Really”) is one click away.');
    await user.click(within(offer).getByRole('button', { name: 'Redo' }));
    expect(useAppStore.getState().text).toBe('I love tennis. Really');
    await user.click(within(offer).getByRole('button', { name: 'Redo' }));
    expect(useAppStore.getState().text).toBe('My own words');
    await user.click(within(offer).getByRole('button', { name: 'Dismiss' }));
    expect(offer).toBeEmptyDOMElement();
  });

  it('an example replacing an example or the first sentence offers no undo', async () => {
    const user = userEvent.setup();
    await resetStore({ text: 'I love tennis.' });
    render(<SentenceInput />);
    await user.click(screen.getByText('Examples', { selector: 'summary' }));
    await user.click(screen.getByRole('button', { name: /A rose is a rose/ }));
    expect(screen.getByRole('status', { name: 'Your earlier text' })).toBeEmptyDOMElement();
  });

  it('hovering or focusing a chip sets the hovered token, and the chip highlights with it', async () => {
    const user = userEvent.setup();
    await resetStore({ text: 'I love tennis.' });
    render(<SentenceInput />);
    const love = within(chip('love')).getByRole('button');
    await user.hover(love);
    expect(useAppStore.getState().hoverToken).toBe(1);
    expect(chip('love')).toHaveAttribute('data-mark', 'token');
    await user.unhover(love);
    expect(useAppStore.getState().hoverToken).toBeNull();
    act(() => useAppStore.getState().setHoverToken(2));
    expect(chip('tennis')).toHaveAttribute('data-mark', 'token');
    act(() => useAppStore.getState().setHoverCell({ i: 0, j: 3 }));
    expect(chip('I')).toHaveAttribute('data-mark', 'query');
    expect(chip('.')).toHaveAttribute('data-mark', 'key');
    act(() => useAppStore.getState().setHoverToken(null));
    expect(chip('tennis')).not.toHaveAttribute('data-mark');
  });

  it('keeps one chip in the tab order; ArrowDown and ArrowUp move between chips', async () => {
    const user = userEvent.setup();
    await resetStore({ text: 'I love tennis.' });
    render(<SentenceInput />);
    const buttons = within(screen.getByRole('list', { name: 'Tokens' })).getAllByRole('button');
    expect(buttons.map((b) => b.tabIndex)).toEqual([0, -1, -1, -1]);
    act(() => buttons[0]?.focus());
    expect(useAppStore.getState().hoverToken).toBe(0);
    await user.keyboard('{ArrowDown}');
    expect(buttons[1]).toHaveFocus();
    expect(useAppStore.getState().hoverToken).toBe(1);
    await user.keyboard('{End}');
    expect(buttons[3]).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(buttons[2]).toHaveFocus();
    expect(buttons.map((b) => b.tabIndex)).toEqual([-1, -1, 0, -1]);
  });

  it('clicking a chip shows only its edges in the graph; clicking again shows all', async () => {
    const user = userEvent.setup();
    await resetStore({ text: 'I love tennis.' });
    render(<SentenceInput />);
    const love = within(chip('love')).getByRole('button');
    await user.click(love);
    expect(useAppStore.getState().graph.focus).toBe(1);
    expect(love).toHaveAttribute('aria-pressed', 'true');
    await user.click(love);
    expect(useAppStore.getState().graph.focus).toBeNull();
  });
});
