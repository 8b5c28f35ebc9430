/**
 * How one value of a lesson link is written and read back. Writing uses `String` for
 * numbers, which reads back as the same number, so a valid view round-trips exactly.
 * Reading forgives the spellings of a hand edit (case, spaces, "true"/"on", "07") and
 * refuses everything a control could not show, saying what would have been valid.
 */
import { snapToStep } from '../../core/settings';
import type { Cell } from '../../vocabulary/cell';
import type { LessonState } from './lessonState';
import type { LinkReason, MaxReason, OptionsReason } from './problems';

/** A value read from a link, or why it cannot be used. */
export type Decoded<V> =
  /** The value; with `rounded` when it was moved to the nearest valid one (the reason says what is valid). */
  { readonly value: V; readonly rounded?: LinkReason } | { readonly rejected: LinkReason };

/** How a field's value is written in a link and read back. */
export interface ValueCodec<V> {
  /** The value as the link writes it. */
  encode(value: V): string;
  /** The value `raw` stands for, given the lesson read so far (the step depends on the heads). */
  decode(raw: string, sofar: LessonState): Decoded<V>;
}

/** A whole number written with digits only ("07" is 7; "-1", "1e3", "1.0" and "" are not), at most `max`. */
export function wholeNumber(value: string, max: number): number | null {
  const t = value.trim();
  if (!/^\d{1,10}$/.test(t)) return null;
  const n = Number(t);
  return n <= max ? n : null;
}

/** A finite decimal number ("0.5", ".5", "1e-1"), or null for "", "NaN", "Infinity" and the rest. */
function decimal(value: string): number | null {
  const t = value.trim();
  // Number('') is 0 and Number('0x1') is 1: accept only plain decimal notation.
  if (!/^[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** `value` if it is one of `options` (case-insensitive), else null. */
function choose<T extends string>(value: string, options: readonly T[]): T | null {
  const t = value.trim().toLowerCase();
  return options.find((o) => o === t) ?? null;
}

/** `parse(raw)`, or `reason` when it gives null. */
function checked<V>(parsed: V | null, reason: LinkReason): Decoded<V> {
  return parsed === null ? { rejected: reason } : { value: parsed };
}

/** An on/off switch: "1"/"0", and the spellings a hand edit may use. */
export const onOff: ValueCodec<boolean> = {
  encode: (on) => (on ? '1' : '0'),
  decode: (raw) => {
    const t = raw.trim().toLowerCase();
    if (t === '1' || t === 'true' || t === 'on' || t === 'yes') return { value: true };
    if (t === '0' || t === 'false' || t === 'off' || t === 'no') return { value: false };
    return { rejected: { code: 'boolean' } };
  },
};

/** One of `options`, written as it is. */
export function oneOf<T extends string>(options: readonly T[], code: OptionsReason): ValueCodec<T> {
  return {
    encode: (value) => value,
    decode: (raw) => checked(choose(raw, options), { code, options }),
  };
}

/** One of the whole numbers `options` (a menu of numbers). */
export function offered(options: readonly number[], code: OptionsReason): ValueCodec<number> {
  return {
    encode: String,
    decode: (raw) => {
      const n = wholeNumber(raw, 1000);
      return checked(n !== null && options.includes(n) ? n : null, { code, options });
    },
  };
}

/** A whole number from 0 to `max`. */
export function upTo(max: number, code: MaxReason): ValueCodec<number> {
  return { encode: String, decode: (raw) => checked(wholeNumber(raw, max), { code, max }) };
}

/** A slider's range and step. */
export interface SliderRange {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/**
 * A decimal on a slider of `range`, rounded to its step (and said so). `snapFirst`
 * compares the rounded value with the range, so a temperature of 0.04 (which would round
 * to 0) is out of range, not rounded to it; otherwise the value as written must lie in it.
 */
export function onSlider(
  range: SliderRange,
  reason: LinkReason,
  snapFirst: boolean,
): ValueCodec<number> {
  return {
    encode: String,
    decode: (raw) => {
      const n = decimal(raw);
      if (n === null) return { rejected: reason };
      const snapped = snapToStep(n, range.step);
      const checkedValue = snapFirst ? snapped : n;
      if (checkedValue < range.min || checkedValue > range.max) return { rejected: reason };
      return snapped === n ? { value: n } : { value: snapped, rounded: reason };
    },
  };
}

/** A token index from 0 to `maxIndex`, or null for none (never written). */
export function tokenIndex(maxIndex: number, code: MaxReason): ValueCodec<number | null> {
  return {
    encode: String,
    decode: (raw) => checked(wholeNumber(raw, maxIndex), { code, max: maxIndex }),
  };
}

/** A cell as two token indices, "1-2" (a hand edit may write "1,2" or "1 2"), or null for none. */
export function cellOf(maxIndex: number, code: MaxReason): ValueCodec<Cell | null> {
  return {
    encode: (cell) => (cell ? `${cell.i}-${cell.j}` : ''),
    decode: (raw) => {
      const match = /^\s*(\d{1,6})\s*[-,._ ]\s*(\d{1,6})\s*$/.exec(raw);
      const i = Number(match?.[1]);
      const j = Number(match?.[2]);
      return checked(match && i <= maxIndex && j <= maxIndex ? { i, j } : null, {
        code,
        max: maxIndex,
      });
    },
  };
}

/** Text, written as it is (URLSearchParams escapes it). */
export const plainText: ValueCodec<string> = {
  encode: (text) => text,
  decode: (raw) => ({ value: raw }),
};
