// Reports as plain data: what a worker thread sends back, and what the
// build cache keeps, for a file and its messages. `fromPlainFile` gives a
// VFile that vfile-reporter prints exactly as the original.
import type {Point, Position} from 'unist'
import {VFile} from 'vfile'

/** A message as structured-clone-safe data. */
export interface PlainMessage {
  reason: string
  place?: Point | Position | undefined
  ruleId?: string | undefined
  source?: string | undefined
  /** `true` error, `false` warning, `null` info. */
  fatal: boolean | null
  url?: string | undefined
  note?: string | undefined
  /** The stack of an internal error's cause. */
  causeStack?: string | undefined
}

/** A file's path and messages; its text and data are left behind. */
export interface PlainFile {
  path: string
  messages: PlainMessage[]
}

export function toPlainFile(file: VFile): PlainFile {
  return {
    path: file.path,
    messages: file.messages.map((message) => ({
      reason: message.reason,
      place: message.place ?? undefined,
      ruleId: message.ruleId ?? undefined,
      source: message.source ?? undefined,
      fatal: message.fatal ?? null,
      url: message.url ?? undefined,
      note: message.note ?? undefined,
      causeStack:
        message.cause instanceof Error
          ? (message.cause.stack ?? String(message.cause))
          : undefined
    }))
  }
}

export function fromPlainFile(plain: PlainFile): VFile {
  const file = new VFile({path: plain.path})
  for (const item of plain.messages) {
    let cause: Error | undefined
    if (item.causeStack !== undefined) {
      cause = new Error(item.causeStack.split('\n', 1)[0])
      cause.stack = item.causeStack
    }
    const message = file.message(item.reason, {
      place: item.place,
      ruleId: item.ruleId,
      source: item.source,
      cause
    })
    message.fatal = item.fatal === null ? undefined : item.fatal
    if (item.url !== undefined) message.url = item.url
    if (item.note !== undefined) message.note = item.note
  }
  return file
}
