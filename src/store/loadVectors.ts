/**
 * Loads the word-vector table into the store, after the first paint. A missing or corrupt
 * file leaves the made-up vectors in place and records a message the app shows.
 */
import { shareVectorBytes } from '../worker/vectorBytes';
import { useAppStore } from './store';
import { loadWordVectors, VECTOR_TABLE_PATH } from '../data/vectorTable';
import type { ByteReader } from '../data/byteReader';
import { fetchBytes } from '../data/fetchBytes';

/** Starts loading the table from the app's own origin; resolves when it is ready or has failed. */
export async function loadVectorsIntoStore(
  baseUrl: string = import.meta.env.BASE_URL,
): Promise<void> {
  const { setVectors } = useAppStore.getState();
  // The build versions the URL by the table's content (vite.config.ts), so the browser's
  // HTTP cache may keep the 6 MB table across visits and still fetch a rebuilt one.
  const version: string | undefined = import.meta.env.VITE_VECTORS_VERSION;
  setVectors({ status: 'loading', progress: 0, error: null });
  try {
    // Keep the file's bytes: the trace worker parses its own copy of the table from them
    // (transferred, not copied) instead of this thread posting the parsed table.
    let bytes: ArrayBuffer | null = null;
    const keepBytes: ByteReader = async (url, onProgress) =>
      (bytes = await fetchBytes(url, onProgress));
    const table = await loadWordVectors(
      `${baseUrl}${VECTOR_TABLE_PATH}${version ? `?v=${version}` : ''}`,
      keepBytes,
      (loaded, total) => setVectors({ progress: total ? loaded / total : null }),
    );
    if (bytes) shareVectorBytes(table, bytes);
    setVectors({ status: 'ready', table, progress: 1 });
  } catch (error) {
    setVectors({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
}
