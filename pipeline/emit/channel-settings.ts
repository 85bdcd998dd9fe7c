// Which whole-build channels (the Atom, RSS and JSON feeds, the Google News
// sitemap) a config turns on, and the file names they may take at the top
// of the output folder. Pure: the emitters, the collision check and the
// build read the same answer.
import type {Config} from '../types.js'
import {
  feedFileNames,
  isNewsSitemapPart,
  newsSitemapName
} from './output-names.js'
import {xmlIllegalCharacter} from './xml-characters.js'

/** Entries per feed when the config does not say. */
const defaultFeedLength = 20
/** Which channels a config turns on, with their settings. */
export interface ChannelSettings {
  atom: boolean
  rss: boolean
  json: boolean
  length: number
  newsSitemap: boolean
  /** Reference time of the news sitemap, when given. */
  now: string | undefined
  /**
   * `news:name`: `newsSitemap.publicationName`, else `publisher.name`, from
   * the config only (a build may mix sources, so no article's publisher
   * names the publication); without one, no news sitemap is written.
   */
  publicationName: string | undefined
}

export function channelSettings(
  config: Config,
  now?: string | undefined
): ChannelSettings {
  const feeds = config.feeds ?? {}
  const sitemap = config.newsSitemap ?? {}
  return {
    atom: feeds.atom ?? true,
    rss: feeds.rss ?? true,
    json: feeds.json ?? true,
    length: feeds.length ?? defaultFeedLength,
    newsSitemap: sitemap.enabled ?? true,
    now: now ?? sitemap.now,
    publicationName:
      named(sitemap.publicationName) ?? configuredPublisher(config)
  }
}

/**
 * The publisher's name as the config gives it (`publisher.name`), when it
 * has text: the channels' only publisher, never an article's.
 */
export function configuredPublisher(config: Config): string | undefined {
  return named(config.publisher?.name)
}

/** `name` when something but white space and XML-illegal characters is left. */
function named(name: string | undefined): string | undefined {
  return name?.replace(xmlIllegalCharacter, '').trim() ? name : undefined
}

/** Whether any channel is on: only then do articles make feed entries. */
export function wantsFeedEntries(config: Config): boolean {
  const settings = channelSettings(config)
  return settings.atom || settings.rss || settings.json || settings.newsSitemap
}

/**
 * The names the channels may write in the output folder, lower-cased: an
 * article's output must not take one.
 */
export function channelFileNames(config: Config): string[] {
  const settings = channelSettings(config)
  const names: string[] = []
  if (settings.atom) names.push(feedFileNames.atom)
  if (settings.rss) names.push(feedFileNames.rss)
  if (settings.json) names.push(feedFileNames.json)
  if (settings.newsSitemap) names.push(newsSitemapName)
  return names
}

/**
 * A test of whether a name, at the top of the output folder, is a channel's
 * file (any case, sitemap parts included): worked out once per build.
 */
export function channelFileTest(config: Config): (name: string) => boolean {
  const names = new Set(channelFileNames(config))
  const parts = channelSettings(config).newsSitemap
  return (name) => {
    const lower = name.toLowerCase()
    return names.has(lower) || (parts && isNewsSitemapPart(lower))
  }
}
