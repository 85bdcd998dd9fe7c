// The build: finds the input files, reads each article with its sidecar
// (`<stem>.meta.json`) and the project config (`copydesk.config.json`), runs
// the processor, and writes the outputs atomically. Every file is processed
// even when another fails; a file with a fatal message writes nothing.
// ruleIds: `no-input`, `read-error`, `file-too-large`, `output-collision`,
// `invalid-sidecar`, `write-error` (fatal), plus those of `read-json`.
import {existsSync} from 'node:fs'
import {mkdir, readFile, rm, stat} from 'node:fs/promises'
import path from 'node:path'
import {glob, isDynamicPattern} from 'tinyglobby'
import {VFile} from 'vfile'
import writeFileAtomic from 'write-file-atomic'
import {processArticle, storyIdFromPath} from './index.js'
import {validateConfigSchema, validateMetaSchema} from './json-schemas.js'
import {nitfProfiles} from './nitf-profile.js'
import {readJson} from './read-json.js'
import type {ArticleContext, Config, Meta} from './types.js'

const source = 'copydesk'
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
}

/** What a build did: every file it reported on, in a stable order. */
export interface BuildResult {
  files: VFile[]
  /** Paths written, relative to `cwd`. */
  written: string[]
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
  const outputRoot = path.resolve(cwd, options.output)

  await removeStaleTemporaries(outputRoot)
  const configFile = await loadConfig(cwd)
  if (configFile.file) files.push(configFile.file)
  if (!configFile.config) return {files, written}
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

  for (const input of inputs) {
    const display = toPosix(path.relative(cwd, input.absolute))
    const stem = stemOf(input)
    const clash = new Set(
      targetsOf(input).flatMap((target) =>
        (writers.get(target) ?? []).filter((other) => other !== input)
      )
    )
    if (clash.size > 0) {
      const file = new VFile({path: display})
      fail(
        file,
        `Unexpected second input for the outputs of \`${stem}\` (also from ${[...clash].map((other) => `\`${toPosix(path.relative(cwd, other.absolute))}\``).join(', ')}), expected one input per output file; rename one of them`,
        'output-collision'
      )
      files.push(file)
      continue
    }

    const sidecar = await loadSidecar(cwd, input)
    if (sidecar.file) files.push(sidecar.file)

    let bytes: Uint8Array
    try {
      // Checked before reading: a huge file is refused without loading it.
      const {size} = await stat(input.absolute)
      if (size > maxFileSize) {
        const file = new VFile({path: display})
        fail(
          file,
          `Unexpected file of ${size} bytes, expected at most ${maxFileSize} bytes (raise \`maxFileSize\` in \`${configName}\` for longer articles)`,
          'file-too-large'
        )
        files.push(file)
        continue
      }
      bytes = await readFile(input.absolute)
    } catch (error) {
      const file = new VFile({path: display})
      fail(
        file,
        `Unexpected unreadable file (${codeOf(error)}), expected a readable text file`,
        'read-error'
      )
      files.push(file)
      continue
    }

    if (!sidecar.meta) {
      const file = new VFile({path: display})
      fail(
        file,
        `Unexpected invalid sidecar \`${sidecar.file?.basename}\`, expected metadata valid against \`schemas/meta.schema.json\`; nothing written for this article`,
        'invalid-sidecar'
      )
      files.push(file)
      continue
    }

    const context: ArticleContext = {
      path: input.relative,
      storyId: sidecar.meta.id ?? storyIdFromPath(input.relative),
      meta: sidecar.meta,
      config
    }
    const file = await processArticle(bytes, {path: display, context})
    files.push(file)
    const outputs = file.data.outputs
    if (!outputs || file.messages.some((message) => message.fatal)) continue

    const base = path.join(outputRoot, stem)
    try {
      await mkdir(path.dirname(base), {recursive: true})
      for (const [suffix, value] of Object.entries(outputs)) {
        const target = base + suffix
        if (!isInside(outputRoot, target)) {
          throw new Error(
            `refusing to write outside the output folder: ${target}`
          )
        }
        await writeFileAtomic(target, value)
        written.push(toPosix(path.relative(cwd, target)))
      }
    } catch (error) {
      fail(
        file,
        `Unexpected write failure (${codeOf(error)}), expected the output folder to be writable`,
        'write-error'
      )
    }
  }

  files.sort((a, b) => compareStrings(a.path, b.path))
  return {files, written}
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

/** Read and validate the sidecar of `input` when it has one. */
async function loadSidecar(
  cwd: string,
  input: Input
): Promise<{meta?: Meta | undefined; file?: VFile}> {
  const absolute = input.absolute.replace(/\.[^./\\]*$/, '') + sidecarSuffix
  if (!existsSync(absolute)) return {meta: {}}
  const file = new VFile({
    path: toPosix(path.relative(cwd, absolute)),
    value: await readFile(absolute, 'utf8')
  })
  return {meta: readJson(file, validateMetaSchema, 'meta-schema'), file}
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

function fail(file: VFile, reason: string, ruleId: string): void {
  const message = file.message(reason, {ruleId, source})
  message.fatal = true
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target)
  return (
    relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative)
  )
}

function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error
    ? String(error.code)
    : String(error)
}

function toPosix(value: string): string {
  return value.split(path.sep).join('/')
}

/** Code-point order: the same on every machine, whatever the locale. */
function compareStrings(a: string | undefined, b: string | undefined): number {
  const left = a ?? ''
  const right = b ?? ''
  return left < right ? -1 : left > right ? 1 : 0
}
