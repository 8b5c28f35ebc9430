/**
 * Dense row-major float32 matrices, the one currency of the compute core.
 *
 * A matrix is treated as immutable once made: functions return new matrices and never
 * write into their arguments. Shapes are checked at entry, and a mismatch throws with both
 * shapes in the message so the caller sees which product went wrong.
 */

/** A `rows x cols` matrix stored row-major: entry (i, j) is `data[i * cols + j]`. */
export interface Matrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float32Array;
}

/** Makes a `rows x cols` matrix of zeros, or wraps `data` (which must hold rows*cols values). */
export function matrix(rows: number, cols: number, data?: Float32Array): Matrix {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new RangeError(`matrix: bad shape (${rows}, ${cols})`);
  }
  const values = data ?? new Float32Array(rows * cols);
  if (values.length !== rows * cols) {
    throw new RangeError(
      `matrix: shape (${rows}, ${cols}) needs ${rows * cols} values, got ${values.length}`,
    );
  }
  return { rows, cols, data: values };
}

/** Builds a matrix from nested arrays (the JSON and JSX edge). Every row must have the same length. */
export function fromRows(rows: readonly (readonly number[])[]): Matrix {
  const cols = rows[0]?.length ?? 0;
  const out = new Float32Array(rows.length * cols);
  rows.forEach((row, i) => {
    if (row.length !== cols) {
      throw new RangeError(`fromRows: row ${i} has ${row.length} values, row 0 has ${cols}`);
    }
    out.set(row, i * cols);
  });
  return matrix(rows.length, cols, out);
}

/** Nested arrays of plain numbers, for JSON and JSX. */
export function toRows(m: Matrix): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < m.rows; i++)
    out.push(Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
  return out;
}

/** Entry (i, j). Throws on an index outside the shape rather than returning undefined. */
export function at(m: Matrix, i: number, j: number): number {
  if (i < 0 || i >= m.rows || j < 0 || j >= m.cols) {
    throw new RangeError(`at: (${i}, ${j}) outside shape (${m.rows}, ${m.cols})`);
  }
  return m.data[i * m.cols + j] as number;
}

/** Row i as a read-only view (no copy). */
export function row(m: Matrix, i: number): Float32Array {
  if (i < 0 || i >= m.rows) throw new RangeError(`row: ${i} outside ${m.rows} rows`);
  return m.data.subarray(i * m.cols, (i + 1) * m.cols);
}

/** Column j as a new array. */
export function column(m: Matrix, j: number): Float32Array {
  if (j < 0 || j >= m.cols) throw new RangeError(`column: ${j} outside ${m.cols} columns`);
  const out = new Float32Array(m.rows);
  for (let i = 0; i < m.rows; i++) out[i] = m.data[i * m.cols + j] as number;
  return out;
}

/**
 * The one product kernel: out[i, j] = Σ_k a[i, k] · b[j, k] for row-major a (n, d) and
 * b (p, d), both already widened to float64. Widening first is what makes it fast: V8
 * converts every float32 it reads, and four rows of b per pass reuse each a[i, k] four times.
 */
function productKernel(
  a: Float64Array,
  b: Float64Array,
  n: number,
  p: number,
  d: number,
): Float32Array {
  const out = new Float32Array(n * p);
  for (let i = 0; i < n; i++) {
    const ai = i * d;
    const oi = i * p;
    let j = 0;
    for (; j + 3 < p; j += 4) {
      const b0 = j * d;
      const b1 = b0 + d;
      const b2 = b1 + d;
      const b3 = b2 + d;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let k = 0; k < d; k++) {
        const x = a[ai + k] as number;
        s0 += x * (b[b0 + k] as number);
        s1 += x * (b[b1 + k] as number);
        s2 += x * (b[b2 + k] as number);
        s3 += x * (b[b3 + k] as number);
      }
      out[oi + j] = s0;
      out[oi + j + 1] = s1;
      out[oi + j + 2] = s2;
      out[oi + j + 3] = s3;
    }
    for (; j < p; j++) {
      const bj = j * d;
      let sum = 0;
      for (let k = 0; k < d; k++) sum += (a[ai + k] as number) * (b[bj + k] as number);
      out[oi + j] = sum;
    }
  }
  return out;
}

/** Product a·b: (n, m) x (m, p) -> (n, p). Accumulates in float64 before rounding to float32. */
export function matmul(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) {
    throw new RangeError(
      `matmul: shapes (${a.rows}, ${a.cols}) and (${b.rows}, ${b.cols}) do not chain`,
    );
  }
  // bᵀ row-major is b column by column, so the kernel reads both operands contiguously.
  const bT = new Float64Array(b.rows * b.cols); // (p, m)
  for (let k = 0; k < b.rows; k++) {
    for (let j = 0; j < b.cols; j++) bT[j * b.rows + k] = b.data[k * b.cols + j] as number;
  }
  return matrix(
    a.rows,
    b.cols,
    productKernel(Float64Array.from(a.data), bT, a.rows, b.cols, a.cols),
  );
}

/** Product a·bᵀ: (n, d) x (p, d) -> (n, p), without materialising the transpose. */
export function matmulTransposed(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.cols) {
    throw new RangeError(
      `matmulTransposed: shapes (${a.rows}, ${a.cols}) and (${b.rows}, ${b.cols})ᵀ do not chain`,
    );
  }
  const a64 = Float64Array.from(a.data);
  const b64 = a === b ? a64 : Float64Array.from(b.data);
  return matrix(a.rows, b.rows, productKernel(a64, b64, a.rows, b.rows, a.cols));
}

/** Transpose: (n, m) -> (m, n). */
export function transpose(a: Matrix): Matrix {
  const out = new Float32Array(a.rows * a.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) out[j * a.rows + i] = a.data[i * a.cols + j] as number;
  }
  return matrix(a.cols, a.rows, out);
}

/** Element-wise sum a + b of two matrices of the same shape. */
export function add(a: Matrix, b: Matrix): Matrix {
  assertSameShape('add', a, b);
  const out = new Float32Array(a.data.length);
  for (let i = 0; i < out.length; i++) out[i] = (a.data[i] as number) + (b.data[i] as number);
  return matrix(a.rows, a.cols, out);
}

/** Every entry multiplied by `factor`. */
export function scale(a: Matrix, factor: number): Matrix {
  const out = new Float32Array(a.data.length);
  for (let i = 0; i < out.length; i++) out[i] = (a.data[i] as number) * factor;
  return matrix(a.rows, a.cols, out);
}

/** Joins matrices with the same number of rows side by side: (T, d1), (T, d2)... -> (T, d1+d2+...). */
export function concatColumns(parts: readonly Matrix[]): Matrix {
  const first = parts[0];
  if (!first) throw new RangeError('concatColumns: nothing to join');
  const rows = first.rows;
  const cols = parts.reduce((sum, p) => {
    if (p.rows !== rows) {
      throw new RangeError(
        `concatColumns: shapes (${rows}, ${first.cols}) and (${p.rows}, ${p.cols}) differ in rows`,
      );
    }
    return sum + p.cols;
  }, 0);
  const out = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    let offset = i * cols;
    for (const p of parts) {
      out.set(p.data.subarray(i * p.cols, (i + 1) * p.cols), offset);
      offset += p.cols;
    }
  }
  return matrix(rows, cols, out);
}

/** Rows of `a` picked in the order of `indices` (used to permute tokens). */
export function selectRows(a: Matrix, indices: readonly number[]): Matrix {
  const out = new Float32Array(indices.length * a.cols);
  indices.forEach((src, i) => out.set(row(a, src), i * a.cols));
  return matrix(indices.length, a.cols, out);
}

/** Throws with both shapes when `a` and `b` differ in shape. */
export function assertSameShape(where: string, a: Matrix, b: Matrix): void {
  if (a.rows !== b.rows || a.cols !== b.cols) {
    throw new RangeError(
      `${where}: shapes (${a.rows}, ${a.cols}) and (${b.rows}, ${b.cols}) differ`,
    );
  }
}

/** Throws unless `a` has the expected shape. */
export function assertShape(where: string, a: Matrix, rows: number, cols: number): void {
  if (a.rows !== rows || a.cols !== cols) {
    throw new RangeError(`${where}: expected shape (${rows}, ${cols}), got (${a.rows}, ${a.cols})`);
  }
}
