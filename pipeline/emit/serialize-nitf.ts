// Serialize, NITF: turns the xast tree of `toNitf` into the text and the
// bytes of a `.nitf.xml` file in one of the encodings partners ask for.
// Escaping is `xml-document.ts`'s: `&`, `<`, `>` (and `"` in attributes) as
// the predefined entities `&amp;`, `&lt;`, `&gt;`, `&quot;`; code points XML
// 1.0 forbids are dropped here whatever the tree holds, and every character
// the encoding cannot hold is written as a numeric character reference
// (`&#x2019;`), never as `?` or a look-alike.
// Pure; emits no messages.

import type {ElementContent, Root, RootContent} from 'xast'
import type {NitfEncoding} from '../generated/schema-types.js'
import {xmlIllegalCharacter} from './xml-characters.js'
import {escapedText, serializeXml} from './xml-document.js'

/** How a NITF document is written. */
export interface SerializeNitfOptions {
  /** Encoding named in the XML declaration (default `utf-8`). */
  encoding?: NitfEncoding | undefined
}

// The names the XML declaration gives each encoding (IANA, as libxml2 reads them).
const declaredName: Record<NitfEncoding, string> = {
  'utf-8': 'UTF-8',
  'iso-8859-1': 'ISO-8859-1',
  'us-ascii': 'US-ASCII'
}

// Characters written as themselves; everything else becomes a reference.
// ISO-8859-1 leaves out its C1 range (U+0080-U+009F) too: many readers take
// the label for Windows-1252, which has printable characters there.
const outsideEncoding: Record<NitfEncoding, RegExp | undefined> = {
  'utf-8': undefined,
  'iso-8859-1': /[^\t\n\r\u0020-\u007e\u00a0-\u00ff]/gu,
  'us-ascii': /[^\t\n\r\u0020-\u007e]/gu
}

// Elements whose content model in the XSD is element-only: white space
// between their children is insignificant, so the serializer indents there
// and nowhere else (mixed content such as `p` or `byline` stays untouched).
const elementOnly = new Set([
  'nitf',
  'head',
  'docdata',
  'key-list',
  'body',
  'body.head',
  'hedline',
  'abstract',
  'body.content',
  'body.end'
])

/**
 * Serialize a NITF tree to XML text: declaration naming the encoding,
 * element-only content indented, final newline. Every character of the
 * result can be written in `encoding`.
 */
export function serializeNitf(
  tree: Root,
  options?: SerializeNitfOptions
): string {
  const encoding = options?.encoding ?? 'utf-8'
  const declaration: RootContent = {
    type: 'instruction',
    name: 'xml',
    value: `version="1.0" encoding="${declaredName[encoding]}"`
  }
  const children: RootContent[] = [declaration, {type: 'text', value: '\n'}]
  for (const child of tree.children) {
    // A caller's own declaration would make a second one: not well-formed.
    if (child.type === 'instruction' && child.name === 'xml') continue
    children.push(...(child.type === 'doctype' ? [child] : prepare(child, 0)))
  }
  children.push({type: 'text', value: '\n'})
  // `raw` only ever holds text escaped by `prepare`: a caller's raw nodes
  // are escaped there as text, so nothing unescaped gets through.
  const xml = serializeXml({type: 'root', children})
  const outside = outsideEncoding[encoding]
  // Outside names (checked in `prepare`), a character can only be in text or
  // in an attribute value, where a character reference means the same.
  return outside ? xml.replace(outside, characterReference) : xml
}

/**
 * The bytes of serialized NITF text in `encoding`. Throws a `RangeError` for
 * a character the encoding cannot hold: `serializeNitf` with the same
 * encoding never leaves one, and nothing is ever replaced by `?`.
 */
export function encodeNitf(xml: string, encoding: NitfEncoding): Buffer {
  if (encoding === 'utf-8') return Buffer.from(xml, 'utf8')
  const outside = outsideEncoding[encoding]
  const found = outside ? xml.match(outside) : null
  if (found?.[0] !== undefined) {
    throw new RangeError(
      `Unexpected character \`${characterReference(found[0])}\`, expected only characters of \`${encoding}\``
    )
  }
  // Every character is now below U+0100: `latin1` writes each as one byte.
  return Buffer.from(xml, 'latin1')
}

/** `’` -> `&#x2019;`, in upper-case hexadecimal. */
function characterReference(character: string): string {
  const code = character.codePointAt(0) ?? 0
  return `&#x${code.toString(16).toUpperCase()};`
}

/**
 * Copy `node` for serializing: XML-illegal characters dropped, text escaped,
 * element-only content indented.
 */
function prepare(node: ElementContent, depth: number): ElementContent[] {
  if (node.type === 'text' || node.type === 'raw') {
    // Escaped as entities, XML-illegal characters dropped.
    return escapedText(node.value)
  }
  if (node.type === 'comment' || node.type === 'instruction') {
    return [{...node, value: withoutIllegal(node.value)}]
  }
  if (node.type !== 'element') return [node]

  assertAsciiName(node.name)
  const attributes: typeof node.attributes = {}
  for (const [key, value] of Object.entries(node.attributes)) {
    assertAsciiName(key)
    if (value !== null && value !== undefined) {
      attributes[key] = withoutIllegal(String(value))
    }
  }
  const children = node.children.flatMap((child) => prepare(child, depth + 1))
  const indented =
    elementOnly.has(node.name) &&
    children.length > 0 &&
    children.every((child) => child.type === 'element')
  if (!indented) return [{...node, attributes, children}]

  const inner = `\n${'  '.repeat(depth + 1)}`
  return [
    {
      ...node,
      attributes,
      children: [
        ...children.flatMap((child): ElementContent[] => [
          {type: 'text', value: inner},
          child
        ]),
        {type: 'text', value: `\n${'  '.repeat(depth)}`}
      ]
    }
  ]
}

/** `value` without the code points XML 1.0 does not allow. */
function withoutIllegal(value: string): string {
  return value.replace(xmlIllegalCharacter, '')
}

/**
 * NITF names are ASCII; a name that is not could not be written in every
 * encoding (a character reference is not allowed in a name).
 */
function assertAsciiName(name: string): void {
  if (!/^[\w.:-]+$/.test(name)) {
    throw new RangeError(
      `Unexpected name \`${name}\`, expected an ASCII XML name`
    )
  }
}
