/**
 * The Node side of the word-vector loader: a `ByteReader` over the file system, so that
 * tests and command-line tools go through the same `loadWordVectors` as the browser.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { VectorFileError } from '../core/vectors/format';
import type { ByteReader } from '../data/byteReader';

/** Reads a file path (or a `file:` URL) into an ArrayBuffer; a missing file throws VectorFileError. */
export const readFileBytes: ByteReader = async (url, onProgress) => {
  const path = url.startsWith('file:') ? fileURLToPath(url) : url;
  let buffer: Buffer;
  try {
    buffer = await readFile(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new VectorFileError(`could not load word vectors from ${url}: ${reason}`);
  }
  onProgress?.(buffer.byteLength, buffer.byteLength);
  // A small Buffer may share a pooled ArrayBuffer with others: copy out exactly its bytes.
  return buffer.buffer.slice(
    buffer.byteOffset,
    buffer.byteOffset + buffer.byteLength,
  ) as ArrayBuffer;
};
