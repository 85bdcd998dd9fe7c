// The build: finds the input files and the project config
// (`copydesk.config.json`), refuses inputs whose outputs collide, reads each
// article with its sidecar (`<stem>.meta.json`), serves unchanged ones from
// the build cache and hands the rest to `build-article` (in this thread or
// on workers), a window at a time, reporting in path order. Every file is
// processed even when another fails; a file with a fatal message writes
// nothing. ruleIds: `no-input`, `read-error`, `file-too-large`,
// `output-collision` (fatal), plus those of `read-json` and `build-article`.
import {existsSync, lstatSync, readFileSync, statSync} from 'node:fs'
import {readFile, rm, stat} from 'node:fs/promises'
import path from 'node:path'
import {glob, isDynamicPattern} from 'tinyglobby'
import {VFile} from 'vfile'
import {
  channelFileNames,
  channelFileTest,
  wantsFeedEntries
} from '../emit/channel-settings.js'
import {nitfProfiles} from '../emit/nitf-profile.js'
import {configName, ninjsSuffix} from '../emit/output-names.js'
import {validateConfigSchema} from '../json-schemas.js'
import {fail} from '../messages.js'
import type {Config} from '../types.js'
import type {ArticleResult, ArticleTask, BuildSettings} from './article-task.js'
import {openCache} from './build-cache.js'
import {collectChannels} from './channels.js'
import {codeOf, toPosix} from './files.js'
import type {Pool} from './pool.js'
import {readJson} from './read-json.js'
import {fromPlainFile, toPlainFile} from './vfile-transfer.js'

export {configName}
/** What a build with no paths builds. */
export const defaultInputs = ['input']
const sidecarSuffix = '.meta.json'
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
  counts: {errors: number; warnings: number; infos: number}
}

/** One input's report, handed on in input order as the build goes. */
export interface ArticleReport {
  /**
   * The article's file and its sidecar's (when it has messages); made on
   * first use, so that a report only counted costs no VFiles.
   */
  readonly files: VFile[]
  /** Messages of `files`, by kind. */
  counts: {errors: number; warnings: number; infos: number}
  /** Paths written, relative to `cwd`. */
  written: string[]
  /** Served from the cache: nothing was processed or written. */
  unchanged: boolean
}

/** One article to build. */
interface Input {
  /** Absolute path of the article. */
  absolute: string
  /** Path relative to its input root, `/`-separated: decides the output path. */
  relative: string
}

/** Build every input article into the output folder. */
export async function build(options: BuildOptions): Promise<BuildResult> {
  const {cwd} = options
  const outputRoot = path.resolve(cwd, options.output)
  const counts = {errors: 0, warnings: 0, infos: 0}
  const files: VFile[] = []
  const written: string[] = []
  // Hand each report on, in input order: to `onArticle`, or kept.
  const emit = (report: ArticleReport) => {
    counts.errors += report.counts.errors
    counts.warnings += report.counts.warnings
    counts.infos += report.counts.infos
    if (options.onArticle) {
      options.onArticle(report)
      return
    }
    files.push(...report.files)
    written.push(...report.written)
  }
  const result = (): BuildResult => {
    files.sort((a, b) => compareStrings(a.path, b.path))
    written.sort(compareStrings)
    return {files, written, counts}
  }

  const configFile = await loadConfig(cwd)
  if (configFile.file) {
    emit(failedReport(configFile.file))
  }
  if (!configFile.config) return result()
  const config = configFile.config
  const maxFileSize = config.maxFileSize ?? defaultMaxFileSize

  const {inputs, problems} = await discoverInputs(cwd, options.inputs)
  for (const problem of problems) {
    emit(failedReport(problem))
  }

  // Refuse, before writing anything, two inputs that map to one output file
  // (`a.txt` and `a.md`; `a.txt` and `a.x.txt` with a NITF profile `x`).
  // Case is folded: macOS and Windows take `A.jsonld` and `a.jsonld` for one.
  const suffixes = [
    '.jsonld',
    '.head.html',
    ...(config.ninjs === false ? [] : [ninjsSuffix]),
    ...nitfProfiles(config).map((profile) => profile.suffix)
  ]
  await removeStaleTemporaries(outputRoot, [
    ...suffixes,
    ...channelFileNames(config)
  ])
  // Inputs by lower-cased stem: one entry per article, not one per output.
  // `stem + s1` can only equal `other + s2` when `other` is `stem + s1`
  // without `s2`, so the stems to compare with are found by lookup.
  // Keys are case-folded and NFC: macOS takes `café` in NFC and NFD for one.
  const keyOf = (value: string) => value.normalize('NFC').toLowerCase()
  const byStem = new Map<string, Input[]>()
  for (const input of inputs) {
    const stem = keyOf(stemOf(input))
    byStem.set(stem, [...(byStem.get(stem) ?? []), input])
  }
  const lowerSuffixes = suffixes.map(keyOf)
  /** Inputs whose output is the file `target` (lower-cased, NFC). */
  const writersOf = (target: string) =>
    lowerSuffixes.flatMap((theirs) =>
      target.endsWith(theirs)
        ? (byStem.get(target.slice(0, -theirs.length)) ?? [])
        : []
    )
  const clashesOf = (input: Input): Set<Input> => {
    const stem = keyOf(stemOf(input))
    const clashes = new Set<Input>()
    // An output of another is one of mine, or a folder mine go in
    // (`a.txt` writes `a.head.html`, `a.head.html/x.txt` needs that folder).
    const targets = lowerSuffixes.map((mine) => stem + mine)
    const segments = stem.split('/')
    for (let end = 1; end < segments.length; end++) {
      targets.push(segments.slice(0, end).join('/'))
    }
    for (const target of targets) {
      for (const other of writersOf(target)) {
        if (other !== input) clashes.add(other)
      }
    }
    // And the other way round: a folder of another's is one of my outputs.
    for (const mine of lowerSuffixes) {
      for (const other of byFolder.get(stem + mine) ?? []) {
        if (other !== input) clashes.add(other)
      }
    }
    return clashes
  }
  const byFolder = new Map<string, Input[]>()
  for (const input of inputs) {
    const segments = keyOf(stemOf(input)).split('/')
    for (let end = 1; end < segments.length; end++) {
      const folder = segments.slice(0, end).join('/')
      const list = byFolder.get(folder) ?? []
      if (list.length < 2) byFolder.set(folder, [...list, input])
    }
  }
  const isChannelFile = channelFileTest(config)
  const clashOf = (input: Input): VFile | undefined => {
    const stem = stemOf(input)
    // The channels' files at the top of the output folder are taken too,
    // as outputs and as folders outputs go in.
    const [top = ''] = stem.split('/')
    const taken =
      top === stem
        ? suffixes.map((suffix) => stem + suffix).find(isChannelFile)
        : isChannelFile(top)
          ? `${top}/`
          : undefined
    if (taken !== undefined) {
      const file = new VFile({path: displayOf(cwd, input)})
      fail(
        file,
        `Unexpected input whose output \`${taken}\` is a file the feeds or the news sitemap write, expected another name; rename the article or turn that channel off in \`${configName}\``,
        'output-collision'
      )
      return file
    }
    const clash = clashesOf(input)
    if (clash.size === 0) return undefined
    const file = new VFile({path: displayOf(cwd, input)})
    fail(
      file,
      `Unexpected second input for the outputs of \`${stemOf(input)}\` (also from ${[...clash].map((other) => `\`${displayOf(cwd, other)}\``).join(', ')}), expected one input per output file; rename one of them`,
      'output-collision'
    )
    return file
  }

  const cache = await openCache({
    cwd,
    folder: options.cacheDir,
    outputRoot,
    // The config as validated, not as typed: comments and order do not
    // change outputs.
    settingsKey: JSON.stringify([config, suffixes]),
    force: options.force ?? false
  })
  const settings: BuildSettings = {cwd, outputRoot, config}
  const channels = wantsFeedEntries(config)
    ? collectChannels(config, options.now)
    : undefined
  const jobs = Math.max(1, options.jobs ?? 1)
  let pool: Pool | undefined
  let done = 0
  const total = inputs.length
  const toReport = (
    result: ArticleResult,
    isUnchanged: boolean
  ): ArticleReport => {
    let made: VFile[] | undefined
    return {
      get files() {
        made ??= result.files.map(fromPlainFile)
        return made
      },
      counts: countMessages(result.files),
      // Served from the cache, nothing was written this time.
      written: isUnchanged
        ? []
        : result.written.map((file) =>
            toPosix(path.relative(cwd, path.join(outputRoot, file.path)))
          ),
      unchanged: isUnchanged
    }
  }

  try {
    // A window at a time: read and hash each article, serve what the cache
    // holds, build the rest (on worker threads when there are enough), and
    // hand the reports on in order. Only one window of texts and reports is
    // ever in memory.
    for (let start = 0; start < inputs.length; start += windowSize) {
      const window = inputs.slice(start, start + windowSize)
      const reports: Array<ArticleReport | undefined> = []
      const misses: Array<{index: number; task: ArticleTask}> = []
      // What the channels take from each built article, handed on in order.
      const channelFacts: Array<[ArticleResult, string] | undefined> = []
      for (const [index, input] of window.entries()) {
        const clash = clashOf(input)
        const read = clash ? undefined : readArticle(cwd, input, maxFileSize)
        if (!read || 'failed' in read) {
          const failed = clash ?? (read as {failed: VFile}).failed
          reports[index] = failedReport(failed)
          options.onProgress?.(++done, total)
          continue
        }
        const key = cache.keyOf(read.task)
        const hit = cache.lookup(stemOf(input), key)
        if (!hit) {
          read.task.cache = {location: cache.locationOf(stemOf(input)), key}
          misses.push({index, task: read.task})
          continue
        }
        reports[index] = toReport(hit, true)
        channelFacts[index] = [hit, read.task.display]
        options.onProgress?.(++done, total)
      }

      const finish = (miss: (typeof misses)[number], built: ArticleResult) => {
        reports[miss.index] = toReport(built, false)
        channelFacts[miss.index] = [built, miss.task.display]
        options.onProgress?.(++done, total)
      }
      const worthWorkers = Math.min(minimumPerWorker * jobs, windowSize / 2)
      if (jobs > 1 && (pool || misses.length >= worthWorkers)) {
        pool ??= await startPool(jobs, settings)
        const running = pool
        await Promise.all(
          misses.map(async (miss) => finish(miss, await running.run(miss.task)))
        )
      } else {
        const {buildArticle} = await import('./build-article.js')
        for (const miss of misses) {
          finish(miss, await buildArticle(miss.task, settings))
        }
      }

      for (const [index, report] of reports.entries()) {
        if (report) emit(report)
        const facts = channelFacts[index]
        if (!channels || !facts) continue
        const [built, display] = facts
        if (built.feedEntry) channels.add(built.feedEntry)
        else if (!built.fatal) channels.skip(display)
      }
    }
  } finally {
    await pool?.close()
  }

  if (channels) {
    const collected = channels.collected()
    // Written from `collected` alone: the same state, with the files as
    // they were written, needs no serializer loaded.
    const state = JSON.stringify(collected)
    const kept = cache.lookupChannels(state)
    if (kept) {
      emit({
        files: kept.map(fromPlainFile),
        counts: countMessages(kept),
        written: [],
        unchanged: false
      })
    } else {
      const {writeChannels} = await import('./write-channels.js')
      const channelsWritten = writeChannels(
        config,
        collected,
        outputRoot,
        (name) => toPosix(path.relative(cwd, path.join(outputRoot, name)))
      )
      const plain = channelsWritten.files.map(toPlainFile)
      // Nothing written: nothing to serve next time (and no cache folder
      // made for a build that wrote nothing).
      if (
        channelsWritten.present.length > 0 &&
        !plain.some((file) => file.messages.some((message) => message.fatal))
      ) {
        cache.recordChannels(state, plain, channelsWritten.present)
      }
      emit({
        files: channelsWritten.files,
        counts: countMessages(channelsWritten.files),
        written: channelsWritten.written,
        unchanged: false
      })
    }
  }

  return result()
}

/** Articles read, hashed and built together; bounds memory. */
const windowSize = 256

/**
 * Below this many articles per worker, starting workers (each loads the
 * whole pipeline) costs more than it saves.
 */
const minimumPerWorker = 16

async function startPool(jobs: number, settings: BuildSettings) {
  const {createPool} = await import('./pool.js')
  return createPool(jobs, settings)
}

/** Read an article and its sidecar into a task, or say why it cannot be. */
function readArticle(
  cwd: string,
  input: Input,
  maxFileSize: number
): {task: ArticleTask} | {failed: VFile} {
  const display = displayOf(cwd, input)
  let bytes: Uint8Array
  try {
    // Checked before reading: a huge file is refused without loading it.
    // Synchronous reads: small files, read in order; the thread pool's
    // round trip would cost more than the read.
    const {size} = statSync(input.absolute)
    if (size > maxFileSize) {
      const file = new VFile({path: display})
      fail(
        file,
        `Unexpected file of ${size} bytes, expected at most ${maxFileSize} bytes (raise \`maxFileSize\` in \`${configName}\` for longer articles)`,
        'file-too-large'
      )
      return {failed: file}
    }
    bytes = readFileSync(input.absolute)
  } catch (error) {
    const file = new VFile({path: display})
    fail(
      file,
      `Unexpected unreadable file (${codeOf(error)}), expected a readable text file`,
      'read-error'
    )
    return {failed: file}
  }
  const sidecarPath = input.absolute.replace(/\.[^./\\]*$/, '') + sidecarSuffix
  let sidecarText: string | undefined
  try {
    // Most articles have none: asked first, without an exception. Only a
    // plain file: never a link out of the folder, a FIFO or a device.
    const info = lstatSync(sidecarPath, {throwIfNoEntry: false})
    if (info && (!info.isFile() || info.size > maxFileSize)) {
      const file = new VFile({path: toPosix(path.relative(cwd, sidecarPath))})
      fail(
        file,
        info.isFile()
          ? `Unexpected sidecar of ${info.size} bytes, expected at most ${maxFileSize} bytes`
          : 'Unexpected sidecar that is not a plain file (a link, a folder or a device), expected a JSON file',
        'read-error'
      )
      return {failed: file}
    }
    if (info) sidecarText = readFileSync(sidecarPath, 'utf8')
  } catch (error) {
    const file = new VFile({path: toPosix(path.relative(cwd, sidecarPath))})
    fail(
      file,
      `Unexpected unreadable sidecar (${codeOf(error)}), expected a readable JSON file`,
      'read-error'
    )
    return {failed: file}
  }
  return {
    task: {
      relative: input.relative,
      display,
      stem: stemOf(input),
      bytes,
      sidecar:
        sidecarText === undefined
          ? undefined
          : {
              display: toPosix(path.relative(cwd, sidecarPath)),
              text: sidecarText
            }
    }
  }
}

function displayOf(cwd: string, input: Input): string {
  return toPosix(path.relative(cwd, input.absolute))
}

// write-file-atomic writes `<target>.<number>` and renames it over `<target>`;
// a build killed in between leaves that temporary behind.
// Younger temporaries may belong to a build running right now.
const staleAfterMilliseconds = 60_000

/** Remove temporaries that an interrupted build left in the output folder. */
async function removeStaleTemporaries(
  outputRoot: string,
  suffixes: readonly string[]
): Promise<void> {
  const temporaryName = new RegExp(
    `(?:${[
      ...suffixes.map((suffix) =>
        suffix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
      ),
      // Parts of a split news sitemap, at the top of the output folder.
      '(?:^|[\\\\/])news-sitemap-\\d+\\.xml'
    ].join('|')})\\.\\d{1,10}$`
  )
  if (!existsSync(outputRoot)) return
  // Only names that end in a digit: listing every output of a large
  // archive would cost time and memory for nothing.
  const candidates = await glob('**/*.*[0-9]', {
    cwd: outputRoot,
    absolute: true,
    onlyFiles: true,
    followSymbolicLinks: false
  })
  for (const file of candidates) {
    if (!temporaryName.test(file)) continue
    const info = await stat(file).catch(() => undefined)
    if (info && Date.now() - info.mtimeMs > staleAfterMilliseconds) {
      await rm(file, {force: true})
    }
  }
}

/** The output path of an input without extension: `a/b.txt` -> `a/b`. */
function stemOf(input: Input): string {
  return input.relative.replace(/\.[^./]*$/, '')
}

/** Read and validate `copydesk.config.json` when the project has one. */
async function loadConfig(
  cwd: string
): Promise<{config?: Config | undefined; file?: VFile}> {
  const absolute = path.join(cwd, configName)
  if (!existsSync(absolute)) return {config: {}}
  const file = new VFile({
    path: configName,
    value: await readFile(absolute, 'utf8')
  })
  return {config: readJson(file, validateConfigSchema, 'config-schema'), file}
}

/** Expand files, folders and globs into articles with their input roots. */
async function discoverInputs(cwd: string, patterns: readonly string[]) {
  const inputs = new Map<string, Input>()
  const problems: VFile[] = []
  const add = (root: string, absolute: string) => {
    if (!inputs.has(absolute)) {
      inputs.set(absolute, {
        absolute,
        relative: toPosix(path.relative(root, absolute))
      })
    }
  }

  for (const pattern of patterns.length > 0 ? patterns : defaultInputs) {
    const absolute = path.resolve(cwd, pattern)
    const info = isDynamicPattern(pattern)
      ? undefined
      : await stat(absolute).catch(() => undefined)
    if (info?.isDirectory()) {
      const found = await glob('**/*.txt', {
        cwd: absolute,
        absolute: true,
        onlyFiles: true,
        followSymbolicLinks: false
      })
      for (const file of found) add(absolute, path.normalize(file))
      continue
    }
    if (info?.isFile()) {
      add(path.dirname(absolute), absolute)
      continue
    }
    if (isDynamicPattern(pattern)) {
      const base = path.resolve(cwd, staticPrefix(pattern))
      const found = await glob(pattern, {
        cwd,
        absolute: true,
        onlyFiles: true,
        followSymbolicLinks: false
      })
      const articles = found.filter((file) => !file.endsWith(sidecarSuffix))
      for (const file of articles) add(base, path.normalize(file))
      if (articles.length > 0) continue
    }
    const file = new VFile({path: pattern})
    fail(
      file,
      `Unexpected path \`${pattern}\` that matches no file, expected an article file, a folder or a glob`,
      'no-input'
    )
    problems.push(file)
  }

  // By path, so that the report reads in folder order.
  const sorted = [...inputs.values()].sort((a, b) =>
    compareStrings(a.absolute, b.absolute)
  )
  return {inputs: sorted, problems}
}

/** The folder part of a glob before its first dynamic segment. */
export function staticPrefix(pattern: string): string {
  const segments = pattern.split('/')
  const fixed: string[] = []
  for (const segment of segments) {
    if (isDynamicPattern(segment)) break
    fixed.push(segment)
  }
  return fixed.join('/') || '.'
}

/** Code-point order: the same on every machine, whatever the locale. */
function compareStrings(a: string | undefined, b: string | undefined): number {
  const left = a ?? ''
  const right = b ?? ''
  return left < right ? -1 : left > right ? 1 : 0
}

/** The report of a file refused before it was built. */
function failedReport(file: VFile): ArticleReport {
  return {
    files: [file],
    counts: countMessages([file]),
    written: [],
    unchanged: false
  }
}

/** Messages of `files` (VFiles or plain ones) by kind. */
function countMessages(
  files: ReadonlyArray<{
    messages: ReadonlyArray<{fatal?: boolean | null | undefined}>
  }>
) {
  const counts = {errors: 0, warnings: 0, infos: 0}
  for (const file of files) {
    for (const message of file.messages) {
      if (message.fatal === true) counts.errors++
      else if (message.fatal === false) counts.warnings++
      else counts.infos++
    }
  }
  return counts
}
