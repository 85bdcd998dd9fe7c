// The whole-build channels: the Atom, RSS and JSON feeds and the Google News
// sitemap, written to the output folder after the last article from the
// `FeedEntry` of every article of the build (built now or served from the
// cache). Entries are collected as they come, so memory stays bounded: the
// newest `feeds.length` for the feeds, and for the sitemap only those within
// two days of its reference time. This module is light (the main thread
// loads it for every build); `write-channels.ts` serializes and writes.

import {
  type ChannelSettings,
  channelSettings
} from '../emit/channel-settings.js'
import {twoDays} from '../emit/date-time.js'
import {type FeedEntry, newestFirst} from '../emit/feed-entry.js'
import type {Config} from '../types.js'

/** Articles without an entry named in the report; the rest are counted. */
const namedWithout = 5

/** The build's entries as the channels need them, collected as they come. */
export interface CollectedEntries {
  settings: ChannelSettings
  /** At least the newest `settings.length` entries, when a feed is on. */
  feed: FeedEntry[]
  /**
   * The entries the news sitemap may list, without their bodies (none when
   * it has no publication name).
   */
  recent: FeedEntry[]
  /** The newest entry of the build. */
  newest: FeedEntry | undefined
  /** How many articles had no entry (no URL or no date), and the first few. */
  without: {count: number; paths: string[]}
}

/** Collects the build's entries for `write-channels.ts`. */
export interface ChannelCollector {
  add(entry: FeedEntry): void
  /** An article built without an entry: it has no URL or no date. */
  skip(path: string): void
  collected(): CollectedEntries
}

/** Collect the build's entries as `config` asks, for `write-channels.ts`. */
export function collectChannels(
  config: Config,
  now?: string | undefined
): ChannelCollector {
  const settings = channelSettings(config, now)
  const fixedNow =
    settings.now === undefined ? undefined : Date.parse(settings.now)
  let feed: FeedEntry[] = []
  let recent: FeedEntry[] = []
  let newest: FeedEntry | undefined
  let pruneAt = 64
  const without = {count: 0, paths: [] as string[]}

  return {
    add(entry) {
      if (!newest || newestFirst(entry, newest) < 0) newest = entry
      if (settings.atom || settings.rss || settings.json) {
        feed.push(entry)
        if (feed.length >= settings.length * 2) {
          feed = newestByUrl(feed, settings.length)
        }
      }
      if (!settings.newsSitemap || settings.publicationName === undefined) {
        return
      }
      // The body is not in a sitemap: keep the rest only.
      const light = {...entry, body: []}
      if (fixedNow !== undefined) {
        if (inWindow(light, fixedNow)) recent.push(light)
        return
      }
      recent.push(light)
      if (recent.length >= pruneAt) {
        const reference = Date.parse(newest.datePublished)
        recent = recent.filter((item) => inWindow(item, reference))
        pruneAt = Math.max(64, recent.length * 2)
      }
    },

    skip(path) {
      without.count++
      if (without.paths.length < namedWithout) without.paths.push(path)
    },

    collected() {
      return {settings, feed, recent, newest, without}
    }
  }
}

/** The newest `length` entries, one per URL, as the feeds will list them. */
function newestByUrl(entries: FeedEntry[], length: number): FeedEntry[] {
  const urls = new Set<string>()
  return entries
    .sort(newestFirst)
    .filter((item) => {
      if (urls.has(item.url)) return false
      urls.add(item.url)
      return true
    })
    .slice(0, length)
}

/** Whether `entry` was published in the two days up to `reference`. */
function inWindow(entry: FeedEntry, reference: number): boolean {
  const time = Date.parse(entry.datePublished)
  return time >= reference - twoDays && time <= reference
}
