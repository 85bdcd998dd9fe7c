// The one way copydesk raises a fatal message on a file: bad input that
// stops an article (`fail`), or a bug reported on the article it hit rather
// than thrown at the build (`failInternal`). Every stage and the build shell
// use these, so a fatal message always has a rule id and the source
// `copydesk`.
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

const source = 'copydesk'

/** Add a fatal message to `file`, at `place` when given. */
export function fail(
  file: VFile,
  reason: string,
  ruleId: string,
  place?: Point | Position | undefined
): VFileMessage {
  const message = file.message(reason, {ruleId, source, place})
  message.fatal = true
  return message
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
