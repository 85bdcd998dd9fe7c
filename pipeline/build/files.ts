// Small helpers the build and its workers share: paths and atomic writes.
import {mkdirSync} from 'node:fs'
import path from 'node:path'
import writeFileAtomic from 'write-file-atomic'

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
