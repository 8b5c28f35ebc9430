/**
 * Pointer, focus and keyboard handling of the graph, by delegation: one set of handlers on
 * the nodes' <g> and one on the edges' <g>, reading the token or edge from the event
 * target's data attributes. Nodes and edges are each one tab stop (roving tabindex).
 */
import type { FocusEvent, KeyboardEvent, MouseEvent, PointerEvent, RefObject } from 'react';
import { useAppStore } from '../../store/store';
import type { Cell } from '../../vocabulary/cell';
import { edgeKey, type Edge } from '../../viz/graph/edges';

/** The edge a DOM event happened on, read from its data-source / data-target. */
function edgeOf(target: EventTarget | null): Cell | null {
  const el = target instanceof Element ? target.closest('[data-source][data-target]') : null;
  if (!el) return null;
  return { i: Number(el.getAttribute('data-source')), j: Number(el.getAttribute('data-target')) };
}

/** The token a DOM event happened on, read from its data-token-index. */
function nodeOf(target: EventTarget | null): number | null {
  const el = target instanceof Element ? target.closest('[data-token-index]') : null;
  return el ? Number(el.getAttribute('data-token-index')) : null;
}

const sameCell = (a: Cell | null, b: Cell | null) =>
  a !== null && b !== null && a.i === b.i && a.j === b.j;

/** Moves a roving index by an arrow key (Home and End too); null for keys that do not move. */
export function rove(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return Math.min(count - 1, index + 1);
    case 'ArrowLeft':
    case 'ArrowUp':
      return Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** Handlers to spread on a <g>. */
export interface GroupHandlers {
  onPointerOver(e: PointerEvent): void;
  onPointerLeave(): void;
  onFocus(e: FocusEvent): void;
  onBlur(): void;
  onClick(e: MouseEvent): void;
  onKeyDown(e: KeyboardEvent): void;
}

/**
 * The handlers of the graph whose SVG is `svgRef`, with `n` nodes and the drawn `edges` in
 * reading order (the order arrow keys walk). Hover and focus go to the store (hoverToken,
 * hoverCell) so every panel highlights together; a node's click toggles the graph's focus,
 * an edge's click selects the pair for the work panel.
 */
export function useGraphHandlers(
  svgRef: RefObject<SVGSVGElement | null>,
  n: number,
  edges: readonly Edge[] | undefined,
  setActiveNode: (i: number) => void,
  setActiveEdge: (key: string) => void,
): { nodeHandlers: GroupHandlers; edgeHandlers: GroupHandlers } {
  const setHoverToken = useAppStore((s) => s.setHoverToken);
  const setHoverCell = useAppStore((s) => s.setHoverCell);
  const setGraph = useAppStore((s) => s.setGraph);
  const select = useAppStore((s) => s.select);

  const focusElement = (selector: string) =>
    svgRef.current?.querySelector<SVGElement>(selector)?.focus();
  // Read the store at event time, so the handlers need not re-render with it.
  const toggleFocus = (i: number) =>
    setGraph({ focus: useAppStore.getState().graph.focus === i ? null : i });
  const toggleSelect = (c: Cell) =>
    select(sameCell(useAppStore.getState().selection, c) ? null : c);
  // The walkthrough listens to the arrow keys too: inside the graph they move the focus.
  const consume = (e: KeyboardEvent) => {
    e.preventDefault();
    e.stopPropagation();
  };

  const nodeHandlers: GroupHandlers = {
    onPointerOver: (e) => {
      const i = nodeOf(e.target);
      if (i !== null && useAppStore.getState().hoverToken !== i) setHoverToken(i);
    },
    onPointerLeave: () => setHoverToken(null),
    onFocus: (e) => {
      const i = nodeOf(e.target);
      if (i === null) return;
      setActiveNode(i);
      setHoverToken(i);
    },
    onBlur: () => setHoverToken(null),
    onClick: (e) => {
      const i = nodeOf(e.target);
      if (i !== null) toggleFocus(i);
    },
    onKeyDown: (e) => {
      const i = nodeOf(e.target);
      if (i === null) return;
      if (e.key === 'Enter' || e.key === ' ') {
        toggleFocus(i);
      } else {
        const next = rove(e.key, i, n);
        if (next === null) return;
        focusElement(`[data-token-index="${next}"]`);
      }
      consume(e);
    },
  };

  const edgeHandlers: GroupHandlers = {
    onPointerOver: (e) => {
      const c = edgeOf(e.target);
      if (c && !sameCell(useAppStore.getState().hoverCell, c)) setHoverCell(c);
    },
    onPointerLeave: () => setHoverCell(null),
    onFocus: (e) => {
      const c = edgeOf(e.target);
      if (!c) return;
      setActiveEdge(edgeKey(c.i, c.j));
      setHoverCell(c);
    },
    onBlur: () => setHoverCell(null),
    onClick: (e) => {
      const c = edgeOf(e.target);
      if (c) toggleSelect(c);
    },
    onKeyDown: (e) => {
      const c = edgeOf(e.target);
      if (!c || !edges) return;
      if (e.key === 'Enter' || e.key === ' ') {
        toggleSelect(c);
      } else {
        const index = edges.findIndex((x) => x.source === c.i && x.target === c.j);
        const next = rove(e.key, index, edges.length);
        const edge = next === null ? undefined : edges[next];
        if (!edge) return;
        focusElement(`[data-source="${edge.source}"][data-target="${edge.target}"]`);
      }
      consume(e);
    },
  };

  return { nodeHandlers, edgeHandlers };
}
