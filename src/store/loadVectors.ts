/**
 * Loads the word-vector table into the store, after the first paint. A missing or corrupt
 * file leaves the made-up vectors in place and records a message the app shows.
 */
import { loadWordVectors, VECTOR_TABLE_PATH } from '../core/vectors';
import { useAppStore } from './store';

/** Starts loading the table from the app's own origin; resolves when it is ready or has failed. */
export async function loadVectorsIntoStore(
  baseUrl: string = import.meta.env.BASE_URL,
): Promise<void> {
  const { setVectors } = useAppStore.getState();
  setVectors({ status: 'loading', progress: 0, error: null });
  try {
    const table = await loadWordVectors(
      `${baseUrl}${VECTOR_TABLE_PATH}`,
      undefined,
      (loaded, total) => setVectors({ progress: total ? loaded / total : null }),
    );
    setVectors({ status: 'ready', table, progress: 1 });
  } catch (error) {
    setVectors({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
}
