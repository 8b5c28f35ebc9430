/**
 * Loads the word-vector table into the store, after the first paint. A missing or corrupt
 * file leaves the made-up vectors in place and records a message the app shows.
 *
 * The app never waits without an end: until the table arrives every panel works on the
 * made-up vectors (marked as such); a request that sends nothing for VECTOR_STALL_MS is
 * given up on, with the reason and "Try again"; and a table that arrives after all, late
 * or from an earlier attempt, still replaces the made-up numbers.
 */
import { fetchBytes } from '../data/fetchBytes';
import { watchForStall } from '../data/stallWatch';
import { loadWordVectorFile, VECTOR_TABLE_PATH } from '../data/vectorTable';
import { useAppStore } from './store';

/** How long the table's request may send nothing before it is given up on, in milliseconds. */
export const VECTOR_STALL_MS = 20_000;

/** The store's `vectors.error` when the request stalled (VectorStatus words it). */
export const VECTORS_STALLED = 'stalled';

/** The latest attempt: an older one that fails says nothing over a newer one. */
let attempts = 0;

/** Starts loading the table from the app's own origin; resolves when it is ready or has failed. */
export async function loadVectorsIntoStore(
  baseUrl: string = import.meta.env.BASE_URL,
  stallMs: number = VECTOR_STALL_MS,
): Promise<void> {
  const { setVectors } = useAppStore.getState();
  const attempt = ++attempts;
  const current = () => attempt === attempts && useAppStore.getState().vectors.status === 'loading';
  const stall = watchForStall(stallMs, () => {
    if (current()) setVectors({ status: 'failed', error: VECTORS_STALLED });
  });
  // The build versions the URL by the table's content (vite.config.ts), so the browser's
  // HTTP cache may keep the 6 MB table across visits and still fetch a rebuilt one.
  const version: string | undefined = import.meta.env.VITE_VECTORS_VERSION;
  setVectors({ status: 'loading', progress: 0, error: null });
  try {
    const { table, bytes } = await loadWordVectorFile(
      `${baseUrl}${VECTOR_TABLE_PATH}${version ? `?v=${version}` : ''}`,
      fetchBytes,
      (loaded, total) => {
        stall.poke();
        if (current()) setVectors({ progress: total ? loaded / total : null });
      },
    );
    stall.stop();
    // The bytes stay with the table: the trace worker parses its own copy from them
    // (transferred, not copied) instead of this thread posting the parsed table. A table
    // that arrives after its request was given up on is still the real table.
    if (useAppStore.getState().vectors.status !== 'ready') {
      setVectors({ status: 'ready', table, bytes, progress: 1, error: null });
    }
  } catch (error) {
    stall.stop();
    if (attempt !== attempts || useAppStore.getState().vectors.status === 'ready') return;
    setVectors({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
}
