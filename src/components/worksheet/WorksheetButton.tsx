/**
 * The "Worksheet" button: opens a preview of a printable handout for the current sentence
 * and settings (at width 4, one head, a few tokens: the first ones, or those the teacher
 * picks in the preview, "it" and what it refers to, say), from which the teacher prints.
 * The preview's code is loaded on first use: most visits never print a worksheet.
 */
import { useMemo, useState } from 'react';
import { WORKSHEET_TOKENS, worksheetFromText } from '../../core/worksheet';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import { useTrace } from '../../store/useTrace';
import { lazyComponent } from '../shell/lazyPanel';
// The sheet's styles come with the button, not with the lazy preview: they are small, and
// the print rules then apply from the first frame the preview is on screen.
import './Worksheet.css';

const WorksheetPreview = lazyComponent(
  () => import('./WorksheetPreview').then((module) => module.WorksheetPreview),
  'worksheet',
);

/** The indices of the first `n` tokens. */
const firstTokens = (n: number): readonly number[] => [...Array(n).keys()];

/** The Worksheet button and, while open, its preview. */
export function WorksheetButton() {
  const m = useMessages().worksheet;
  const trace = useTrace();
  const table = useAppStore((s) => s.vectors.table);
  const [open, setOpen] = useState(false);
  // Indices of the tokens on the sheet; those past the sentence's end are dropped.
  const [picked, setPicked] = useState<readonly number[]>(firstTokens(WORKSHEET_TOKENS));
  // No worksheet without tokens, or while the vectors load: the panels show made-up numbers
  // meanwhile, but a printed handout must not change under the class when the table arrives.
  const loading = useAppStore((s) => s.vectors.status === 'loading');
  const unavailable = trace === null || trace.tokens.length === 0 || loading;
  const count = trace?.tokens.length ?? 0;
  const chosen = useMemo(() => {
    const inside = picked.filter((i) => i < count);
    return inside.length > 0 ? inside : firstTokens(Math.min(WORKSHEET_TOKENS, count));
  }, [picked, count]);
  const sheet = useMemo(
    () =>
      open && trace && trace.tokens.length > 0
        ? worksheetFromText(trace.text, trace.settings, table, chosen)
        : null,
    [open, trace, table, chosen],
  );
  return (
    // Also holds the message shown when the preview's code cannot be downloaded.
    <span className="worksheet-anchor">
      <button
        type="button"
        className="worksheet-button"
        aria-haspopup="dialog"
        // aria-disabled rather than disabled, so keyboard focus is not thrown to the page top.
        aria-disabled={unavailable}
        title={loading ? m.waitForVectors : unavailable ? m.noTokens : m.buttonDescription}
        onClick={() => {
          if (!unavailable) setOpen(true);
        }}
      >
        {m.button}
      </button>
      {sheet && (
        <WorksheetPreview
          sheet={sheet}
          tokenCount={chosen.length}
          onTokenCountChange={(n) => setPicked(firstTokens(n))}
          tokens={trace?.tokens.map((t) => t.text) ?? []}
          chosen={chosen}
          onChosenChange={setPicked}
          onClose={() => setOpen(false)}
          onGiveUp={() => setOpen(false)}
        />
      )}
    </span>
  );
}
