/**
 * The graph panel's Export menu: the graph as SVG and PNG, drawn from the same layout and
 * the same edges as the screen (see src/export/graphSvg.ts), built on click.
 */
import type { AttentionTrace } from '../../core/types';
import { downloadBlob, downloadText, MEDIA_TYPES } from '../../export/download';
import { exportFileName } from '../../export/fileName';
import { graphSvg } from '../../export/graphSvg';
import { svgToPng } from '../../export/png';
import { useMessages } from '../../messages';
import { useNumberFormat } from '../common/useNumberFormat';
import { useAppStore, type GraphLayout } from '../../store/store';
import type { EdgeSelection } from '../../viz/graph/edges';
import { headAt } from '../../viz/heatmap/heatmapModel';
import type { LineOrientation } from '../../viz/graph/layouts';
import { ExportMenu } from '../sharing/ExportMenu';

/** Props of `GraphExport`. */
export interface GraphExportProps {
  readonly trace: AttentionTrace;
  /** The edges drawn, or null before step Softmax (then the file has the tokens only). */
  readonly selection: EdgeSelection | null;
  /** The drawing's width on screen, px. */
  readonly width: number;
  /** The layout drawn (effectiveLayout). */
  readonly layout: GraphLayout;
  readonly orientation: LineOrientation;
}

/** The menu (see the module comment). */
export function GraphExport({ trace, selection, width, layout, orientation }: GraphExportProps) {
  const messages = useMessages();
  const format = useNumberFormat();
  const m = messages.exportFiles;
  const viz = messages.viz;
  const headIndex = useAppStore((s) => s.head);
  const focus = useAppStore((s) => s.graph.focus);
  const direction = useAppStore((s) => s.graph.direction);
  if (trace.tokens.length === 0) return null;
  const heads = trace.heads.length;
  const head = Math.max(0, Math.min(headIndex, heads - 1));
  const name = (extension: string) =>
    exportFileName(trace.text, ['graph', `head${head + 1}`], extension);
  const sides =
    layout !== 'line'
      ? viz.legendOther
      : orientation === 'horizontal'
        ? viz.legendLineHorizontal
        : viz.legendLineVertical;
  const drawing = () =>
    graphSvg({
      tokens: trace.tokens,
      layout,
      width,
      weights: headAt(trace, head)?.weights ?? null,
      causal: trace.settings.causal,
      edges: selection?.edges ?? [],
      focus: focus !== null && focus < trace.tokens.length ? focus : null,
      direction,
      heading: {
        title: m.graphFileTitle(m.headPart(head, heads)),
        subtitle: m.sentence(trace.text),
      },
      legend: `${viz.legendArrow} ${sides}`,
      strings: viz,
      format,
    });
  return (
    <ExportMenu
      what={m.menuWhat.graph}
      items={[
        {
          id: 'graph-svg',
          label: m.graphSvg,
          run: () => downloadText(drawing().svg, MEDIA_TYPES.svg, name('svg')),
        },
        {
          id: 'graph-png',
          label: m.graphPng,
          run: async () => {
            const { svg, width: w, height } = drawing();
            downloadBlob(await svgToPng(svg, w, height), name('png'));
          },
        },
      ]}
    />
  );
}
