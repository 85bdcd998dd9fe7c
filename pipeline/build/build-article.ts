// One article of a build, from its bytes and sidecar text to its outputs on
// disk: what the build runs in-process or in a worker thread. Returns the
// report as plain data (see `vfile-transfer`), so that both ways give the
// same result. ruleIds: `invalid-sidecar`, `write-error` (fatal), and on
// the sidecar those of `read-json` with `meta-schema` and `language-tag`
// (from `checkMeta`). With the report on, the article's report page is one
// of its outputs (`report/articles/<stem>.html`): written, cached and
// removed with them.
import {lstatSync, rmSync, statSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import metaSchema from '../../schemas/meta.schema.json' with {type: 'json'}
import {processArticle, storyIdFromPath} from '../index.js'
import {checkMeta, validateMetaSchema} from '../json-schemas.js'
import {applyRuleLevels, fail, failInternal} from '../messages.js'
import {renderArticlePage} from '../report/article-page.js'
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
import {toPlainFile} from './vfile-transfer.js'

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

/** Build an article whose build may throw (a bug): see `buildArticle`. */
async function buildUncached(
  task: ArticleTask,
  settings: BuildSettings
): Promise<ArticleResult> {
  const sidecar = parseSidecar(task, settings)
  if (!sidecar.meta) {
    return {files: sidecar.files.map(toPlainFile), written: [], fatal: true}
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
  let fatal = !outputs || file.messages.some((message) => message.fatal)
  let written: WrittenFile[] = []
  let summary: ArticleResult['summary']
  if (outputs && !fatal) {
    const targets = Object.entries(outputs).map(
      ([suffix, value]): [string, string | Buffer] => [
        task.stem + suffix,
        value
      ]
    )
    if (settings.report) {
      const page = renderArticlePage(file, {
        stem: task.stem,
        sidecar: sidecar.files[0]
      })
      targets.push([page.name, page.html])
      summary = page.summary
    }
    const done = writeOutputs(file, targets, settings.outputRoot)
    fatal = done === undefined
    written = done ?? []
  }
  const files = [...sidecar.files, file]
  const result: ArticleResult = {files: files.map(toPlainFile), written, fatal}
  if (!fatal && file.data.feedEntry) result.feedEntry = file.data.feedEntry
  if (!fatal && summary) result.summary = summary
  return result
}

/**
 * Parse and check the sidecar, when the article has one. Gives the
 * metadata, or none after a fatal message, and the reports so far: the
 * sidecar's (when it has messages), and the article's refusal.
 */
function parseSidecar(
  task: ArticleTask,
  settings: BuildSettings
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
 * Write an article's outputs (`<stem><suffix>` each, and its report page),
 * given by their paths in the output folder, all or nothing: a failure
 * removes what this attempt wrote, fails `file` and gives `undefined`.
 */
function writeOutputs(
  file: VFile,
  files: ReadonlyArray<readonly [string, string | Buffer]>,
  outputRoot: string
): WrittenFile[] | undefined {
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
    fail(
      file,
      `Unexpected write failure (${codeOf(error)}), expected the output folder to be writable`,
      'write-error'
    )
    return undefined
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
