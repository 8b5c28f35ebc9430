import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FSI, isolate, needsIsolation, PDI, unisolate } from '../../src/bidi';
import { tokenize } from '../../src/core/tokenizer';
import { estimateTextWidth, truncateLabel } from '../../src/viz/text';

describe('isolate', () => {
  it('wraps right-to-left tokens in FSI … PDI', () => {
    expect(isolate('שלום')).toBe(`${FSI}שלום${PDI}`);
    expect(isolate('مرحبا')).toBe(`${FSI}مرحبا${PDI}`);
  });

  it('wraps a token holding a direction control, which would leak into its neighbours', () => {
    expect(isolate('a\u202Eb')).toBe(`${FSI}a\u202Eb${PDI}`);
    expect(needsIsolation('\u200F')).toBe(true);
  });

  it('leaves Latin, CJK, digits, punctuation and emoji as typed', () => {
    for (const text of ['tennis', '我爱网球。', '42', '.', '🎾', "n't", 'Ünïcödé']) {
      expect(isolate(text)).toBe(text);
    }
  });

  it('is idempotent and undone by unisolate', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (text) => {
        const once = isolate(text);
        expect(isolate(once)).toBe(once);
        expect(unisolate(once)).toBe(text);
      }),
    );
  });

  it('isolates exactly the right-to-left tokens of a mixed sentence', () => {
    const tokens = tokenize('I said مرحبا to her. שלום עולם').tokens.map((t) => t.text);
    expect(tokens.filter((t) => isolate(t) !== t)).toEqual(['مرحبا', 'שלום', 'עולם']);
  });
});

describe('labels of isolated tokens', () => {
  it('are cut inside the isolate, the ellipsis at the token’s own end', () => {
    expect(truncateLabel(isolate('אבגדהוזחטיכלמנ'), 5)).toBe(`${FSI}אבגד…${PDI}`);
    expect(truncateLabel(isolate('שלום'), 5)).toBe(`${FSI}שלום${PDI}`);
  });

  it('measure as wide as the token alone', () => {
    expect(estimateTextWidth(isolate('שלום'), 12)).toBe(estimateTextWidth('שלום', 12));
  });
});
