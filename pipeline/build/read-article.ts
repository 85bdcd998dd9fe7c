// Reads one article and its sidecar (`<stem>.meta.json`) from disk into a
// task for `build-article`, or says why it cannot be. Synchronous reads:
// small files, read in order; the thread pool's round trip would cost more
// than the read. ruleIds: `read-error`, `file-too-large` (fatal).
import {lstatSync, readFileSync, statSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {configName} from '../emit/output-names.js'
import {fail} from '../messages.js'
import type {ArticleTask} from './article-task.js'
import {codeOf, toPosix} from './files.js'
import {displayOf, type Input, sidecarSuffix, stemOf} from './inputs.js'

/** Read an article and its sidecar into a task, or say why it cannot be. */
export function readArticle(
  cwd: string,
  input: Input,
  maxFileSize: number
): {task: ArticleTask} | {failed: VFile} {
  const display = displayOf(cwd, input)
  const bytes = readArticleBytes(input.absolute, display, maxFileSize)
  if (bytes instanceof VFile) return {failed: bytes}
  const sidecarPath = input.absolute.replace(/\.[^./\\]*$/, '') + sidecarSuffix
  const sidecarDisplay = toPosix(path.relative(cwd, sidecarPath))
  const sidecarText = readSidecar(sidecarPath, sidecarDisplay, maxFileSize)
  if (sidecarText instanceof VFile) return {failed: sidecarText}
  return {
    task: {
      relative: input.relative,
      display,
      stem: stemOf(input),
      bytes,
      sidecar:
        sidecarText === undefined
          ? undefined
          : {display: sidecarDisplay, text: sidecarText}
    }
  }
}

/** The article's bytes, or its fatal report. */
function readArticleBytes(
  absolute: string,
  display: string,
  maxFileSize: number
): Uint8Array | VFile {
  try {
    // Checked before reading: a huge file is refused without loading it.
    const {size} = statSync(absolute)
    if (size > maxFileSize) {
      return failed(
        display,
        `Unexpected file of ${size} bytes, expected at most ${maxFileSize} bytes (raise \`maxFileSize\` in \`${configName}\` for longer articles)`,
        'file-too-large'
      )
    }
    return readFileSync(absolute)
  } catch (error) {
    return failed(
      display,
      `Unexpected unreadable file (${codeOf(error)}), expected a readable text file`,
      'read-error'
    )
  }
}

/** The sidecar's text, `undefined` when there is none, or its fatal report. */
function readSidecar(
  absolute: string,
  display: string,
  maxFileSize: number
): string | undefined | VFile {
  try {
    // Most articles have none: asked first, without an exception. Only a
    // plain file: never a link out of the folder, a FIFO or a device.
    const info = lstatSync(absolute, {throwIfNoEntry: false})
    if (!info) return undefined
    if (!info.isFile() || info.size > maxFileSize) {
      return failed(
        display,
        info.isFile()
          ? `Unexpected sidecar of ${info.size} bytes, expected at most ${maxFileSize} bytes`
          : 'Unexpected sidecar that is not a plain file (a link, a folder or a device), expected a JSON file',
        'read-error'
      )
    }
    return readFileSync(absolute, 'utf8')
  } catch (error) {
    return failed(
      display,
      `Unexpected unreadable sidecar (${codeOf(error)}), expected a readable JSON file`,
      'read-error'
    )
  }
}

function failed(display: string, reason: string, ruleId: string): VFile {
  const file = new VFile({path: display})
  fail(file, reason, ruleId)
  return file
}
