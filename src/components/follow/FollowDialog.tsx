/**
 * The story of one token, frame by frame, in a modal dialog (in the top layer, above the
 * page and presentation mode alike, so it does not depend on the page's layout). A native
 * modal <dialog> traps focus; Escape, Close and the clicker's keys are handled through
 * `followKeys.ts`. Every number is the current trace's, for the head the panels show.
 */
import { useCallback, useId, useLayoutEffect, useMemo, useRef } from 'react';
import { createPortal } from 'react-dom';
import { useMessages } from '../../messages';
import { useHead } from '../../store/selectors';
import { useAppStore } from '../../store/store';
import { useTrace } from '../../store/useTrace';
import type { AttentionTrace } from '../../core/types';
import type { FollowView } from '../../vocabulary/follow';
import { buildFollowStory, clampFrame, LABEL_CHARS } from '../../viz/follow/followStory';
import { truncateLabel } from '../../viz/text';
import { useFollowKeys, type FollowKeyAction } from './followKeys';
import { FollowFrameView, frameTitle } from './FollowFrameView';
import './Follow.css';

/** The dialog, while a story is open and there is a trace to tell it from. */
export default function FollowDialog() {
  const trace = useTrace();
  const view = useAppStore((s) => s.follow);
  if (!trace || !view || trace.tokens.length === 0 || trace.heads.length === 0) return null;
  return createPortal(<StoryDialog trace={trace} view={view} />, document.body);
}

/** Opens `dialog` as a modal, or just open where showModal is missing (jsdom). */
function openDialog(dialog: HTMLDialogElement): void {
  if (dialog.open) return;
  if (typeof dialog.showModal === 'function') dialog.showModal();
  else dialog.setAttribute('open', '');
}

function StoryDialog({ trace, view }: { trace: AttentionTrace; view: FollowView }) {
  const m = useMessages().follow;
  const headShown = useHead();
  const head = Math.min(headShown, trace.heads.length - 1);
  const T = trace.tokens.length;
  const token = Math.min(view.token, T - 1);
  const story = useMemo(() => buildFollowStory(trace, head, token), [trace, head, token]);
  const count = story.frames.length;
  const index = clampFrame(view.frame, count);
  const frame = story.frames[index] ?? { kind: 'arrows' };
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();

  const act = useCallback(
    (action: FollowKeyAction) => {
      const s = useAppStore.getState();
      if (action === 'close') s.closeFollow();
      else if (action === 'first') s.setFollowFrame(0);
      else if (action === 'last') s.setFollowFrame(count - 1);
      else s.moveFollowFrame(action === 'next' ? 1 : -1, count);
    },
    [count],
  );
  useFollowKeys(act);

  // Opened modal once; focus goes back to what had it (the button) when the story closes.
  useLayoutEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement;
    if (dialog) {
      openDialog(dialog);
      dialog.querySelector<HTMLElement>('.follow__frame')?.focus({ preventScroll: true });
    }
    return () => {
      if (dialog?.open && typeof dialog.close === 'function') dialog.close();
      if (opener instanceof HTMLElement && opener.isConnected)
        opener.focus({ preventScroll: true });
    };
  }, []);

  const title = frameTitle(story, frame, m);
  const atStart = index === 0;
  const atEnd = index === count - 1;
  return (
    <dialog
      ref={ref}
      className="follow"
      aria-labelledby={`${id}-title`}
      data-frame={index}
      data-frame-kind={frame.kind}
      data-token={token}
      // The browser's own close request (Escape where our listener did not see it).
      onCancel={(e) => {
        e.preventDefault();
        act('close');
      }}
      // A click on the backdrop lands on the dialog element itself: close, as people expect.
      onClick={(e) => e.target === ref.current && act('close')}
    >
      <div className="follow__body">
        <header className="follow__header">
          <h2 id={`${id}-title`} className="follow__title">
            {m.title}
          </h2>
          <label className="follow__token">
            <span>{m.tokenLabel}</span>{' '}
            <select
              value={token}
              onChange={(e) => useAppStore.getState().setFollowToken(Number(e.target.value))}
            >
              {trace.tokens.map((t, i) => (
                <option key={i} value={i}>
                  {m.tokenOption(i + 1, truncateLabel(t.text, LABEL_CHARS))}
                </option>
              ))}
            </select>
          </label>
          {trace.heads.length > 1 && (
            <p className="follow__head">{m.head(head + 1, trace.heads.length)}</p>
          )}
          <button type="button" className="follow__close" onClick={() => act('close')}>
            {m.close}
          </button>
        </header>
        <section className="follow__frame" tabIndex={-1} aria-labelledby={`${id}-frame`}>
          <h3 id={`${id}-frame`} className="follow__frame-title">
            {title}
          </h3>
          <FollowFrameView story={story} frame={frame} trace={trace} />
        </section>
        <footer className="follow__nav">
          <button
            type="button"
            className="follow__move"
            aria-disabled={atStart}
            onClick={() => !atStart && act('previous')}
          >
            <span aria-hidden="true">←</span> {m.previous}
          </button>
          <p className="follow__indicator" aria-label={m.indicatorLabel(index + 1, count)}>
            {m.indicator(index + 1, count)}
          </p>
          <button
            type="button"
            className="follow__move"
            aria-disabled={atEnd}
            onClick={() => !atEnd && act('next')}
          >
            {m.next} <span aria-hidden="true">→</span>
          </button>
          <p className="follow__keys">{m.keysHint}</p>
        </footer>
        <p className="visually-hidden" aria-live="polite">
          {`${m.indicatorLabel(index + 1, count)}: ${title}`}
        </p>
      </div>
    </dialog>
  );
}
