// What the whole-build channels need of one article: its `FeedEntry`, made
// from the article, its context and the facts its page shares with the
// JSON-LD (URL, description, publisher). Only an article with a URL and a
// publication date has one.

import type {Article, ArticleContext} from '../types.js'
import {findAuthorEntry, nameKey} from './author-directory.js'
import type {FeedAuthor, FeedEntry} from './feed-entry.js'
import type {PageFacts} from './to-jsonld.js'

/**
 * The article's feed entry, if it has a URL and a publication date; `path`
 * is the article's path as reports give it.
 */
export function toFeedEntry(
  article: Article,
  context: ArticleContext,
  facts: PageFacts,
  path: string
): FeedEntry | undefined {
  const {meta, config} = context
  if (facts.url === undefined || meta.datePublished === undefined) return

  const entry: FeedEntry = {
    path,
    id: facts.url,
    url: facts.url,
    title: article.headline,
    body: article.body,
    authors: feedAuthors(article, context),
    datePublished: meta.datePublished,
    // Tags: white space collapsed, so no attribute holds a raw line break.
    keywords: (meta.keywords ?? [])
      .map((keyword) => keyword.replace(/\s+/g, ' ').trim())
      .filter((keyword) => keyword !== '')
  }
  const summary = article.subheadline ?? facts.description
  if (summary !== undefined) entry.summary = summary
  if (meta.dateModified !== undefined) entry.dateModified = meta.dateModified
  const language = meta.language ?? config.language
  if (language !== undefined) entry.language = language
  if (facts.publisher) entry.publisher = facts.publisher.name
  const image = meta.images?.[0]?.url
  if (image !== undefined) entry.image = image
  return entry
}

/** Every author once, by the name the author directory gives. */
function feedAuthors(article: Article, context: ArticleContext): FeedAuthor[] {
  const seen = new Set<string>()
  const authors: FeedAuthor[] = []
  for (const byline of article.bylines) {
    for (const author of byline.authors) {
      const entry = findAuthorEntry(context.config, author.name)
      const name = entry?.name ?? author.name
      // Spelled twice (`JOSE DIAZ`, `José Díaz`): one author, as elsewhere.
      const key = nameKey(name)
      if (seen.has(key)) continue
      seen.add(key)
      authors.push(entry?.url ? {name, url: entry.url} : {name})
    }
  }
  return authors
}
