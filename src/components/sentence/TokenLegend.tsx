/**
 * The legend under the chips. It explains only what this sentence shows: unknown words,
 * clitics that borrow another word's vector, and a "'s" that stays unknown. Chips point at
 * these entries with aria-describedby, so a screen reader hears the reason with the chip.
 */
import type { EmbeddedToken } from '../../core/types';
import { useMessages } from '../../messages';
import { borrowedWord } from './tokenInfo';

/** Props: the tokens, whether every vector is made up, and the id of each legend entry. */
export interface TokenLegendProps {
  readonly tokens: readonly EmbeddedToken[];
  readonly madeUp: boolean;
  readonly idFor: (kind: string) => string;
}

/** Notes on the chips' markings. */
export function TokenLegend({ tokens, madeUp, idFor }: TokenLegendProps) {
  const m = useMessages().shell.tokens;
  const hasUnknown = tokens.some((t) => !t.known);
  const clitics = new Map<string, string>();
  for (const token of tokens) {
    const borrowed = borrowedWord(token);
    if (borrowed && token.known) clitics.set(borrowed, token.text);
  }
  const possessive = tokens.some((t) => t.kind === 'clitic' && /^['’]s$/i.test(t.text));
  return (
    <ul className="tokens__legend">
      {madeUp ? (
        <li className="tokens__legend-warning">{m.madeUp}</li>
      ) : (
        hasUnknown && (
          <li id={idFor('unknown')}>
            <span className="legend-chip" data-known="false" aria-hidden="true">
              {m.legendSample}
            </span>{' '}
            {m.legendUnknown}
          </li>
        )
      )}
      {[...clitics].map(([word, token]) => (
        <li key={word} id={idFor(`clitic-${word}`)}>
          <span className="legend-chip" data-lookup={word} aria-hidden="true">
            {token}
          </span>{' '}
          {m.legendClitic(token, word)}
        </li>
      ))}
      {possessive && <li>{m.legendPossessive}</li>}
      <li className="tokens__legend-hint">{m.hoverHint}</li>
    </ul>
  );
}
