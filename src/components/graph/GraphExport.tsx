/**
 * The graph panel's Export menu: the graph as SVG and PNG, written from the very scene the
 * screen draws (see src/export/graphSvg.ts), built on click.
 */
import type { AttentionTrace } from '../../core/types';
import { downloadBlob, downloadText, MEDIA_TYPES } from '../../export/download';
import { exportFileName } from '../../export/fileName';
import { graphSvg } from '../../export/graphSvg';
import { svgToPng } from '../../export/png';
import { useMessages } from '../../messages';
import type { GraphScene } from '../../viz/graph/graphScene';
import { ExportMenu } from '../sharing/ExportMenu';
import { useHead } from '../../store/selectors';

/** Props of `GraphExport`. */
export interface GraphExportProps {
  readonly trace: AttentionTrace;
  /** The scene on screen (before step Softmax it has no edges: the file has the tokens only). */
  readonly scene: GraphScene;
}

/** The menu (see the module comment). */
export function GraphExport({ trace, scene }: GraphExportProps) {
  const messages = useMessages();
  const m = messages.exportFiles;
  const viz = messages.viz;
  const headIndex = useHead();
  if (trace.tokens.length === 0) return null;
  const heads = trace.heads.length;
  const head = Math.max(0, Math.min(headIndex, heads - 1));
  const name = (extension: string) =>
    exportFileName(trace.text, ['graph', `head${head + 1}`], extension);
  const drawing = () =>
    graphSvg({
      scene,
      heading: {
        title: m.graphFileTitle(m.headPart(head, heads)),
        subtitle: m.sentence(trace.text),
      },
      legend: `${viz.legendArrow} ${viz[scene.legend]}`,
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
