/**
 * "A new version is ready – Reload / Later": shown when the service worker has downloaded
 * a new build that waits to take over (src/store/serviceWorker.ts fills
 * src/store/appUpdate.ts). The page never reloads on its own in the middle of a lesson;
 * Reload switches to the new version, and the lesson link in the address bar brings the
 * same view back. The live region is always in the page, so a screen reader announces the
 * prompt when it appears.
 */
import { useMessages } from '../../messages';
import { useAppUpdate } from '../../store/appUpdate';
import './UpdatePrompt.css';

/** The new-version prompt (empty while there is no new version). */
export function UpdatePrompt() {
  const m = useMessages().pwa;
  const applyUpdate = useAppUpdate((s) => s.applyUpdate);
  const dismiss = useAppUpdate((s) => s.dismiss);
  return (
    <div role="status" aria-label={m.updateLabel} className="update-prompt">
      {applyUpdate && (
        <div className="banner update-prompt__box">
          <p>{m.updateReady}</p>
          <div className="update-prompt__actions">
            <button type="button" onClick={applyUpdate}>
              {m.reload}
            </button>
            <button type="button" onClick={dismiss}>
              {m.later}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
