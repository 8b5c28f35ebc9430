/**
 * Principal component analysis for the word-vector table: a mean, a covariance and the
 * full eigendecomposition of that covariance by the cyclic Jacobi method.
 *
 * Everything here is float64 on purpose: the covariance of 30,000 GloVe rows sums many
 * small products, and the narrow-width projections the app shows are only as good as the
 * eigenvectors. Matrices are plain row-major `Float64Array`s of `n * n` values, because the
 * float32 `Matrix` of the compute core would throw that precision away.
 *
 * Jacobi is chosen over QR iterations because it is short, needs no Householder stage,
 * and is accurate to working precision for symmetric matrices of the size we have (100).
 */

/** The eigenpairs of a symmetric `n x n` matrix, sorted by decreasing eigenvalue. */
export interface SymmetricEigen {
  /** The matrix order n. */
  readonly n: number;
  /** Eigenvalues λ₀ ≥ λ₁ ≥ … ≥ λₙ₋₁. */
  readonly values: Float64Array; // (n)
  /**
   * Unit eigenvectors as rows: row i (values `i*n .. i*n+n-1`) belongs to `values[i]`.
   * Each row's largest-magnitude coordinate is positive, so the signs are deterministic.
   */
  readonly vectors: Float64Array; // (n, n)
}

/** Mean and covariance of a table of rows. */
export interface MeanCovariance {
  readonly mean: Float64Array; // (dims)
  /** Population covariance (divided by count), symmetric. */
  readonly covariance: Float64Array; // (dims, dims)
}

/** The principal components of a table of rows. */
export interface PrincipalComponents {
  /** Mean row, subtracted before projecting. */
  readonly mean: Float64Array; // (dims)
  /** Row c is principal component c, a unit vector; rows are orthonormal. */
  readonly basis: Float64Array; // (dims, dims)
  /** Variance along each component (the covariance's eigenvalues), decreasing, never negative. */
  readonly variance: Float64Array; // (dims)
}

const MAX_SWEEPS = 100;

/**
 * Eigendecomposition of the symmetric `n x n` matrix `a` (row-major, `n * n` values) by
 * cyclic Jacobi rotations in float64. `a` is not modified.
 *
 * Throws RangeError when `a` has the wrong length, holds a non-finite value or is not
 * symmetric, and Error in the (practically impossible) case that it does not converge.
 */
export function symmetricEigen(a: ArrayLike<number>, n: number): SymmetricEigen {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`symmetricEigen: bad order ${n}`);
  if (a.length !== n * n) {
    throw new RangeError(`symmetricEigen: order ${n} needs ${n * n} values, got ${a.length}`);
  }
  const m = Float64Array.from(a); // (n, n), rotated in place until diagonal
  let largest = 0;
  for (let i = 0; i < m.length; i++) {
    const x = m[i] as number;
    if (!Number.isFinite(x)) throw new RangeError(`symmetricEigen: entry ${i} is ${x}`);
    largest = Math.max(largest, Math.abs(x));
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (Math.abs(get(m, n, i, j) - get(m, n, j, i)) > 1e-9 * largest) {
        throw new RangeError(`symmetricEigen: matrix is not symmetric at (${i}, ${j})`);
      }
      // Work on an exactly symmetric copy so rounding in the input cannot bias the result.
      const mean = (get(m, n, i, j) + get(m, n, j, i)) / 2;
      m[i * n + j] = mean;
      m[j * n + i] = mean;
    }
  }

  const v = new Float64Array(n * n); // (n, n), columns become the eigenvectors
  for (let i = 0; i < n; i++) v[i * n + i] = 1;

  let converged = false;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += Math.abs(get(m, n, p, q));
    if (off === 0) {
      converged = true;
      break;
    }
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = get(m, n, p, q);
        if (apq === 0) continue;
        const app = get(m, n, p, p);
        const aqq = get(m, n, q, q);
        // Once the sweeps have settled, an entry too small to change either diagonal entry
        // in float64 is set to zero rather than rotated: this is what ends the iteration
        // (Numerical Recipes' criterion), since rotations alone leave rounding-sized residue.
        const g = 100 * Math.abs(apq);
        if (
          sweep > 3 &&
          Math.abs(app) + g === Math.abs(app) &&
          Math.abs(aqq) + g === Math.abs(aqq)
        ) {
          m[p * n + q] = 0;
          m[q * n + p] = 0;
          continue;
        }
        const theta = (aqq - app) / (2 * apq);
        // For huge theta, theta² overflows; t ≈ 1/(2θ) is then exact to working precision.
        const t =
          Math.abs(theta) > 1e150
            ? 1 / (2 * theta)
            : (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        rotate(m, v, n, p, q, c, s, t);
      }
    }
  }
  if (!converged) throw new Error(`symmetricEigen: no convergence after ${MAX_SWEEPS} sweeps`);

  const order = Array.from({ length: n }, (_, i) => i);
  // Sort by decreasing eigenvalue; ties keep their index order so the result is stable.
  order.sort((i, j) => get(m, n, j, j) - get(m, n, i, i) || i - j);
  const values = new Float64Array(n); // (n)
  const vectors = new Float64Array(n * n); // (n, n)
  order.forEach((src, dst) => {
    values[dst] = get(m, n, src, src);
    let big = 0;
    let sign = 1;
    for (let k = 0; k < n; k++) {
      const x = get(v, n, k, src);
      if (Math.abs(x) > big) {
        big = Math.abs(x);
        sign = x < 0 ? -1 : 1;
      }
    }
    for (let k = 0; k < n; k++) vectors[dst * n + k] = sign * get(v, n, k, src);
  });
  return { n, values, vectors };
}

/** Applies the Jacobi rotation in the (p, q) plane that zeroes m[p][q], and accumulates it in v. */
function rotate(
  m: Float64Array,
  v: Float64Array,
  n: number,
  p: number,
  q: number,
  c: number,
  s: number,
  t: number,
): void {
  const apq = get(m, n, p, q);
  m[p * n + p] = get(m, n, p, p) - t * apq;
  m[q * n + q] = get(m, n, q, q) + t * apq;
  m[p * n + q] = 0;
  m[q * n + p] = 0;
  for (let k = 0; k < n; k++) {
    if (k !== p && k !== q) {
      const akp = get(m, n, k, p);
      const akq = get(m, n, k, q);
      const newKp = c * akp - s * akq;
      const newKq = s * akp + c * akq;
      m[k * n + p] = newKp;
      m[p * n + k] = newKp;
      m[k * n + q] = newKq;
      m[q * n + k] = newKq;
    }
    const vkp = get(v, n, k, p);
    const vkq = get(v, n, k, q);
    v[k * n + p] = c * vkp - s * vkq;
    v[k * n + q] = s * vkp + c * vkq;
  }
}

function get(m: Float64Array, n: number, i: number, j: number): number {
  return m[i * n + j] as number;
}

/**
 * Mean and population covariance (divided by `count`, not `count - 1`: the table is the
 * whole population we project, not a sample of one) of `count` rows of `dims` values,
 * given row-major in `rows`. Accumulates in float64.
 */
export function meanAndCovariance(
  rows: ArrayLike<number>,
  count: number,
  dims: number,
): MeanCovariance {
  if (!Number.isInteger(count) || !Number.isInteger(dims) || count < 1 || dims < 1) {
    throw new RangeError(`meanAndCovariance: bad shape (${count}, ${dims})`);
  }
  if (rows.length !== count * dims) {
    throw new RangeError(
      `meanAndCovariance: shape (${count}, ${dims}) needs ${count * dims} values, got ${rows.length}`,
    );
  }
  const mean = new Float64Array(dims); // (dims)
  for (let r = 0; r < count; r++) {
    for (let j = 0; j < dims; j++) mean[j] = (mean[j] as number) + (rows[r * dims + j] as number);
  }
  for (let j = 0; j < dims; j++) mean[j] = (mean[j] as number) / count;

  const covariance = new Float64Array(dims * dims); // (dims, dims)
  const centered = new Float64Array(dims); // (dims)
  for (let r = 0; r < count; r++) {
    for (let j = 0; j < dims; j++)
      centered[j] = (rows[r * dims + j] as number) - (mean[j] as number);
    // Upper triangle only; the lower one is mirrored below, which also makes it exactly symmetric.
    for (let i = 0; i < dims; i++) {
      const ci = centered[i] as number;
      const base = i * dims;
      for (let j = i; j < dims; j++) {
        covariance[base + j] = (covariance[base + j] as number) + ci * (centered[j] as number);
      }
    }
  }
  for (let i = 0; i < dims; i++) {
    for (let j = i; j < dims; j++) {
      const value = (covariance[i * dims + j] as number) / count;
      covariance[i * dims + j] = value;
      covariance[j * dims + i] = value;
    }
  }
  return { mean, covariance };
}

/**
 * Principal components of `count` rows of `dims` values (row-major): the mean, the
 * covariance's unit eigenvectors as rows of `basis` sorted by decreasing variance, each
 * with its largest-magnitude coordinate positive, and the variances themselves.
 */
export function principalComponents(
  rows: ArrayLike<number>,
  count: number,
  dims: number,
): PrincipalComponents {
  const { mean, covariance } = meanAndCovariance(rows, count, dims);
  const { values, vectors } = symmetricEigen(covariance, dims);
  // A covariance is positive semi-definite; a negative eigenvalue can only be rounding.
  const variance = values.map((x) => Math.max(0, x)); // (dims)
  return { mean, basis: vectors, variance };
}

/** Share of the total variance carried by the first `k` components (0 to 1). */
export function explainedVariance(variance: ArrayLike<number>, k: number): number {
  let total = 0;
  let leading = 0;
  for (let i = 0; i < variance.length; i++) {
    const x = variance[i] as number;
    total += x;
    if (i < k) leading += x;
  }
  return total > 0 ? leading / total : 0;
}
