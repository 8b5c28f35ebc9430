/**
 * The bytes of a loaded word-vector table, kept until the worker needs them. A parsed
 * `WordVectors` holds closures and a Map, which cannot be posted; the file's bytes can be
 * transferred whole and parsed again in the worker, so the loader hands them over here.
 * The table is parsed into fresh arrays, so the bytes are not used by anything else and can
 * be given up (transferred) without harm.
 */
import type { VectorsMessage } from './protocol';
import type { WordVectors } from '../core/vectors/table';

// Keyed by the table so that the bytes cannot outlive it and a replaced table's are dropped.
const bytesOf = new WeakMap<WordVectors, ArrayBuffer>();

/** Records `bytes` as the file `table` was parsed from, for a later `takeVectorsMessage`. */
export function shareVectorBytes(table: WordVectors, bytes: ArrayBuffer): void {
  bytesOf.set(table, bytes);
}

/** True when `table` can be sent to a worker: it is the made-up table, or its bytes were shared. */
export function canSendVectors(table: WordVectors): boolean {
  return table.source === 'made-up' || bytesOf.has(table);
}

/**
 * The message that gives a worker `table`, and the buffers to transfer with it; null when
 * the table's bytes were never shared (or were already sent). The bytes are forgotten here,
 * because after the transfer they are detached on this side.
 */
export function takeVectorsMessage(
  table: WordVectors,
): { message: VectorsMessage; transfer: ArrayBuffer[] } | null {
  if (table.source === 'made-up') {
    return { message: { type: 'vectors', source: 'made-up' }, transfer: [] };
  }
  const bytes = bytesOf.get(table);
  if (!bytes) return null;
  bytesOf.delete(table);
  return { message: { type: 'vectors', source: 'glove', bytes }, transfer: [bytes] };
}
