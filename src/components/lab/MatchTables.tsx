/**
 * What the weights learned: the query–key match tables of the selected head, for the token
 * embeddings and the positions (T × T), as small signed heatmaps. The token table is cut to
 * the example's own tokens (its rows and columns of E·wq·wkᵀ·Eᵀ/√dK): the whole V × V table
 * of a task has thousands of cells, too small to read from the back of a classroom.
 */
import { useMemo } from 'react';
import { matrix, type Matrix } from '../../core/matrix';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import { LabHeatmap } from './LabHeatmap';
import { useLabExample } from './useLabExample';
import { useLabPictures } from './useLabProgress';

/** Rows and columns `ids` of the square matrix `m`. */
function submatrix(m: Matrix, ids: readonly number[]): Matrix {
  const n = ids.length;
  const out = new Float32Array(n * n); // (n, n)
  ids.forEach((a, i) =>
    ids.forEach((b, j) => {
      out[i * n + j] = m.data[a * m.cols + b] as number;
    }),
  );
  return matrix(n, n, out);
}

/** The two tables (see the module comment). */
export function MatchTables() {
  const m = useMessages().lab;
  const layer = useAppStore((s) => s.lab.layer);
  const head = useAppStore((s) => s.lab.head);
  const tables = useLabPictures((p) => p?.tables[layer]?.[head] ?? null);
  const example = useLabExample();
  const ids = useMemo(() => (example ? [...new Set(example.ids)] : []), [example]);
  const symbols = useMemo(() => ids.map((id) => example?.task.vocab[id] ?? ''), [ids, example]);
  const positions = useMemo(
    () => (example ? example.ids.map((_, i) => String(i + 1)) : []),
    [example],
  );
  const tokens = useMemo(() => (tables ? submatrix(tables.tokens, ids) : null), [tables, ids]);
  if (!tables || !tokens || ids.length === 0) return null;
  return (
    <section className="lab-match" aria-labelledby="lab-match-title">
      <h3 id="lab-match-title">{m.matchTitle}</h3>
      <p className="lab-match__help">{m.matchHelp}</p>
      <div className="lab-match__tables">
        <div>
          <h4>{m.matchTokens}</h4>
          <LabHeatmap
            label={m.matchTokens}
            tokens={symbols}
            values={tokens}
            signed
            maxWidth={360}
          />
        </div>
        <div>
          <h4>{m.matchPositions}</h4>
          <LabHeatmap
            label={m.matchPositions}
            tokens={positions}
            values={tables.positions}
            signed
            maxWidth={360}
          />
        </div>
      </div>
    </section>
  );
}
