// Emit, Google News sitemap: reads the whole build's `FeedEntry` values and
// writes `news-sitemap.xml` (a sitemaps.org `urlset` with Google's `news:`
// extension), split into `news-sitemap-1.xml`, `news-sitemap-2.xml`, … under
// a `sitemapindex` when there are more articles than one file may list.
// Google's rules (developers.google.com, "News sitemaps"): only articles
// published in the two days before `now`; at most 1,000 URLs a file;
// `news:language` an ISO 639 code or `zh-cn`/`zh-tw`; `publication_date` the
// original time, in W3C date-time form. An entry the sitemap cannot list is
// left out and said why (`left`), never thrown; bad options throw a
// `RangeError`. Element order follows `schemas/sitemaps/sitemap.xsd` and
// Google's documentation. Pure: `now` is given, entries are put in one order
// whatever order they come in, so the same entries give the same bytes.
// Rule ids of `left`: `invalid-url`, `empty-title`, `missing-language`,
// `invalid-language`, `invalid-date`, `too-old`, `in-future`,
// `duplicate-url`, `over-limit`.

import type {Element} from 'xast'
import {x} from 'xastscript'
import {parseDateTime, twoDays} from './date-time.js'
import {type FeedEntry, newestFirst} from './feed-entry.js'
import {newsSitemapName, newsSitemapPartName} from './output-names.js'
import {xmlIllegalCharacter} from './xml-characters.js'
import {xmlDocument} from './xml-document.js'

const sitemapNamespace = 'http://www.sitemaps.org/schemas/sitemap/0.9'
const newsNamespace = 'http://www.google.com/schemas/sitemap-news/0.9'

/** Google: "You can add up to 1,000 `<url>` elements in a News sitemap." */
export const newsSitemapMaxPerFile = 1000

// sitemaps.org: an index lists at most 50,000 sitemaps.
const maxFilesPerIndex = 50_000
// sitemaps.org `tLoc`: an absolute URI of 12 to 2,048 characters.
const maxUrlLength = 2048

// BCP 47, near enough: a 2-3 letter language, then subtags of 1-8 letters
// or digits (`zh-Hant-TW`, `en-GB`, `de-CH-1996`, `en-US-u-ca-gregory`).
const languageTag = /^([a-z]{2,3})((?:-[a-z\d]{1,8})*)$/

// ISO 639 codes that name no language: Google could do nothing with them.
const notALanguage = new Set(['mis', 'mul', 'und', 'zxx'])

// Chinese regions written in Traditional characters (CLDR's likely script).
const traditionalRegions = new Set(['hk', 'mo', 'tw'])

/** How the news sitemap is written. */
export interface NewsSitemapOptions {
  /**
   * The reference time, ISO 8601 with an offset (`2024-03-02T09:00:00+09:00`):
   * articles published in the two days up to it are listed.
   */
  now: string
  /** `news:name`: the publication as Google News knows it. */
  publicationName: string
  /**
   * Absolute http(s) URL of the folder the sitemap files are published in
   * (`https://example.org/` → `https://example.org/news-sitemap-1.xml`; a
   * missing final `/` is added). Needed only for an index: without it, one
   * file lists the newest `maxPerFile` articles and the rest are left out.
   */
  base?: string | undefined
  /** URLs per file, 1 to 1,000 (default 1,000, Google's limit). */
  maxPerFile?: number | undefined
}

/** One file to write, named relative to `base`. */
export interface NewsSitemapFile {
  /** `news-sitemap.xml`, or `news-sitemap-<n>.xml` for the parts of an index. */
  name: string
  /** The whole document: XML declaration, UTF-8 text, final newline. */
  xml: string
}

/** Why an entry is not in the sitemap. */
export type NewsSitemapRuleId =
  | 'invalid-url'
  | 'empty-title'
  | 'missing-language'
  | 'invalid-language'
  | 'invalid-date'
  | 'too-old'
  | 'in-future'
  | 'duplicate-url'
  | 'over-limit'

/** An entry left out of the sitemap, and why. */
export interface NewsSitemapLeftOut {
  /** The entry's input path (`FeedEntry.path`). */
  path: string
  /** `Unexpected …, expected …`, with values in backticks. */
  reason: string
  ruleId: NewsSitemapRuleId
}

/** What `toNewsSitemap` gives. */
export interface NewsSitemap {
  /**
   * The files to write, in order: `news-sitemap.xml` alone, or the numbered
   * parts and then the `news-sitemap.xml` index that lists them (so an index
   * written last never points at a part not yet written). Empty when no
   * article is left to list: sitemap.xsd wants at least one `url`, so there
   * is no valid empty sitemap.
   */
  files: NewsSitemapFile[]
  /** Entries not listed, sorted by path. */
  left: NewsSitemapLeftOut[]
}

/** An entry as it is listed: every value checked and in its written form. */
interface Listed {
  path: string
  loc: string
  title: string
  language: string
  /** W3C date-time (`2024-03-01T23:00:00-05:00`). */
  date: string
  /** Milliseconds since the epoch. */
  instant: number
}

/** Build the Google News sitemap (and index, when needed) of `entries`. */
export function toNewsSitemap(
  entries: readonly FeedEntry[],
  options: NewsSitemapOptions
): NewsSitemap {
  const now = readDateTime(options.now)
  if (!now) {
    throw new RangeError(
      `Unexpected \`now\` \`${options.now}\`, expected an ISO 8601 date-time with an offset`
    )
  }
  const publicationName = plainText(options.publicationName)
  if (!publicationName) {
    throw new RangeError(
      'Unexpected empty `publicationName`, expected the name Google News shows'
    )
  }
  const maxPerFile = options.maxPerFile ?? newsSitemapMaxPerFile
  if (
    !Number.isInteger(maxPerFile) ||
    maxPerFile < 1 ||
    maxPerFile > newsSitemapMaxPerFile
  ) {
    throw new RangeError(
      `Unexpected \`maxPerFile\` \`${maxPerFile}\`, expected a whole number from 1 to ${newsSitemapMaxPerFile}`
    )
  }
  const folder =
    options.base === undefined ? undefined : baseFolder(options.base)

  const left: NewsSitemapLeftOut[] = []
  const checked: Listed[] = []
  for (const entry of entries) {
    const result = check(entry)
    if ('ruleId' in result) left.push(result)
    else checked.push(result)
  }
  // `newestFirst` is the order of every channel; the written date is the
  // one it compares, so the window below and the order agree.
  checked.sort((a, b) => newestFirst(asEntry(a), asEntry(b)))

  const capacity = folder ? maxPerFile * maxFilesPerIndex : maxPerFile
  const listed: Listed[] = []
  const byUrl = new Map<string, Listed>()
  for (const item of checked) {
    const reason = outsideWindow(item, now)
    if (reason) {
      left.push(reason)
      continue
    }
    const first = byUrl.get(item.loc)
    if (first) {
      left.push({
        path: item.path,
        ruleId: 'duplicate-url',
        reason: `Unexpected second article at \`${item.loc}\`, expected one per URL (\`${first.path}\` is listed)`
      })
      continue
    }
    if (listed.length === capacity) {
      left.push({
        path: item.path,
        ruleId: 'over-limit',
        reason: folder
          ? `Unexpected article beyond the newest ${capacity}, expected at most ${maxFilesPerIndex} sitemaps of ${maxPerFile}`
          : `Unexpected article beyond the newest ${capacity}, expected \`base\` to split the sitemap under an index`
      })
      continue
    }
    byUrl.set(item.loc, item)
    listed.push(item)
  }

  left.sort((a, b) => compare(a.path, b.path) || compare(a.reason, b.reason))
  if (listed.length === 0) return {files: [], left}
  return {files: files(listed, publicationName, maxPerFile, folder), left}
}

/**
 * The `news:language` code Google wants for a BCP 47 tag: the ISO 639
 * language (`en-GB` → `en`), except Chinese, which is `zh-cn` (Simplified)
 * or `zh-tw` (Traditional) by the tag's script, else its region (`zh-Hans`,
 * `zh-CN`, `zh-SG` → `zh-cn`; `zh-Hant`, `zh-TW`, `zh-HK`, `zh-MO` →
 * `zh-tw`), and bare `zh` → `zh-cn` (CLDR's likely script for `zh`).
 * `undefined` for a tag that names no ISO 639 language (`und`, `x-foo`,
 * `english`).
 */
export function toNewsLanguage(tag: string): string | undefined {
  // `en_GB` is a common misspelling of `en-GB`, not another language.
  const match = languageTag.exec(tag.trim().toLowerCase().replaceAll('_', '-'))
  const language = match?.[1]
  if (!match || !language || notALanguage.has(language)) return undefined
  if (language !== 'zh') return language
  const subtags: string[] = []
  // Extensions and private use (`-u-…`, `-x-…`) say nothing of the script.
  for (const subtag of (match[2] ?? '').split('-').slice(1)) {
    if (subtag.length === 1) break
    subtags.push(subtag)
  }
  const script = subtags.find((subtag) => /^[a-z]{4}$/.test(subtag))
  if (script === 'hant') return 'zh-tw'
  if (script === 'hans') return 'zh-cn'
  const region = subtags.find((subtag) => /^(?:[a-z]{2}|\d{3})$/.test(subtag))
  return region && traditionalRegions.has(region) ? 'zh-tw' : 'zh-cn'
}

/** `entry` in its listed form, or why it cannot be listed at all. */
function check(entry: FeedEntry): Listed | NewsSitemapLeftOut {
  const {path} = entry
  const loc = absoluteUrl(entry.url)
  if (!loc) {
    return {
      path,
      ruleId: 'invalid-url',
      reason: `Unexpected URL \`${entry.url}\`, expected an absolute http(s) URL`
    }
  }
  if (loc.length > maxUrlLength) {
    return {
      path,
      ruleId: 'invalid-url',
      reason: `Unexpected URL of ${loc.length} characters, expected at most ${maxUrlLength}`
    }
  }
  const title = plainText(entry.title)
  if (!title) {
    return {
      path,
      ruleId: 'empty-title',
      reason: 'Unexpected empty title, expected the headline'
    }
  }
  if (entry.language === undefined || entry.language.trim() === '') {
    return {
      path,
      ruleId: 'missing-language',
      reason: 'Unexpected missing language, expected a BCP 47 tag'
    }
  }
  const language = toNewsLanguage(entry.language)
  if (!language) {
    return {
      path,
      ruleId: 'invalid-language',
      reason: `Unexpected language \`${entry.language}\`, expected a BCP 47 tag with an ISO 639 language`
    }
  }
  const published = readDateTime(entry.datePublished)
  if (!published) {
    return {
      path,
      ruleId: 'invalid-date',
      reason: `Unexpected date \`${entry.datePublished}\`, expected an ISO 8601 date-time with an offset`
    }
  }
  return {path, loc, title, language, ...published}
}

/** Why `item` is outside the two days up to `now`, or `undefined` when inside. */
function outsideWindow(
  item: Listed,
  now: {date: string; instant: number}
): NewsSitemapLeftOut | undefined {
  if (item.instant > now.instant) {
    return {
      path: item.path,
      ruleId: 'in-future',
      reason: `Unexpected publication date \`${item.date}\`, expected none after \`now\` (\`${now.date}\`)`
    }
  }
  // Exactly two days before `now` is still "in the last two days".
  if (item.instant < now.instant - twoDays) {
    return {
      path: item.path,
      ruleId: 'too-old',
      reason: `Unexpected publication date \`${item.date}\`, expected one in the two days before \`now\` (\`${now.date}\`)`
    }
  }
  return undefined
}

/** The files for the listed entries (newest first), split when needed. */
function files(
  listed: Listed[],
  publicationName: string,
  maxPerFile: number,
  folder: URL | undefined
): NewsSitemapFile[] {
  if (!folder || listed.length <= maxPerFile) {
    return [
      {
        name: newsSitemapName,
        xml: serialize(urlset(listed, publicationName))
      }
    ]
  }
  const parts: NewsSitemapFile[] = []
  const index: Element[] = []
  for (let start = 0; start < listed.length; start += maxPerFile) {
    const part = listed.slice(start, start + maxPerFile)
    const name = newsSitemapPartName(parts.length + 1)
    parts.push({name, xml: serialize(urlset(part, publicationName))})
    index.push(
      x('sitemap', [
        x('loc', new URL(name, folder).href),
        // The parts are newest first: the first date is the newest.
        part[0] ? x('lastmod', part[0].date) : undefined
      ])
    )
  }
  const root = x('sitemapindex', {xmlns: sitemapNamespace}, index)
  return [...parts, {name: newsSitemapName, xml: serialize(root)}]
}

/** The `urlset` of `listed`, in the order sitemap.xsd and Google's documentation fix. */
function urlset(listed: Listed[], publicationName: string): Element {
  return x(
    'urlset',
    {xmlns: sitemapNamespace, 'xmlns:news': newsNamespace},
    listed.map((item) =>
      x('url', [
        x('loc', item.loc),
        x('news:news', [
          x('news:publication', [
            x('news:name', publicationName),
            x('news:language', item.language)
          ]),
          x('news:publication_date', item.date),
          x('news:title', item.title)
        ])
      ])
    )
  )
}

/**
 * XML text of a sitemap document: declaration, element-only content
 * indented, final newline. Every element here holds either elements or
 * text, never both, so indenting changes no value.
 */
function serialize(root: Element): string {
  return xmlDocument(root, {
    encoding: 'UTF-8',
    elementOnly: (element) =>
      element.children.some((child) => child.type === 'element')
  })
}

/** The folder URL of `base`, with a final `/`; throws for a bad one. */
function baseFolder(base: string): URL {
  const url = URL.canParse(base) ? new URL(base) : undefined
  if (
    !url ||
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    url.search ||
    url.hash
  ) {
    throw new RangeError(
      `Unexpected \`base\` \`${base}\`, expected an absolute http(s) URL of a folder`
    )
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/'
  return url
}

/**
 * `value` as an absolute http(s) URL in its serialized form (host in
 * punycode, path and query percent-encoded, as sitemaps.org asks), or
 * `undefined`.
 */
function absoluteUrl(value: string): string | undefined {
  const trimmed = value.trim()
  if (!URL.canParse(trimmed)) return undefined
  const url = new URL(trimmed)
  return url.protocol === 'http:' || url.protocol === 'https:'
    ? url.href
    : undefined
}

/**
 * An ISO 8601 date-time with offset in the form xsd:dateTime and W3C
 * datetime both take (`T` and `Z` upper case, seconds written), with the
 * offset and the clock time as written, and its instant; `undefined` for no
 * date-time, an impossible one (`2024-02-30`) or one without an offset.
 */
function readDateTime(
  value: string
): {date: string; instant: number} | undefined {
  const parts = parseDateTime(value.trim())
  return parts && {date: parts.normalized, instant: parts.instant}
}

/** `value` without XML-illegal characters and with white space runs collapsed. */
function plainText(value: string): string {
  return value
    .replace(xmlIllegalCharacter, '')
    .replace(/[\t\n\r ]+/g, ' ')
    .trim()
}

/** A `FeedEntry` as `newestFirst` reads one: its path and written date. */
function asEntry(item: Listed): FeedEntry {
  return {
    path: item.path,
    id: item.loc,
    url: item.loc,
    title: item.title,
    body: [],
    authors: [],
    datePublished: item.date,
    keywords: []
  }
}

/** Code-unit order, the same everywhere (unlike `localeCompare`). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
