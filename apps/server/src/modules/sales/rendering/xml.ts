/**
 * A minimal XML writer for generated documents: elements with text or children, attributes, escaping, and
 * absent values (undefined/false/empty) dropped so optional fields need no `if`s at the call site.
 */
import { cleanText } from './format.ts';

export interface XmlElement {
  name: string;
  attrs?: Record<string, string | undefined>;
  /** Text content, or child elements (absent ones skipped). */
  content: string | XmlChild[];
}

export type XmlChild = XmlElement | undefined | false | null;

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

export function escapeXml(value: string): string {
  return cleanText(value).replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

/** An element with text; undefined when the text is missing or blank (so the element is left out). */
export function text(
  name: string,
  value: string | number | undefined | null,
  attrs?: XmlElement['attrs'],
): XmlChild {
  if (value === undefined || value === null) return undefined;
  const content = String(value);
  if (!cleanText(content).trim()) return undefined;
  return attrs ? { name, attrs, content } : { name, content };
}

/** An element with children; undefined when none of the children is present. */
export function node(name: string, children: XmlChild[], attrs?: XmlElement['attrs']): XmlChild {
  if (!children.some(Boolean)) return undefined;
  return attrs ? { name, attrs, content: children } : { name, content: children };
}

function attributes(attrs: XmlElement['attrs']): string {
  if (!attrs) return '';
  return Object.entries(attrs)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('');
}

function write(element: XmlElement, indent: string, out: string[]): void {
  const open = `${indent}<${element.name}${attributes(element.attrs)}`;
  if (typeof element.content === 'string') {
    out.push(`${open}>${escapeXml(element.content)}</${element.name}>`);
    return;
  }
  out.push(`${open}>`);
  for (const child of element.content) if (child) write(child, `${indent}  `, out);
  out.push(`${indent}</${element.name}>`);
}

export function xmlDocument(root: XmlElement): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>'];
  write(root, '', out);
  return `${out.join('\n')}\n`;
}
