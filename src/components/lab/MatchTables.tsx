/**
 * What the weights learned: the query–key match tables of the selected head, for the token
 * embeddings (V × V) and the positions (T × T), as small signed heatmaps.
 */
import { useMemo } from 'react';
import { useMessages } from '../../messages';
import { useAppStore } from '../../store/store';
import { LabHeatmap } from './LabHeatmap';
import { useLabExample } from './useLabExample';
import { useLabProgress } from './useLabProgress';

/** The two tables (see the module comment). */
export function MatchTables() {
  const m = useMessages().lab;
  const layer = useAppStore((s) => s.lab.layer);
  const head = useAppStore((s) => s.lab.head);
  const tables = useLabProgress((s) => s.progress?.tables[layer]?.[head] ?? null);
  const example = useLabExample();
  const vocab = example?.task.vocab ?? null;
  const positions = useMemo(
    () => (example ? example.ids.map((_, i) => String(i + 1)) : []),
    [example],
  );
  if (!tables || !vocab) return null;
  return (
    <section className="lab-match" aria-labelledby="lab-match-title">
      <h3 id="lab-match-title">{m.matchTitle}</h3>
      <p className="lab-match__help">{m.matchHelp}</p>
      <div className="lab-match__tables">
        <div>
          <h4>{m.matchTokens}</h4>
          <LabHeatmap label={m.matchTokens} tokens={vocab} values={tables.tokens} signed maxWidth={760} />
        </div>
        <div>
          <h4>{m.matchPositions}</h4>
          <LabHeatmap label={m.matchPositions} tokens={positions} values={tables.positions} signed maxWidth={320} />
        </div>
      </div>
    </section>
  );
}
