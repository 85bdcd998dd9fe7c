// Writes the build report's whole-build files after the last article and
// the channels: `report/index.html` (rendered by `report/index-page.ts`
// from the rows `report-rows.ts` collected) and `report/report.css`, each
// atomically and only when its bytes changed. The articles' pages are
// their own outputs (`build-article.ts`). Which articles the feeds and the
// news sitemap list is worked out here from the entries the channels were
// written from, as `write-channels.ts` selects them. Both files are in the
// output folder's manifest (`output-folder.ts`), so that a build with the
// report off removes them with the other orphans. ruleIds: `write-error`
// (fatal, on the index: the report could not be written; the outputs are).
import path from 'node:path'
import {VFile} from 'vfile'
import {newestFirst} from '../emit/feed-entry.js'
import {toNewsSitemap} from '../emit/to-news-sitemap.js'
import {fail} from '../messages.js'
import {type IndexInput, renderIndexPage} from '../report/index-page.js'
import {
  reportFolder,
  reportIndexName,
  reportStylesheetName
} from '../report/report-names.js'
import {reportStylesheet} from '../report/report-style.js'
import type {Config} from '../types.js'
import type {CollectedEntries} from './channels.js'
import {codeOf, writeIfChanged} from './files.js'
import {removeTemporaries} from './temporaries.js'

/** What writing the report did. */
export interface ReportWritten {
  /** The reports that have messages. */
  files: VFile[]
  /** Display paths written. */
  written: string[]
}

/** The articles each channel lists, by input path. */
export interface ChannelMembers {
  feeds: ReadonlySet<string>
  newsSitemap: ReadonlySet<string>
}

/**
 * Which articles the feeds and the news sitemap list, from the entries
 * they are written from: the newest `length` with one per URL for the
 * feeds, and for the sitemap those `toNewsSitemap` does not leave out.
 */
export function channelMembers(
  config: Config,
  collected: CollectedEntries
): ChannelMembers {
  const {settings, newest} = collected
  const feeds = new Set<string>()
  const urls = new Set<string>()
  for (const entry of [...collected.feed].sort(newestFirst)) {
    if (feeds.size === settings.length) break
    if (urls.has(entry.url)) continue
    urls.add(entry.url)
    feeds.add(entry.path)
  }
  const newsSitemap = new Set<string>()
  if (newest && settings.newsSitemap && settings.publicationName) {
    try {
      const base = config.feeds?.base ?? config.baseUrl
      const sitemap = toNewsSitemap(collected.recent, {
        now: settings.now ?? newest.datePublished,
        publicationName: settings.publicationName,
        ...(base === undefined
          ? {}
          : {base: base.endsWith('/') ? base : `${base}/`})
      })
      const left = new Set(sitemap.left.map((item) => item.path))
      // No file, no sitemap: every entry was left out.
      if (sitemap.files.length > 0) {
        for (const entry of collected.recent) {
          if (!left.has(entry.path)) newsSitemap.add(entry.path)
        }
      }
    } catch {
      // A reference time the sitemap refuses: `write-channels` reports it.
    }
  }
  return {feeds, newsSitemap}
}

/**
 * Write the index and the stylesheet of the report into `outputRoot`;
 * `display` turns a name in the output folder into the path reports give.
 */
export async function writeReport(options: {
  outputRoot: string
  display: (name: string) => string
  index: IndexInput
}): Promise<ReportWritten> {
  const {outputRoot, display} = options
  const done: ReportWritten = {files: [], written: []}
  // No other build writes this folder: its temporaries are a dead build's.
  await removeTemporaries(path.join(outputRoot, reportFolder), [
    '.html',
    '.css'
  ])
  const file = new VFile({path: display(reportIndexName)})
  try {
    for (const [name, text] of [
      [reportStylesheetName, reportStylesheet],
      [reportIndexName, renderIndexPage(options.index)]
    ] as const) {
      if (writeIfChanged(path.join(outputRoot, name), text)) {
        done.written.push(display(name))
      }
    }
  } catch (error) {
    fail(
      file,
      `Unexpected write failure (${codeOf(error)}), expected \`${reportFolder}/\` to be a folder copydesk can write in the output folder; the report's index is not written`,
      'write-error'
    )
    done.files.push(file)
  }
  return done
}
