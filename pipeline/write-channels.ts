// Writes the whole-build channels from the entries `channels.ts` collected:
// `feed.atom`, `feed.rss`, `feed.json` and `news-sitemap.xml` (with its parts
// when split) at the top of the output folder. A file whose bytes did not
// change is not rewritten; parts a smaller sitemap no longer needs are
// removed. No clock: the feeds' dates come from the newest article, and the
// sitemap's reference time, unless given, is the newest publication date.
// ruleIds (on the report of the file concerned): `news-sitemap-left-out`
// (warning: an article the sitemap cannot list), `no-publication-name`
// (warning: no news sitemap without a publication name), `no-feed-entry`
// (info, on the output folder: articles left out of every channel for want
// of a URL or a date; when none has both, no channel is written),
// `empty-news-sitemap` (info: no article in the window, no sitemap), and
// `internal-error` (a bug).
import {existsSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {failInternal, writeAtomic} from './build-shared.js'
import type {CollectedEntries} from './channels.js'
import type {FeedChannel, FeedEntry} from './feed-entry.js'
import {
  feedFileNames,
  isNewsSitemapPart,
  newsSitemapName
} from './output-names.js'
import {toAtom, toJsonFeed, toRss} from './to-feeds.js'
import {toNewsSitemap} from './to-news-sitemap.js'
import type {Config} from './types.js'

const source = 'copydesk'

/**
 * Write every channel that changed into `outputRoot`. `display` turns a
 * name in the output folder into the path reports give. Returns the reports
 * that have messages, the display paths written, and the names of the
 * channel files the output folder now holds (written now or unchanged).
 */
export function writeChannels(
  config: Config,
  collected: CollectedEntries,
  outputRoot: string,
  display: (name: string) => string
): {files: VFile[]; written: string[]; present: string[]} {
  const {settings, feed, recent, newest} = collected
  const files: VFile[] = []
  const written: string[] = []
  const present: string[] = []
  const put = (name: string, text: string) => {
    const target = path.join(outputRoot, name)
    present.push(name)
    if (readIfFile(target) === text) return
    writeAtomic(target, text)
    written.push(display(name))
  }
  const {without} = collected
  if (without.count > 0) {
    const file = new VFile({path: display('.')})
    const named = without.paths.map((name) => `\`${name}\``).join(', ')
    const more = without.count - without.paths.length
    file.info(
      `Unexpected ${without.count === 1 ? 'article' : `${without.count} articles`} without a URL (\`url\` in the sidecar or \`baseUrl\` in the config) or \`datePublished\`: ${named}${more > 0 ? ` and ${more} more` : ''}, expected both for the feeds and the news sitemap; left out of them${newest ? '' : ', and no channel written'}`,
      {ruleId: 'no-feed-entry', source}
    )
    files.push(file)
  }
  if (!newest) return {files, written, present}

  const channel = feedChannel(config, newest)
  const limit = {limit: settings.length}
  if (settings.atom) put(feedFileNames.atom, toAtom(feed, channel, limit))
  if (settings.rss) put(feedFileNames.rss, toRss(feed, channel, limit))
  if (settings.json) put(feedFileNames.json, toJsonFeed(feed, channel, limit))
  if (!settings.newsSitemap) return {files, written, present}

  const file = new VFile({path: display(newsSitemapName)})
  const publicationName =
    config.newsSitemap?.publicationName ?? channel.publisher
  if (publicationName === undefined) {
    file.message(
      'Unexpected news sitemap without a publication name, expected `publisher.name` or `newsSitemap.publicationName` in `copydesk.config.json`; not written',
      {ruleId: 'no-publication-name', source}
    )
  } else {
    const now = settings.now ?? newest.datePublished
    let sitemap: ReturnType<typeof toNewsSitemap> | undefined
    try {
      sitemap = toNewsSitemap(recent, {
        now,
        publicationName,
        base: channel.base
      })
    } catch (error) {
      // The config schema and `--now` rule out what the emitter refuses.
      failInternal(file, error)
    }
    for (const left of sitemap?.left ?? []) {
      // Old news is expected, not worth a line each.
      if (left.ruleId === 'too-old' || left.ruleId === 'in-future') continue
      file.message(`\`${left.path}\`: ${left.reason}`, {
        ruleId: 'news-sitemap-left-out',
        source
      })
    }
    const names = new Set<string>()
    for (const part of sitemap?.files ?? []) {
      names.add(part.name)
      put(part.name, part.xml)
    }
    if (sitemap && names.size === 0) {
      // No valid empty sitemap exists, and a stale one would list old news.
      file.info(
        `Unexpected news sitemap without an article published in the two days before ${now}, expected at least one; \`${newsSitemapName}\` not written${existsSync(path.join(outputRoot, newsSitemapName)) ? ', and the one an earlier build wrote removed' : ''}`,
        {ruleId: 'empty-news-sitemap', source}
      )
      rmSync(path.join(outputRoot, newsSitemapName), {force: true})
    }
    if (sitemap) removeStaleParts(outputRoot, names)
  }
  if (file.messages.length > 0) files.push(file)
  return {files, written, present}
}

/** What the feeds say of themselves: config first, then the newest article. */
function feedChannel(config: Config, newest: FeedEntry): FeedChannel {
  const feeds = config.feeds ?? {}
  const link =
    feeds.url ?? config.publisher?.url ?? config.baseUrl ?? siteOf(newest.url)
  const publisher = config.publisher?.name ?? newest.publisher
  const base = feeds.base ?? config.baseUrl
  const channel: FeedChannel = {
    title: feeds.title ?? publisher ?? new URL(link).host,
    link
  }
  if (base !== undefined) channel.base = base.endsWith('/') ? base : `${base}/`
  if (feeds.description !== undefined) channel.description = feeds.description
  if (config.language !== undefined) channel.language = config.language
  if (publisher !== undefined) channel.publisher = publisher
  return channel
}

/** The home page of the site an article URL is on. */
function siteOf(url: string): string {
  return new URL('/', url).href
}

function readIfFile(target: string): string | undefined {
  try {
    return readFileSync(target, 'utf8')
  } catch {
    return undefined
  }
}

/** A split sitemap that now needs fewer parts leaves none of the old ones. */
function removeStaleParts(outputRoot: string, current: ReadonlySet<string>) {
  let names: string[]
  try {
    names = readdirSync(outputRoot)
  } catch {
    return
  }
  for (const name of names) {
    if (isNewsSitemapPart(name) && !current.has(name)) {
      rmSync(path.join(outputRoot, name), {force: true})
    }
  }
}
