/**
 * The PyTorch lines that compute what the app shows, with the current step's lines
 * highlighted in <mark> elements (announced as highlighted by screen readers).
 */
import { headDim } from '../core/weights';
import { useMessages } from '../messages';
import { useAppStore } from '../store/store';
import { useTrace } from '../store/useTrace';
import { alignComments, pytorchLines } from './pytorchCode';
import './CodeView.css';

/** The code view. */
export function CodeView() {
  const m = useMessages().shell.code;
  const step = useAppStore((s) => s.step);
  const settings = useAppStore((s) => s.settings);
  const tokens = useTrace()?.tokens.length ?? 0;
  const lines = pytorchLines(settings, tokens, headDim(settings.width, settings.heads));
  const texts = alignComments(lines);
  return (
    <div className="code-view">
      <h3 className="code-view__heading">{m.heading}</h3>
      {/* tabIndex: the block may scroll sideways on a phone, and keyboard users must be able to scroll it too. */}
      <pre className="code-view__pre" tabIndex={0}>
        <code>
          {lines.map((line, i) =>
            line.step === step ? (
              <mark
                key={i}
                className="code-view__line code-view__line--current"
                data-step={line.step}
              >
                {texts[i]}
              </mark>
            ) : (
              <span key={i} className="code-view__line" data-step={line.step ?? undefined}>
                {texts[i]}
              </span>
            ),
          )}
        </code>
      </pre>
      <p className="hint">{m.caption}</p>
    </div>
  );
}
