// How the story will look where readers find it, drawn from what copydesk
// wrote: a search result from the JSON-LD's `NewsArticle` and the head
// tags (title, URL, date, description, image), and a social card from the
// Open Graph and Twitter tags. Images are never loaded (the report needs
// no network): a box stands in, with the image's address and size. What
// is missing is said, with the rule that reports it. Pure.
import type {Element, ElementContent, Root} from 'hast'
import {h} from 'hastscript'
import {monthAbbreviations} from '../rules/text-date.js'
import {withCode} from './page-parts.js'

/** The head tags' values: `og:title`, `description`, `canonical`… */
export type HeadValues = ReadonlyMap<string, string[]>

/** Read the values of the head tags: meta by name or property, the canonical link. */
export function headValues(head: Root): HeadValues {
  const values = new Map<string, string[]>()
  const add = (key: string, value: unknown) => {
    if (typeof value !== 'string') return
    values.set(key, [...(values.get(key) ?? []), value])
  }
  for (const node of head.children) {
    if (node.type !== 'element') continue
    const {properties} = node
    if (node.tagName === 'link') {
      const rel = properties.rel
      if (Array.isArray(rel) && rel.includes('canonical')) {
        add('canonical', properties.href)
      }
    }
    if (node.tagName !== 'meta') continue
    const key = properties.property ?? properties.name
    if (typeof key === 'string') add(key, properties.content)
  }
  return values
}

/** The `NewsArticle` node of a JSON-LD document's `@graph`, if it has one. */
export function newsArticleOf(jsonld: unknown): Record<string, unknown> {
  const graph =
    jsonld && typeof jsonld === 'object' && '@graph' in jsonld
      ? (jsonld as {'@graph': unknown})['@graph']
      : undefined
  const node = Array.isArray(graph)
    ? graph.find(
        (item: unknown) =>
          item &&
          typeof item === 'object' &&
          (item as {'@type'?: unknown})['@type'] === 'NewsArticle'
      )
    : undefined
  return node && typeof node === 'object'
    ? (node as Record<string, unknown>)
    : {}
}

/** Where the article's text is in, for `lang` and `dir`. */
export interface TextLanguage {
  lang?: string | undefined
}

const months = monthAbbreviations

/**
 * The date of an ISO 8601 date-time as its publisher wrote it
 * (`27 Nov 2026`): the date part as written, in its own offset, with no
 * clock or time zone of this machine.
 */
export function shortDate(value: string | undefined): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '')
  if (!match) return undefined
  const month = months[Number(match[2]) - 1]
  return month ? `${Number(match[3])} ${month} ${match[1]}` : undefined
}

/** `text` cut at a word before `length` characters, with an ellipsis. */
function cut(text: string, length: number): string {
  if (text.length <= length) return text
  const slice = text.slice(0, length)
  const space = slice.lastIndexOf(' ')
  return `${(space > length / 2 ? slice.slice(0, space) : slice).trimEnd()} …`
}

/** `host › path › segments` of a URL, as search results show it. */
function breadcrumb(url: string): {host: string; path: string} {
  try {
    const parsed = new URL(url)
    const segments = parsed.pathname.split('/').filter(Boolean)
    return {
      host: parsed.host,
      path:
        segments.length > 0
          ? ` › ${segments.map(decodeSegment).join(' › ')}`
          : ''
    }
  } catch {
    return {host: url, path: ''}
  }
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return segment
  }
}

function first(values: HeadValues, key: string): string | undefined {
  return values.get(key)?.[0]
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}

/** The image of the JSON-LD node: a URL, an `ImageObject`, or a list of them. */
function imageOf(node: Record<string, unknown>): string | undefined {
  const image = Array.isArray(node.image) ? node.image[0] : node.image
  if (typeof image === 'string') return image
  if (image && typeof image === 'object' && 'url' in image) {
    return text((image as {url: unknown}).url)
  }
  return undefined
}

/** A stand-in for an image that is not loaded: its address and size. */
function imageBox(
  className: string,
  url: string,
  size: string | undefined,
  alt: string | undefined
): Element {
  return h('div', {className: ['image-box', className]}, [
    h('span', {className: ['image-label']}, `image${size ? ` ${size}` : ''}`),
    h('span', {className: ['image-url']}, url),
    alt ? h('span', {className: ['image-alt']}, `alt: ${alt}`) : undefined
  ])
}

/** A missing value, with the rule that reports it. */
function missing(what: string, ruleId?: string): ElementContent {
  return h('li', [
    ...withCode(what),
    ruleId ? [' (', h('code', ruleId), ')'] : []
  ])
}

/**
 * A search result as Google shows a news article: site and URL, title,
 * date and description, the image beside them.
 */
export function searchResult(
  head: HeadValues,
  jsonld: Record<string, unknown>,
  language: TextLanguage
): Element {
  const title = text(jsonld.headline) ?? first(head, 'og:title')
  const url = first(head, 'canonical') ?? text(jsonld.url)
  const date = shortDate(text(jsonld.datePublished))
  const description = first(head, 'description') ?? text(jsonld.description)
  const image = imageOf(jsonld) ?? first(head, 'og:image')
  const site = first(head, 'og:site_name')
  const crumb = url ? breadcrumb(url) : undefined
  const gaps: ElementContent[] = []
  if (!url)
    gaps.push(
      missing('no URL: `url` in the sidecar or `baseUrl` in the config')
    )
  if (!date) gaps.push(missing('no publication date', 'missing-date'))
  if (!image) gaps.push(missing('no image', 'missing-image'))
  if (!description) gaps.push(missing('no description'))
  return h('figure', {className: ['preview', 'search-result']}, [
    h('figcaption', 'Search result'),
    h('div', {className: ['result']}, [
      h('div', {className: ['result-text']}, [
        h('p', {className: ['result-site']}, [
          site
            ? h('span', {className: ['result-name'], ...language}, site)
            : undefined,
          crumb
            ? h(
                'span',
                {className: ['result-url']},
                `${crumb.host}${crumb.path}`
              )
            : h('span', {className: ['result-url', 'absent']}, 'no URL')
        ]),
        h(
          'p',
          {className: ['result-title'], dir: 'auto', ...language},
          title ? cut(title, 70) : 'no headline'
        ),
        h('p', {className: ['result-snippet'], dir: 'auto', ...language}, [
          date
            ? h('span', {className: ['result-date']}, `${date} — `)
            : undefined,
          description ? cut(description, 160) : ''
        ])
      ]),
      image ? imageBox('thumbnail', image, undefined, undefined) : undefined
    ]),
    gaps.length > 0
      ? h('div', {className: ['gaps']}, [
          h('p', 'Missing from the result:'),
          h('ul', gaps)
        ])
      : undefined
  ])
}

/** A link card as social networks draw one from the Open Graph tags. */
export function socialCard(head: HeadValues, language: TextLanguage): Element {
  const title = first(head, 'og:title')
  const description = first(head, 'og:description')
  const url = first(head, 'og:url')
  const image = first(head, 'og:image')
  const width = first(head, 'og:image:width')
  const height = first(head, 'og:image:height')
  const large = first(head, 'twitter:card') === 'summary_large_image'
  const host = url ? breadcrumb(url).host : undefined
  const gaps: ElementContent[] = []
  if (!image)
    gaps.push(
      missing('no `og:image`: a small card without a picture', 'missing-image')
    )
  if (!url) gaps.push(missing('no `og:url`'))
  return h(
    'figure',
    {className: ['preview', 'social-card', large ? 'large' : 'small']},
    [
      h(
        'figcaption',
        `Social card (${large ? 'large image' : 'summary'}, from Open Graph)`
      ),
      h('div', {className: ['card']}, [
        image
          ? imageBox(
              'card-image',
              image,
              width && height ? `${width}×${height}` : undefined,
              first(head, 'og:image:alt')
            )
          : undefined,
        h('div', {className: ['card-text']}, [
          h(
            'p',
            {className: ['card-host']},
            host ?? first(head, 'og:site_name') ?? ''
          ),
          h(
            'p',
            {className: ['card-title'], dir: 'auto', ...language},
            title ?? 'no og:title'
          ),
          description
            ? h(
                'p',
                {className: ['card-description'], dir: 'auto', ...language},
                cut(description, 200)
              )
            : undefined
        ])
      ]),
      gaps.length > 0
        ? h('div', {className: ['gaps']}, [
            h('p', 'Missing from the card:'),
            h('ul', gaps)
          ])
        : undefined
    ]
  )
}
