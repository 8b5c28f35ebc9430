/**
 * The PyTorch lines that compute what the app shows, with the current step's lines
 * highlighted in <mark> elements (announced as highlighted by screen readers).
 *
 * Nothing scrolls sideways: a shape comment sits in a column at the right of its line
 * when there is room, and moves under the line, still right-aligned, when there is not;
 * a line of code too long for a phone wraps with a hanging indent.
 */
import type { CSSProperties } from 'react';
import { headDim } from '../../core/weights';
import { useMessages } from '../../messages';
import { useTrace } from '../../store/useTrace';
import { pytorchLines, type CodeLine } from './pytorchCode';
import './CodeView.css';
import { useSettings, useStep } from '../../store/selectors';

/** Leading spaces of a line of Python: its indentation, in characters. */
const indentOf = (code: string) => code.length - code.trimStart().length;

/** The contents of one line: the code, then its shape comment. */
function LineContent({ line, shapeWidth }: { line: CodeLine; shapeWidth: number }) {
  return (
    <>
      <span
        className="code-view__code"
        style={{ '--indent': `${indentOf(line.code)}ch` } as CSSProperties}
      >
        {line.code}
      </span>
      {line.shape && (
        <span
          className="code-view__shape"
          style={{ '--shape-width': `${shapeWidth}ch` } as CSSProperties}
        >
          {`  # ${line.shape}`}
        </span>
      )}
    </>
  );
}

/** The code view. */
export function CodeView() {
  const m = useMessages().shell.code;
  const step = useStep();
  const settings = useSettings();
  const tokens = useTrace()?.tokens.length ?? 0;
  const lines = pytorchLines(settings, tokens, headDim(settings.width, settings.heads));
  // Every comment box is as wide as the longest, so their "#" line up in one column.
  const shapeWidth = Math.max(0, ...lines.map((l) => (l.shape ? l.shape.length + 4 : 0)));
  return (
    <div className="code-view">
      <h3 className="code-view__heading">{m.heading}</h3>
      {/* tabIndex: keyboard users can reach the block and scroll it if a very long line ever needs it. */}
      <pre className="code-view__pre" tabIndex={0}>
        <code>
          {lines.map((line, i) =>
            line.step === step ? (
              <mark
                key={i}
                className="code-view__line code-view__line--current"
                data-step={line.step}
              >
                <LineContent line={line} shapeWidth={shapeWidth} />
              </mark>
            ) : (
              <span key={i} className="code-view__line" data-step={line.step ?? undefined}>
                <LineContent line={line} shapeWidth={shapeWidth} />
              </span>
            ),
          )}
        </code>
      </pre>
      <p className="hint">{m.caption}</p>
    </div>
  );
}
