/**
 * Test helpers for components: reset the store to known inputs, with the real GloVe
 * table (read once from public/) or the made-up fallback.
 */
import path from 'node:path';
import { initialState, useAppStore, type AppState, type VectorsState } from '../../src/store/store';
import { readFileBytes } from '../../src/tools/nodeBytes';
import type { AttentionSettings } from '../../src/core/types';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { madeUpWordVectors, type WordVectors } from '../../src/core/vectors/table';
import { loadWordVectors, VECTOR_TABLE_PATH } from '../../src/data/vectorTable';

let glove: Promise<WordVectors> | null = null;

/** The committed GloVe table, loaded once per test file. */
export function gloveVectors(): Promise<WordVectors> {
  glove ??= loadWordVectors(
    path.resolve(__dirname, '../../public', VECTOR_TABLE_PATH),
    readFileBytes,
  );
  return glove;
}

/** Options of `resetStore`. */
export interface ResetOptions {
  text?: string;
  settings?: Partial<AttentionSettings>;
  vectors?: 'glove' | 'made-up' | 'loading';
  state?: Partial<Omit<AppState, 'settings' | 'text' | 'vectors'>>;
}

/** The vectors' state once `table` has loaded, without the file's bytes (the worker gets no GloVe table). */
export function loadedVectors(table: WordVectors = madeUpWordVectors()): VectorsState {
  return { status: 'ready', table, bytes: null, progress: 1, error: null };
}

/** Puts the store back to its initial inputs, with the given text, settings and vectors. */
export async function resetStore(options: ResetOptions = {}): Promise<void> {
  const table =
    options.vectors === 'glove' || options.vectors === undefined
      ? await gloveVectors()
      : madeUpWordVectors();
  useAppStore.setState({
    ...initialState(),
    text: options.text ?? 'I love tennis.',
    settings: { ...DEFAULT_SETTINGS, ...options.settings },
    vectors: {
      ...loadedVectors(table),
      status: options.vectors === 'loading' ? 'loading' : 'ready',
    },
    ...options.state,
  });
}
