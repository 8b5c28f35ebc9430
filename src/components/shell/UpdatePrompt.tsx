/**
 * "A new version is ready – Reload / Later": shown when the service worker has downloaded
 * a new build that waits to take over (src/store/serviceWorker.ts fills
 * src/store/appUpdate.ts). The page never reloads on its own in the middle of a lesson;
 * Reload switches to the new version, and the lesson link in the address bar brings the
 * same view back. The live region is always in the page, so a screen reader announces the
 * prompt when it appears. Beside it, the message of an offline install the browser refused.
 */
import { useMessages } from '../../messages';
import { useAppUpdate } from '../../store/appUpdate';
import { useOfflineInstall } from '../../store/offlineInstall';
import { useNumberFormat } from '../common/useNumberFormat';
import './UpdatePrompt.css';

/**
 * "Attention Graph could not be saved for offline use: …" when the browser refused the
 * storage the offline copy needs (src/store/offlineInstall.ts); empty otherwise.
 */
function OfflineNotice() {
  const m = useMessages().pwa;
  const fmt = useNumberFormat();
  const status = useOfflineInstall((s) => s.status);
  const storage = useOfflineInstall((s) => s.storage);
  const dismiss = useOfflineInstall((s) => s.dismiss);
  const size = (bytes: number) => m.megabytes(fmt.number(bytes / 1e6, 1));
  return (
    <div role="status" aria-label={m.offlineLabel} className="update-prompt">
      {status === 'failed' && (
        <div className="banner update-prompt__box update-prompt__box--offline">
          <p>
            {m.offlineFailed(
              storage ? size(storage.quota) : null,
              storage ? size(Math.max(0, storage.quota - storage.usage)) : null,
            )}
          </p>
          <div className="update-prompt__actions">
            <button type="button" onClick={dismiss}>
              {m.dismiss}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}

/** The new-version prompt (empty while there is no new version). */
export function UpdatePrompt() {
  const m = useMessages().pwa;
  const applyUpdate = useAppUpdate((s) => s.applyUpdate);
  const dismiss = useAppUpdate((s) => s.dismiss);
  return (
    <>
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
      <OfflineNotice />
    </>
  );
}
