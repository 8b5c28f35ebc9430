/**
 * The example's attention in the selected layer and head, as a heatmap and a graph, beside
 * the task's known pattern drawn the same way.
 */
import { useMemo } from 'react';
import { fromRows, type Matrix } from '../../core/matrix';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import { LabGraph } from './LabGraph';
import { LabHeatmap } from './LabHeatmap';
import { useLabExample, type LabExampleView } from './useLabExample';
import { useLabPictures } from './useLabProgress';

/** The known pattern of `layer` as a matrix, or null when the layer has none. */
function knownMatrix(example: LabExampleView, layer: number): Matrix | null {
  const pattern = example.patterns.find((p) => p.layer === layer);
  return pattern ? fromRows(pattern.weights) : null;
}

/** The learned and known pictures (see the module comment). */
export function LabPictures() {
  const m = useMessages().lab;
  const example = useLabExample();
  const layer = useAppStore((s) => s.lab.layer);
  const head = useAppStore((s) => s.lab.head);
  const weights = useLabPictures((p) => p?.attention[layer]?.[head] ?? null);
  const known = useMemo(() => (example ? knownMatrix(example, layer) : null), [example, layer]);
  if (!example || !weights || weights.rows !== example.ids.length) return null;
  const causal = example.task.causal;
  return (
    <div className="lab-pictures">
      <section className="lab-pictures__side">
        <h3>{m.learned}</h3>
        <LabHeatmap
          label={m.heatmap}
          tokens={example.symbols}
          values={weights}
          causal={causal}
          maxWidth={560}
        />
        <LabGraph
          label={m.graph}
          tokens={example.tokens}
          weights={weights}
          causal={causal}
          maxWidth={640}
        />
      </section>
      <section className="lab-pictures__side">
        <h3>{m.known}</h3>
        {known ? (
          <>
            <LabHeatmap
              label={m.knownHeatmap}
              tokens={example.symbols}
              values={known}
              causal={causal}
            />
            <LabGraph
              label={m.knownGraph}
              tokens={example.tokens}
              weights={known}
              causal={causal}
            />
          </>
        ) : (
          <p>{m.noPattern}</p>
        )}
      </section>
    </div>
  );
}
