// What passes between the build, its worker threads and the build cache for
// one article: the task (everything read from disk already), the settings
// every article shares, and the result (reports as plain data, files
// written). Types only, so that every module of the build can share them.
import type {FeedEntry} from '../emit/feed-entry.js'
import type {ArticleSummary} from '../report/article-page.js'
import type {Config} from '../types.js'
import type {PlainFile} from './vfile-transfer.js'

/** One article to build, with everything read from disk already. */
export interface ArticleTask {
  /** Path relative to its input root, `/`-separated: the story id and URL. */
  relative: string
  /** Path as reported: relative to the project, `/`-separated. */
  display: string
  /** Output path without suffix, relative to the output folder. */
  stem: string
  bytes: Uint8Array
  /** The sidecar's reported path and text, when the article has one. */
  sidecar?: {display: string; text: string} | undefined
  /**
   * Where and under which key to record the result in the build cache,
   * and the key of the files' stamps when they can be trusted (see
   * `read-article`).
   */
  cache?:
    | {location: string; key: string; stampKey?: string | undefined}
    | undefined
}

/** What every article of a build shares. */
export interface BuildSettings {
  cwd: string
  /** Absolute output folder. */
  outputRoot: string
  config: Config
  /**
   * Write each article's report page (`report/articles/<stem>.html`) with
   * its outputs, and keep what the report's index shows of it.
   */
  report: boolean
}

/** A file written, as the cache checks it later. */
export interface WrittenFile {
  /** Relative to the output folder, `/`-separated. */
  path: string
  size: number
  mtimeMs: number
}

export interface ArticleResult {
  /** Reports: the sidecar's (when it has messages), then the article's. */
  files: PlainFile[]
  written: WrittenFile[]
  /** A fatal message: nothing was written. */
  fatal: boolean
  /** What the feeds and the news sitemap take from the article, if any. */
  feedEntry?: FeedEntry | undefined
  /** What the report's index shows of the article, when the report is on. */
  summary?: ArticleSummary | undefined
}
