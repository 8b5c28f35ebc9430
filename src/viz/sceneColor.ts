/**
 * The theme colours a scene names. A scene says "the focused node is filled with the
 * accent", not "#3b4cca": on screen each name is a CSS custom property (so themes and
 * presentation mode restyle the drawing), in an exported file a fixed colour of the light
 * theme (src/export/svgDocument.ts, EXPORT_COLORS, which must name every one of them).
 */

/**
 * A theme colour: `bg` --bg, `fg` --fg, `muted` --muted, `border` --border, `outline`
 * --border-strong, `accent` --accent, `accentFg` --accent-fg, `unknown` --unknown,
 * `masked` --masked, `hatchBg` --masked-bg, `edge` --edge.
 */
export type SceneColor =
  | 'bg'
  | 'fg'
  | 'muted'
  | 'border'
  | 'outline'
  | 'accent'
  | 'accentFg'
  | 'unknown'
  | 'masked'
  | 'hatchBg'
  | 'edge';
