// One article of a build, from its bytes and sidecar text to its outputs on
// disk: what the build runs in-process or in a worker thread. In two steps,
// so that the first can run where the output folder is not (a queue
// worker): `renderArticle` needs no disk, `writeArticle` writes what it
// gave. Both give the report as plain data (see `vfile-transfer`), so that both ways give the
// same result. ruleIds: `invalid-sidecar`, `write-error` (fatal), and on
// the sidecar those of `read-json` with `meta-schema` and `language-tag`
// (from `checkMeta`). With the report on, the article's report page is one
// of its outputs (`report/articles/<stem>.html`): written, cached and
// removed with them.
import {lstatSync, rmSync, statSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import metaSchema from '../../schemas/meta.schema.json' with {type: 'json'}
import type {FeedEntry} from '../emit/feed-entry.js'
import {processArticle, storyIdFromPath} from '../index.js'
import {checkMeta, validateMetaSchema} from '../json-schemas.js'
import {applyRuleLevels, fail, failInternal} from '../messages.js'
import {type ArticleSummary, renderArticlePage} from '../report/article-page.js'
import type {ArticleContext, Meta} from '../types.js'
import type {
  ArticleResult,
  ArticleTask,
  BuildSettings,
  WrittenFile
} from './article-task.js'
import {recordEntry} from './build-cache.js'
import {codeOf, isInside, toPosix, writeAtomic} from './files.js'
import {readJson} from './read-json.js'
import {type PlainFile, toPlainFile} from './vfile-transfer.js'

/**
 * An article built but not yet written: its reports, and its outputs by
 * their paths in the output folder. Plain data, so that it can cross a
 * thread or a queue; a fatal article has no outputs.
 */
export interface RenderedArticle {
  /** Reports: the sidecar's (when it has messages), then the article's. */
  files: PlainFile[]
  fatal: boolean
  /** `[path in the output folder, bytes]`, in the order they are written. */
  outputs: Array<[string, string | Uint8Array]>
  feedEntry?: FeedEntry | undefined
  summary?: ArticleSummary | undefined
}

/**
 * Build one article: parse its sidecar, run the processor, write the
 * outputs, then record the result in the build cache.
 */
export async function buildArticle(
  task: ArticleTask,
  settings: BuildSettings
): Promise<ArticleResult> {
  return writeArticle(task, await renderArticle(task, settings), settings)
}

/**
 * Everything of an article's build that needs no disk: sidecar, processor,
 * serialized outputs and report page. Never throws: a bug fails the
 * article alone.
 */
export async function renderArticle(
  task: Omit<ArticleTask, 'cache'>,
  settings: Omit<BuildSettings, 'outputRoot'>
): Promise<RenderedArticle> {
  try {
    return await renderUnchecked(task, settings)
  } catch (error) {
    // A bug, not bad input: this article fails, the build goes on.
    const file = new VFile({path: task.display})
    failInternal(file, error)
    return {files: [toPlainFile(file)], outputs: [], fatal: true}
  }
}

/**
 * Write what `renderArticle` gave into the output folder, all or nothing,
 * and record the result in the build cache when the task says where.
 */
export function writeArticle(
  task: ArticleTask,
  rendered: RenderedArticle,
  settings: Pick<BuildSettings, 'outputRoot'>
): ArticleResult {
  let result: ArticleResult = {
    files: rendered.files,
    written: [],
    fatal: rendered.fatal
  }
  if (!rendered.fatal) {
    const written = writeOutputs(rendered.outputs, settings.outputRoot)
    if (Array.isArray(written)) {
      result.written = written
      if (rendered.feedEntry) result.feedEntry = rendered.feedEntry
      if (rendered.summary) result.summary = rendered.summary
    } else {
      // The write failure is the article's own report: its last file.
      const file = new VFile({path: task.display})
      fail(
        file,
        `Unexpected write failure (${written.failed}), expected the output folder to be writable`,
        'write-error'
      )
      const failure = toPlainFile(file).messages
      const files = rendered.files.map((plain, index, all) =>
        index === all.length - 1
          ? {...plain, messages: [...plain.messages, ...failure]}
          : plain
      )
      result = {files, written: [], fatal: true}
    }
  }
  if (task.cache) {
    const {location, key, stampKey} = task.cache
    recordEntry(location, key, result, stampKey)
  }
  return result
}

/** Render an article whose build may throw (a bug): see `renderArticle`. */
async function renderUnchecked(
  task: Omit<ArticleTask, 'cache'>,
  settings: Omit<BuildSettings, 'outputRoot'>
): Promise<RenderedArticle> {
  const sidecar = parseSidecar(task, settings)
  if (!sidecar.meta) {
    return {files: sidecar.files.map(toPlainFile), outputs: [], fatal: true}
  }
  const {meta} = sidecar
  const context: ArticleContext = {
    path: task.relative,
    storyId: meta.id ?? storyIdFromPath(task.relative),
    meta,
    config: settings.config
  }
  const file = await processArticle(task.bytes, {path: task.display, context})
  const outputs = file.data.outputs
  const fatal = !outputs || file.messages.some((message) => message.fatal)
  const rendered: RenderedArticle = {
    files: [...sidecar.files, file].map(toPlainFile),
    outputs: [],
    fatal
  }
  if (!outputs || fatal) return rendered
  for (const [suffix, value] of Object.entries(outputs)) {
    rendered.outputs.push([task.stem + suffix, value])
  }
  if (settings.report) {
    const page = renderArticlePage(file, {
      stem: task.stem,
      sidecar: sidecar.files[0]
    })
    rendered.outputs.push([page.name, page.html])
    rendered.summary = page.summary
  }
  if (file.data.feedEntry) rendered.feedEntry = file.data.feedEntry
  return rendered
}

/**
 * Parse and check the sidecar, when the article has one. Gives the
 * metadata, or none after a fatal message, and the reports so far: the
 * sidecar's (when it has messages), and the article's refusal.
 */
function parseSidecar(
  task: Omit<ArticleTask, 'cache'>,
  settings: Omit<BuildSettings, 'outputRoot'>
): {meta?: Meta; files: VFile[]} {
  if (!task.sidecar) return {meta: {}, files: []}
  const sidecar = new VFile({
    path: task.sidecar.display,
    value: task.sidecar.text
  })
  const meta = readJson(sidecar, validateMetaSchema, 'meta-schema', checkMeta, {
    schema: metaSchema
  })
  applyRuleLevels(sidecar, settings.config.rules)
  const files = sidecar.messages.length > 0 ? [sidecar] : []
  if (meta) return {meta, files}
  const file = new VFile({path: task.display})
  fail(
    file,
    `Unexpected invalid sidecar \`${path.posix.basename(task.sidecar.display)}\`, expected metadata valid against \`schemas/meta.schema.json\`; nothing written for this article`,
    'invalid-sidecar'
  )
  return {files: [...files, file]}
}

/**
 * Write an article's outputs, given by their paths in the output folder,
 * all or nothing: a failure removes what this attempt wrote and gives
 * its error code instead.
 */
function writeOutputs(
  files: ReadonlyArray<readonly [string, string | Uint8Array]>,
  outputRoot: string
): WrittenFile[] | {failed: string} {
  const written: WrittenFile[] = []
  try {
    const targets = files.map(
      ([name, value]) => [path.join(outputRoot, name), value] as const
    )
    for (const [target] of targets) checkTarget(outputRoot, target)
    for (const [target, value] of targets) {
      writeAtomic(target, value)
      const info = statSync(target)
      written.push({
        path: toPosix(path.relative(outputRoot, target)),
        size: info.size,
        mtimeMs: info.mtimeMs
      })
    }
    return written
  } catch (error) {
    // All or nothing: what this attempt wrote goes too.
    for (const done of written) {
      rmSync(path.join(outputRoot, done.path), {force: true})
    }
    return {failed: codeOf(error)}
  }
}

/**
 * Throw unless `target` may be written: inside the output folder, and not
 * a folder or a device already. Checked before anything is written.
 */
function checkTarget(outputRoot: string, target: string): void {
  if (!isInside(outputRoot, target)) {
    throw new Error(`refusing to write outside the output folder: ${target}`)
  }
  const info = lstatSync(target, {throwIfNoEntry: false})
  if (info && !info.isFile()) {
    throw Object.assign(new Error(`not a file: ${target}`), {code: 'EISDIR'})
  }
}
