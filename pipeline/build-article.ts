// One article of a build, from its bytes and sidecar text to its outputs on
// disk: what the build runs in-process or in a worker thread. Returns the
// report as plain data (see `vfile-transfer`), so that both ways give the
// same result. ruleIds: `invalid-sidecar`, `write-error` (fatal).
import {lstatSync, rmSync, statSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {recordEntry} from './build-cache.js'
import {
  codeOf,
  fail,
  failInternal,
  isInside,
  toPosix,
  writeAtomic
} from './build-shared.js'
import type {FeedEntry} from './feed-entry.js'
import {processArticle, storyIdFromPath} from './index.js'
import {validateMetaSchema} from './json-schemas.js'
import {readJson} from './read-json.js'
import type {ArticleContext, Config, Meta} from './types.js'
import {type PlainFile, toPlainFile} from './vfile-transfer.js'

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
  /** Where and under which key to record the result in the build cache. */
  cache?: {location: string; key: string} | undefined
}

/** What every article of a build shares. */
export interface BuildSettings {
  cwd: string
  /** Absolute output folder. */
  outputRoot: string
  config: Config
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
}

/**
 * Build one article: parse its sidecar, run the processor, write the
 * outputs, then record the result in the build cache.
 */
export async function buildArticle(
  task: ArticleTask,
  settings: BuildSettings
): Promise<ArticleResult> {
  let result: ArticleResult
  try {
    result = await buildUncached(task, settings)
  } catch (error) {
    // A bug, not bad input: this article fails, the build goes on.
    const file = new VFile({path: task.display})
    failInternal(file, error)
    result = {files: [toPlainFile(file)], written: [], fatal: true}
  }
  if (task.cache) recordEntry(task.cache.location, task.cache.key, result)
  return result
}

async function buildUncached(
  task: ArticleTask,
  settings: BuildSettings
): Promise<ArticleResult> {
  const files: VFile[] = []
  let meta: Meta | undefined = {}
  if (task.sidecar) {
    const sidecar = new VFile({
      path: task.sidecar.display,
      value: task.sidecar.text
    })
    meta = readJson(sidecar, validateMetaSchema, 'meta-schema')
    if (sidecar.messages.length > 0) files.push(sidecar)
  }
  if (!meta) {
    const file = new VFile({path: task.display})
    fail(
      file,
      `Unexpected invalid sidecar \`${path.posix.basename(task.sidecar?.display ?? '')}\`, expected metadata valid against \`schemas/meta.schema.json\`; nothing written for this article`,
      'invalid-sidecar'
    )
    files.push(file)
    return {files: files.map(toPlainFile), written: [], fatal: true}
  }

  const context: ArticleContext = {
    path: task.relative,
    storyId: meta.id ?? storyIdFromPath(task.relative),
    meta,
    config: settings.config
  }
  const file = await processArticle(task.bytes, {path: task.display, context})
  files.push(file)
  const written: WrittenFile[] = []
  const outputs = file.data.outputs
  let fatal = !outputs || file.messages.some((message) => message.fatal)
  if (outputs && !fatal) {
    const base = path.join(settings.outputRoot, task.stem)
    try {
      // Checked before anything is written: every target inside the output
      // folder, and none of them a folder or a device already.
      const targets = Object.entries(outputs).map(
        ([suffix, value]) => [base + suffix, value] as const
      )
      for (const [target] of targets) {
        if (!isInside(settings.outputRoot, target)) {
          throw new Error(
            `refusing to write outside the output folder: ${target}`
          )
        }
        const info = lstatSync(target, {throwIfNoEntry: false})
        if (info && !info.isFile()) {
          throw Object.assign(new Error(`not a file: ${target}`), {
            code: 'EISDIR'
          })
        }
      }
      for (const [target, value] of targets) {
        writeAtomic(target, value)
        const info = statSync(target)
        written.push({
          path: toPosix(path.relative(settings.outputRoot, target)),
          size: info.size,
          mtimeMs: info.mtimeMs
        })
      }
    } catch (error) {
      // All or nothing: what this attempt wrote goes too.
      for (const file of written) {
        rmSync(path.join(settings.outputRoot, file.path), {force: true})
      }
      written.length = 0
      fail(
        file,
        `Unexpected write failure (${codeOf(error)}), expected the output folder to be writable`,
        'write-error'
      )
      fatal = true
    }
  }
  const result: ArticleResult = {files: files.map(toPlainFile), written, fatal}
  if (!fatal && file.data.feedEntry) result.feedEntry = file.data.feedEntry
  return result
}
