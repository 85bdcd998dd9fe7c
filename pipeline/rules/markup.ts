// Is this text an HTML or XML document rather than article text? Pure: the
// decode stage turns a finding into the fatal `markup-input` message.
//
// Two kinds of evidence, because plain copy mentions tags too (Reuters
// ticker codes `<ABC.N>` and `<CMS>`, an address in `<…>`, a stray `<b>`, a
// sentence about `<html>`), and a count of `<…>` alone cannot tell them from
// an HTML fragment whose only tags are `<p>` and `</p>`:
// - how the text starts: an XML declaration, a doctype, or an `<html>` or
//   `<nitf>` root followed by more tags (leading comments skipped);
// - whether the tags are its structure: balanced elements (`<p>…</p>`) hold
//   most of its characters, or most of its lines open with a tag (HTML that
//   never closes its `<P>`). Text that mentions tags has no balanced
//   elements, or a few around a word or two.

/** Markup found where article text was expected. */
export interface Markup {
  /** What the text looks like: `HTML document`, `NITF document`, `HTML markup`, … */
  kind: string
  /** The declaration, doctype or tag that shows it, as typed (shortened). */
  excerpt: string
  /** Offset of `excerpt` in the text. */
  offset: number
  /** For markup found in the body of the text: what was measured. */
  measure?: string
}

/** How much of a text is markup. */
export interface MarkupDensity {
  /** Share (0–1) of the non-space characters inside balanced elements. */
  coverage: number
  /** Balanced elements (an opening tag closed by its closing tag). */
  elements: number
  /** Share (0–1) of the non-blank lines that open with a start tag. */
  tagLines: number
  /** Non-blank lines that open with a start tag. */
  tagLineCount: number
  /** Offset of the first tag of a balanced element or of a tag line. */
  first: number | undefined
}

/** At least this share of the text in balanced elements (real copy: 0). */
export const coverageThreshold = 0.5
/** … over at least this many elements (one `<b>` around a story is text). */
export const minimumElements = 2
/** At least this share of the lines opening with a start tag (real copy: under 5%). */
export const tagLineThreshold = 0.5
/** … and at least this many such lines. */
export const minimumTagLines = 3

// A start or end tag as HTML and XML write it, on one line. Reuters codes
// with a dot (`<ABC.N>`) and addresses (`<a@b.example>`) do not match; the
// others (`<CMS>`, `<Royal Ordnance>`) do, and never close.
const tagSource =
  '<(/?)([A-Za-z][A-Za-z0-9-]*(?::[A-Za-z][A-Za-z0-9-]*)?)(\\s[^<>\\n]*)?/?>'
const tagPattern = new RegExp(tagSource, 'g')
const anyTag = new RegExp(tagSource)
const startTagAtStart = new RegExp(`^${tagSource}`)
// Elements HTML never closes.
const voidElements = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr'
])
// Elements that name HTML rather than some XML vocabulary.
const htmlElements = new Set([
  ...voidElements,
  'a',
  'article',
  'b',
  'blockquote',
  'body',
  'div',
  'em',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'head',
  'header',
  'html',
  'i',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'section',
  'span',
  'strong',
  'table',
  'td',
  'title',
  'tr',
  'ul'
])
// Document roots that need no declaration to be recognised.
const roots: Readonly<Record<string, string>> = {html: 'HTML', nitf: 'NITF'}

/** Markup that makes `text` a document rather than article text, if any. */
export function findMarkup(text: string): Markup | undefined {
  const start = documentStart(text)
  if (start) return start
  const density = measureMarkup(text)
  let measure: string
  if (
    density.elements >= minimumElements &&
    density.coverage >= coverageThreshold
  ) {
    measure = `${percent(density.coverage)} of the text inside elements`
  } else if (
    density.tagLineCount >= minimumTagLines &&
    density.tagLines >= tagLineThreshold
  ) {
    measure = `${percent(density.tagLines)} of the lines open with a tag`
  } else {
    return undefined
  }
  const offset = density.first ?? 0
  const tag = tagAt(text, offset)
  return {
    kind: `${vocabulary(tag)} markup`,
    excerpt: shorten(tag),
    offset,
    measure
  }
}

/** `0.934` as `93%`, never rounded up to a whole `100%`. */
function percent(share: number): string {
  return `${Math.floor(share * 100)}%`
}

/** Measure how much of `text` is tags (see `findMarkup`). */
export function measureMarkup(text: string): MarkupDensity {
  const spans: [number, number][] = []
  const open: {name: string; start: number}[] = []
  const openCount = new Map<string, number>()
  let elements = 0
  for (const match of text.matchAll(tagPattern)) {
    const name = (match[2] ?? '').toLowerCase()
    const start = match.index
    if (match[1] === '') {
      if (voidElements.has(name) || match[0].endsWith('/>')) continue
      open.push({name, start})
      openCount.set(name, (openCount.get(name) ?? 0) + 1)
      continue
    }
    // An end tag closes the innermost open element of its name; the
    // elements opened inside it and never closed are dropped. Each element
    // is dropped at most once, so this stays linear.
    if (!openCount.get(name)) continue
    let element = open.pop()
    while (element) {
      openCount.set(element.name, (openCount.get(element.name) ?? 1) - 1)
      if (element.name === name) break
      element = open.pop()
    }
    if (!element) continue
    elements++
    spans.push([element.start, start + match[0].length])
  }

  let covered = 0
  let end = -1
  let first: number | undefined
  for (const [from, to] of spans.sort((a, b) => a[0] - b[0])) {
    first ??= from
    if (to <= end) continue
    covered += nonSpace(text.slice(Math.max(from, end), to))
    end = to
  }

  let lines = 0
  let tagLineCount = 0
  let firstTagLine: number | undefined
  let offset = 0
  for (const line of text.split('\n')) {
    const indent = line.length - line.trimStart().length
    if (indent < line.length) {
      lines++
      if (startTagAtStart.exec(line.slice(indent))?.[1] === '') {
        tagLineCount++
        firstTagLine ??= offset + indent
      }
    }
    offset += line.length + 1
  }

  const total = nonSpace(text)
  return {
    coverage: total === 0 ? 0 : covered / total,
    elements,
    tagLines: lines === 0 ? 0 : tagLineCount / lines,
    tagLineCount,
    first:
      first === undefined || firstTagLine === undefined
        ? (first ?? firstTagLine)
        : Math.min(first, firstTagLine)
  }
}

/** A declaration, doctype or known root where the text starts. */
function documentStart(text: string): Markup | undefined {
  const offset = skipComments(text, 0)
  const rest = text.slice(offset)
  const doctype = /^<!DOCTYPE\s+([A-Za-z][\w:.-]*)/i.exec(rest)
  if (/^<\?xml\s/i.test(rest) || doctype) {
    const root = doctype?.[1] ?? rootName(text, offset)
    const kind = roots[root?.toLowerCase() ?? ''] ?? 'XML'
    return {
      kind: `${kind} document`,
      excerpt: shorten(tagAt(text, offset)),
      offset
    }
  }
  const tag = /^<([A-Za-z]+)[\s/>]/.exec(rest)
  const kind = roots[tag?.[1]?.toLowerCase() ?? '']
  // A headline that starts with `<html>` is text when no tag follows.
  if (!kind) return undefined
  if (!anyTag.test(text.slice(offset + (tag?.[0].length ?? 0)))) {
    return undefined
  }
  return {
    kind: `${kind} document`,
    excerpt: shorten(tagAt(text, offset)),
    offset
  }
}

/** The name of the root element after an XML prolog starting at `offset`. */
function rootName(text: string, offset: number): string | undefined {
  let index = offset
  for (;;) {
    index = skipComments(text, index)
    if (text.startsWith('<?', index)) {
      const end = text.indexOf('?>', index)
      if (end === -1) return undefined
      index = end + 2
      continue
    }
    if (/^<!DOCTYPE/i.test(text.slice(index, index + 9))) {
      // `<!DOCTYPE nitf … [ internal subset ]>`
      const match = /^<!DOCTYPE\s+([A-Za-z][\w:.-]*)/i.exec(
        text.slice(index, index + 200)
      )
      return match?.[1]
    }
    return /^<([A-Za-z][\w:.-]*)/.exec(text.slice(index, index + 200))?.[1]
  }
}

/** Offset after white space and `<!-- … -->` comments from `offset`. */
function skipComments(text: string, offset: number): number {
  let index = offset
  for (;;) {
    while (index < text.length && /\s/.test(text.charAt(index))) index++
    if (!text.startsWith('<!--', index)) return index
    const end = text.indexOf('-->', index + 4)
    if (end === -1) return index
    index = end + 3
  }
}

/** `HTML` when the tag is an HTML element, else `XML`. */
function vocabulary(tag: string): string {
  const name = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(tag)?.[1] ?? ''
  return htmlElements.has(name.toLowerCase()) ? 'HTML' : 'XML'
}

/** The `<…>` at `offset`, up to its `>` or the end of its line. */
function tagAt(text: string, offset: number): string {
  const close = text.indexOf('>', offset)
  const newline = text.indexOf('\n', offset)
  if (close !== -1 && (newline === -1 || close < newline)) {
    return text.slice(offset, close + 1)
  }
  return text.slice(offset, newline === -1 ? undefined : newline)
}

/** White space folded, cut to 40 characters, for a message. */
function shorten(value: string): string {
  const folded = value.replace(/\s+/g, ' ').replaceAll('`', "'")
  return folded.length > 40 ? `${folded.slice(0, 39)}…` : folded
}

function nonSpace(value: string): number {
  return value.replace(/\s+/g, '').length
}
