// Emit, feeds: the whole-build Atom 1.0 (RFC 4287), RSS 2.0 and JSON Feed 1.1
// documents, built from the `FeedEntry` of every article and the project's
// `FeedChannel`. Pure: no clock, no randomness, so the same entries give the
// same bytes in any input order. Every feed date comes from an entry:
// - an entry's `updated` is `dateModified ?? datePublished`, as written;
// - the feed's `updated` (Atom) and `lastBuildDate` (RSS) are the latest
//   entry `updated` among the entries written, taken as an instant, and
//   written in that entry's own offset. The first entry in feed order wins a
//   tie;
// - RSS `channel/pubDate` is the newest `datePublished`, which is the first
//   entry's.
// Text is plain and stays plain in readers. Titles and summaries are text
// constructs. HTML is only the `<p>` fragment that hast-util-to-html builds,
// and it is stored as escaped text. Characters XML 1.0 forbids are removed
// from every string in all three formats, so the feeds agree.
// Authors: every entry names its own (the article's byline authors, else the
// article's publisher), so no reader gives it the feed's by inheritance
// (RFC 4287 4.2.1); the feed's own author is the channel's, which the build
// takes from the config alone, never from an article.
// Throws a `RangeError` on a date that is not an ISO 8601 date-time with a
// UTC offset, on a `limit` that is not a whole number from 1 up, and, in
// `toAtom` only, on an empty feed: Atom needs an `updated` date and there is
// no entry to take it from.

import type {Element} from 'xast'
import {x} from 'xastscript'
import {monthAbbreviations} from '../rules/text-date.js'
import {parseDateTime, utcDay} from './date-time.js'
import {
  type FeedAuthor,
  type FeedChannel,
  type FeedEntry,
  newestFirst
} from './feed-entry.js'
import {feedFileNames} from './output-names.js'
import {paragraphsHtml} from './paragraphs-html.js'
import {xmlIllegalCharacter} from './xml-characters.js'
import {xmlDocument} from './xml-document.js'

/** How many entries a feed carries. */
export interface FeedOptions {
  /** The newest `limit` entries are written (a whole number from 1 up). */
  limit: number
}

const atomNamespace = 'http://www.w3.org/2005/Atom'
const dublinCoreNamespace = 'http://purl.org/dc/elements/1.1/'
const jsonFeedVersion = 'https://jsonfeed.org/version/1.1'

// RFC 4287's `atomLanguageTag` (RFC 3066 form). A tag that does not match is
// left out of every format, so that Atom stays valid.
const languageTag = /^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*$/

// English names, fixed by RFC 822. Locale APIs are not used.
const dayNames = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const monthNames = monthAbbreviations

// Elements that hold only elements, so the serializer can indent inside them.
// Elements that hold text are never touched.
const elementOnly = new Set([
  'feed',
  'entry',
  'author',
  'rss',
  'channel',
  'item'
])

/** A date in the forms the feeds write, with its instant for comparing. */
interface FeedDate {
  /** RFC 3339 in the publisher's offset: `2026-11-28T09:00:00+09:00`. */
  rfc3339: string
  /** RFC 822 in the publisher's offset: `Sat, 28 Nov 2026 09:00:00 +0900`. */
  rfc822: string
  /** Milliseconds since the epoch. */
  instant: number
}

/** One entry as the feeds write it: cleaned, dated, its HTML built. */
interface PreparedEntry {
  id: string
  url: string
  title: string
  summary: string | undefined
  paragraphs: string[]
  /** The `<p>` fragment of the paragraphs (`''` when there are none). */
  html: string
  authors: FeedAuthor[]
  keywords: string[]
  language: string | undefined
  image: string | undefined
  published: FeedDate
  modified: FeedDate | undefined
  /** `modified ?? published`. */
  updated: FeedDate
}

/** The channel and its newest entries, ready to write. */
interface PreparedFeed {
  title: string
  link: string
  base: string | undefined
  description: string | undefined
  language: string | undefined
  /** Feed-level author: the channel's publisher, else the feed title. */
  author: string
  entries: PreparedEntry[]
  /** Latest entry `updated` (see the file comment), absent when there are no entries. */
  updated: FeedDate | undefined
  /** Newest `datePublished`, absent when there are no entries. */
  published: FeedDate | undefined
}

/** The Atom 1.0 (RFC 4287) feed of the newest `options.limit` entries. */
export function toAtom(
  entries: readonly FeedEntry[],
  channel: FeedChannel,
  options: FeedOptions
): string {
  const feed = prepareFeed(entries, channel, options)
  if (!feed.updated) {
    throw new RangeError(
      'Unexpected empty feed, expected at least one entry: Atom requires `updated` and there is no entry to take it from'
    )
  }
  return serializeXml(
    x('feed', {xmlns: atomNamespace, 'xml:lang': feed.language}, [
      x('id', feed.link),
      x('title', {type: 'text'}, feed.title),
      feed.description
        ? x('subtitle', {type: 'text'}, feed.description)
        : undefined,
      x('updated', feed.updated.rfc3339),
      x('link', {rel: 'alternate', type: 'text/html', href: feed.link}),
      feed.base === undefined
        ? undefined
        : x('link', {
            rel: 'self',
            type: 'application/atom+xml',
            href: feed.base + feedFileNames.atom
          }),
      // RFC 4287 wants an author on each entry or on the feed: an entry
      // without byline or publisher takes this one.
      x('author', [x('name', feed.author)]),
      ...feed.entries.map(atomEntry)
    ])
  )
}

/** The RSS 2.0 feed of the newest `options.limit` entries. */
export function toRss(
  entries: readonly FeedEntry[],
  channel: FeedChannel,
  options: FeedOptions
): string {
  const feed = prepareFeed(entries, channel, options)
  const description =
    feed.description ?? `The latest articles from ${feed.author}.`
  return serializeXml(
    x(
      'rss',
      {
        version: '2.0',
        'xmlns:atom': atomNamespace,
        'xmlns:dc': dublinCoreNamespace
      },
      [
        x('channel', [
          x('title', feed.title),
          x('link', feed.link),
          x('description', description),
          feed.language ? x('language', feed.language) : undefined,
          feed.published ? x('pubDate', feed.published.rfc822) : undefined,
          feed.updated ? x('lastBuildDate', feed.updated.rfc822) : undefined,
          feed.base === undefined
            ? undefined
            : x('atom:link', {
                href: feed.base + feedFileNames.rss,
                rel: 'self',
                type: 'application/rss+xml'
              }),
          ...feed.entries.map(rssItem)
        ])
      ]
    )
  )
}

/** The JSON Feed 1.1 of the newest `options.limit` entries. */
export function toJsonFeed(
  entries: readonly FeedEntry[],
  channel: FeedChannel,
  options: FeedOptions
): string {
  const feed = prepareFeed(entries, channel, options)
  // Key order is fixed here. `undefined` values are dropped by `JSON.stringify`.
  const document = {
    version: jsonFeedVersion,
    title: feed.title,
    home_page_url: feed.link,
    feed_url:
      feed.base === undefined ? undefined : feed.base + feedFileNames.json,
    description: feed.description,
    language: feed.language,
    authors: [{name: feed.author}],
    items: feed.entries.map((entry) => ({
      id: entry.id,
      url: entry.url,
      title: hasText(entry.title) ? entry.title : undefined,
      content_html: entry.html,
      content_text: entry.paragraphs.join('\n\n'),
      summary: entry.summary,
      image: entry.image,
      date_published: entry.published.rfc3339,
      date_modified: entry.modified?.rfc3339,
      // JSON Feed wants no empty `authors` array.
      authors:
        entry.authors.length > 0
          ? entry.authors.map((author) => ({
              name: author.name,
              url: author.url
            }))
          : undefined,
      tags: entry.keywords.length > 0 ? entry.keywords : undefined,
      language: entry.language
    }))
  }
  return `${JSON.stringify(document, null, 2)}\n`
}

/** `entry` as an Atom entry. */
function atomEntry(entry: PreparedEntry): Element {
  return x('entry', {'xml:lang': entry.language}, [
    x('id', entry.id),
    x('title', {type: 'text'}, entry.title),
    x('link', {rel: 'alternate', type: 'text/html', href: entry.url}),
    x('published', entry.published.rfc3339),
    x('updated', entry.updated.rfc3339),
    ...entry.authors.map((author) =>
      x('author', [
        x('name', author.name),
        author.url === undefined ? undefined : x('uri', author.url)
      ])
    ),
    ...entry.keywords.map((term) => x('category', {term})),
    entry.summary === undefined
      ? undefined
      : x('summary', {type: 'text'}, entry.summary),
    // The HTML is a string in a text node, so the serializer escapes it
    // again: a reader unescapes it once and gets the `<p>` fragment back.
    entry.html ? x('content', {type: 'html'}, entry.html) : undefined
  ])
}

/** `entry` as an RSS item. */
function rssItem(entry: PreparedEntry): Element {
  // The full text, as in Atom `content`. The summary is used only when the
  // entry has no body.
  const description =
    entry.html ||
    (entry.summary === undefined
      ? ''
      : paragraphsHtml([entry.summary], {namedReferences: true}))
  return x('item', [
    x('title', entry.title),
    x('link', entry.url),
    description ? x('description', description) : undefined,
    ...entry.authors.map((author) => x('dc:creator', author.name)),
    ...entry.keywords.map((keyword) => x('category', keyword)),
    x(
      'guid',
      {isPermaLink: entry.id === entry.url ? 'true' : 'false'},
      entry.id
    ),
    x('pubDate', entry.published.rfc822)
  ])
}

/** Clean, date and order the entries, keep the newest `limit`, clean the channel. */
function prepareFeed(
  entries: readonly FeedEntry[],
  channel: FeedChannel,
  options: FeedOptions
): PreparedFeed {
  const {limit} = options
  if (!Number.isInteger(limit) || limit < 1) {
    throw new RangeError(
      `Unexpected limit \`${limit}\`, expected a whole number from 1 up`
    )
  }
  // Each date is normalized before sorting. `newestFirst` then compares
  // RFC 3339 strings that `Date.parse` reads the same way everywhere.
  const dated = entries.map((entry) => {
    const published = feedDate(entry.datePublished, entry.path)
    const modified =
      entry.dateModified === undefined
        ? undefined
        : feedDate(entry.dateModified, entry.path)
    return {
      entry: {...entry, datePublished: published.rfc3339},
      published,
      modified
    }
  })
  dated.sort((left, right) => newestFirst(left.entry, right.entry))
  // One entry per URL, the newest: feed ids must be unique.
  const urls = new Set<string>()
  const kept = dated
    .filter(({entry}) => {
      if (urls.has(entry.url)) return false
      urls.add(entry.url)
      return true
    })
    .slice(0, limit)
    .map(({entry, published, modified}) =>
      prepareEntry(entry, published, modified)
    )

  let updated: FeedDate | undefined
  for (const entry of kept) {
    if (!updated || entry.updated.instant > updated.instant) {
      updated = entry.updated
    }
  }
  const title = plain(channel.title)
  return {
    title,
    link: plain(channel.link).trim(),
    base: channel.base === undefined ? undefined : plain(channel.base).trim(),
    description: present(channel.description),
    language: language(channel.language),
    author: present(channel.publisher)?.trim() ?? title,
    entries: kept,
    updated,
    published: kept[0]?.published
  }
}

/**
 * One entry without XML-illegal characters, blanks left out, HTML built, its
 * authors its bylines, else its publisher.
 */
function prepareEntry(
  entry: FeedEntry,
  published: FeedDate,
  modified: FeedDate | undefined
): PreparedEntry {
  const paragraphs = entry.body.map(plain).filter(hasText)
  const authors = entry.authors.flatMap((author): FeedAuthor[] => {
    const name = present(author.name)?.trim()
    const url = present(author.url)?.trim()
    if (name === undefined) return []
    return [url === undefined ? {name} : {name, url}]
  })
  const publisher = present(entry.publisher)?.trim()
  if (authors.length === 0 && publisher !== undefined) {
    authors.push({name: publisher})
  }
  return {
    id: plain(entry.id).trim(),
    url: plain(entry.url).trim(),
    title: plain(entry.title),
    summary: present(entry.summary),
    paragraphs,
    html: paragraphsHtml(paragraphs, {namedReferences: true}),
    authors,
    keywords: unique(entry.keywords.map((keyword) => plain(keyword).trim())),
    language: language(entry.language),
    image: present(entry.image)?.trim(),
    published,
    modified,
    updated: modified ?? published
  }
}

/**
 * Read an ISO 8601 date-time with an offset in the forms the feeds write.
 * Throws a `RangeError` naming the entry when `value` is not one.
 */
function feedDate(value: string, path: string): FeedDate {
  const parts = parseDateTime(value)
  if (!parts) {
    throw new RangeError(
      `Unexpected date \`${value}\` in \`${path}\`, expected an ISO 8601 date-time with a UTC offset (\`2026-11-28T09:00:00+09:00\`)`
    )
  }
  const {year, month, day, hour, minute, second, offset} = parts
  const weekday = dayNames[utcDay(year, month, day).getUTCDay()]
  const monthName = monthNames[Number(month) - 1]
  // RFC 822 has no fractions of a second. The date and time are the local
  // ones as written, followed by the numeric offset.
  const rfc822 = `${weekday}, ${day} ${monthName} ${year} ${hour}:${minute}:${second} ${offset === 'Z' ? '+0000' : offset.replace(':', '')}`
  return {rfc3339: parts.normalized, rfc822, instant: parts.instant}
}

/** The tag when it is one RFC 4287 accepts, else `undefined`. */
function language(value: string | undefined): string | undefined {
  const tag = value === undefined ? undefined : plain(value).trim()
  return tag && languageTag.test(tag) ? tag : undefined
}

/** XML text with the declaration, indented where only elements are, final newline. */
function serializeXml(root: Element): string {
  return xmlDocument(root, {
    encoding: 'utf-8',
    elementOnly: (element) => elementOnly.has(element.name)
  })
}

/** `value` without the code points XML 1.0 does not allow. */
function plain(value: string): string {
  return value.replace(xmlIllegalCharacter, '')
}

/** `value` cleaned, or `undefined` when nothing but white space is left. */
function present(value: string | undefined): string | undefined {
  const cleaned = value === undefined ? undefined : plain(value)
  return hasText(cleaned) ? cleaned : undefined
}

/** Whether `value` holds more than white space. */
function hasText(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== ''
}

/** Distinct non-blank values, first occurrence kept. */
function unique(values: readonly string[]): string[] {
  return [...new Set(values.filter(hasText))]
}
