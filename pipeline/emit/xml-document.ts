// XML documents as copydesk writes them (feeds, news sitemap, NITF): an xast
// tree serialized by xast-util-to-xml, with what it leaves to the caller
// done here once. Markup-significant characters are written as the
// predefined entities (`&amp;`, `&lt;`, `&gt;`, `&quot;`), never as numeric
// references: common JavaScript readers (fast-xml-parser with its defaults)
// decode only the predefined entities and would show `&#x3C;AAPL&#x3E;`.
// xast-util-to-xml has no option for that (it escapes through
// stringify-entities' light mode, hexadecimal only), so:
// - text is escaped here (`&`, `<` and every `>`, so `]]>` never appears in
//   character data) and handed to the serializer as `raw`;
// - attribute values stay with the serializer, and the references it writes
//   for `&`, `<` and `"` are then rewritten as entities (`predefinedEntities`):
//   outside comments, processing instructions, CDATA sections and the
//   document type declaration, every `&` of its output begins a reference it
//   wrote itself, so the rewrite means the same characters.
// Characters XML 1.0 forbids are dropped; content made only of elements is
// indented two spaces a level.
import type {Element, ElementContent, Root, RootContent} from 'xast'
import {toXml} from 'xast-util-to-xml'
import {xmlIllegalCharacter} from './xml-characters.js'

export interface XmlDocumentOptions {
  /** The encoding the declaration names (`UTF-8`). */
  encoding: string
  /** Whether `element` holds only elements, so it may be indented. */
  elementOnly: (element: Element) => boolean
}

/** The document of `root`: declaration, `root`, final newline. */
export function xmlDocument(
  root: Element,
  options: XmlDocumentOptions
): string {
  const children: RootContent[] = [
    {
      type: 'instruction',
      name: 'xml',
      value: `version="1.0" encoding="${options.encoding}"`
    },
    {type: 'text', value: '\n'},
    ...layout(root, 0, options.elementOnly),
    {type: 'text', value: '\n'}
  ]
  return serializeXml({type: 'root', children})
}

/**
 * `tree` as XML text, `&`, `<` and `"` written as the predefined entities. A
 * `raw` node is written as it is, and a `>` in a text node too: put text
 * from outside through `escapedText`.
 */
export function serializeXml(tree: Root): string {
  return predefinedEntities(
    toXml(tree, {
      allowDangerousXml: true,
      closeEmptyElements: true,
      tightClose: true
    })
  )
}

/**
 * The node a text value is written as: XML-illegal characters dropped, `&`,
 * `<` and `>` escaped as entities, as one `raw` node (none for no text).
 */
export function escapedText(value: string): ElementContent[] {
  const escaped = value
    .replace(xmlIllegalCharacter, '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
  return escaped ? [{type: 'raw', value: escaped}] : []
}

// The constructs whose content is not parsed for references (left alone),
// else one of the references xast-util-to-xml writes for `&`, `<`, `>`, `"`.
// Scanned left to right, so a reference inside a comment is never reached.
const serializerReference =
  /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>|<!DOCTYPE(?:[^>"']|"[^"]*"|'[^']*')*>|&#x(26|3C|3E|22);/g

/** The predefined entity for each reference xast-util-to-xml writes. */
const entityOfReference: Record<string, string> = {
  '26': '&amp;',
  '3C': '&lt;',
  '3E': '&gt;',
  '22': '&quot;'
}

/**
 * `xml`, as xast-util-to-xml wrote it, with its references to `&`, `<`, `>`
 * and `"` as the predefined entities; markup, comments, processing
 * instructions, CDATA sections and the document type untouched.
 */
export function predefinedEntities(xml: string): string {
  return xml.replace(serializerReference, (match, code: string | undefined) =>
    code === undefined ? match : (entityOfReference[code] ?? match)
  )
}

function layout(
  node: ElementContent,
  depth: number,
  elementOnly: (element: Element) => boolean
): ElementContent[] {
  if (node.type === 'text') return escapedText(node.value)
  if (node.type !== 'element') return [node]
  const attributes: typeof node.attributes = {}
  for (const [key, value] of Object.entries(node.attributes)) {
    if (value !== null && value !== undefined) {
      attributes[key] = String(value).replace(xmlIllegalCharacter, '')
    }
  }
  const children = node.children.flatMap((child) =>
    layout(child, depth + 1, elementOnly)
  )
  if (!elementOnly(node) || children.length === 0) {
    return [{...node, attributes, children}]
  }
  const inner = `\n${'  '.repeat(depth + 1)}`
  return [
    {
      ...node,
      attributes,
      children: [
        ...children
          .filter((child) => child.type === 'element')
          .flatMap((child): ElementContent[] => [
            {type: 'text', value: inner},
            child
          ]),
        {type: 'text', value: `\n${'  '.repeat(depth)}`}
      ]
    }
  ]
}
