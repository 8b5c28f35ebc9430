/**
 * The browser's way to read the word-vector file: `fetch`, streamed so that the loading
 * bar can move. Network I/O lives here, outside the pure core.
 */
import { VectorFileError } from '../core/vectors/format';
import type { ByteReader } from './byteReader';

/**
 * Reads `url` with the global `fetch`, streaming so that `onProgress` can drive a progress
 * bar. A failed request or a non-OK status throws VectorFileError
 * ("could not load word vectors from URL: HTTP 404").
 */
export const fetchBytes: ByteReader = async (url, onProgress) => {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new VectorFileError(`could not load word vectors from ${url}: ${describe(error)}`);
  }
  if (!response.ok) {
    throw new VectorFileError(`could not load word vectors from ${url}: HTTP ${response.status}`);
  }
  const length = Number(response.headers.get('Content-Length'));
  const encoding = response.headers.get('Content-Encoding');
  // With a compressed transfer, Content-Length counts compressed bytes but the reader yields
  // decompressed ones, so the total would be wrong: report it as unknown instead.
  const total =
    Number.isFinite(length) && length > 0 && (!encoding || encoding === 'identity') ? length : null;
  try {
    const reader = response.body?.getReader();
    if (!reader) {
      const buffer = await response.arrayBuffer();
      onProgress?.(buffer.byteLength, total ?? buffer.byteLength);
      return buffer;
    }
    const chunks: Uint8Array[] = [];
    let loaded = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.byteLength;
      onProgress?.(loaded, total);
    }
    const out = new Uint8Array(loaded);
    let at = 0;
    for (const chunk of chunks) {
      out.set(chunk, at);
      at += chunk.byteLength;
    }
    return out.buffer;
  } catch (error) {
    throw new VectorFileError(`could not load word vectors from ${url}: ${describe(error)}`);
  }
};

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
