// What the whole-build channels (Atom, RSS, JSON Feed, the Google News
// sitemap) need of one article. Each article's build makes one `FeedEntry`
// (when it has a URL and a publication date); it is plain data, so it travels
// from a worker and is kept in the article's cache entry, and the channels are
// written from entries alone after the last article, whether it was rebuilt
// or served from the cache.

/** An author as the channels name them. */
export interface FeedAuthor {
  name: string
  /** The author's page, from the config's author directory. */
  url?: string
}

/** One dated article with a URL, as every channel sees it. */
export interface FeedEntry {
  /** The article's path as reports give it (`input/a/b.txt`): the last tie-breaker. */
  path: string
  /** Stable identifier of the story (the canonical URL). */
  id: string
  /** Canonical URL of the article's page. */
  url: string
  /** The headline, plain text. */
  title: string
  /** The subheadline or the lead, plain text. */
  summary?: string
  /** Body paragraphs, plain text, in order. */
  body: string[]
  authors: FeedAuthor[]
  /** ISO 8601 with the publisher's UTC offset, as in the sidecar. */
  datePublished: string
  /** ISO 8601 with the publisher's UTC offset, as in the sidecar. */
  dateModified?: string
  /** BCP 47 language tag. */
  language?: string
  /**
   * The article's own publisher name (sidecar, config or masthead): its
   * author in the feeds when it has no byline.
   */
  publisher?: string
  keywords: string[]
  /** URL of the lead image. */
  image?: string
}

/** What a feed says of itself, from the project config, never from an article. */
export interface FeedChannel {
  /** Feed title: `feeds.title`, else the config's publisher name, else the site's host. */
  title: string
  /** The site's home page: `feeds.url`, else the publisher's URL, else `baseUrl`. */
  link: string
  /** Where the feed files are published (`<base>feed.atom`), when known. */
  base?: string
  description?: string
  /** BCP 47 language tag of the feed, when the config sets one. */
  language?: string
  /** The config's publisher name: the feed-level author. */
  publisher?: string
}

/**
 * Order of every channel: newest publication instant first (offsets taken
 * into account), then by input path, so that equal dates still give one order.
 */
export function newestFirst(left: FeedEntry, right: FeedEntry): number {
  const difference =
    Date.parse(right.datePublished) - Date.parse(left.datePublished)
  if (difference !== 0) return difference
  return left.path < right.path ? -1 : left.path > right.path ? 1 : 0
}
