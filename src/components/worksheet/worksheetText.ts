/**
 * How the worksheet writes its numbers: the answer key's decimals, the eˣ hints, √dK and
 * the temperature. Pure, shared by the sheet's parts.
 */
import type { NumberFormat } from '../../format';

/** Decimals of the key's scores, weights and outputs: enough to check a hand computation. */
export const KEY_DIGITS = 3;

/** The x of the eˣ hint table: the differences softmax meets after subtracting the row's maximum. */
export const EXP_HINTS = [0, -0.5, -1, -1.5, -2, -2.5, -3, -4, -5, -6];

/** √dK as the sheet writes it: "2" for √4, three decimals otherwise. */
export function rootText(dK: number, fmt: NumberFormat): string {
  const root = Math.sqrt(dK);
  return Number.isInteger(root) ? String(root) : fmt.number(root, 3);
}

/** A temperature without trailing zeros ("1", "0.5"; "0,5" in Spanish). */
export function temperatureText(t: number, fmt: NumberFormat): string {
  return fmt.full(Number(t.toFixed(2)));
}
