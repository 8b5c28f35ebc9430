/**
 * The embed view's own bar, where the share bar would be: "Full screen" when the page may
 * go full screen (inside an <iframe> only when the frame allows it: the snippet's
 * `allow="fullscreen"`), and a link that opens the same lesson in the whole app, in a new
 * tab, since a frame is no place for the settings, the numbers and the worksheet.
 */
import { useEffect, useState } from 'react';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import { lessonUrl, selectLesson } from '../../store/link/useLessonLink';
import { useStep } from '../../store/selectors';
import './Embed.css';

/** True while this page is full screen. */
function useFullscreen(): boolean {
  const [on, setOn] = useState(() => !!document.fullscreenElement);
  useEffect(() => {
    const update = () => setOn(!!document.fullscreenElement);
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, []);
  return on;
}

/** Full screen and "Open in Attention Graph", for the embed view. */
export function EmbedBar() {
  const m = useMessages().share;
  const lesson = useAppStore(selectLesson);
  const fullscreen = useFullscreen();
  // Embed.css shows the one visual of this step, keyed on this attribute.
  const step = useStep();
  // Read once: a frame's permission does not change while it is shown.
  const [canFullscreen] = useState(
    () =>
      document.fullscreenEnabled &&
      typeof document.documentElement.requestFullscreen === 'function',
  );
  const toggle = () => {
    // A refusal (no user gesture, a policy) leaves the view as it is: nothing to report.
    const attempt = fullscreen
      ? document.exitFullscreen?.()
      : document.documentElement.requestFullscreen?.();
    void attempt?.catch(() => undefined);
  };
  return (
    <div className="embed-bar" role="group" aria-label={m.embedBarLabel} data-embed-step={step}>
      {canFullscreen && (
        <button type="button" className="embed-bar__fullscreen" onClick={toggle}>
          {fullscreen ? m.exitFullscreen : m.fullscreen}
        </button>
      )}
      <a
        className="embed-bar__open"
        href={lessonUrl({ ...lesson, embed: false })}
        target="_blank"
        rel="noopener"
      >
        {m.openFull}
      </a>
    </div>
  );
}
