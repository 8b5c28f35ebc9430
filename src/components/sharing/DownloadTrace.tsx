/**
 * "Download the trace (JSON)": the whole trace (every matrix of every head, float32-exact)
 * as the same JSON document the command-line tool writes. It is how to get the numbers of
 * a text too long for the accessible tables; the heatmap's Export menu offers it too.
 */
import type { AttentionTrace } from '../../core/types';
import { traceToJson } from '../../core/trace';
import { downloadText, MEDIA_TYPES } from '../../export/download';
import { exportFileName } from '../../export/fileName';
import { useMessages } from '../../messages';

/** Name of the downloaded file for `text`: `attention-<sentence>-trace.json`. */
export function traceFileName(text: string): string {
  return exportFileName(text, ['trace'], 'json');
}

/** Saves `trace` as `traceFileName(trace.text)` (see `downloadBlob`). */
export function downloadTrace(trace: AttentionTrace): void {
  downloadText(JSON.stringify(traceToJson(trace)), MEDIA_TYPES.json, traceFileName(trace.text));
}

/** Props of `DownloadTraceButton`. */
export interface DownloadTraceButtonProps {
  readonly trace: AttentionTrace;
}

/** The download button (see the module comment). The JSON is built on click, never per render. */
export function DownloadTraceButton({ trace }: DownloadTraceButtonProps) {
  const m = useMessages().viz;
  return (
    <button type="button" className="hm-download" onClick={() => downloadTrace(trace)}>
      {m.downloadTrace}
    </button>
  );
}
