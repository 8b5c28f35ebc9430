/**
 * Downloads of the Lab: the training curve (SVG, PNG, CSV) and the trained model as the
 * lab JSON document (the format `npm run lab -- --json` writes).
 */
import { curveCsv, curveSvg } from '../../export/labCurve';
import { downloadBlob, downloadText, MEDIA_TYPES } from '../../export/download';
import { svgToPng } from '../../export/png';
import { labClient } from '../../lab-worker/client';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';

/** `lab-<task>-seed<seed>-step<step>-<part>.<ext>` */
function fileName(part: string, extension: string): string {
  const { task, seed } = useAppStore.getState().lab;
  const step = labClient.getSnapshot().progress?.step ?? 0;
  return `attention-lab-${task}-seed${seed}-step${step}-${part}.${extension}`;
}

/** The export buttons (see the module comment). */
export function LabExports() {
  const m = useMessages().lab;
  const task = useAppStore((s) => s.lab.task);
  const drawing = () => {
    const step = labClient.getSnapshot().progress?.step ?? 0;
    return curveSvg(
      labClient.getSnapshot().curve,
      m.curve,
      `${m.taskNames[task]} · ${m.curveStep} ${step}`,
    );
  };
  return (
    <div className="lab-exports" role="group" aria-label={m.exportCurve}>
      <span className="lab-exports__label">{m.exportCurve}:</span>
      <button
        type="button"
        onClick={() => downloadText(drawing().svg, MEDIA_TYPES.svg, fileName('curve', 'svg'))}
      >
        SVG
      </button>
      <button
        type="button"
        onClick={() => {
          const { svg, width, height } = drawing();
          void svgToPng(svg, width, height).then((blob) =>
            downloadBlob(blob, fileName('curve', 'png')),
          );
        }}
      >
        PNG
      </button>
      <button
        type="button"
        onClick={() =>
          downloadText(
            curveCsv(labClient.getSnapshot().curve),
            MEDIA_TYPES.csv,
            fileName('curve', 'csv'),
          )
        }
      >
        CSV
      </button>
      <button
        type="button"
        onClick={() =>
          void labClient
            .document()
            .then((doc) =>
              downloadText(JSON.stringify(doc), MEDIA_TYPES.json, fileName('model', 'json')),
            )
        }
      >
        {m.exportModel}
      </button>
    </div>
  );
}
