/** Unique ids for SVG defs (markers, patterns, gradients) referenced through `url(#id)`. */
import { useId } from 'react';

/**
 * A document-unique id starting with `prefix`, made only of characters that need no
 * escaping inside `url(#...)` (React's own ids contain colons or guillemets).
 */
export function useSvgId(prefix: string): string {
  return `${prefix}-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
}
