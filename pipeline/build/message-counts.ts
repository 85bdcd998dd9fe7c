// Messages by kind, counted by vfile-statistics: on VFiles, and on the plain
// files that workers send back and the build cache keeps (see
// `vfile-transfer`), without turning those into VFiles.
import type {VFile} from 'vfile'
import {type Statistics, statistics} from 'vfile-statistics'

/** Messages by kind: fatal, warnings, and info. */
export interface MessageCounts {
  errors: number
  warnings: number
  infos: number
}

/** What vfile-statistics reads of a file: its messages' `fatal`. */
export interface CountableFile {
  messages: ReadonlyArray<{fatal?: boolean | null | undefined}>
}

/** Messages of `files` (VFiles or plain ones) by kind. */
export function countMessages(files: readonly CountableFile[]): MessageCounts {
  // vfile-statistics reads only `messages` and each message's `fatal`
  // (`true` error, `false` warning, anything else info), so plain files
  // count as VFiles do; its types ask for VFiles.
  const counts = statistics(files as unknown as VFile[])
  return {errors: counts.fatal, warnings: counts.warn, infos: counts.info}
}

/** Add `counts` to `total`. */
export function addCounts(total: MessageCounts, counts: MessageCounts): void {
  total.errors += counts.errors
  total.warnings += counts.warnings
  total.infos += counts.infos
}

/** `counts` as vfile-statistics gives them, as vfile-reporter reads them. */
export function toStatistics(counts: MessageCounts): Statistics {
  return {
    fatal: counts.errors,
    warn: counts.warnings,
    info: counts.infos,
    nonfatal: counts.warnings + counts.infos,
    total: counts.errors + counts.warnings + counts.infos
  }
}
