/**
 * The heatmap panel: heading, the all-heads strip, the mode switch, a sentence on what the
 * colours mean, the heatmap itself (sized to the panel; SVG for short texts, canvas from
 * HEATMAP_CANVAS_MIN_TOKENS tokens), its legend and a read-out of the hovered or selected
 * cell. What it shows follows the walkthrough's step. Past TABLES_MAX_TOKENS tokens it
 * also offers the trace as JSON, since the accessible tables stop there.
 */
import { useId, useMemo, useRef, useState } from 'react';
import { isolate } from '../../bidi';
import type { AttentionTrace } from '../../core/types';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import { useNumberFormat, type NumberFormat } from '../common/useNumberFormat';
import {
  heatmapGeometry,
  heatmapRenderer,
  type HeatmapGeometry,
  type HeatmapGeometryOptions,
} from '../../viz/heatmap/heatmapGeometry';
import { useFitHeight } from './useFitHeight';
import { heatmapScene } from '../../viz/heatmap/heatmapScene';
import {
  availableModes,
  headAt,
  heatmapView,
  isMaskedCell,
  resolveMode,
  type HeatmapMode,
  type HeatmapView,
} from '../../viz/heatmap/heatmapModel';
import { useElementWidth } from '../../viz/useElementWidth';
import { AllHeadsHeatmaps } from './AllHeadsHeatmaps';
import { CanvasHeatmap } from './CanvasHeatmap';
import { DownloadTraceButton } from '../sharing/DownloadTrace';
import { HeatmapSvg } from './Heatmap';
import { HeatmapExport } from './HeatmapExport';
import { HeatmapLegend } from './HeatmapLegend';
import { HeatmapModeSwitch } from './HeatmapModeSwitch';
import { TABLES_MAX_TOKENS } from '../matrices/tableLimits';
import type { StepId } from '../../vocabulary/steps';
import {
  useHead,
  useHoverCell,
  useHoverToken,
  usePresenting,
  useSelection,
  useStep,
} from '../../store/selectors';

/** Below this window width (a phone), SVG cells stay a fingertip wide and the grid scrolls. */
const PHONE_MAX_WIDTH = 600;
/** A fingertip: the smallest tap target on a phone, px, and room for a cell's number. */
const PHONE_MIN_CELL = 30;

/** Props of `HeatmapPanel`. */
export interface HeatmapPanelProps {
  readonly trace: AttentionTrace;
}

/** The heatmap panel for the selected head. */
export function HeatmapPanel({ trace }: HeatmapPanelProps) {
  const m = useMessages().viz;
  const step = useStep();
  const headIndex = useHead();
  const allHeads = useAppStore((s) => s.allHeads);
  const scrollRef = useRef<HTMLDivElement>(null);
  // The drawing's own frame: as wide as the panel, or (Score on the stage, App.css) the
  // column the value switch and the legend leave beside it.
  const width = useElementWidth(scrollRef);
  // A choice of matrix belongs to the step it was made at: moving on shows what the new step computed.
  const [choice, setChoice] = useState<{ step: StepId; mode: HeatmapMode } | null>(null);

  const titleId = useId();
  const head = headAt(trace, headIndex);
  const modes = useMemo(() => availableModes(step, trace.settings), [step, trace.settings]);
  const mode = resolveMode(choice?.step === step ? choice.mode : null, modes);
  const causal = trace.settings.causal;
  const view = useMemo(
    () => (head && mode ? heatmapView(head, mode, causal) : null),
    [head, mode, causal],
  );
  const fmt = useNumberFormat();
  const tokens = useMemo(() => trace.tokens.map((t) => isolate(t.text)), [trace.tokens]);
  const renderer = heatmapRenderer(tokens.length);
  // Presentation mode prints the numbers for the back row; a phone keeps cells tappable.
  const presenting = usePresenting();
  const phone = typeof window !== 'undefined' && window.innerWidth <= PHONE_MAX_WIDTH;
  const fitHeight = useFitHeight(scrollRef);
  const geometry = useMemo(
    () =>
      fittedGeometry(tokens, width, fitHeight, {
        renderer,
        largeNumbers: presenting,
        minCell: phone ? PHONE_MIN_CELL : undefined,
      }),
    [tokens, width, fitHeight, renderer, presenting, phone],
  );
  // Built once per change of matrix, size or language, never on hover.
  const scene = useMemo(
    () => heatmapScene({ tokens, view, geometry, format: fmt, strings: m }),
    [tokens, view, geometry, fmt, m],
  );
  const Renderer = renderer === 'canvas' ? CanvasHeatmap : HeatmapSvg;
  const heads = trace.heads.length;

  return (
    <section className="attention-panel heatmap-panel" aria-labelledby={titleId}>
      <div className="panel-head">
        <h2 id={titleId} className="attention-panel-title">
          {m.heatmapTitle}
          {heads > 1 && (
            <span className="attention-panel-sub">
              {m.headOf(Math.min(headIndex, heads - 1), heads)}
            </span>
          )}
        </h2>
        <HeatmapExport trace={trace} view={view} tokens={tokens} headIndex={headIndex} />
      </div>
      <div className="attention-panel-body">
        {allHeads && heads > 1 && <AllHeadsHeatmaps trace={trace} step={step} width={width} />}
        {mode && (
          <HeatmapModeSwitch
            modes={modes}
            value={mode}
            onChange={(next) => setChoice({ step, mode: next })}
          />
        )}
        {view && head ? (
          <p className="hm-note">{explanation(m, view.mode, trace.dK, fmt)}</p>
        ) : (
          <p className="hm-placeholder">{m.scoresAppear}</p>
        )}
        {/* Always there, so the height it is fitted to is measured on one element. */}
        <div ref={scrollRef} className="heatmap-scroll">
          {tokens.length === 0 ? (
            <p className="hm-note">{m.emptyText}</p>
          ) : (
            <Renderer scene={scene} />
          )}
        </div>
        {view && scene.legend && tokens.length > 0 && (
          <>
            <HeatmapLegend legend={scene.legend} />
            <CellReadout view={view} tokens={tokens} />
            <p className="hm-note">{m.heatmapHelp}</p>
          </>
        )}
        {geometry.labelStride > 1 && (
          <p className="hm-note">{m.labelsThinned(geometry.labelStride)}</p>
        )}
        {view?.sums && !geometry.showSums && <p className="hm-note">{m.sumsLeftOut}</p>}
        {tokens.length > TABLES_MAX_TOKENS && (
          <p className="hm-note hm-export">
            {m.longInputNote(tokens.length, TABLES_MAX_TOKENS)}{' '}
            <DownloadTraceButton trace={trace} />
          </p>
        )}
      </div>
    </section>
  );
}

/**
 * The geometry for `width`, narrowed until the drawing is at most `height` tall (the stage's
 * frame), or as wide as `width` allows when `height` is null. A narrower layout shrinks the
 * cells, and with them the grid's height by about as much, so a few rounds settle it.
 */
function fittedGeometry(
  tokens: readonly string[],
  width: number,
  height: number | null,
  options: HeatmapGeometryOptions,
): HeatmapGeometry {
  let fitted = width;
  let geometry = heatmapGeometry(tokens, fitted, options);
  for (let round = 0; height !== null && round < 6 && geometry.height > height; round++) {
    // From the drawing's own width: cells already at their largest leave the box wider.
    const next = Math.floor(Math.min(fitted, geometry.width) - (geometry.height - height));
    if (next >= fitted || next < 120) break;
    fitted = next;
    geometry = heatmapGeometry(tokens, fitted, options);
  }
  return geometry;
}

function explanation(
  m: ReturnType<typeof useMessages>['viz'],
  mode: HeatmapMode,
  dK: number,
  fmt: NumberFormat,
): string {
  if (mode === 'scaled') return m.modeExplanations.scaled(dK, fmt.number(Math.sqrt(dK), 2));
  return m.modeExplanations[mode];
}

/**
 * The value of the hovered cell, or else of the selected one, in words; or the hovered
 * token in full, which long inputs need since they label only every nth token.
 */
function CellReadout({ view, tokens }: { view: HeatmapView; tokens: readonly string[] }) {
  const m = useMessages().viz;
  const fmt = useNumberFormat();
  const hoverCell = useHoverCell();
  const hoverToken = useHoverToken();
  const selection = useSelection();
  const cell = hoverCell ?? (hoverToken === null ? selection : null);
  const n = tokens.length;
  let text = '';
  if (!cell && hoverToken !== null && hoverToken < n) {
    text = m.readoutToken(hoverToken, tokens[hoverToken] ?? '');
  } else if (cell && cell.i < n && cell.j < n) {
    const value = view.values.data[cell.i * n + cell.j] as number;
    const masked = isMaskedCell(view, cell.i, cell.j);
    const shown = masked && view.mode !== 'weights' ? m.legendMasked : fmt.full(value);
    text = m.readout(tokens[cell.i] ?? '', tokens[cell.j] ?? '', shown);
  }
  return (
    <p className="hm-readout" aria-live="polite">
      {text}
    </p>
  );
}
