// The build: finds the input files, reads each article with its sidecar
// (`<stem>.meta.json`) and the project config (`copydesk.config.json`), runs
// the processor, and writes the outputs atomically. Every file is processed
// even when another fails; a file with a fatal message writes nothing.
// ruleIds: `no-input`, `read-error`, `file-too-large`, `output-collision`,
// `invalid-sidecar`, `write-error` (fatal), plus those of `read-json`.
import {existsSync, readFileSync, statSync} from 'node:fs'
import {readFile, rm, stat} from 'node:fs/promises'
import path from 'node:path'
import {glob, isDynamicPattern} from 'tinyglobby'
import {VFile} from 'vfile'
import type {
  ArticleResult,
  ArticleTask,
  BuildSettings
} from './build-article.js'
import {openCache} from './build-cache.js'
import {codeOf, fail, toPosix} from './build-shared.js'
import {validateConfigSchema} from './json-schemas.js'
import {nitfProfiles} from './nitf-profile.js'
import {readJson} from './read-json.js'
import type {Config} from './types.js'
import {fromPlainFile} from './vfile-transfer.js'

export const configName = 'copydesk.config.json'
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
  /** Called after each article, built or served from the cache. */
  onProgress?: ((done: number, total: number) => void) | undefined
}

/** What a build did: every file it reported on, in a stable order. */
export interface BuildResult {
  files: VFile[]
  /** Paths written, relative to `cwd`. */
  written: string[]
  /**
   * Files of `files` served from the cache: articles unchanged since a
   * build that reported these messages already.
   */
  unchanged: VFile[]
  /** How many articles were served from the cache. */
  unchangedArticles: number
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
  const files: VFile[] = []
  const written: string[] = []
  const unchanged: VFile[] = []
  let unchangedArticles = 0
  const outputRoot = path.resolve(cwd, options.output)

  await removeStaleTemporaries(outputRoot)
  const configFile = await loadConfig(cwd)
  if (configFile.file) files.push(configFile.file)
  if (!configFile.config) return {files, written, unchanged, unchangedArticles}
  const config = configFile.config
  const maxFileSize = config.maxFileSize ?? defaultMaxFileSize

  const {inputs, problems} = await discoverInputs(cwd, options.inputs)
  files.push(...problems)

  // Refuse, before writing anything, two inputs that map to one output file
  // (`a.txt` and `a.md`; `a.txt` and `a.x.txt` with a NITF profile `x`).
  // Case is folded: macOS and Windows take `A.jsonld` and `a.jsonld` for one.
  const suffixes = [
    '.jsonld',
    '.head.html',
    ...nitfProfiles(config).map((profile) => profile.suffix)
  ]
  const writers = new Map<string, Input[]>()
  const targetsOf = (input: Input) =>
    suffixes.map((suffix) => (stemOf(input) + suffix).toLowerCase())
  for (const input of inputs) {
    for (const target of new Set(targetsOf(input))) {
      writers.set(target, [...(writers.get(target) ?? []), input])
    }
  }

  const buildable: Input[] = []
  for (const input of inputs) {
    const clash = new Set(
      targetsOf(input).flatMap((target) =>
        (writers.get(target) ?? []).filter((other) => other !== input)
      )
    )
    if (clash.size === 0) {
      buildable.push(input)
      continue
    }
    const file = new VFile({path: displayOf(cwd, input)})
    fail(
      file,
      `Unexpected second input for the outputs of \`${stemOf(input)}\` (also from ${[...clash].map((other) => `\`${displayOf(cwd, other)}\``).join(', ')}), expected one input per output file; rename one of them`,
      'output-collision'
    )
    files.push(file)
  }

  // First pass: read and hash each article (without keeping it), serve what
  // the cache holds, and list the rest. Memory stays flat: only keys and
  // reports are kept, never texts.
  const cache = await openCache({
    cwd,
    outputRoot,
    // The config as validated, not as typed: comments and order do not
    // change outputs.
    settingsKey: JSON.stringify([config, suffixes]),
    force: options.force ?? false
  })
  const total = buildable.length
  let done = 0
  const progress = () => options.onProgress?.(++done, total)
  const record = (result: ArticleResult) => {
    files.push(...result.files.map(fromPlainFile))
    for (const file of result.written) {
      written.push(
        toPosix(path.relative(cwd, path.join(outputRoot, file.path)))
      )
    }
  }
  const misses: Array<{input: Input; key: string}> = []
  for (const input of buildable) {
    const read = await readArticle(cwd, input, maxFileSize)
    if ('failed' in read) {
      files.push(read.failed)
      progress()
      continue
    }
    const key = cache.keyOf(input.relative, read.task)
    const hit = await cache.lookup(stemOf(input), key)
    if (hit) {
      const served = hit.files.map(fromPlainFile)
      files.push(...served)
      unchanged.push(...served)
      unchangedArticles++
      progress()
      continue
    }
    misses.push({input, key})
  }

  // Second pass: build what changed, on worker threads when it is worth
  // their start-up, re-reading each article as its turn comes.
  const settings: BuildSettings = {cwd, outputRoot, config}
  const keys: Array<{stem: string; key: string}> = []
  let cursor = 0
  const next = async (): Promise<ArticleTask | undefined> => {
    while (cursor < misses.length) {
      const {input, key} = misses[cursor++] as {input: Input; key: string}
      const read = await readArticle(cwd, input, maxFileSize)
      if ('task' in read) {
        keys.push({stem: stemOf(input), key})
        return read.task
      }
      files.push(read.failed)
      progress()
    }
    return undefined
  }
  const finish = (result: ArticleResult) => {
    const {stem, key} = keys.shift() as {stem: string; key: string}
    record(result)
    if (result.fatal) cache.forget(stem)
    else cache.store(stem, key, result)
    progress()
  }
  const jobs = Math.max(1, Math.min(options.jobs ?? 1, misses.length))
  if (jobs > 1 && misses.length >= minimumPerWorker * jobs) {
    const {runPool} = await import('./pool.js')
    await runPool(jobs, settings, next, finish)
  } else {
    const {buildArticle} = await import('./build-article.js')
    for (let task = await next(); task; task = await next()) {
      finish(await buildArticle(task, settings))
    }
  }
  await cache.save()

  files.sort((a, b) => compareStrings(a.path, b.path))
  written.sort(compareStrings)
  return {files, written, unchanged, unchangedArticles}
}

/**
 * Below this many articles per worker, starting workers (each loads the
 * whole pipeline) costs more than it saves.
 */
const minimumPerWorker = 16

/** Read an article and its sidecar into a task, or say why it cannot be. */
async function readArticle(
  cwd: string,
  input: Input,
  maxFileSize: number
): Promise<{task: ArticleTask} | {failed: VFile}> {
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
    sidecarText = readFileSync(sidecarPath, 'utf8')
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') {
      const file = new VFile({path: toPosix(path.relative(cwd, sidecarPath))})
      fail(
        file,
        `Unexpected unreadable sidecar (${codeOf(error)}), expected a readable JSON file`,
        'read-error'
      )
      return {failed: file}
    }
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
const temporaryName = /\.(?:jsonld|nitf\.xml|head\.html)\.\d{1,10}$/
// Younger temporaries may belong to a build running right now.
const staleAfterMilliseconds = 60_000

/** Remove temporaries that an interrupted build left in the output folder. */
async function removeStaleTemporaries(outputRoot: string): Promise<void> {
  if (!existsSync(outputRoot)) return
  const candidates = await glob('**/*.*.*', {
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

  for (const pattern of patterns.length > 0 ? patterns : ['input']) {
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

  const sorted = [...inputs.values()].sort((a, b) =>
    compareStrings(a.relative, b.relative)
  )
  return {inputs: sorted, problems}
}

/** The folder part of a glob before its first dynamic segment. */
function staticPrefix(pattern: string): string {
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
