/**
 * Numbers for display. Screens show rounded numbers; tooltips and exports carry full
 * float32. Nothing here ever prints "NaN" or "Infinity".
 */

/** A number rounded to `digits` decimals, with a true minus sign; -∞ for a masked score. */
export function formatNumber(x: number, digits = 2): string {
  if (x === -Infinity) return '−∞';
  if (x === Infinity) return '∞';
  if (Number.isNaN(x)) return '—';
  const rounded = x.toFixed(digits);
  // -0.00 reads as a sign error to students: show it as 0.00.
  const value = Number(rounded) === 0 ? (0).toFixed(digits) : rounded;
  return value.replace('-', '−');
}

/** A number with all the digits of a float32 (up to 9 significant), for tooltips. */
export function formatFull(x: number): string {
  if (!Number.isFinite(x)) return formatNumber(x);
  return String(Number(Math.fround(x).toPrecision(7))).replace('-', '−');
}
