// Names of files copydesk writes, in one place: the ninjs suffixes, and the
// files the whole-build channels write at the top of the output folder (the
// emitters give them as their own addresses, Atom `rel="self"` and the
// sitemap index's `loc`; the build keeps articles' outputs off them).

/** The project config, at the project root. */
export const configName = 'copydesk.config.json'

/** Suffix of an article's ninjs output (the `default` ninjs profile's). */
export const ninjsSuffix = '.ninjs.json'

/** Suffix of ninjs profile `name` when the profile names none of its own. */
export function ninjsProfileSuffix(name: string): string {
  return `.${name}${ninjsSuffix}`
}

/** The feeds, under the names their self links give. */
export const feedFileNames = {
  atom: 'feed.atom',
  rss: 'feed.rss',
  json: 'feed.json'
} as const

/** The news sitemap, or its index when the articles need several files. */
export const newsSitemapName = 'news-sitemap.xml'

/** Part `number` (from 1) of a news sitemap split under an index. */
export function newsSitemapPartName(number: number): string {
  return `news-sitemap-${number}.xml`
}

/** Whether `name` is a part of a split news sitemap (`news-sitemap-2.xml`). */
export function isNewsSitemapPart(name: string): boolean {
  return /^news-sitemap-\d+\.xml$/.test(name)
}
