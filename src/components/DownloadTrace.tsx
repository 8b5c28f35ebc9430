/**
 * "Download the trace (JSON)": the whole trace (every matrix of every head, float32-exact)
 * as the same JSON document the command-line tool writes. It is how to get the numbers of
 * a text too long for the accessible tables.
 */
import type { AttentionTrace } from '../core/types';
import { traceToJson } from '../core/trace';
import { useMessages } from '../messages';

/** Name of the downloaded file. */
export const TRACE_FILE_NAME = 'attention-trace.json';

/**
 * Saves `trace` as TRACE_FILE_NAME: a Blob, an object URL, and a click on a temporary
 * <a download>, the one way to save a file that every browser supports without a library.
 */
export function downloadTrace(trace: AttentionTrace): void {
  const blob = new Blob([JSON.stringify(traceToJson(trace))], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = TRACE_FILE_NAME;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers: let the click be handled first.
  setTimeout(() => URL.revokeObjectURL(url), 0);
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
