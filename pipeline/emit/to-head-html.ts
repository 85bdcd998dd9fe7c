// Emit, page head: reads an article's `Facts` and builds the
// tags a web page puts in its `<head>` for this article: the JSON-LD graph in
// `<script type="application/ld+json">`, the canonical link, the meta
// description, Open Graph and Twitter card tags. Built as a hast tree and
// serialized by hast-util-to-html, which escapes every attribute value; the
// script text is escaped here, after JSON serialization, because HTML does
// not escape inside `<script>`. Pure; emits no messages.
import type {Element, Root} from 'hast'
import {toHtml} from 'hast-util-to-html'
import {h} from 'hastscript'
import type {Graph} from 'schema-dts'
import type {Facts} from './facts.js'
import {toJsonLd} from './to-jsonld.js'

/**
 * Characters that could end a `<script>` element, open a comment, or end a
 * line in a JavaScript parser, written as JSON `\uXXXX` escapes instead.
 */
const unsafeInScript = /[<>&\u2028\u2029]/g

/** The JSON-LD graph as text that is safe inside `<script>`, and still JSON. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    unsafeInScript,
    (character) =>
      `\\u${(character.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`
  )
}

/**
 * Build the head tags of an article as a hast tree. `graph` is worked out
 * when not given; a build passes the one the JSON-LD output holds.
 */
export function toHeadTree(facts: Facts, graph: Graph = toJsonLd(facts)): Root {
  const {article, url, description, images} = facts
  const siteName = facts.publisher?.name
  const image = images[0]

  const tags: Array<Element | undefined> = [
    url ? h('link', {rel: 'canonical', href: url}) : undefined,
    named('description', description),
    property('og:type', 'article'),
    property('og:title', article.headline),
    property('og:description', description),
    property('og:url', url),
    ...images.flatMap((picture) => [
      property('og:image', picture.url),
      property('og:image:width', picture.width?.toString()),
      property('og:image:height', picture.height?.toString()),
      property('og:image:alt', picture.caption)
    ]),
    property('og:site_name', siteName),
    property('og:locale', facts.language),
    property('article:published_time', facts.datePublished),
    property('article:modified_time', facts.dateModified),
    // One per author, as in every output: the profile URL where the
    // directory has one, else the name.
    ...unique(facts.authors.map((author) => author.url ?? author.name)).map(
      (author) => property('article:author', author)
    ),
    property('article:section', facts.section),
    ...facts.keywords.map((keyword) => property('article:tag', keyword)),
    named('twitter:card', image ? 'summary_large_image' : 'summary'),
    named('twitter:title', article.headline),
    named('twitter:description', description),
    named('twitter:image', image?.url),
    named('twitter:image:alt', image?.caption),
    h('script', {type: 'application/ld+json'}, scriptSafeJson(graph))
  ]

  const children: Root['children'] = []
  for (const tag of tags) {
    if (!tag) continue
    children.push(tag, {type: 'text', value: '\n'})
  }
  return {type: 'root', children}
}

/**
 * The head tags of an article as HTML, for server-side rendering: the same
 * text `copydesk build` writes to `<stem>.head.html`.
 */
export function renderHead(
  facts: Facts,
  graph: Graph = toJsonLd(facts)
): string {
  return toHtml(toHeadTree(facts, graph))
}

function named(name: string, content: string | undefined) {
  return content === undefined || content === ''
    ? undefined
    : h('meta', {name, content})
}

function property(name: string, content: string | undefined) {
  return content === undefined || content === ''
    ? undefined
    : h('meta', {property: name, content})
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)]
}
