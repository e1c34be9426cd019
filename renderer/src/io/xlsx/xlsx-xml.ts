// Parses a workbook part's XML with saxes (ExcelJS's own parser) as the guard
// hands over its inflated bytes. saxes throws on malformed XML; the reader
// turns that into an unreadable-workbook issue.
import { SaxesParser } from 'saxes';
import type { PartSink } from './xlsx-guard';

/** What a part reader does with the elements and text of its XML. */
export interface XmlHandlers {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  text?(text: string): void;
  close?(name: string): void;
}

/**
 * An element's name without its namespace prefix: most writers use the
 * default namespace, but some (e.g. the Open XML SDK) write `x:row`.
 */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** A part sink that decodes UTF-8 and feeds saxes; the part must be well-formed to its end. */
export function xmlSink(handlers: XmlHandlers): PartSink {
  // No position tracking: it costs time on every character and only locates errors.
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on('opentag', (tag) => handlers.open(localName(tag.name), tag.attributes));
  const { text, close } = handlers;
  if (text) parser.on('text', text);
  if (close) parser.on('closetag', (tag) => close(localName(tag.name)));
  const decoder = new TextDecoder();
  return (chunk, final) => {
    parser.write(decoder.decode(chunk, { stream: !final }));
    if (final) parser.close();
  };
}
