// The build: reads the project config (`copydesk.config.json`), finds the
// input files, refuses inputs whose outputs collide, reads each article with
// its sidecar (`<stem>.meta.json`), serves unchanged ones from the build
// cache and hands the rest to `build-article` (in this thread or on
// workers), a window at a time, reporting in path order, then writes the
// channels. Every file is processed even when another fails; a file with a
// fatal message writes nothing. ruleIds: on the config, those of
// `read-json` with `config-schema`, `language-tag` and
// `nitf-profile-collision` (from `checkConfig`; a fatal one stops the build
// before any article); then those of `inputs`, `collisions`,
// `read-article`, `build-article` and `write-channels`.
import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import {
  channelFileNames,
  channelFileTest,
  wantsFeedEntries
} from '../emit/channel-settings.js'
import {outputSuffixes} from '../emit/formats.js'
import {configName} from '../emit/output-names.js'
import {checkConfig, validateConfigSchema} from '../json-schemas.js'
import type {Config} from '../types.js'
import type {ArticleResult, ArticleTask, BuildSettings} from './article-task.js'
import {type BuildCache, openCache} from './build-cache.js'
import {type ChannelCollector, collectChannels} from './channels.js'
import {collisionCheck} from './collisions.js'
import {toPosix} from './files.js'
import {compareStrings, discoverInputs, type Input, stemOf} from './inputs.js'
import {addCounts, countMessages, type MessageCounts} from './message-counts.js'
import type {Pool} from './pool.js'
import {readArticle} from './read-article.js'
import {readJson} from './read-json.js'
import {removeStaleTemporaries} from './temporaries.js'
import {fromPlainFile, toPlainFile} from './vfile-transfer.js'

export type {MessageCounts}
export {configName}
/**
 * Far above any article (a 10,000-word story is about 60 KB), low enough that
 * a hostile file cannot stall a build: retext-english's sentence merging is
 * quadratic on text without sentence capitals (1 MB: 5 s, 4 MB: 2 minutes).
 */
export const defaultMaxFileSize = 1024 * 1024

/** What to build. */
export interface BuildOptions {
  /** Project root: relative paths, the config and reports are against it. */
  cwd: string
  /** Files, folders or globs; empty means `input/`. */
  inputs: readonly string[]
  /** Output folder, relative to `cwd`. */
  output: string
  /** Worker threads to build on; 1 (the default) builds in this thread. */
  jobs?: number | undefined
  /** Rebuild every article, ignoring the cache. */
  force?: boolean | undefined
  /** Build cache folder, relative to `cwd` (default `node_modules/.cache/copydesk`). */
  cacheDir?: string | undefined
  /**
   * Reference time of the news sitemap's two-day window (ISO 8601 with an
   * offset); default `newsSitemap.now` in the config, else the newest
   * article's publication date.
   */
  now?: string | undefined
  /** Called after each article, built or served from the cache. */
  onProgress?: ((done: number, total: number) => void) | undefined
  /**
   * Stream the report: called with each input's files in input order, and
   * nothing is kept, so memory does not grow with the number of articles.
   */
  onArticle?: ((report: ArticleReport) => void) | undefined
}

/** What a build did. */
export interface BuildResult {
  /**
   * Every file reported on, sorted by path; empty for articles when
   * `onArticle` is given (they were handed to it instead).
   */
  files: VFile[]
  /** Paths written, relative to `cwd` (likewise). */
  written: string[]
  /** Messages of every file, by kind. */
  counts: MessageCounts
}

/** One input's report, handed on in input order as the build goes. */
export interface ArticleReport {
  /**
   * The article's file and its sidecar's (when it has messages); made on
   * first use, so that a report only counted costs no VFiles.
   */
  readonly files: VFile[]
  /** Messages of `files`, by kind. */
  counts: MessageCounts
  /** Paths written, relative to `cwd`. */
  written: string[]
  /** Served from the cache: nothing was processed or written. */
  unchanged: boolean
}

/** Build every input article into the output folder. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const {cwd} = options
  const reports = collectReports(options.onArticle)
  const config = await loadConfig(cwd, reports)
  if (!config) return reports.result()
  const inputs = await findInputs(cwd, options.inputs, reports)
  const outputRoot = path.resolve(cwd, options.output)
  const suffixes = outputSuffixes(config)
  await removeStaleTemporaries(outputRoot, [
    ...suffixes,
    ...channelFileNames(config)
  ])
  const run = await prepareRun(options, {config, inputs, outputRoot, suffixes})
  await buildArticles(run, inputs, reports)
  if (run.channels) await buildChannels(run, run.channels, reports)
  return reports.result()
}

/** Where a build's reports go, in input order, and what it gives back. */
interface ReportCollector {
  /** Hand one report on: to `onArticle`, or kept for the result. */
  add(report: ArticleReport): void
  result(): BuildResult
}

/** Hand reports to `onArticle` when given, else keep them; count them all. */
function collectReports(onArticle: BuildOptions['onArticle']): ReportCollector {
  const counts: MessageCounts = {errors: 0, warnings: 0, infos: 0}
  const files: VFile[] = []
  const written: string[] = []
  return {
    add(report) {
      addCounts(counts, report.counts)
      if (onArticle) {
        onArticle(report)
        return
      }
      files.push(...report.files)
      written.push(...report.written)
    },
    result() {
      files.sort((a, b) => compareStrings(a.path, b.path))
      written.sort(compareStrings)
      return {files, written, counts}
    }
  }
}

/**
 * Read and check `copydesk.config.json` when the project has one, and
 * report on it; `undefined` when it has a fatal problem (nothing is built).
 */
async function loadConfig(
  cwd: string,
  reports: ReportCollector
): Promise<Config | undefined> {
  const absolute = path.join(cwd, configName)
  if (!existsSync(absolute)) return {}
  const file = new VFile({
    path: configName,
    value: await readFile(absolute, 'utf8')
  })
  const config = readJson(
    file,
    validateConfigSchema,
    'config-schema',
    checkConfig
  )
  reports.add(reportOf(file))
  return config
}

/** The articles the paths name; report each path that names none. */
async function findInputs(
  cwd: string,
  patterns: readonly string[],
  reports: ReportCollector
): Promise<Input[]> {
  const {inputs, problems} = await discoverInputs(cwd, patterns)
  for (const problem of problems) reports.add(reportOf(problem))
  return inputs
}

/** What every window of the article loop shares. */
interface ArticleRun {
  cwd: string
  outputRoot: string
  settings: BuildSettings
  maxFileSize: number
  /** Worker threads to build on. */
  jobs: number
  cache: BuildCache
  /** An input's fatal report when its outputs collide with another's. */
  collisionOf: (input: Input) => VFile | undefined
  /** Collects the feed entries, when a channel is on. */
  channels: ChannelCollector | undefined
  /** Count one more article done, built, served or refused. */
  progress: () => void
  /** Worker threads, started by the first window worth them. */
  pool?: Pool | undefined
}

/**
 * What the article loop needs: the cache opened, the inputs indexed for
 * the collision check, the channels' collector, the progress counter.
 */
async function prepareRun(
  options: BuildOptions,
  plan: {
    config: Config
    inputs: readonly Input[]
    outputRoot: string
    suffixes: readonly string[]
  }
): Promise<ArticleRun> {
  const {cwd} = options
  const {config, inputs, outputRoot, suffixes} = plan
  const cache = await openCache({
    cwd,
    folder: options.cacheDir,
    outputRoot,
    // The config as validated, not as typed: comments and order do not
    // change outputs.
    settingsKey: JSON.stringify([config, suffixes]),
    force: options.force ?? false
  })
  let done = 0
  return {
    cwd,
    outputRoot,
    settings: {cwd, outputRoot, config},
    maxFileSize: config.maxFileSize ?? defaultMaxFileSize,
    jobs: Math.max(1, options.jobs ?? 1),
    cache,
    collisionOf: collisionCheck({
      cwd,
      inputs,
      suffixes,
      isChannelFile: channelFileTest(config)
    }),
    channels: wantsFeedEntries(config)
      ? collectChannels(config, options.now)
      : undefined,
    progress: () => options.onProgress?.(++done, inputs.length)
  }
}

/** Articles read, hashed and built together; bounds memory. */
const windowSize = 256

/**
 * Below this many articles per worker, starting workers (each loads the
 * whole pipeline) costs more than it saves.
 */
const minimumPerWorker = 16

/** One input of a window: its report, and what the channels take from it. */
interface Slot {
  report?: ArticleReport | undefined
  /** The article built or served (not refused), for the channels. */
  built?: {result: ArticleResult; display: string} | undefined
}

/** An article of a window the cache does not hold. */
interface Miss {
  slot: Slot
  task: ArticleTask
}

/**
 * Build every input, a window at a time: read and hash each article, serve
 * what the cache holds, build the rest, and hand the reports on in order.
 * Only one window of texts and reports is ever in memory.
 */
async function buildArticles(
  run: ArticleRun,
  inputs: readonly Input[],
  reports: ReportCollector
): Promise<void> {
  try {
    for (let start = 0; start < inputs.length; start += windowSize) {
      const {slots, misses} = readWindow(
        run,
        inputs.slice(start, start + windowSize)
      )
      await buildMisses(run, misses)
      handOn(run, slots, reports)
    }
  } finally {
    await run.pool?.close()
  }
}

/**
 * Refuse colliding inputs, read the others, and serve what the cache
 * holds; what it does not is returned as tasks to build.
 */
function readWindow(
  run: ArticleRun,
  window: readonly Input[]
): {slots: Slot[]; misses: Miss[]} {
  const slots: Slot[] = []
  const misses: Miss[] = []
  for (const input of window) {
    const slot: Slot = {}
    slots.push(slot)
    const refused = run.collisionOf(input)
    const read = refused
      ? {failed: refused}
      : readArticle(run.cwd, input, run.maxFileSize)
    if ('failed' in read) {
      slot.report = reportOf(read.failed)
      run.progress()
      continue
    }
    const stem = stemOf(input)
    const key = run.cache.keyOf(read.task)
    const hit = run.cache.lookup(stem, key)
    if (hit) {
      settle(run, slot, read.task, hit, true)
      continue
    }
    read.task.cache = {location: run.cache.locationOf(stem), key}
    misses.push({slot, task: read.task})
  }
  return {slots, misses}
}

/** Build the misses: on worker threads when there are enough, else here. */
async function buildMisses(run: ArticleRun, misses: Miss[]): Promise<void> {
  const worthWorkers = Math.min(minimumPerWorker * run.jobs, windowSize / 2)
  if (run.jobs > 1 && (run.pool || misses.length >= worthWorkers)) {
    run.pool ??= await startPool(run.jobs, run.settings)
    const pool = run.pool
    await Promise.all(
      misses.map(async ({slot, task}) =>
        settle(run, slot, task, await pool.run(task), false)
      )
    )
    return
  }
  const {buildArticle} = await import('./build-article.js')
  for (const {slot, task} of misses) {
    settle(run, slot, task, await buildArticle(task, run.settings), false)
  }
}

async function startPool(jobs: number, settings: BuildSettings) {
  const {createPool} = await import('./pool.js')
  return createPool(jobs, settings)
}

/** Fill in the slot of an article built, or served from the cache. */
function settle(
  run: ArticleRun,
  slot: Slot,
  task: ArticleTask,
  result: ArticleResult,
  unchanged: boolean
): void {
  slot.report = articleReport(run, result, unchanged)
  slot.built = {result, display: task.display}
  run.progress()
}

/** Hand a window's reports on in order, and its feed entries to the channels. */
function handOn(
  run: ArticleRun,
  slots: readonly Slot[],
  reports: ReportCollector
): void {
  for (const {report, built} of slots) {
    if (report) reports.add(report)
    if (!run.channels || !built) continue
    if (built.result.feedEntry) run.channels.add(built.result.feedEntry)
    else if (!built.result.fatal) run.channels.skip(built.display)
  }
}

/**
 * Write the channels from the entries collected, or, when those are what
 * the channels were last written from, serve their report from the cache.
 */
async function buildChannels(
  run: ArticleRun,
  channels: ChannelCollector,
  reports: ReportCollector
): Promise<void> {
  const collected = channels.collected()
  // Written from `collected` alone: the same state, with the files as
  // they were written, needs no serializer loaded.
  const state = JSON.stringify(collected)
  const kept = run.cache.lookupChannels(state)
  if (kept) {
    reports.add({
      files: kept.map(fromPlainFile),
      counts: countMessages(kept),
      written: [],
      unchanged: false
    })
    return
  }
  const {writeChannels} = await import('./write-channels.js')
  const channelsWritten = writeChannels(
    run.settings.config,
    collected,
    run.outputRoot,
    (name) => outputDisplay(run, name)
  )
  const plain = channelsWritten.files.map(toPlainFile)
  // Nothing written: nothing to serve next time (and no cache folder made
  // for a build that wrote nothing).
  if (
    channelsWritten.present.length > 0 &&
    !plain.some((file) => file.messages.some((message) => message.fatal))
  ) {
    run.cache.recordChannels(state, plain, channelsWritten.present)
  }
  reports.add({
    files: channelsWritten.files,
    counts: countMessages(plain),
    written: channelsWritten.written,
    unchanged: false
  })
}

/**
 * The report of an article built or served from the cache; its VFiles are
 * made only when asked for (a report only counted costs none).
 */
function articleReport(
  run: ArticleRun,
  result: ArticleResult,
  unchanged: boolean
): ArticleReport {
  let made: VFile[] | undefined
  return {
    get files() {
      made ??= result.files.map(fromPlainFile)
      return made
    },
    counts: countMessages(result.files),
    // Served from the cache, nothing was written this time.
    written: unchanged
      ? []
      : result.written.map((file) => outputDisplay(run, file.path)),
    unchanged
  }
}

/** The report of a file read but not built: the config, a refused input. */
function reportOf(file: VFile): ArticleReport {
  return {
    files: [file],
    counts: countMessages([file]),
    written: [],
    unchanged: false
  }
}

/** A path in the output folder as reports give it: relative to the project. */
function outputDisplay(run: ArticleRun, name: string): string {
  return toPosix(path.relative(run.cwd, path.join(run.outputRoot, name)))
}
