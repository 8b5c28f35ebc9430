/**
 * The word-vector table's binary file format: `encodeWordVectors` writes it (for
 * `src/tools/buildVectors.ts`), `parseWordVectors` reads it into a `WordVectors` table.
 * Bytes in, table out: where the bytes come from (fetch, the file system) is the caller's
 * business (see `src/data/vectorTable.ts`).
 *
 * File format "AGWV" version 1 (written by `src/tools/buildVectors.ts` through
 * `encodeWordVectors`), every number little-endian:
 *
 *   offset  size                 content
 *   0       4                    magic, ASCII "AGWV"
 *   4       u32                  version = 1
 *   8       u32                  count: number of words (rows)
 *   12      u32                  dims: components per vector (100 for GloVe 6B 100d)
 *   16      u32                  wordsBytes: byte length of the UTF-8 word list
 *   20      u32                  padding: zero bytes after the word list (0 to 3), so that
 *                                wordsBytes + padding is a multiple of 4
 *   24      u32                  checksum: FNV-1a 32-bit over every byte after the header
 *   28      u32                  reserved = 0
 *   32      wordsBytes           the words, UTF-8, joined with "\n", in table order (GloVe's
 *                                frequency order: row 0 is "the")
 *           padding              zeros
 *           4 * count            scales: float32 per row, max|x| / 32767
 *           2 * count * dims     data: int16 per component, round(x / scale)
 *           4 * dims             mean: float32, the mean row
 *           4 * dims * dims      basis: float32, row c = principal component c (unit length)
 *           4 * dims             variance: float32, the eigenvalue of each component, decreasing
 *
 * Per-row int16 quantization keeps 30,000 x 100 GloVe vectors under 7 MB with an error far
 * below the 5 decimals GloVe publishes (max|x| / 65534 per component, about 1e-4 at worst).
 * Values are read with a DataView rather than typed-array views, which would depend on the
 * machine's byte order and need 4-byte alignment of every section.
 */
import { matrix } from '../matrix';
import { DEFAULT_TYPICAL_NORM, type WordVectors } from './table';

const MAGIC = 'AGWV';
const VERSION = 1;
const HEADER_BYTES = 32;
const INT16_MAX = 32767;
// Limits that no real table reaches but that keep a corrupt header from asking for gigabytes.
const MAX_DIMS = 4096;
const MAX_COUNT = 10_000_000;

/** A table to encode: float rows plus the principal components computed from them. */
export interface WordVectorTable {
  /** The words in row order; non-empty, unique, without "\n". */
  readonly words: readonly string[];
  /** Components per vector. */
  readonly dims: number;
  /** The vectors, row-major. */
  readonly vectors: ArrayLike<number>; // (count, dims)
  readonly mean: ArrayLike<number>; // (dims)
  /** Row c = principal component c. */
  readonly basis: ArrayLike<number>; // (dims, dims)
  readonly variance: ArrayLike<number>; // (dims)
}

/** Any problem with a word-vector file or its download; `message` is meant for people. */
export class VectorFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VectorFileError';
  }
}

/** FNV-1a 32-bit hash of `bytes`. */
function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i] as number;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Total file size implied by a header's sizes. */
function expectedBytes(count: number, dims: number, wordsBytes: number, padding: number): number {
  return HEADER_BYTES + wordsBytes + padding + 4 * count + 2 * count * dims + 4 * dims * (dims + 2);
}

/**
 * Encodes a table in the AGWV format above: the inverse of `parseWordVectors` up to the
 * int16 quantization. Throws RangeError when the table's parts disagree in size or a word
 * cannot be stored (empty, duplicated, or containing "\n").
 */
export function encodeWordVectors(table: WordVectorTable): Uint8Array {
  const { words, dims } = table;
  const count = words.length;
  if (!Number.isInteger(dims) || dims < 1 || dims > MAX_DIMS) {
    throw new RangeError(`encodeWordVectors: bad dims ${dims}`);
  }
  const sizes: [string, number, number][] = [
    ['vectors', table.vectors.length, count * dims],
    ['mean', table.mean.length, dims],
    ['basis', table.basis.length, dims * dims],
    ['variance', table.variance.length, dims],
  ];
  for (const [name, got, want] of sizes) {
    if (got !== want)
      throw new RangeError(`encodeWordVectors: ${name} needs ${want} values, got ${got}`);
  }
  const seen = new Set<string>();
  for (const word of words) {
    if (word === '' || word.includes('\n') || seen.has(word)) {
      throw new RangeError(`encodeWordVectors: cannot store word ${JSON.stringify(word)}`);
    }
    seen.add(word);
  }

  const wordBytes = new TextEncoder().encode(words.join('\n'));
  const padding = (4 - (wordBytes.length % 4)) % 4;
  const total = expectedBytes(count, dims, wordBytes.length, padding);
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = MAGIC.charCodeAt(i);
  view.setUint32(4, VERSION, true);
  view.setUint32(8, count, true);
  view.setUint32(12, dims, true);
  view.setUint32(16, wordBytes.length, true);
  view.setUint32(20, padding, true);
  view.setUint32(28, 0, true);
  out.set(wordBytes, HEADER_BYTES);

  let offset = HEADER_BYTES + wordBytes.length + padding;
  const scalesAt = offset;
  offset += 4 * count;
  for (let r = 0; r < count; r++) {
    let largest = 0;
    for (let j = 0; j < dims; j++) {
      const x = table.vectors[r * dims + j] as number;
      if (!Number.isFinite(x)) throw new RangeError(`encodeWordVectors: row ${r} holds ${x}`);
      largest = Math.max(largest, Math.abs(x));
    }
    // Quantize with the float32 scale that will be stored, so reading multiplies by exactly it.
    const scale = Math.fround(largest / INT16_MAX);
    view.setFloat32(scalesAt + 4 * r, scale, true);
    for (let j = 0; j < dims; j++) {
      const x = table.vectors[r * dims + j] as number;
      const q = scale === 0 ? 0 : Math.round(x / scale);
      view.setInt16(offset, Math.max(-INT16_MAX, Math.min(INT16_MAX, q)), true);
      offset += 2;
    }
  }
  for (const part of [table.mean, table.basis, table.variance]) {
    for (let i = 0; i < part.length; i++) {
      view.setFloat32(offset, part[i] as number, true);
      offset += 4;
    }
  }
  view.setUint32(24, fnv1a(out.subarray(HEADER_BYTES)), true);
  return out;
}

/**
 * Parses an AGWV file (format above) into a `WordVectors` table. Throws VectorFileError
 * with a message for people when the bytes are not such a file, are of another version,
 * are truncated or too long, fail the checksum, or describe an impossible table.
 */
export function parseWordVectors(bytes: ArrayBuffer | Uint8Array): WordVectors {
  const all = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const view = new DataView(all.buffer, all.byteOffset, all.byteLength);
  const magic = String.fromCharCode(...all.subarray(0, 4));
  if (magic !== MAGIC) throw new VectorFileError('this is not a word-vector file (bad magic)');
  if (all.length < HEADER_BYTES) {
    throw new VectorFileError(
      `word-vector file is truncated: expected at least ${HEADER_BYTES} bytes, got ${all.length}`,
    );
  }
  const version = view.getUint32(4, true);
  if (version !== VERSION) {
    throw new VectorFileError(
      `unsupported word-vector file version ${version} (this app reads version ${VERSION})`,
    );
  }
  const count = view.getUint32(8, true);
  const dims = view.getUint32(12, true);
  const wordsBytes = view.getUint32(16, true);
  const padding = view.getUint32(20, true);
  const checksum = view.getUint32(24, true);
  if (dims < 1 || dims > MAX_DIMS) {
    throw new VectorFileError(`word-vector file is corrupt: implausible dims ${dims}`);
  }
  if (count > MAX_COUNT) {
    throw new VectorFileError(`word-vector file is corrupt: implausible word count ${count}`);
  }
  if (padding !== (4 - (wordsBytes % 4)) % 4) {
    throw new VectorFileError(
      `word-vector file is corrupt: padding ${padding} does not align ${wordsBytes} word bytes`,
    );
  }
  const expected = expectedBytes(count, dims, wordsBytes, padding);
  if (all.length < expected) {
    throw new VectorFileError(
      `word-vector file is truncated: expected ${expected} bytes, got ${all.length}`,
    );
  }
  if (all.length > expected) {
    throw new VectorFileError(
      `word-vector file is corrupt: expected ${expected} bytes, got ${all.length}`,
    );
  }
  if (fnv1a(all.subarray(HEADER_BYTES)) !== checksum) {
    throw new VectorFileError('word-vector file is corrupt: checksum mismatch');
  }

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(
      all.subarray(HEADER_BYTES, HEADER_BYTES + wordsBytes),
    );
  } catch {
    throw new VectorFileError('word-vector file is corrupt: the word list is not valid UTF-8');
  }
  const words = text === '' ? [] : text.split('\n');
  if (words.length !== count) {
    throw new VectorFileError(
      `word-vector file is corrupt: the word list holds ${words.length} words, the header says ${count}`,
    );
  }
  const index = new Map<string, number>();
  words.forEach((word, i) => {
    if (!index.has(word)) index.set(word, i);
  });

  let offset = HEADER_BYTES + wordsBytes + padding;
  const scales = readFloats(view, offset, count); // (count)
  offset += 4 * count;
  const data = new Int16Array(count * dims); // (count, dims)
  for (let i = 0; i < data.length; i++) data[i] = view.getInt16(offset + 2 * i, true);
  offset += 2 * count * dims;
  const mean = readFloats(view, offset, dims); // (dims)
  offset += 4 * dims;
  const basis = matrix(dims, dims, readFloats(view, offset, dims * dims)); // (dims, dims)
  offset += 4 * dims * dims;
  const variance = readFloats(view, offset, dims); // (dims)

  const vector = (row: number): Float32Array => {
    if (!Number.isInteger(row) || row < 0 || row >= count) {
      throw new RangeError(`vector: row ${row} outside the table's ${count} rows`);
    }
    const out = new Float32Array(dims); // (dims)
    const scale = scales[row] as number;
    for (let j = 0; j < dims; j++) out[j] = (data[row * dims + j] as number) * scale;
    return out;
  };

  return {
    count,
    dims,
    words,
    indexOf: (word) => index.get(word) ?? null,
    vector,
    mean,
    basis,
    variance,
    typicalNorm: medianNorm(data, scales, count, dims),
    source: 'glove',
  };
}

function readFloats(view: DataView, offset: number, n: number): Float32Array {
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = view.getFloat32(offset + 4 * i, true);
  return out;
}

function medianNorm(data: Int16Array, scales: Float32Array, count: number, dims: number): number {
  if (count === 0) return DEFAULT_TYPICAL_NORM;
  const norms = new Float64Array(count); // (count)
  for (let r = 0; r < count; r++) {
    let sum = 0;
    for (let j = 0; j < dims; j++) {
      const q = data[r * dims + j] as number;
      sum += q * q;
    }
    norms[r] = Math.sqrt(sum) * (scales[r] as number);
  }
  norms.sort();
  const mid = count >> 1;
  return count % 2 === 1
    ? (norms[mid] as number)
    : ((norms[mid - 1] as number) + (norms[mid] as number)) / 2;
}
