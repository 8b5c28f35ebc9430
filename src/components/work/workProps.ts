/**
 * The props every section of "Show the work" takes, in a file of their own so that the
 * sections need not import the panel that renders them.
 */
import type { HeadView } from '../common/useHeadTrace';

/** Props shared by the work sections: the head shown and the selected cell. */
export interface WorkProps {
  readonly view: HeadView;
  /** The attending token (query, heatmap row). */
  readonly i: number;
  /** The attended token (key, heatmap column). */
  readonly j: number;
}
