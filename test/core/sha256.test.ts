import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/core/sha256';
import { mulberry32 } from '../../src/core/random';

describe('sha256Hex', () => {
  it('gives the FIPS 180-4 digest of "abc" and of nothing', () => {
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256Hex(new Uint8Array(0))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });

  it("agrees with Node's crypto on every length around the block boundaries", () => {
    const random = mulberry32(9);
    for (const n of [1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 4099]) {
      const bytes = Uint8Array.from({ length: n }, () => Math.floor(random() * 256));
      expect(sha256Hex(bytes), `${n} bytes`).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });
});
