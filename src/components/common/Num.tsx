/**
 * A number as the work panel shows it: rounded for reading, every float32 digit in its
 * title (DESIGN.md, convention 5).
 */
import { useNumberFormat } from './useNumberFormat';

/** Props of Num. */
export interface NumProps {
  readonly value: number;
  /** Decimals shown; the title always carries the full value. */
  readonly digits?: number;
  /** Names the number's role for tests and styling, e.g. "score-sum". */
  readonly kind?: string;
}

/** `value` rounded to `digits` decimals, with its full value on hover. */
export function Num({ value, digits = 4, kind }: NumProps) {
  const fmt = useNumberFormat();
  return (
    <span
      className="num"
      title={fmt.full(value)}
      data-work={kind}
      data-value={Number.isFinite(value) ? value : undefined}
    >
      {fmt.number(value, digits)}
    </span>
  );
}
