/**
 * Loads the learned weights into the store the first time the preset is chosen (by the
 * menu or a lesson link): never on a first visit that does not ask for them.
 */
import { loadLearned, type JsonReader, fetchJson } from '../data/learnedWeights';
import { useAppStore } from './store';

/** Starts loading (again, after a failure); resolves when ready or failed. */
export async function loadLearnedIntoStore(
  baseUrl: string = import.meta.env.BASE_URL,
  read: JsonReader = fetchJson,
): Promise<void> {
  const { setLearned } = useAppStore.getState();
  setLearned({ status: 'loading', error: null });
  try {
    const { weights, heads } = await loadLearned(baseUrl, read);
    setLearned({ status: 'ready', file: weights, heads });
  } catch (error) {
    setLearned({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
  }
}

/** Loads the weights if the settings ask for them and nobody has started yet. */
export function loadLearnedIfChosen(): void {
  const { settings, learned } = useAppStore.getState();
  if (settings.weights === 'learned' && learned.status === 'idle') void loadLearnedIntoStore();
}
