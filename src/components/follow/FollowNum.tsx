/**
 * A number of the story: rounded for reading, every float32 digit in its title and its
 * exact value in `data-value` (for tests and anyone automating the page).
 */
import { useNumberFormat } from '../common/useNumberFormat';

/** Props of FollowNum. */
export interface FollowNumProps {
  readonly value: number;
  /** Decimals shown. */
  readonly digits?: number;
  /** The number's role, e.g. "score" or "weight", as `data-follow`. */
  readonly kind?: string;
}

/** `value` rounded to `digits` decimals, with its full value on hover. */
export function FollowNum({ value, digits = 2, kind }: FollowNumProps) {
  const fmt = useNumberFormat();
  return (
    <span
      className="follow-num"
      title={fmt.full(value)}
      data-follow={kind}
      data-value={Number.isFinite(value) ? value : undefined}
    >
      {fmt.number(value, digits)}
    </span>
  );
}

/** The most numbers of a vector a frame shows, the "…" that stands for the rest included. */
export const SHOWN_DIMS = 8;

/** How many of a `dK`-vector's numbers are shown: all up to SHOWN_DIMS, else one fewer and "…". */
export function shownDims(dK: number): number {
  return dK <= SHOWN_DIMS ? dK : SHOWN_DIMS - 1;
}
