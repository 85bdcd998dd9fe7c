// Reads one article and its sidecar (`<stem>.meta.json`) from disk into a
// task for `build-article`, or says why it cannot be. Synchronous reads:
// small files, read in order; the thread pool's round trip would cost more
// than the read. Before reading, it asks the build cache whether the two
// files' stamps (size, times and inode, as git's index keeps them) are
// those of an entry: then the article is served without being read.
// ruleIds: `read-error`, `file-too-large` (fatal).
import {lstatSync, readFileSync, type Stats, statSync} from 'node:fs'
import path from 'node:path'
import {VFile} from 'vfile'
import {configName} from '../emit/output-names.js'
import {fail} from '../messages.js'
import type {ArticleResult, ArticleTask} from './article-task.js'
import {codeOf, toPosix} from './files.js'
import {displayOf, type Input, sidecarSuffix, stemOf} from './inputs.js'

/**
 * A file's stat that only a write changes: a stamp equal to one recorded
 * means the same bytes, unless the file was written again within the
 * clock tick of the recorded read (see `stampAt`).
 */
function stampOf(info: Stats | undefined): string {
  return info
    ? `${info.size}:${info.mtimeMs}:${info.ctimeMs}:${info.ino}`
    : 'none'
}

/**
 * The article's stamp (its file's and its sidecar's), or `undefined` when
 * either was changed within the last `racyMs` before `readAt`: a second
 * write in the same clock tick could leave the stamp as it was, so such a
 * file is read and hashed again by the next build (git's "racy clean").
 */
function stampAt(
  article: Stats,
  sidecar: Stats | undefined,
  readAt: number
): string | undefined {
  const newest = Math.max(article.ctimeMs, sidecar?.ctimeMs ?? 0)
  if (newest > readAt - racyMs) return undefined
  return `${stampOf(article)}/${stampOf(sidecar)}`
}

/** Far above the coarsest file-time tick of the file systems in use. */
const racyMs = 2000

/**
 * Read an article and its sidecar into a task, or say why it cannot be.
 * `served` is asked first with the files' stamp, when they have one: a
 * result it gives is the article's, and nothing is read.
 */
export function readArticle(
  cwd: string,
  input: Input,
  maxFileSize: number,
  served?: (stamp: string) => ArticleResult | undefined
): {task: ArticleTask} | {failed: VFile} | {served: ArticleResult} {
  const display = displayOf(cwd, input)
  const readAt = Date.now()
  const article = statArticle(input.absolute, display, maxFileSize)
  if (article instanceof VFile) return {failed: article}
  const sidecarPath = input.absolute.replace(/\.[^./\\]*$/, '') + sidecarSuffix
  const sidecarDisplay = toPosix(path.relative(cwd, sidecarPath))
  const sidecar = statSidecar(sidecarPath, sidecarDisplay, maxFileSize)
  if (sidecar instanceof VFile) return {failed: sidecar}
  const stamp = stampAt(article, sidecar, readAt)
  const result = stamp === undefined ? undefined : served?.(stamp)
  if (result) return {served: result}
  const bytes = readBytes(input.absolute, display)
  if (bytes instanceof VFile) return {failed: bytes}
  const sidecarText = sidecar && readSidecar(sidecarPath, sidecarDisplay)
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

/** The article's stat, or its fatal report. */
function statArticle(
  absolute: string,
  display: string,
  maxFileSize: number
): Stats | VFile {
  try {
    // Checked before reading: a huge file is refused without loading it.
    const info = statSync(absolute)
    if (info.size <= maxFileSize) return info
    return failed(
      display,
      `Unexpected file of ${info.size} bytes, expected at most ${maxFileSize} bytes (raise \`maxFileSize\` in \`${configName}\` for longer articles)`,
      'file-too-large'
    )
  } catch (error) {
    return unreadable(display, error, 'file', 'text file')
  }
}

/** The article's bytes, or its fatal report. */
function readBytes(absolute: string, display: string): Uint8Array | VFile {
  try {
    return readFileSync(absolute)
  } catch (error) {
    return unreadable(display, error, 'file', 'text file')
  }
}

/** The report of an article whose file or sidecar cannot be read. */
function unreadable(
  display: string,
  error: unknown,
  what: 'file' | 'sidecar',
  expected: 'text file' | 'JSON file'
): VFile {
  return failed(
    display,
    `Unexpected unreadable ${what} (${codeOf(error)}), expected a readable ${expected}`,
    'read-error'
  )
}

/** The sidecar's stat, `undefined` when there is none, or its fatal report. */
function statSidecar(
  absolute: string,
  display: string,
  maxFileSize: number
): Stats | undefined | VFile {
  try {
    // Most articles have none: asked first, without an exception. Only a
    // plain file: never a link out of the folder, a FIFO or a device.
    const info = lstatSync(absolute, {throwIfNoEntry: false})
    if (!info || (info.isFile() && info.size <= maxFileSize)) return info
    return failed(
      display,
      info.isFile()
        ? `Unexpected sidecar of ${info.size} bytes, expected at most ${maxFileSize} bytes`
        : 'Unexpected sidecar that is not a plain file (a link, a folder or a device), expected a JSON file',
      'read-error'
    )
  } catch (error) {
    return unreadable(display, error, 'sidecar', 'JSON file')
  }
}

/** The sidecar's text, or its fatal report. */
function readSidecar(absolute: string, display: string): string | VFile {
  try {
    return readFileSync(absolute, 'utf8')
  } catch (error) {
    return unreadable(display, error, 'sidecar', 'JSON file')
  }
}

function failed(display: string, reason: string, ruleId: string): VFile {
  const file = new VFile({path: display})
  fail(file, reason, ruleId)
  return file
}
