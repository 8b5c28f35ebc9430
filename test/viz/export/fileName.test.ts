import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportFileName, MAX_SLUG, slug } from '../../../src/export/fileName';
import { element, num, xmlAttr, xmlText } from '../../../src/export/xml';
import { MAX_PNG_PIXELS, MAX_PNG_SIDE, PNG_SCALE, pngScale } from '../../../src/export/png';
import { binaryString } from '../../helpers/arbitraries';

describe('exportFileName', () => {
  it('names files after the sentence, what they hold and the head', () => {
    expect(exportFileName('I love tennis', ['heatmap', 'weights', 'head1'], 'svg')).toBe(
      'attention-i-love-tennis-heatmap-weights-head1.svg',
    );
    expect(exportFileName('The cat sat.', ['Q', 'head2'], 'csv')).toBe(
      'attention-the-cat-sat-q-head2.csv',
    );
  });

  it('drops accents, keeps other scripts, and turns everything else into single hyphens', () => {
    expect(slug('Café über naïve')).toBe('cafe-uber-naive');
    expect(slug('猫が座った')).toBe('猫が座った');
    expect(slug('नमस्ते दुनिया')).toBe('नमस्ते-दुनिया');
    expect(slug('Ελληνικά Ünïcödé')).toBe('ελληνικα-unicode');
    expect(slug('  --Hello,   world!!  ')).toBe('hello-world');
  });

  it('turns hostile sentences into harmless names', () => {
    expect(exportFileName('<img src=x onerror=alert(1)>', ['graph'], 'svg')).toBe(
      'attention-img-src-x-onerror-alert-1-graph.svg',
    );
    expect(exportFileName('"><svg onload=alert(1)>', [], 'png')).toBe(
      'attention-svg-onload-alert-1.png',
    );
    expect(exportFileName('../../etc/passwd', [], 'csv')).toBe('attention-etc-passwd.csv');
    expect(exportFileName('', ['trace'], 'json')).toBe('attention-trace.json');
    expect(exportFileName('🙂🙂', ['trace'], 'json')).toBe('attention-trace.json');
  });

  it('cuts long sentences at a word boundary', () => {
    expect(slug('the quick brown fox jumps over the lazy dog again and again')).toBe(
      'the-quick-brown-fox-jumps-over-the-lazy',
    );
  });

  it('always gives a short name of letters, digits and inner hyphens', () => {
    fc.assert(
      fc.property(binaryString({ maxLength: 80 }), (text) => {
        const s = slug(text);
        expect(Array.from(s).length).toBeLessThanOrEqual(MAX_SLUG);
        expect(s).toMatch(/^([\p{L}\p{M}\p{N}]+(-[\p{L}\p{M}\p{N}]+)*)?$/u);
      }),
    );
  });
});

describe('xml helpers', () => {
  it('escapes markup in text and attributes', () => {
    expect(xmlText('<a href="x">&</a>')).toBe('&lt;a href="x"&gt;&amp;&lt;/a&gt;');
    expect(xmlAttr("\"><x y='1'>")).toBe("&quot;&gt;&lt;x y='1'&gt;");
    expect(xmlAttr('a\tb\nc\rd')).toBe('a&#9;b&#10;c&#13;d');
    expect(xmlText('\u0000\ud800ok')).toBe('\ufffd\ufffdok');
  });

  it('writes numbers rounded to 2 decimals, never -0', () => {
    expect(num(1.23456)).toBe('1.23');
    expect(num(-0.001)).toBe('0');
    expect(num(10)).toBe('10');
  });

  it('refuses names that are not XML names, instead of writing a broken file', () => {
    expect(() => element('rect onload', {})).toThrow(/element name/);
    expect(() => element('rect', { 'x"y': 1 })).toThrow(/attribute name/);
    expect(element('rect', { x: 1.005, fill: '#fff', stroke: null })).toBe(
      '<rect x="1" fill="#fff"/>',
    );
  });
});

describe('pngScale', () => {
  it('is twice the size for ordinary drawings', () => {
    expect(pngScale(800, 600)).toBe(PNG_SCALE);
  });

  it('shrinks huge drawings below the pixel and side limits', () => {
    const scale = pngScale(6300, 6300);
    expect(scale).toBeLessThan(PNG_SCALE);
    expect(6300 * 6300 * scale * scale).toBeLessThanOrEqual(MAX_PNG_PIXELS * 1.0001);
    expect(pngScale(40_000, 100) * 40_000).toBeLessThanOrEqual(MAX_PNG_SIDE);
  });
});
