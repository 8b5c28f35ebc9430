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

/**
 * Fails the test when `doc` holds an active element, an on* attribute or a javascript: link,
 * naming every offender. The checks are collected and asserted once: the property tests call
 * this on hundreds of documents, and one `expect` per attribute made it the slowest part.
 */
export function expectInert(doc: Document): void {
  const offences: string[] = [];
  for (const name of ACTIVE) {
    if (doc.getElementsByTagName(name).length > 0) offences.push(`<${name}>`);
  }
  for (const el of Array.from(doc.getElementsByTagName('*'))) {
    for (const attr of Array.from(el.attributes)) {
      if (attr.name.toLowerCase().startsWith('on') || /href$/i.test(attr.localName)) {
        offences.push(`${el.localName} @${attr.name}`);
      }
      if (/^\s*(javascript|data|vbscript):/i.test(attr.value)) {
        offences.push(`@${attr.name}=${attr.value}`);
      }
    }
  }
  expect(offences).toEqual([]);
}

/** The text of the <title> children of `selector`'s matches, in document order. */
export function titlesOf(doc: Document, selector: string): string[] {
  return Array.from(doc.querySelectorAll(selector), (el) => {
    const title = Array.from(el.children).find((c) => c.localName === 'title');
    return title?.textContent ?? '';
  });
}
