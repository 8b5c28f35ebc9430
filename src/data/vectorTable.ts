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

/**
 * Loads and parses the table at `url`. The browser uses the default `fetchBytes`; Node
 * passes `readFileBytes` from `src/tools/nodeBytes.ts`, so one loader serves both.
 */
export async function loadWordVectors(
  url: string,
  read: ByteReader = fetchBytes,
  onProgress?: (loaded: number, total: number | null) => void,
): Promise<WordVectors> {
  return parseWordVectors(await read(url, onProgress));
}
