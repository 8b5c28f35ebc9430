/**
 * Writing XML (the exported SVG files) from untrusted text. Every piece of text that comes
 * from the user (token texts, the sentence) goes through `xmlText` or `xmlAttr`, and element
 * and attribute names only ever come from this project's code, so no sentence can add an
 * element, an attribute or a link to an exported file: `<img onerror=…>` arrives as the
 * characters `&lt;img onerror=…&gt;`, text in a <text> element.
 */

/**
 * Characters XML 1.0 cannot carry at all, even escaped: C0 controls other than tab, line
 * feed and carriage return, U+FFFE, U+FFFF, and UTF-16 halves without their partner.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching the control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The replacement for a character XML cannot carry: U+FFFD, as the app shows damaged text. */
export const REPLACEMENT_CHARACTER = '\ufffd';

/**
 * `text` with every character XML 1.0 cannot carry replaced by U+FFFD. This is exactly the
 * text a reader of the exported file gets back (`xmlText` and `xmlAttr` keep the rest).
 */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, REPLACEMENT_CHARACTER);
}

/**
 * `text` escaped for an XML text node: markup characters become entities, and carriage
 * returns a character reference (a parser would otherwise turn CR LF into LF).
 */
export function xmlText(text: string): string {
  return xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/**
 * `value` escaped for a double-quoted XML attribute. Tab, line feed and carriage return are
 * written as character references, since a parser turns literal ones into spaces.
 */
export function xmlAttr(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** An attribute value: text, or a number (written rounded, see `num`). Null and undefined leave the attribute out. */
export type AttrValue = string | number | null | undefined;

/** `x` rounded to 2 decimals, without a trailing ".00" or "-0": coordinates for SVG files. */
export function num(x: number): string {
  const r = Math.round(x * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

/** Attribute names: letters, digits, hyphens and colons only (they never come from data, but a typo must not break the file). */
const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;

/**
 * An element as an XML string. `attrs` values are escaped here; `children` must already be
 * XML (from `element` or `xmlText`). Names are checked, so a bad one throws rather than
 * writing a broken file.
 */
export function element(
  name: string,
  attrs: Readonly<Record<string, AttrValue>> = {},
  children: string | readonly string[] = '',
): string {
  if (!NAME.test(name)) throw new RangeError(`element: bad element name ${JSON.stringify(name)}`);
  let out = `<${name}`;
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined) continue;
    if (!NAME.test(key)) throw new RangeError(`element: bad attribute name ${JSON.stringify(key)}`);
    out += ` ${key}="${typeof value === 'number' ? num(value) : xmlAttr(value)}"`;
  }
  const inner = typeof children === 'string' ? children : children.join('');
  return inner === '' ? `${out}/>` : `${out}>${inner}</${name}>`;
}
