// One article of a build, from its bytes and sidecar text to its outputs on
// disk: what the build runs in-process or in a worker thread. Returns the
// report as plain data (see `vfile-transfer`), so that both ways give the
// same result. ruleIds: `invalid-sidecar`, `write-error` (fatal).
import {lstatSync, rmSync, statSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {processArticle, storyIdFromPath} from '../index.js'
import {validateMetaSchema} from '../json-schemas.js'
import {fail, failInternal} from '../messages.js'
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
