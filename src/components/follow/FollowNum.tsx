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

/** How many of a vector's numbers a frame shows; the rest are counted ("… 92 more"). */
export const SHOWN_DIMS = 8;
