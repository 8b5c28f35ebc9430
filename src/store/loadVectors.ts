/**
 * Loads the word-vector table into the store, after the first paint. A missing or corrupt
 * file leaves the made-up vectors in place and records a message the app shows.
 */
import { fetchBytes } from '../data/fetchBytes';
import { loadWordVectorFile, VECTOR_TABLE_PATH } from '../data/vectorTable';
import { useAppStore } from './store';

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
    const { table, bytes } = await loadWordVectorFile(
      `${baseUrl}${VECTOR_TABLE_PATH}${version ? `?v=${version}` : ''}`,
      fetchBytes,
      (loaded, total) => setVectors({ progress: total ? loaded / total : null }),
    );
    // The bytes stay with the table: the trace worker parses its own copy from them
    // (transferred, not copied) instead of this thread posting the parsed table.
    setVectors({ status: 'ready', table, bytes, progress: 1 });
  } catch (error) {
    setVectors({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
}
