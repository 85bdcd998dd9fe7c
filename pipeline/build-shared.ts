// Small helpers the build and its workers share: fatal messages, paths,
// atomic writes.
import {mkdirSync} from 'node:fs'
import path from 'node:path'
import type {VFile} from 'vfile'
import writeFileAtomic from 'write-file-atomic'

const source = 'copydesk'

/** Add a fatal message to `file`. */
export function fail(file: VFile, reason: string, ruleId: string): void {
  const message = file.message(reason, {ruleId, source})
  message.fatal = true
}

/** Report `error`, a bug rather than bad input, as a fatal message. */
export function failInternal(file: VFile, error: unknown): void {
  const message = file.message(`Unexpected internal error: ${String(error)}`, {
    // The stack rides along as the cause; the CLI shows it with `--verbose`.
    cause: error instanceof Error ? error : new Error(String(error)),
    ruleId: 'internal-error',
    source
  })
  message.fatal = true
}

/**
 * Write `value` to `target` atomically (a temporary in the same folder, then
 * a rename), making the folder when it is missing. Synchronous: for files
 * this small, far cheaper than a round trip through the thread pool per
 * call. No fsync: a rename is atomic against a killed build (the case
 * copydesk guarantees); after a power cut, an output whose size changed is
 * rebuilt by the cache check.
 */
export function writeAtomic(target: string, value: string | Buffer): void {
  try {
    writeFileAtomic.sync(target, value, {fsync: false})
  } catch (error) {
    if (codeOf(error) !== 'ENOENT') throw error
    mkdirSync(path.dirname(target), {recursive: true})
    writeFileAtomic.sync(target, value, {fsync: false})
  }
}

export function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target)
  return (
    relative !== '' &&
    relative !== '..' &&
    !relative.startsWith(`..${path.sep}`) &&
    !path.isAbsolute(relative)
  )
}

export function codeOf(error: unknown): string {
  return error instanceof Error && 'code' in error
    ? String(error.code)
    : String(error)
}

export function toPosix(value: string): string {
  return value.split(path.sep).join('/')
}
