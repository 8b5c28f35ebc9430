import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasBrokenEscapes, isUtf8 } from '../../../src/store/link/percentEscapes';

/** The reference: what the browser's own decoder refuses. */
function decoderRefuses(raw: string): boolean {
  try {
    return decodeURIComponent(raw) === null;
  } catch {
    return true;
  }
}

const hex = (b: number) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`;

describe('hasBrokenEscapes', () => {
  it('finds overlong forms, invalid bytes and surrogates, and nothing else', () => {
    expect(hasBrokenEscapes('%C0%AF')).toBe(true);
    expect(hasBrokenEscapes('%FF')).toBe(true);
    expect(hasBrokenEscapes('%ED%A0%80')).toBe(true);
    expect(hasBrokenEscapes('abc%C0%AF%FF%ED%A0%80')).toBe(true);
    expect(hasBrokenEscapes('%E2%82')).toBe(true);
    expect(hasBrokenEscapes('%80')).toBe(true);
    expect(hasBrokenEscapes('%F4%90%80%80')).toBe(true);
    expect(hasBrokenEscapes('Caf%C3%A9')).toBe(false);
    expect(hasBrokenEscapes('%E2%82%AC%F0%9F%98%80')).toBe(false);
    expect(hasBrokenEscapes('%F4%8F%BF%BF')).toBe(false);
    expect(hasBrokenEscapes('100%')).toBe(false);
    expect(hasBrokenEscapes('50%+off')).toBe(false);
    expect(hasBrokenEscapes('plain')).toBe(false);
  });

  it('agrees with decodeURIComponent on any run of bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0x80, max: 0xff }), { maxLength: 8 }), (bytes) => {
        const raw = bytes.map(hex).join('');
        expect(hasBrokenEscapes(raw)).toBe(decoderRefuses(raw));
        expect(isUtf8(bytes)).toBe(!decoderRefuses(raw));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with decodeURIComponent on escaped text, valid or cut anywhere', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.nat(), (text, cut) => {
        const raw = encodeURIComponent(text);
        const cutRaw = raw.slice(0, cut % (raw.length + 1)).replace(/%[0-9A-F]?$/, '');
        expect(hasBrokenEscapes(cutRaw)).toBe(decoderRefuses(cutRaw));
      }),
      { numRuns: 2000 },
    );
  });
});
