// @vitest-environment jsdom
/**
 * The link notice summarises (issue 14): a link with 20,000 unknown fields lists the first
 * few problems and counts the rest, and its Dismiss button is right under them.
 */
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LinkNotice, LISTED_PROBLEMS } from '../../../src/components/sharing/LinkNotice';
import { applyLessonLink } from '../../../src/store/link/useLessonLink';
import { useAppStore } from '../../../src/store/store';
import { resetStore } from '../../helpers/testStore';

describe('LinkNotice', () => {
  afterEach(cleanup);
  beforeEach(() => resetStore());

  it('lists the first problems of a link with 20,000 unknown fields and counts the rest', () => {
    const hash = `#${Array.from({ length: 20_000 }, (_, i) => `field${i}=1`).join('&')}&t=Hello`;
    act(() => {
      applyLessonLink(hash);
    });
    expect(useAppStore.getState().linkNotice).toHaveLength(20_000);
    render(<LinkNotice />);
    const notice = screen.getByRole('status', { name: 'Link notice' });
    expect(within(notice).getAllByRole('listitem')).toHaveLength(LISTED_PROBLEMS);
    expect(within(notice).getAllByRole('listitem')[0]).toHaveTextContent('Ignored field0=1');
    expect(notice).toHaveTextContent(
      `…and ${(20_000 - LISTED_PROBLEMS).toLocaleString('en')} more.`,
    );
    expect(within(notice).getByRole('button', { name: 'Dismiss' })).toBeInTheDocument();
  });

  it('lists every problem of a link with a few', () => {
    act(() => {
      applyLessonLink('#w=7&zzz=1&t=Hello');
    });
    render(<LinkNotice />);
    const notice = screen.getByRole('status', { name: 'Link notice' });
    expect(within(notice).getAllByRole('listitem')).toHaveLength(2);
    expect(notice).not.toHaveTextContent('more.');
  });
});
