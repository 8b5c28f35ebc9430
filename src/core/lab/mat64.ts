/**
 * Float64 matrices and the three product kernels of the Lab's trainer.
 *
 * Training accumulates gradients over thousands of steps, so it runs in float64 throughout;
 * the app's float32 `Matrix` (core/matrix.ts) is what the walkthrough shows. A Mat64 is
 * row-major like a Matrix: entry (i, j) is `data[i * cols + j]`. Unlike a Matrix, the
 * trainer owns its parameter matrices and updates them in place (Adam writes into `data`);
 * every other Mat64 is made fresh and treated as immutable.
 */
import { matrix, type Matrix } from '../matrix';

/** A `rows x cols` float64 matrix stored row-major. */
export interface Mat64 {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** Makes a `rows x cols` float64 matrix of zeros, or wraps `data` (which must hold rows*cols values). */
export function mat64(rows: number, cols: number, data?: Float64Array): Mat64 {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new RangeError(`mat64: bad shape (${rows}, ${cols})`);
  }
  const values = data ?? new Float64Array(rows * cols);
  if (values.length !== rows * cols) {
    throw new RangeError(
      `mat64: shape (${rows}, ${cols}) needs ${rows * cols} values, got ${values.length}`,
    );
  }
  return { rows, cols, data: values };
}

/** Builds a Mat64 from nested arrays (the JSON edge); every row must have the same length. */
export function mat64FromRows(rows: readonly (readonly number[])[]): Mat64 {
  const cols = rows[0]?.length ?? 0;
  const out = new Float64Array(rows.length * cols); // (rows, cols)
  rows.forEach((r, i) => {
    if (r.length !== cols) {
      throw new RangeError(`mat64FromRows: row ${i} has ${r.length} values, row 0 has ${cols}`);
    }
    out.set(r, i * cols);
  });
  return mat64(rows.length, cols, out);
}

/** Nested arrays of plain numbers (full float64), for JSON. */
export function mat64ToRows(m: Mat64): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++)
    out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

/** A copy that shares nothing with `m`. */
export function cloneMat64(m: Mat64): Mat64 {
  return mat64(m.rows, m.cols, Float64Array.from(m.data));
}

/** The float32 matrix of the app (each entry rounded to the nearest float32). */
export function toFloat32(m: Mat64): Matrix {
  return matrix(m.rows, m.cols, Float32Array.from(m.data));
}

/** A float32 matrix widened to float64 (exactly). */
export function fromFloat32(m: Matrix): Mat64 {
  return mat64(m.rows, m.cols, Float64Array.from(m.data));
}

/** Throws unless `m` has the expected shape; the message holds both shapes. */
export function assertShape64(where: string, m: Mat64, rows: number, cols: number): void {
  if (m.rows !== rows || m.cols !== cols) {
    throw new RangeError(`${where}: expected shape (${rows}, ${cols}), got (${m.rows}, ${m.cols})`);
  }
}

/**
 * out (n, p) = a (n, m) · b (m, p), or out += a · b when `accumulate`. Loops i, k, j so the
 * innermost loop walks rows of b and out contiguously.
 */
export function gemm(
  out: Float64Array,
  a: Float64Array,
  b: Float64Array,
  n: number,
  m: number,
  p: number,
  accumulate = false,
): void {
  if (!accumulate) out.fill(0, 0, n * p);
  for (let i = 0; i < n; i++) {
    const ai = i * m;
    const oi = i * p;
    for (let k = 0; k < m; k++) {
      const x = a[ai + k] as number;
      if (x === 0) continue;
      const bk = k * p;
      for (let j = 0; j < p; j++) out[oi + j] = (out[oi + j] as number) + x * (b[bk + j] as number);
    }
  }
}

/** out (m, p) = aᵀ · b for a (n, m) and b (n, p), or out += aᵀ · b when `accumulate`. */
export function gemmTransA(
  out: Float64Array,
  a: Float64Array,
  b: Float64Array,
  n: number,
  m: number,
  p: number,
  accumulate = false,
): void {
  if (!accumulate) out.fill(0, 0, m * p);
  for (let i = 0; i < n; i++) {
    const ai = i * m;
    const bi = i * p;
    for (let k = 0; k < m; k++) {
      const x = a[ai + k] as number;
      if (x === 0) continue;
      const ok = k * p;
      for (let j = 0; j < p; j++) out[ok + j] = (out[ok + j] as number) + x * (b[bi + j] as number);
    }
  }
}

/** out (n, p) = a · bᵀ for a (n, m) and b (p, m), or out += a · bᵀ when `accumulate`. */
export function gemmTransB(
  out: Float64Array,
  a: Float64Array,
  b: Float64Array,
  n: number,
  m: number,
  p: number,
  accumulate = false,
): void {
  for (let i = 0; i < n; i++) {
    const ai = i * m;
    const oi = i * p;
    for (let j = 0; j < p; j++) {
      const bj = j * m;
      let sum = 0;
      for (let k = 0; k < m; k++) sum += (a[ai + k] as number) * (b[bj + k] as number);
      out[oi + j] = accumulate ? (out[oi + j] as number) + sum : sum;
    }
  }
}
