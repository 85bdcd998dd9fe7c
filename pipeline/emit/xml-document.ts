// XML documents as the channel emitters write them (feeds, news sitemap):
// an xast tree serialized by xast-util-to-xml, with what it leaves to the
// caller done here once. It escapes `&` and `<` in text but not `>`, and
// `]]>` in text is not well-formed XML, so every `>` in text is written as
// `&#x3E;` (its own reference style); characters XML 1.0 forbids are
// dropped; content made only of elements is indented two spaces a level.
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
  const tree: Root = {type: 'root', children}
  // `raw` only ever holds the `&#x3E;` of `escapedText`: every other string
  // is a text node or an attribute value, which the serializer escapes.
  return toXml(tree, {
    allowDangerousXml: true,
    closeEmptyElements: true,
    tightClose: true
  })
}

/**
 * The nodes a text value is written as: XML-illegal characters dropped,
 * every `>` as `&#x3E;` (a `raw` node), the rest as text.
 */
export function escapedText(value: string): ElementContent[] {
  return value
    .replace(xmlIllegalCharacter, '')
    .split('>')
    .flatMap((part, index): ElementContent[] => [
      ...(index > 0 ? [{type: 'raw', value: '&#x3E;'} as const] : []),
      ...(part ? [{type: 'text', value: part} as const] : [])
    ])
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
