// What the whole-build channels need of one article: its `FeedEntry`, made
// from the article's `Facts`. Only an article with a URL and a publication
// date has one.
import type {Facts} from './facts.js'
import type {FeedEntry} from './feed-entry.js'

/**
 * The article's feed entry, if it has a URL and a publication date; `path`
 * is the article's path as reports give it.
 */
export function toFeedEntry(facts: Facts, path: string): FeedEntry | undefined {
  const {article, url, datePublished} = facts
  if (url === undefined || datePublished === undefined) return

  const entry: FeedEntry = {
    path,
    id: url,
    url,
    title: article.headline,
    body: article.body,
    // Every author once, as in every output, with the directory's link.
    authors: facts.authors.map((author) =>
      author.url ? {name: author.name, url: author.url} : {name: author.name}
    ),
    datePublished,
    // Tags: white space collapsed, so no attribute holds a raw line break.
    keywords: facts.keywords
  }
  const summary = article.subheadline ?? facts.description
  if (summary !== undefined) entry.summary = summary
  if (facts.dateModified !== undefined) entry.dateModified = facts.dateModified
  if (facts.language !== undefined) entry.language = facts.language
  if (facts.publisher) entry.publisher = facts.publisher.name
  const image = facts.images[0]?.url
  if (image !== undefined) entry.image = image
  return entry
}
