/**
 * fast-check arbitraries shared by the property tests.
 */
import fc from 'fast-check';

/** Code points below the surrogates; those above them follow, shifted down by this many. */
const FIRST_SURROGATE = 0xd800;
const SURROGATES = 0x800;
const LAST_CODE_POINT = 0x10ffff;

/**
 * One character of `fc.string({ unit: 'binary' })`: any code point outside the surrogates,
 * drawn, biased and shrunk exactly as fast-check draws that unit (the same values for the
 * same seed). fast-check builds its own with `mapToConstant`, whose reverse lookup is a
 * map of all 1.1 million code points, made when the first 'binary' string arbitrary is
 * created: about a second of every test file that uses one. This one reverses the mapping
 * with arithmetic.
 */
export const binaryUnit: fc.Arbitrary<string> = fc.nat({ max: LAST_CODE_POINT - SURROGATES }).map(
  (index) => String.fromCodePoint(index < FIRST_SURROGATE ? index : index + SURROGATES),
  (value) => {
    if (typeof value !== 'string') throw new Error('not a string');
    const code = value.codePointAt(0);
    if (code === undefined || String.fromCodePoint(code) !== value) {
      throw new Error('not a single code point');
    }
    if (code >= FIRST_SURROGATE && code < FIRST_SURROGATE + SURROGATES) {
      throw new Error('a surrogate');
    }
    return code < FIRST_SURROGATE ? code : code - SURROGATES;
  },
);

/** `fc.string({ unit: 'binary', ...constraints })`, without its set-up cost (see `binaryUnit`). */
export function binaryString(
  constraints: Omit<fc.StringConstraints, 'unit'> = {},
): fc.Arbitrary<string> {
  return fc.string({ ...constraints, unit: binaryUnit });
}
