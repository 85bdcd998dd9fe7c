// Read a NITF document the way Superdesk's NITF feed parser does
// (superdesk-core, `superdesk/io/feed_parsers/nitf.py`: ElementTree paths
// from the root), with fast-xml-parser as a partner's ingest in JavaScript
// would parse it. What it reads, and how:
// - only a bare `<nitf>` root (`can_parse` compares the tag, and
//   ElementTree names a namespaced root `{…}nitf`);
// - the headline from `body/body.head/hedline/hl1`, else `head/title`;
// - the byline as the first `byline`'s leading text plus its first
//   `person`, so `By <person>A</person> and <person>B</person>` is `By A`;
// - the dateline's city from `body/body.head/dateline/location/city`;
// - the dates from `head/docdata/date.issue/@norm`;
// - the body from the children of `body/body.content`.
// The parser options are its defaults but for what an ElementTree reading
// needs: document order (`preserveOrder`, to tell leading text from the
// rest), attributes, text left as text (not numbers, not trimmed), and
// character references decoded (`htmlEntities`; fast-xml-parser leaves
// `&#x20AC;` as it is without it, where any XML parser gives `€`).
import {XMLParser} from 'fast-xml-parser'

/** What Superdesk takes from a NITF document. */
export interface SuperdeskItem {
  guid?: string
  headline?: string
  byline: string
  /** The city Superdesk sets the dateline from, if any. */
  datelineCity?: string
  firstCreated?: Date
  keywords: string[]
  /** The text of each child of `body.content`. */
  paragraphs: string[]
}

/** One node of fast-xml-parser's ordered output: `{tag: children, ':@': attributes}` or `{'#text': value}`. */
type OrderedNode = Record<string, unknown>

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true
})

/**
 * Read `xml` (text, or bytes in the encoding its declaration names) as
 * Superdesk's NITF parser would; `undefined` when that parser would not
 * take it (a namespaced root).
 */
export function readLikeSuperdesk(
  xml: string | Uint8Array
): SuperdeskItem | undefined {
  const nodes = parser.parse(decode(xml)) as OrderedNode[]
  const root = nodes.find((node) => tagOf(node) === 'nitf')
  if (!root || attribute(root, 'xmlns') !== undefined) return undefined

  const docdata = find(root, 'head/docdata')
  const hl1 = find(root, 'body/body.head/hedline/hl1')
  const title = find(root, 'head/title')
  const issue = docdata && find(docdata, 'date.issue')
  const norm = issue && attribute(issue, 'norm')
  const city = find(root, 'body/body.head/dateline/location/city')
  const content = find(root, 'body/body.content')
  const guid = docdata && find(docdata, 'doc-id')

  const item: SuperdeskItem = {
    byline: byline(root),
    keywords: (docdata ? findAll(docdata, 'key-list/keyword') : []).flatMap(
      (keyword) => attribute(keyword, 'key') ?? []
    ),
    paragraphs: content ? elementChildren(content).map(textContent) : []
  }
  const guidValue = guid && attribute(guid, 'id-string')
  if (guidValue !== undefined) item.guid = guidValue
  const headline = hl1 ? leadingText(hl1) : title && leadingText(title)
  if (headline !== undefined) item.headline = headline
  if (city) item.datelineCity = leadingText(city)
  const created = norm === undefined ? undefined : normDate(norm)
  if (created) item.firstCreated = created
  return item
}

/** `get_byline`: the first byline's leading text, and its first person's, stripped. */
function byline(root: OrderedNode): string {
  const element = find(root, 'body/body.head/byline')
  if (!element) return ''
  const text = leadingText(element)
  const person = find(element, 'person')
  return person ? `${text.trim()} ${leadingText(person).trim()}` : text
}

/**
 * `get_norm_datetime`: `YYYYMMDDTHHMMSS`, naive (read as UTC here), else
 * with an offset (`%z`, `+0200`).
 */
function normDate(norm: string): Date | undefined {
  const match =
    /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(?:([+-])(\d{2})(\d{2}))?$/.exec(
      norm
    )
  if (!match) return undefined
  const [, year, month, day, hour, minute, second, sign, zh, zm] = match
  const zone = sign ? `${sign}${zh}:${zm}` : 'Z'
  return new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${zone}`)
}

function decode(xml: string | Uint8Array): string {
  if (typeof xml === 'string') return xml
  const bytes = Buffer.from(xml)
  const declared = /^<\?xml[^>]*encoding="([^"]+)"/.exec(
    bytes.subarray(0, 100).toString('latin1')
  )?.[1]
  // ISO-8859-1 and US-ASCII bytes are their code points.
  return declared && declared.toUpperCase() !== 'UTF-8'
    ? bytes.toString('latin1')
    : bytes.toString('utf8')
}

function tagOf(node: OrderedNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@')
}

function childrenOf(node: OrderedNode): OrderedNode[] {
  const tag = tagOf(node)
  const children = tag === undefined ? undefined : node[tag]
  return Array.isArray(children) ? (children as OrderedNode[]) : []
}

function elementChildren(node: OrderedNode): OrderedNode[] {
  return childrenOf(node).filter((child) => {
    const tag = tagOf(child)
    return tag !== undefined && tag !== '#text' && !tag.startsWith('?')
  })
}

function attribute(node: OrderedNode, name: string): string | undefined {
  const attributes = node[':@'] as Record<string, unknown> | undefined
  const value = attributes?.[`@_${name}`]
  return typeof value === 'string' ? value : undefined
}

/** ElementTree's `find`: the first element at a `/`-separated path of child tags. */
function find(node: OrderedNode, path: string): OrderedNode | undefined {
  return findAll(node, path)[0]
}

/** ElementTree's `findall`. */
function findAll(node: OrderedNode, path: string): OrderedNode[] {
  let current = [node]
  for (const step of path.split('/')) {
    current = current.flatMap((parent) =>
      elementChildren(parent).filter((child) => tagOf(child) === step)
    )
  }
  return current
}

/** ElementTree's `.text`: the text before the first child element. */
function leadingText(node: OrderedNode): string {
  let text = ''
  for (const child of childrenOf(node)) {
    if (tagOf(child) !== '#text') break
    text += String(child['#text'])
  }
  return text
}

/** ElementTree's `itertext`, joined. */
function textContent(node: OrderedNode): string {
  return childrenOf(node)
    .map((child) =>
      tagOf(child) === '#text' ? String(child['#text']) : textContent(child)
    )
    .join('')
}
