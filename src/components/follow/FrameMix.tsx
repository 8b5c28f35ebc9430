/**
 * The `mix` frame: each visible key's value vector v, its weight, the weighted vector
 * weight × v, and beneath them their sum, number by number: the token's new vector (the
 * head's output row, read from the trace).
 */
import { useMessages } from '../../messages';
import type { FollowStory } from '../../viz/follow/followStory';
import { FollowNum, shownDims } from './FollowNum';

/** Props of FrameMix. */
export interface FrameMixProps {
  readonly story: FollowStory;
}

/** The first `shown` numbers of `values`, then a cell standing for the rest. */
function Numbers({
  values,
  shown,
  kind,
  more,
}: {
  values: readonly number[];
  shown: number;
  kind: string;
  more: string | null;
}) {
  return (
    <>
      {values.slice(0, shown).map((x, d) => (
        <td key={d} data-group={kind}>
          <FollowNum value={x} kind={kind} />
        </td>
      ))}
      {more !== null && (
        <td className="follow-more" data-group={kind}>
          …
        </td>
      )}
    </>
  );
}

/** The weighted sum of the values. */
export function FrameMix({ story }: FrameMixProps) {
  const m = useMessages().follow;
  const { weights, values, terms, output } = story.mix;
  const shown = shownDims(story.dK);
  const hidden = story.dK - shown;
  const more = hidden > 0 ? m.more(hidden) : null;
  const span = shown + (more ? 1 : 0);
  return (
    <table className="follow-table follow-mix">
      <thead>
        <tr>
          <th scope="col">{m.keyToken}</th>
          <th scope="col" colSpan={span} data-group="value">
            {m.value}
          </th>
          <th scope="col">{m.weight}</th>
          <th scope="col" colSpan={span} data-group="term">
            {m.weighted}
          </th>
        </tr>
      </thead>
      <tbody>
        {story.visible.map((j) => (
          <tr key={j} data-key={j}>
            <th scope="row">
              <bdi className="follow-tok">{story.tokens[j]}</bdi>
            </th>
            <Numbers values={values[j] ?? []} shown={shown} kind="value" more={more} />
            <td className="follow-mix__weight">
              <FollowNum value={weights[j] as number} digits={3} kind="weight" />
            </td>
            <Numbers values={terms[j] ?? []} shown={shown} kind="term" more={more} />
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr className="follow-mix__output">
          <th scope="row">
            {m.newVector} <bdi className="follow-tok">{story.tokens[story.token]}</bdi>
          </th>
          <td colSpan={span} data-group="value" />
          <td className="follow-mix__sum">{m.sum} =</td>
          <Numbers values={output} shown={shown} kind="output" more={more} />
        </tr>
        {more && (
          <tr>
            <td colSpan={2 * span + 2} className="follow-more">
              {more}
            </td>
          </tr>
        )}
      </tfoot>
    </table>
  );
}
