// Writes the whole-build channels from the entries `channels.ts` collected:
// `feed.atom`, `feed.rss`, `feed.json` and `news-sitemap.xml` (with its parts
// when split) at the top of the output folder. A file whose bytes did not
// change is not rewritten; parts a smaller sitemap no longer needs are
// removed. No clock: the feeds' dates come from the newest article, and the
// sitemap's reference time, unless given, is the newest publication date.
// ruleIds (on the report of the file concerned): `news-sitemap-left-out`
// (warning: an article the sitemap cannot list), `no-publication-name`
// (info, once a build: no news sitemap when the config names no
// publication), `write-error` (fatal: a channel file that is not a plain
// file or cannot be written; the other channels are still written),
// `no-feed-entry`
// (info, on the output folder: articles left out of every channel for want
// of a URL or a date; when none has both, no channel is written),
// `empty-news-sitemap` (info: no article in the window, no sitemap), and
// `internal-error` (a bug).
import {lstatSync, readdirSync, rmSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {configuredPublisher} from '../emit/channel-settings.js'
import type {FeedChannel, FeedEntry} from '../emit/feed-entry.js'
import {
  configName,
  feedFileNames,
  isNewsSitemapPart,
  newsSitemapName
} from '../emit/output-names.js'
import {toAtom, toJsonFeed, toRss} from '../emit/to-feeds.js'
import {
  type NewsSitemapLeftOut,
  toNewsSitemap
} from '../emit/to-news-sitemap.js'
import {fail, failInternal} from '../messages.js'
import type {Config} from '../types.js'
import type {CollectedEntries} from './channels.js'
import {codeOf, writeIfChanged} from './files.js'

const source = 'copydesk'

/** What writing the channels did. */
export interface ChannelsWritten {
  /** The reports that have messages. */
  files: VFile[]
  /** The display paths written. */
  written: string[]
  /** The channel files the output folder now holds (written or unchanged). */
  present: string[]
}

/**
 * Write every channel that changed into `outputRoot`. `display` turns a
 * name in the output folder into the path reports give.
 */
export function writeChannels(
  config: Config,
  collected: CollectedEntries,
  outputRoot: string,
  display: (name: string) => string
): ChannelsWritten {
  const writer = channelWriter(outputRoot, display)
  reportArticlesWithout(writer, collected)
  const {settings, newest} = collected
  if (!newest) {
    // A sitemap an earlier build wrote would list old news.
    if (settings.newsSitemap) removeSitemap(outputRoot, new Set())
    return writer.done
  }
  const channel = feedChannel(config, newest)
  writeFeeds(writer, collected, channel)
  if (settings.newsSitemap) {
    writeNewsSitemap(writer, channel, {
      publicationName: settings.publicationName,
      recent: collected.recent,
      now: settings.now ?? newest.datePublished
    })
  }
  return writer.done
}

/** Writes channel files into the output folder, gathering what it did. */
interface ChannelWriter {
  outputRoot: string
  display: (name: string) => string
  /** The reports, the files written and present so far. */
  done: ChannelsWritten
  /** Keep `file` in the report when it has messages. */
  report(file: VFile): void
  /**
   * Write `text` to the channel file `name` unless it holds it already; a
   * failure is that channel's error (on `file`), never the build's.
   */
  put(file: VFile, name: string, text: string): void
  /** Run one channel on its file: what it throws is reported there (a bug). */
  channel(name: string, run: (file: VFile) => void): void
}

/** A writer of channel files into `outputRoot`. */
function channelWriter(
  outputRoot: string,
  display: (name: string) => string
): ChannelWriter {
  const done: ChannelsWritten = {files: [], written: [], present: []}
  const writer: ChannelWriter = {
    outputRoot,
    display,
    done,
    report(file) {
      if (file.messages.length > 0) done.files.push(file)
    },
    put(file, name, text) {
      const target = path.join(outputRoot, name)
      try {
        if (writeIfChanged(target, text)) done.written.push(display(name))
        done.present.push(name)
      } catch (error) {
        fail(
          file,
          `Unexpected write failure (${codeOf(error)}), expected \`${name}\` to be a file copydesk can write in the output folder`,
          'write-error'
        )
      }
    },
    channel(name, run) {
      const file = new VFile({path: display(name)})
      try {
        run(file)
      } catch (error) {
        failInternal(file, error)
      }
      writer.report(file)
    }
  }
  return writer
}

/** Say, on the output folder, which articles no channel can list. */
function reportArticlesWithout(
  writer: ChannelWriter,
  collected: CollectedEntries
): void {
  const {without, newest} = collected
  if (without.count === 0) return
  const file = new VFile({path: writer.display('.')})
  const named = without.paths.map((name) => `\`${name}\``).join(', ')
  const more = without.count - without.paths.length
  file.info(
    `Unexpected ${without.count === 1 ? 'article' : `${without.count} articles`} without a URL (\`url\` in the sidecar or \`baseUrl\` in the config) or \`datePublished\`: ${named}${more > 0 ? ` and ${more} more` : ''}, expected both for the feeds and the news sitemap; left out of them${newest ? '' : ', and no channel written'}`,
    {ruleId: 'no-feed-entry', source}
  )
  writer.report(file)
}

/** Write the feeds that are on: Atom, RSS, JSON Feed. */
function writeFeeds(
  writer: ChannelWriter,
  collected: CollectedEntries,
  channel: FeedChannel
): void {
  const {settings, feed} = collected
  const limit = {limit: settings.length}
  const feeds = [
    [settings.atom, feedFileNames.atom, toAtom],
    [settings.rss, feedFileNames.rss, toRss],
    [settings.json, feedFileNames.json, toJsonFeed]
  ] as const
  for (const [on, name, render] of feeds) {
    if (!on) continue
    writer.channel(name, (file) =>
      writer.put(file, name, render(feed, channel, limit))
    )
  }
}

/**
 * Write the news sitemap (split in parts when long) and remove the parts
 * an earlier, longer one left; none without a publication name or without
 * an article in its window.
 */
function writeNewsSitemap(
  writer: ChannelWriter,
  channel: FeedChannel,
  window: {
    publicationName: string | undefined
    recent: readonly FeedEntry[]
    now: string
  }
): void {
  const {publicationName, recent, now} = window
  writer.channel(newsSitemapName, (file) => {
    if (publicationName === undefined) {
      // Said once, for the build: the articles' own publishers are never
      // used, as a build may mix sources under one `news:name`.
      file.info(
        `Unexpected news sitemap without a publication name, expected \`newsSitemap.publicationName\` or \`publisher.name\` in \`${configName}\` (an article's own publisher is not the publication's name); not written`,
        {ruleId: 'no-publication-name', source}
      )
      removeSitemap(writer.outputRoot, new Set())
      return
    }
    const sitemap = toNewsSitemap(recent, {
      now,
      publicationName,
      base: channel.base
    })
    reportLeftOut(file, sitemap.left)
    const names = new Set(sitemap.files.map((part) => part.name))
    if (names.size === 0) {
      // No valid empty sitemap exists, and a stale one would list old news.
      file.info(
        `Unexpected news sitemap without an article published in the two days before ${now}, expected at least one; \`${newsSitemapName}\` not written, and one an earlier build wrote removed`,
        {ruleId: 'empty-news-sitemap', source}
      )
    }
    for (const part of sitemap.files) writer.put(file, part.name, part.xml)
    removeSitemap(writer.outputRoot, names)
  })
}

/** Warn about the articles the sitemap cannot list, but old news. */
function reportLeftOut(file: VFile, left: readonly NewsSitemapLeftOut[]): void {
  for (const item of left) {
    // Old news is expected, not worth a line each.
    if (item.ruleId === 'too-old' || item.ruleId === 'in-future') continue
    file.message(`\`${item.path}\`: ${item.reason}`, {
      ruleId: 'news-sitemap-left-out',
      source
    })
  }
}

/**
 * What the feeds say of themselves, from the config: never an article's
 * publisher (a build may mix sources). Only the link falls back to the site
 * of the newest article's URL.
 */
function feedChannel(config: Config, newest: FeedEntry): FeedChannel {
  const feeds = config.feeds ?? {}
  const link =
    feeds.url ?? config.publisher?.url ?? config.baseUrl ?? siteOf(newest.url)
  const publisher = configuredPublisher(config)
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
