/**
 * Heatmap views and weight matrices for the tests of the heatmap's scene and of the
 * exports: built by hand (not through heatmapView) so the tests can set every field.
 */
import type { Matrix } from '../../../src/core/matrix';
import { rowSums } from '../../../src/viz/heatmap/heatmapGeometry';
import type { HeatmapView } from '../../../src/viz/heatmap/heatmapModel';
import { divergingScale, weightScale } from '../../../src/viz/scales';

/** The attention weights `values` on the viridis scale, with their row sums. */
export function weightsView(values: Matrix, causal = false): HeatmapView {
  return {
    mode: 'weights',
    values,
    kind: 'sequential',
    color: weightScale(),
    limit: 1,
    causal,
    sums: rowSums(values),
  };
}

/** The masked scores `values` on a diverging scale of ±`limit`. */
export function maskedView(values: Matrix, limit: number): HeatmapView {
  return {
    mode: 'masked',
    values,
    kind: 'diverging',
    color: divergingScale(limit),
    limit,
    causal: true,
    sums: null,
  };
}

/** A (T, T) matrix whose rows add up to 1, different in every cell. */
export function rowStochastic(T: number): Matrix {
  const data = new Float32Array(T * T);
  for (let i = 0; i < T; i++) {
    let sum = 0;
    for (let j = 0; j < T; j++) sum += data[i * T + j] = 1 + ((i * 7 + j * 13) % 17);
    for (let j = 0; j < T; j++) data[i * T + j] = (data[i * T + j] as number) / sum;
  }
  return { rows: T, cols: T, data };
}
