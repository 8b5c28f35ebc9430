/**
 * Where the app's word-vector table lives and the one loader that serves Node and the
 * browser: bytes from a `ByteReader` (`fetchBytes` in the browser, `readFileBytes` from
 * `src/tools/nodeBytes.ts` in Node), parsed by the core.
 */
import { parseWordVectors } from '../core/vectors/format';
import type { WordVectors } from '../core/vectors/table';
import type { ByteReader } from './byteReader';
import { fetchBytes } from './fetchBytes';

/** Where the app finds the table, relative to its base URL (the `public/` folder in the repo). */
export const VECTOR_TABLE_PATH = 'vectors/glove-30k-100d.bin';

/** A parsed table and the file it was parsed from. */
export interface LoadedVectorFile {
  readonly table: WordVectors;
  /** The file's bytes; the table holds copies of its numbers, so these may be given away. */
  readonly bytes: ArrayBuffer;
}

/**
 * Loads the table at `url` and keeps its bytes: the app hands them to the trace worker,
 * which parses its own copy. The browser uses the default `fetchBytes`; Node passes
 * `readFileBytes` from `src/tools/nodeBytes.ts`, so one loader serves both.
 */
export async function loadWordVectorFile(
  url: string,
  read: ByteReader = fetchBytes,
  onProgress?: (loaded: number, total: number | null) => void,
): Promise<LoadedVectorFile> {
  const bytes = await read(url, onProgress);
  return { table: parseWordVectors(bytes), bytes };
}

/** Loads and parses the table at `url` (see `loadWordVectorFile`), when only the table is needed. */
export async function loadWordVectors(
  url: string,
  read: ByteReader = fetchBytes,
  onProgress?: (loaded: number, total: number | null) => void,
): Promise<WordVectors> {
  return (await loadWordVectorFile(url, read, onProgress)).table;
}
