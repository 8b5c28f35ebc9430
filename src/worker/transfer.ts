/**
 * Moving a trace between threads without copying its numbers. A trace at 512 tokens and 8
 * heads holds about 40 T×T matrices (≈ 40 MB); structured clone would copy every byte on
 * both sides, a transfer hands the buffers over in constant time. Matrices arrive as plain
 * `{ rows, cols, data }` objects, which is all a `Matrix` is, so reviving only checks them.
 */
import type { Matrix } from '../core/matrix';
import { HEAD_MATRICES, TRACE_MATRICES } from '../core/traceParts';
import type { AttentionTrace } from '../core/types';

/** Every matrix of `trace`, top level first, then head by head. */
export function traceMatrices(trace: AttentionTrace): Matrix[] {
  return [
    ...TRACE_MATRICES.map((key) => trace[key]),
    ...trace.heads.flatMap((head) => HEAD_MATRICES.map((key) => head[key])),
  ];
}

/**
 * The distinct buffers behind every matrix of `trace`, for `postMessage`'s transfer list.
 * Each buffer appears once even when matrices share it, because listing a buffer twice
 * makes postMessage throw a DataCloneError. After the transfer the sender's matrices are
 * empty (detached), so the sender must not keep the trace or any matrix in it.
 */
export function collectTransferables(trace: AttentionTrace): ArrayBuffer[] {
  const buffers = new Set<ArrayBuffer>();
  for (const m of traceMatrices(trace)) {
    // A SharedArrayBuffer cannot be transferred (and needs no transfer); core never makes one.
    if (m.data.buffer instanceof ArrayBuffer) buffers.add(m.data.buffer);
  }
  return [...buffers];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Checks that `value` is a matrix that survived structured clone; `where` names it in errors. */
function checkMatrix(value: unknown, where: string): void {
  if (!isObject(value)) throw new TypeError(`reviveTrace: ${where} is not a matrix`);
  const { rows, cols, data } = value;
  // Checked by tag, not instanceof, which fails for an array made in another realm (a test
  // environment's structuredClone, an iframe) although it is a perfectly good Float32Array.
  if (Object.prototype.toString.call(data) !== '[object Float32Array]') {
    throw new TypeError(`reviveTrace: ${where}.data is not a Float32Array`);
  }
  if (
    typeof rows !== 'number' ||
    typeof cols !== 'number' ||
    !Number.isInteger(rows) ||
    !Number.isInteger(cols) ||
    rows < 0 ||
    cols < 0 ||
    (data as Float32Array).length !== rows * cols
  ) {
    throw new TypeError(
      `reviveTrace: ${where} has shape (${String(rows)}, ${String(cols)}) but ${(data as Float32Array).length} values`,
    );
  }
}

/**
 * Turns what `postMessage` delivered back into an `AttentionTrace`, checking every matrix
 * (a Float32Array of rows·cols values) and the fields panels rely on, so a malformed
 * message fails here, with the field's name, rather than later inside a panel. Returns the
 * same object: structured clone already rebuilt plain objects and typed arrays.
 */
export function reviveTrace(value: unknown): AttentionTrace {
  if (!isObject(value)) throw new TypeError('reviveTrace: not an object');
  if (typeof value.text !== 'string') throw new TypeError('reviveTrace: text is not a string');
  if (!Array.isArray(value.tokens)) throw new TypeError('reviveTrace: tokens is not an array');
  if (!Array.isArray(value.heads)) throw new TypeError('reviveTrace: heads is not an array');
  if (!isObject(value.settings)) throw new TypeError('reviveTrace: settings is not an object');
  for (const key of TRACE_MATRICES) checkMatrix(value[key], key);
  value.heads.forEach((head: unknown, h) => {
    if (!isObject(head)) throw new TypeError(`reviveTrace: heads[${h}] is not an object`);
    for (const key of HEAD_MATRICES) checkMatrix(head[key], `heads[${h}].${key}`);
  });
  const T = value.tokens.length;
  const input = value.input as Matrix;
  if (input.rows !== T) {
    throw new TypeError(`reviveTrace: ${T} tokens but input has ${input.rows} rows`);
  }
  return value as unknown as AttentionTrace;
}
