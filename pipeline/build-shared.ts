// Small helpers the build and its workers share: fatal messages, paths.
import path from 'node:path'
import type {VFile} from 'vfile'

const source = 'copydesk'

/** Add a fatal message to `file`. */
export function fail(file: VFile, reason: string, ruleId: string): void {
  const message = file.message(reason, {ruleId, source})
  message.fatal = true
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
