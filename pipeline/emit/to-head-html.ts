// Emit, page head: reads an `Article` and its `ArticleContext` and builds the
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
import type {Article, ArticleContext} from '../types.js'
import {findAuthorEntry} from './author-directory.js'
import {type PageFacts, pageFacts, toJsonLd} from './to-jsonld.js'

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
 * Build the head tags of an article as a hast tree. `facts` and `graph` are
 * worked out when not given; a build passes the ones the JSON-LD used.
 */
export function toHeadTree(
  article: Article,
  context: ArticleContext,
  facts: PageFacts = pageFacts(article, context),
  graph: Graph = toJsonLd(article, context, facts)
): Root {
  const {meta} = context
  const {url, description} = facts
  const siteName = facts.publisher?.name
  const image = meta.images?.[0]
  const authors = article.bylines.flatMap((byline) => byline.authors)

  const tags: Array<Element | undefined> = [
    url ? h('link', {rel: 'canonical', href: url}) : undefined,
    named('description', description),
    property('og:type', 'article'),
    property('og:title', article.headline),
    property('og:description', description),
    property('og:url', url),
    ...(meta.images ?? []).flatMap((picture) => [
      property('og:image', picture.url),
      property('og:image:width', picture.width?.toString()),
      property('og:image:height', picture.height?.toString()),
      property('og:image:alt', picture.caption)
    ]),
    property('og:site_name', siteName),
    property('og:locale', meta.language ?? context.config.language),
    property('article:published_time', meta.datePublished),
    property('article:modified_time', meta.dateModified),
    // A profile URL where the directory has one, else the name as printed.
    ...unique(
      authors.map(
        (author) =>
          findAuthorEntry(context.config, author.name)?.url ?? author.name
      )
    ).map((author) => property('article:author', author)),
    property('article:section', meta.section),
    ...(meta.keywords ?? []).map((keyword) => property('article:tag', keyword)),
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
  article: Article,
  context: ArticleContext,
  facts: PageFacts = pageFacts(article, context),
  graph: Graph = toJsonLd(article, context, facts)
): string {
  return toHtml(toHeadTree(article, context, facts, graph))
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
