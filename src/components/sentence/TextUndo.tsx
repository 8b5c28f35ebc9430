/**
 * "An example replaced your text (“…”). Undo · Dismiss": shown under the sentence box when
 * an example or a lesson link replaced text the user had typed (src/store/textUndo.ts). It
 * stays until used or dismissed, never on a timer: a teacher mid-sentence may look up
 * minutes later. The live region is always in the page, so a screen reader announces it.
 */
import { useMessages } from '../../messages';
import { forgetReplacement, undoReplacement, useReplacedText } from '../../store/textUndo';
import { truncateLabel } from '../../viz/text';

/** How much of the replaced text the notice quotes. */
const QUOTED_CHARS = 40;

/** The undo offer (empty while there is nothing to give back). */
export function TextUndo() {
  const m = useMessages().reliability.replaced;
  const previous = useReplacedText((s) => s.previous);
  const by = useReplacedText((s) => s.by);
  // Only the start is quoted: the text may be a megabyte.
  const quoted =
    previous === null
      ? ''
      : truncateLabel(
          previous
            .slice(0, 4 * QUOTED_CHARS)
            .trim()
            .replace(/\s+/g, ' '),
          QUOTED_CHARS,
        );
  return (
    <div role="status" aria-label={m.label} className="text-undo">
      {previous !== null && (
        <div className="text-undo__box">
          <p>
            {by === 'link'
              ? m.byLink(quoted)
              : by === 'undo'
                ? m.undone(quoted)
                : m.byExample(quoted)}
          </p>
          <div className="text-undo__actions">
            <button type="button" onClick={undoReplacement}>
              {by === 'undo' ? m.redo : m.undo}
            </button>
            <button type="button" onClick={forgetReplacement}>
              {m.dismiss}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
