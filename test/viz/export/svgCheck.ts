/**
 * Reading an exported SVG back in the tests: parse it as XML (DOMParser, jsdom) and check
 * that nothing in it is active content.
 */
import { expect } from 'vitest';

/** The document of `svg`, failing the test when it is not well-formed XML. */
export function parseSvg(svg: string): Document {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
  expect(doc.documentElement.localName).toBe('svg');
  expect(doc.documentElement.namespaceURI).toBe('http://www.w3.org/2000/svg');
  return doc;
}

/** Elements that would run or load something, whatever their namespace. */
const ACTIVE = [
  'script',
  'img',
  'image',
  'foreignObject',
  'iframe',
  'object',
  'embed',
  'a',
  'use',
  'animate',
  'set',
  'style',
  'link',
];

/** Fails the test when `doc` holds an active element, an on* attribute or a javascript: link. */
export function expectInert(doc: Document): void {
  for (const name of ACTIVE) {
    expect(doc.getElementsByTagName(name), `<${name}>`).toHaveLength(0);
  }
  for (const el of Array.from(doc.getElementsByTagName('*'))) {
    for (const attr of Array.from(el.attributes)) {
      expect(attr.name.toLowerCase().startsWith('on'), `${el.localName} @${attr.name}`).toBe(false);
      expect(/href$/i.test(attr.localName), `${el.localName} @${attr.name}`).toBe(false);
      expect(
        /^\s*(javascript|data|vbscript):/i.test(attr.value),
        `@${attr.name}=${attr.value}`,
      ).toBe(false);
    }
  }
}

/** The text of the <title> children of `selector`'s matches, in document order. */
export function titlesOf(doc: Document, selector: string): string[] {
  return Array.from(doc.querySelectorAll(selector), (el) => {
    const title = Array.from(el.children).find((c) => c.localName === 'title');
    return title?.textContent ?? '';
  });
}
