// Writes the whole-build channels from the entries `channels.ts` collected:
// `feed.atom`, `feed.rss`, `feed.json` and `news-sitemap.xml` (with its parts
// when split) at the top of the output folder. A file whose bytes did not
// change is not rewritten; parts a smaller sitemap no longer needs are
// removed. No clock: the feeds' dates come from the newest article, and the
// sitemap's reference time, unless given, is the newest publication date.
// ruleIds (on the report of the file concerned): `news-sitemap-left-out`
// (warning: an article the sitemap cannot list), `no-publication-name`
// (info: no news sitemap without a publication name), `write-error` (fatal:
// a channel file that is not a plain file or cannot be written; the other
// channels are still written), `no-feed-entry`
// (info, on the output folder: articles left out of every channel for want
// of a URL or a date; when none has both, no channel is written),
// `empty-news-sitemap` (info: no article in the window, no sitemap), and
// `internal-error` (a bug).
import {lstatSync, readdirSync, readFileSync, rmSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import type {FeedChannel, FeedEntry} from '../emit/feed-entry.js'
import {
  configName,
  feedFileNames,
  isNewsSitemapPart,
  newsSitemapName
} from '../emit/output-names.js'
import {toAtom, toJsonFeed, toRss} from '../emit/to-feeds.js'
import {toNewsSitemap} from '../emit/to-news-sitemap.js'
import {fail, failInternal} from '../messages.js'
import type {Config} from '../types.js'
import type {CollectedEntries} from './channels.js'
import {codeOf, writeAtomic} from './files.js'

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
  const {settings, feed, recent, newest, without} = collected
  const files: VFile[] = []
  const written: string[] = []
  const present: string[] = []
  const report = (file: VFile) => {
    if (file.messages.length > 0) files.push(file)
  }
  /**
   * Write `text` to the channel file `name` unless it holds it already; a
   * failure is that channel's error, never the build's.
   */
  const put = (file: VFile, name: string, text: string) => {
    const target = path.join(outputRoot, name)
    try {
      // Only a plain file is read or replaced: never a link out of the
      // folder, a FIFO (reading it would hang) or a folder.
      const info = lstatSync(target, {throwIfNoEntry: false})
      if (info && !info.isFile()) {
        throw Object.assign(new Error(`not a file: ${target}`), {
          code: info.isDirectory() ? 'EISDIR' : 'EEXIST'
        })
      }
      if (!info || readFileSync(target, 'utf8') !== text) {
        writeAtomic(target, text)
        written.push(display(name))
      }
      present.push(name)
    } catch (error) {
      fail(
        file,
        `Unexpected write failure (${codeOf(error)}), expected \`${name}\` to be a file copydesk can write in the output folder`,
        'write-error'
      )
    }
  }
  /** Run one channel: what it throws is reported on its file (a bug). */
  const channelFile = (name: string, run: (file: VFile) => void) => {
    const file = new VFile({path: display(name)})
    try {
      run(file)
    } catch (error) {
      failInternal(file, error)
    }
    report(file)
  }

  if (without.count > 0) {
    const file = new VFile({path: display('.')})
    const named = without.paths.map((name) => `\`${name}\``).join(', ')
    const more = without.count - without.paths.length
    file.info(
      `Unexpected ${without.count === 1 ? 'article' : `${without.count} articles`} without a URL (\`url\` in the sidecar or \`baseUrl\` in the config) or \`datePublished\`: ${named}${more > 0 ? ` and ${more} more` : ''}, expected both for the feeds and the news sitemap; left out of them${newest ? '' : ', and no channel written'}`,
      {ruleId: 'no-feed-entry', source}
    )
    report(file)
  }
  if (!newest) {
    // A sitemap an earlier build wrote would list old news.
    if (settings.newsSitemap) removeSitemap(outputRoot, new Set())
    return {files, written, present}
  }

  const channel = feedChannel(config, newest)
  const limit = {limit: settings.length}
  const feeds = [
    [settings.atom, feedFileNames.atom, toAtom],
    [settings.rss, feedFileNames.rss, toRss],
    [settings.json, feedFileNames.json, toJsonFeed]
  ] as const
  for (const [on, name, render] of feeds) {
    if (on)
      channelFile(name, (file) => put(file, name, render(feed, channel, limit)))
  }
  if (!settings.newsSitemap) return {files, written, present}

  channelFile(newsSitemapName, (file) => {
    const publicationName =
      config.newsSitemap?.publicationName ?? channel.publisher
    if (publicationName === undefined) {
      file.info(
        `Unexpected news sitemap without a publication name, expected \`publisher.name\` or \`newsSitemap.publicationName\` in \`${configName}\`; not written`,
        {ruleId: 'no-publication-name', source}
      )
      removeSitemap(outputRoot, new Set())
      return
    }
    const now = settings.now ?? newest.datePublished
    const sitemap = toNewsSitemap(recent, {
      now,
      publicationName,
      base: channel.base
    })
    for (const left of sitemap.left) {
      // Old news is expected, not worth a line each.
      if (left.ruleId === 'too-old' || left.ruleId === 'in-future') continue
      file.message(`\`${left.path}\`: ${left.reason}`, {
        ruleId: 'news-sitemap-left-out',
        source
      })
    }
    const names = new Set(sitemap.files.map((part) => part.name))
    if (names.size === 0) {
      // No valid empty sitemap exists, and a stale one would list old news.
      file.info(
        `Unexpected news sitemap without an article published in the two days before ${now}, expected at least one; \`${newsSitemapName}\` not written, and one an earlier build wrote removed`,
        {ruleId: 'empty-news-sitemap', source}
      )
    }
    for (const part of sitemap.files) put(file, part.name, part.xml)
    removeSitemap(outputRoot, names)
  })
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

/**
 * Remove the news sitemap files of earlier builds that `keep` does not name:
 * parts a smaller sitemap no longer needs, or the whole sitemap when there
 * is none now. Only plain files: a folder of that name is left alone.
 */
function removeSitemap(outputRoot: string, keep: ReadonlySet<string>) {
  let names: string[]
  try {
    names = readdirSync(outputRoot)
  } catch {
    return
  }
  for (const name of names) {
    if (keep.has(name)) continue
    if (name !== newsSitemapName && !isNewsSitemapPart(name)) continue
    const target = path.join(outputRoot, name)
    try {
      if (lstatSync(target).isFile()) rmSync(target, {force: true})
    } catch {
      // Gone already, or not ours to remove.
    }
  }
}
