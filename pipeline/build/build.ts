// The build: reads the project config (`--config`, else found from the inputs
// upward: `copydesk.config.json`, `.copydeskrc.json`, `package.json`), finds the
// input files, refuses inputs whose outputs collide, reads each article with
// its sidecar (`<stem>.meta.json`), serves unchanged ones from the build
// cache and hands the rest to `build-article` (in this thread, on
// workers, or on queue workers: `queue/`), a window at a time, reporting
// in path order, then writes the channels, and, with the report on, the
// report's index (each article's page is one of its outputs). Every file is processed even when another
// fails; a file with a fatal message writes nothing. ruleIds: on the
// config, those of `read-json` with `config-schema`, `language-tag` and
// `nitf-profile-collision` (from `checkConfig`; a fatal one stops the build
// before any article); then those of `inputs`, `collisions`,
// `read-article`, `build-article`, `write-channels` and `write-report`.
import path from 'node:path'
import {VFile} from 'vfile'
import {
  channelFileNames,
  channelFileTest,
  channelSettings,
  configuredPublisher,
  wantsFeedEntries
} from '../emit/channel-settings.js'
import {outputSuffixes} from '../emit/formats.js'
import {configName} from '../emit/output-names.js'
import {applyRuleLevels} from '../messages.js'
import {
  reportFolder,
  reportIndexName,
  reportStylesheetName
} from '../report/report-names.js'
import type {Config} from '../types.js'
import type {ArticleResult, ArticleTask, BuildSettings} from './article-task.js'
import {type BuildCache, cacheFolderOf, openCache} from './build-cache.js'
import {type ChannelCollector, collectChannels} from './channels.js'
import {collisionCheck} from './collisions.js'
import {type ConfigFile, findConfigFile, readConfigFile} from './config-file.js'
import {toPosix} from './files.js'
import {
  compareStrings,
  discoverInputs,
  displayOf,
  type Input,
  stemOf
} from './inputs.js'
import {addCounts, countMessages, type MessageCounts} from './message-counts.js'
import {
  channelsKey,
  type Manifest,
  manifestEntry,
  readManifest,
  removeOrphans,
  reportKey,
  takeOutputFolder,
  writeManifest
} from './output-folder.js'
import type {Pool} from './pool.js'
import type {QueuePoolOptions} from './queue/queue-pool.js'
import {readArticle} from './read-article.js'
import {collectReportRows, type ReportRows} from './report-rows.js'
import {removeTemporaries} from './temporaries.js'
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
  /**
   * The config file, relative to `cwd`; default: the first folder from the
   * inputs upward with `copydesk.config.json`, `.copydeskrc.json` or a
   * `package.json` with a `copydesk` key.
   */
  config?: string | undefined
  /**
   * More paths to skip in folders and globs, in gitignore syntax, besides
   * `.copydeskignore`, `node_modules` and hidden folders.
   */
  ignorePatterns?: readonly string[] | undefined
  /** Worker threads to build on; 1 (the default) builds in this thread. */
  jobs?: number | undefined
  /**
   * Build on `copydesk worker`s through BullMQ on this Redis
   * (`redis://host:port`) instead of here; outputs are written here.
   */
  queue?: string | undefined
  /** Seconds without a finished job before a queued build fails its articles in flight (default 300). */
  queueTimeout?: number | undefined
  /** Most articles per queue job (default 32). */
  queueBatchSize?: number | undefined
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
  /**
   * Write the build report (`report/index.html` and a page per article);
   * default: `report` in the config, else off.
   */
  report?: boolean | undefined
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
  /** What became of the articles, and how many files were written. */
  tally: BuildTally
}

/** The numbers of a build's summary line. */
export interface BuildTally {
  /** Articles processed and written. */
  built: number
  /** Articles served from the build cache. */
  unchanged: number
  /** Articles with a fatal problem: nothing written for them. */
  failed: number
  /** Files written: articles' outputs and channels. */
  written: number
  /** Outputs removed: of articles whose input is gone, or of formats turned off. */
  removed: number
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
  /** For an article's report, what became of it; none for the config and channels. */
  outcome?: 'built' | 'unchanged' | 'failed' | undefined
  /** Outputs removed, for the report of the output folder's clean-up. */
  removed?: number | undefined
}

/** Build every input article into the output folder. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const {cwd} = options
  const started = performance.now()
  const reports = collectReports(options.onArticle)
  const config = await loadConfig(options, reports)
  if (!config) return reports.result()
  const inputs = await findInputs(options, reports)
  const outputRoot = path.resolve(cwd, options.output)
  const display = toPosix(path.relative(cwd, outputRoot)) || '.'
  const stateFolder = cacheFolderOf({
    cwd,
    folder: options.cacheDir,
    outputRoot
  })
  const lock = await takeOutputFolder({outputRoot, stateFolder, display})
  if (lock instanceof VFile) {
    reports.add(reportOf(lock))
    return reports.result()
  }
  try {
    const suffixes = outputSuffixes(config)
    // No other build writes this folder: every temporary is a dead one's.
    await removeTemporaries(outputRoot, [
      ...suffixes,
      ...channelFileNames(config)
    ])
    const before = readManifest(stateFolder)
    const run = await prepareRun(options, {
      config,
      inputs,
      outputRoot,
      suffixes,
      before
    })
    await buildArticles(run, inputs, reports)
    if (run.channels) await buildChannels(run, run.channels, reports)
    // The report's index and stylesheet, written last (they list what the
    // clean-up removed), are in the manifest like every output.
    if (run.report) {
      run.manifest[reportKey] = [reportIndexName, reportStylesheetName].map(
        (name) => manifestEntry(reportKey, name)
      )
    }
    const {report, removed} = await removeOrphans({
      outputRoot,
      display,
      before,
      now: run.manifest
    })
    writeManifest(stateFolder, run.manifest, before)
    if (report) reports.add({...reportOf(report), removed})
    if (run.report) await writeReportIndex(run, run.report, {reports, started})
  } finally {
    lock.release()
  }
  return reports.result()
}

/** Where a build's reports go, in input order, and what it gives back. */
interface ReportCollector {
  /** Hand one report on: to `onArticle`, or kept for the result. */
  add(report: ArticleReport): void
  result(): BuildResult
  /** The summary line's numbers so far. */
  tally(): BuildTally
  /** The reports that are no article's (the config, the channels…), so far. */
  buildFiles(): readonly ArticleReport[]
}

/** Hand reports to `onArticle` when given, else keep them; count them all. */
function collectReports(onArticle: BuildOptions['onArticle']): ReportCollector {
  const counts: MessageCounts = {errors: 0, warnings: 0, infos: 0}
  const tally: BuildTally = {
    built: 0,
    unchanged: 0,
    failed: 0,
    written: 0,
    removed: 0
  }
  const files: VFile[] = []
  const written: string[] = []
  const buildFiles: ArticleReport[] = []
  return {
    add(report) {
      if (!report.outcome) buildFiles.push(report)
      addCounts(counts, report.counts)
      if (report.outcome) tally[report.outcome]++
      tally.written += report.written.length
      tally.removed += report.removed ?? 0
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
      return {files, written, counts, tally}
    },
    tally: () => ({...tally}),
    buildFiles: () => buildFiles
  }
}

/**
 * Read and check the build's config (`--config`, else the one found from
 * the inputs upward) and report on it; `{}` when there is none,
 * `undefined` when it has a fatal problem (nothing is built).
 */
async function loadConfig(
  options: BuildOptions,
  reports: ReportCollector
): Promise<Config | undefined> {
  const {cwd} = options
  const found: ConfigFile | undefined =
    options.config === undefined
      ? await findConfigFile(cwd, options.inputs)
      : {absolute: path.resolve(cwd, options.config)}
  if (!found) return {}
  const {file, config} = await readConfigFile(
    cwd,
    found,
    options.config !== undefined
  )
  applyRuleLevels(file, config?.rules)
  reports.add(reportOf(file))
  return config
}

/** The articles the paths name; report each path that names none. */
async function findInputs(
  options: BuildOptions,
  reports: ReportCollector
): Promise<Input[]> {
  const {inputs, problems} = await discoverInputs(
    options.cwd,
    options.inputs,
    options.ignorePatterns
  )
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
  /** Build on queue workers instead (`--queue`). */
  queue?: QueuePoolOptions | undefined
  /** The outputs the last build left, by stem. */
  before: Manifest
  /** The outputs this build leaves, by stem: written, intact, or kept. */
  manifest: Manifest
  /** The report's index rows, when the report is on. */
  report?: ReportRows | undefined
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
    before: Manifest
  }
): Promise<ArticleRun> {
  const {cwd} = options
  const {config, inputs, outputRoot, suffixes, before} = plan
  const report = options.report ?? config.report ?? false
  // Whether the report is on, not where that was said: the config's key
  // and `--report` build the same pages.
  const {report: _said, ...outputConfig} = config
  const cache = await openCache({
    cwd,
    folder: options.cacheDir,
    outputRoot,
    // The config as validated, not as typed: comments and order do not
    // change outputs.
    settingsKey: JSON.stringify(
      report ? [outputConfig, suffixes, 'report'] : [outputConfig, suffixes]
    ),
    force: options.force ?? false
  })
  let done = 0
  return {
    cwd,
    outputRoot,
    settings: {cwd, outputRoot, config, report},
    maxFileSize: config.maxFileSize ?? defaultMaxFileSize,
    jobs: Math.max(1, options.jobs ?? 1),
    queue:
      options.queue === undefined
        ? undefined
        : {
            url: options.queue,
            timeout: options.queueTimeout,
            batchSize: options.queueBatchSize
          },
    cache,
    collisionOf: collisionCheck({
      cwd,
      inputs,
      suffixes,
      isChannelFile: channelFileTest(config),
      reservedFolder: report ? reportFolder : undefined
    }),
    channels: wantsFeedEntries(config)
      ? collectChannels(config, options.now)
      : undefined,
    progress: () => options.onProgress?.(++done, inputs.length),
    before,
    manifest: {},
    report: report ? collectReportRows() : undefined
  }
}

/** Articles read, hashed and built together; bounds memory. */
const windowSize = 256

/**
 * With `--queue`: a window's jobs are all the build has in flight, so a
 * larger window keeps more workers busy (32 jobs of 32 articles).
 */
const queueWindowSize = 1024

/**
 * Below this many articles per worker, starting workers (each loads the
 * whole pipeline) costs more than it saves.
 */
const minimumPerWorker = 16

/** One input of a window: its report, and what the channels take from it. */
interface Slot {
  /** The input's path as reports give it, and its outputs' stem. */
  display: string
  stem: string
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
    const size = run.queue ? queueWindowSize : windowSize
    for (let start = 0; start < inputs.length; start += size) {
      const {slots, misses} = readWindow(run, inputs.slice(start, start + size))
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
    const stem = stemOf(input)
    const slot: Slot = {display: displayOf(run.cwd, input), stem}
    slots.push(slot)
    const refused = run.collisionOf(input)
    // The key of the files' stamps, when they have one: asked of the
    // cache first, and recorded with the entry of an article built.
    let stampKey: string | undefined
    const read = refused
      ? {failed: refused}
      : readArticle(run.cwd, input, run.maxFileSize, (stamp) => {
          stampKey = run.cache.stampKeyOf(
            {relative: input.relative, display: slot.display},
            stamp
          )
          return run.cache.lookupStamp(stem, stampKey)
        })
    if ('failed' in read) {
      slot.report = {...reportOf(read.failed), outcome: 'failed'}
      keepOutputs(run, stem)
      run.progress()
      continue
    }
    if ('served' in read) {
      settle(run, slot, {display: slot.display, stem}, read.served, true)
      continue
    }
    const key = run.cache.keyOf(read.task)
    const hit = run.cache.lookup(stem, key)
    if (hit) {
      settle(run, slot, read.task, hit, true)
      continue
    }
    read.task.cache = {location: run.cache.locationOf(stem), key, stampKey}
    misses.push({slot, task: read.task})
  }
  return {slots, misses}
}

/** Build the misses: on worker threads when there are enough, else here. */
async function buildMisses(run: ArticleRun, misses: Miss[]): Promise<void> {
  const worthWorkers = Math.min(minimumPerWorker * run.jobs, windowSize / 2)
  if (
    run.queue ||
    (run.jobs > 1 && (run.pool || misses.length >= worthWorkers))
  ) {
    run.pool ??= await startPool(run.jobs, run.settings, run.queue)
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

async function startPool(
  jobs: number,
  settings: BuildSettings,
  queue: QueuePoolOptions | undefined
) {
  if (queue) {
    const {createQueuePool} = await import('./queue/queue-pool.js')
    return createQueuePool(queue, settings)
  }
  const {createPool} = await import('./pool.js')
  return createPool(jobs, settings)
}

/** Fill in the slot of an article built, or served from the cache. */
function settle(
  run: ArticleRun,
  slot: Slot,
  task: Pick<ArticleTask, 'display' | 'stem'>,
  result: ArticleResult,
  unchanged: boolean
): void {
  slot.report = articleReport(run, result, unchanged)
  slot.built = {result, display: task.display}
  if (result.fatal) keepOutputs(run, task.stem)
  else {
    const entries = result.written.map((file) =>
      manifestEntry(task.stem, file.path)
    )
    // Most articles write what they wrote last time: the two manifests
    // then share one list (100,000 lists fewer on a rebuild).
    const earlier = run.before[task.stem]
    const same =
      earlier?.length === entries.length &&
      earlier.every((entry, index) => entry === entries[index])
    run.manifest[task.stem] = same ? earlier : entries
  }
  run.progress()
}

/**
 * An article that failed writes nothing, and takes nothing away: what an
 * earlier build wrote for it stays, and stays in the manifest.
 */
function keepOutputs(run: ArticleRun, stem: string): void {
  const earlier = run.before[stem]
  if (earlier) run.manifest[stem] = earlier
}

/** Hand a window's reports on in order, and its feed entries to the channels. */
function handOn(
  run: ArticleRun,
  slots: readonly Slot[],
  reports: ReportCollector
): void {
  for (const {report, built, display, stem} of slots) {
    if (report) reports.add(report)
    run.report?.add({
      display,
      stem,
      files: built ? built.result.files : (report?.files ?? []),
      result: built?.result
    })
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
    run.manifest[channelsKey] = kept.names.map((name) =>
      manifestEntry(channelsKey, name)
    )
    reports.add({
      files: kept.files.map(fromPlainFile),
      counts: countMessages(kept.files),
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
  for (const file of channelsWritten.files) {
    applyRuleLevels(file, run.settings.config.rules)
  }
  run.manifest[channelsKey] = channelsWritten.present.map((name) =>
    manifestEntry(channelsKey, name)
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
 * Write the report's index (every article of the build, the channels they
 * went into, the reports of the build's other files, and how long this run
 * took) and its stylesheet. With the report off, the manifest's clean-up
 * removed what an earlier build's report left.
 */
async function writeReportIndex(
  run: ArticleRun,
  collector: NonNullable<ArticleRun['report']>,
  options: {reports: ReportCollector; started: number}
): Promise<void> {
  const {reports} = options
  const {writeReport, channelMembers} = await import('./write-report.js')
  const display = (name: string) => outputDisplay(run, name)
  const {config} = run.settings
  const {rows, files} = collector
  if (run.channels) {
    const members = channelMembers(config, run.channels.collected())
    for (const row of rows) {
      row.inFeeds = members.feeds.has(row.path)
      row.inNewsSitemap = members.newsSitemap.has(row.path)
    }
  }
  for (const report of reports.buildFiles()) {
    for (const file of report.files) {
      collector.addFile({
        path: inReport(run, file.path),
        messages: file.messages
      })
    }
  }
  const settings = channelSettings(config)
  const tally = reports.tally()
  const written = await writeReport({
    outputRoot: run.outputRoot,
    display,
    index: {
      rows,
      files,
      channels: {
        atom: settings.atom,
        rss: settings.rss,
        json: settings.json,
        newsSitemap:
          settings.newsSitemap && settings.publicationName !== undefined
      },
      publisher: configuredPublisher(config),
      run: {
        built: tally.built,
        unchanged: tally.unchanged,
        failed: tally.failed,
        written: tally.written,
        removed: tally.removed,
        milliseconds: performance.now() - options.started
      }
    }
  })
  reports.add({
    files: written.files,
    counts: countMessages(written.files),
    written: written.written,
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
    unchanged,
    outcome: unchanged ? 'unchanged' : result.fatal ? 'failed' : 'built'
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

/**
 * A path as the report's index gives it: a file in the output folder
 * relative to it (the index is the same wherever the folder is), any other
 * as reports give it.
 */
function inReport(run: ArticleRun, display: string): string {
  const relative = toPosix(
    path.relative(run.outputRoot, path.resolve(run.cwd, display))
  )
  if (relative === '') return 'the output folder'
  return relative.startsWith('../') ||
    relative === '..' ||
    path.isAbsolute(relative)
    ? display
    : relative
}

/** A path in the output folder as reports give it: relative to the project. */
function outputDisplay(run: ArticleRun, name: string): string {
  return toPosix(path.relative(run.cwd, path.join(run.outputRoot, name)))
}
