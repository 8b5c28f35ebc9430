/**
 * The notice a partly unreadable lesson link leaves: what could not be restored, one line
 * each, and a "Dismiss" button. The live region is always in the page, so a screen reader
 * announces the notice when a link fills it; the view itself is already on screen. The
 * store keeps the problems as codes, so they are worded here, in the language shown now.
 */
import { useMessages } from '../../messages';
import { useNumberFormat } from '../common/useNumberFormat';
import { describeLinkProblem } from '../../store/link/problems';
import { useAppStore } from '../../store/store';

/**
 * The most problems the notice lists one by one; the rest are counted ("and 19,990
 * more"). A link of 20,000 unknown fields once made a notice of 20,000 lines whose
 * Dismiss button was 263,000 pixels down the page.
 */
export const LISTED_PROBLEMS = 10;

/** The lesson-link notice (empty when the link was read whole). */
export function LinkNotice() {
  const messages = useMessages().share;
  const more = useMessages().reliability.moreProblems;
  const fmt = useNumberFormat();
  const m = messages.notice;
  const problems = useAppStore((s) => s.linkNotice);
  const setLinkNotice = useAppStore((s) => s.setLinkNotice);
  return (
    <div role="status" aria-label={m.label} className="link-notice">
      {problems && problems.length > 0 && (
        <div className="banner link-notice__box">
          <div className="link-notice__text">
            <p>
              <span aria-hidden="true">⚠ </span>
              {m.intro}
            </p>
            <ul>
              {problems.slice(0, LISTED_PROBLEMS).map((problem, index) => (
                // Problems can repeat word for word (two unknown keys with the same text).
                <li key={index}>{describeLinkProblem(problem, messages.problems)}</li>
              ))}
            </ul>
            {problems.length > LISTED_PROBLEMS && (
              <p className="link-notice__more">
                {more((problems.length - LISTED_PROBLEMS).toLocaleString(fmt.lang))}
              </p>
            )}
          </div>
          <button type="button" onClick={() => setLinkNotice(null)}>
            {m.dismiss}
          </button>
        </div>
      )}
    </div>
  );
}
