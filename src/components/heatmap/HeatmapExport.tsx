/**
 * The heatmap panel's Export menu: the matrix shown as SVG, PNG and CSV, and the whole
 * trace as JSON. Files are built on click from the data (src/export), never per render,
 * so the canvas heatmap of a long text exports exactly as the SVG one does.
 */
import type { AttentionTrace } from '../../core/types';
import { matrixCsv } from '../../export/csv';
import { downloadBlob, downloadText, MEDIA_TYPES } from '../../export/download';
import { exportFileName } from '../../export/fileName';
import { heatmapSvg } from '../../export/heatmapSvg';
import { svgToPng } from '../../export/png';
import { useMessages } from '../../messages';
import { useNumberFormat } from '../common/useNumberFormat';
import type { HeatmapView } from '../../viz/heatmap/heatmapModel';
import { downloadTrace } from '../sharing/DownloadTrace';
import { ExportMenu, type ExportItem } from '../sharing/ExportMenu';

/** Props of `HeatmapExport`. */
export interface HeatmapExportProps {
  readonly trace: AttentionTrace;
  /** The matrix the heatmap shows, or null before step Score (then only the JSON is offered). */
  readonly view: HeatmapView | null;
  /** The tokens' texts. */
  readonly tokens: readonly string[];
  /** Index of the head shown. */
  readonly headIndex: number;
}

/** The menu (see the module comment). */
export function HeatmapExport({ trace, view, tokens, headIndex }: HeatmapExportProps) {
  const messages = useMessages();
  const format = useNumberFormat();
  const m = messages.exportFiles;
  const viz = messages.viz;
  const heads = trace.heads.length;
  const head = Math.max(0, Math.min(headIndex, heads - 1));
  const name = (extension: string) =>
    exportFileName(trace.text, ['heatmap', view?.mode ?? '', `head${head + 1}`], extension);
  const drawing = (shown: HeatmapView) =>
    heatmapSvg({
      tokens,
      view: shown,
      heading: {
        title: m.heatmapFileTitle(viz.modeNames[shown.mode], m.headPart(head, heads)),
        subtitle: m.sentence(trace.text),
      },
      strings: viz,
      format,
    });

  const items: ExportItem[] = [];
  if (view && tokens.length > 0) {
    items.push(
      {
        id: 'heatmap-svg',
        label: m.heatmapSvg,
        run: () => downloadText(drawing(view).svg, MEDIA_TYPES.svg, name('svg')),
      },
      {
        id: 'heatmap-png',
        label: m.heatmapPng,
        run: async () => {
          const { svg, width, height } = drawing(view);
          downloadBlob(await svgToPng(svg, width, height), name('png'));
        },
      },
      {
        id: 'heatmap-csv',
        label: m.heatmapCsv,
        run: () =>
          downloadText(
            matrixCsv(view.values, tokens, tokens, { corner: m.csvCorner }),
            MEDIA_TYPES.csv,
            name('csv'),
          ),
      },
    );
  }
  items.push({ id: 'trace-json', label: m.traceJson, run: () => downloadTrace(trace) });
  return <ExportMenu what={m.menuWhat.heatmap} items={items} />;
}
