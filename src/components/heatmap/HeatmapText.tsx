/**
 * The heatmap scene's text as SVG: a line of it (a token label) level at its point or
 * turned about it, the axis titles, and the row sums. Shared by the SVG and the canvas
 * heatmap, which differ only in what they add around them.
 */
import type { ReactNode, SVGProps } from 'react';
import { SUM_FONT_SIZE, type HeatmapScene, type SceneText } from '../../viz/heatmap/heatmapScene';

/** The SVG transform that turns `t` about its point, or undefined for level text. */
export function turnOf(t: SceneText): string | undefined {
  return t.rotate === 0 ? undefined : `translate(${t.x} ${t.y}) rotate(${t.rotate})`;
}

/** Props of `AxisText`: the scene's text, and any other attribute of the <text>. */
export type AxisTextProps = {
  readonly text: SceneText;
  /** Drawn before the text: a <title> with the token in full. */
  readonly children?: ReactNode;
} & Omit<SVGProps<SVGTextElement>, 'children'>;

/** The text (see the module comment). */
export function AxisText({ text, children, ...attributes }: AxisTextProps) {
  const turn = turnOf(text);
  return (
    <text
      transform={turn}
      x={turn ? 0 : text.x}
      y={turn ? 0 : text.y}
      textAnchor={text.anchor}
      dominantBaseline={text.central ? 'central' : undefined}
      {...attributes}
    >
      {children}
      {text.text}
    </text>
  );
}

/** The axis titles: "key" across the top, "query" turned up the left. */
export function AxisTitles({ scene }: { readonly scene: HeatmapScene }) {
  const { keyTitle, queryTitle } = scene;
  return (
    <>
      <text className="hm-axis-title" x={keyTitle.x} y={keyTitle.y}>
        {keyTitle.text}
      </text>
      <text className="hm-axis-title" transform={turnOf(queryTitle)} textAnchor="middle">
        {queryTitle.text}
      </text>
    </>
  );
}

/** Props of `RowSums`. */
export interface RowSumsProps {
  readonly sums: NonNullable<HeatmapScene['sums']>;
  /** Each sum carries its value in full in a <title> (not over the canvas, whose overlay the pointer passes through). */
  readonly titled: boolean;
}

/** The row sums beside the grid, under their header. */
export function RowSums({ sums, titled }: RowSumsProps) {
  return (
    <g className="hm-sums">
      <text className="hm-sum-header" x={sums.header.x} y={sums.header.y} textAnchor="middle">
        {sums.header.text}
      </text>
      {sums.rows.map((sum) => (
        <text
          key={sum.index}
          className="hm-sum"
          data-row-sum={sum.index}
          x={sum.x}
          y={sum.y}
          textAnchor="middle"
          dominantBaseline="central"
          fontSize={SUM_FONT_SIZE}
        >
          {titled && <title>{sum.title}</title>}
          {sum.text}
        </text>
      ))}
    </g>
  );
}
