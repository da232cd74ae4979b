/**
 * A minimal XML writer: elements as nested arrays, escaped on output. Text from documents may hold
 * anything, so characters XML 1.0 forbids (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/FFFF)
 * are dropped rather than written.
 *
 * @example
 *   renderXml(el('p', { class: 'a&b' }, 'x < y')); // '<p class="a&amp;b">x &lt; y</p>'
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string | number | null | undefined>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

export function el(name: string, attrs: XmlElement['attrs'] = {}, ...children: (XmlNode | null | undefined | false | XmlNode[])[]): XmlElement {
  return { name, attrs, children: children.flat().filter((c): c is XmlNode => c !== null && c !== undefined && c !== false) };
}

const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeText(text: string): string {
  return text.replace(INVALID, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/**
 * Serialize with two-space indentation. Elements holding text, and those named in `inline`
 * (mixed content such as `p`), stay on one line, so that no whitespace is added to their text.
 */
export function renderXml(node: XmlNode, indent = '', inline: ReadonlySet<string> = new Set()): string {
  if (typeof node === 'string') return escapeText(node);
  const attrs = Object.entries(node.attrs)
    .filter(([, v]) => v !== null && v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
    .join('');
  if (!node.children.length) return `${indent}<${node.name}${attrs}/>`;
  if (inline.has(node.name) || node.children.some((c) => typeof c === 'string')) {
    return `${indent}<${node.name}${attrs}>${node.children.map((c) => renderXml(c, '', ALL)).join('')}</${node.name}>`;
  }
  const inner = node.children.map((c) => renderXml(c, indent + '  ', inline)).join('\n');
  return `${indent}<${node.name}${attrs}>\n${inner}\n${indent}</${node.name}>`;
}

/** Inside an inline element everything is inline. */
const ALL: ReadonlySet<string> = { has: () => true } as unknown as ReadonlySet<string>;

export function xmlDocument(root: XmlElement, inline?: ReadonlySet<string>): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderXml(root, '', inline)}\n`;
}
