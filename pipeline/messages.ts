// The one way copydesk raises a fatal message on a file: bad input that
// stops an article (`fail`), or a bug reported on the article it hit rather
// than thrown at the build (`failInternal`). Every stage and the build shell
// use these, so a fatal message always has a rule id and the source
// `copydesk`.
import {distance} from 'fastest-levenshtein'
import type {Point, Position} from 'unist'
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {lineKinds} from './rules/classify-line.js'

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

/**
 * Make `file`'s messages without capturing a JavaScript stack. A
 * `VFileMessage` is an `Error`: V8 records the stack when it is made, and
 * vfile-message then sets it to `''`. That cost 3 µs a message against
 * 0.6 µs without (20,000 messages, Node 20), and a CPU profile of a build
 * put it at 6% of the time. Only this file's `message` is wrapped (`info`
 * and `fail` go through it), for the synchronous moment of the call, so
 * no other error in the process loses its stack; an internal error keeps
 * its own, as the message's cause.
 */
export function withoutStacks(file: VFile): void {
  const message = file.message as (...parameters: unknown[]) => VFileMessage
  file.message = function (this: VFile, ...parameters: unknown[]) {
    const limit = Error.stackTraceLimit
    Error.stackTraceLimit = 0
    try {
      return message.apply(this, parameters)
    } finally {
      Error.stackTraceLimit = limit
    }
  } as VFile['message']
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
 * The rules whose level a project may set (`rules` in the config): every
 * warning and info copydesk reports, by rule id. Errors are not among them:
 * a fatal problem means nothing is written for its file, whatever the
 * config says.
 */
export const adjustableRules: ReadonlySet<string> = new Set([
  // Decoding and characters.
  'legacy-encoding',
  'illegal-character',
  'paragraphs-by-width',
  // Where the extractor guesses.
  'headline-wire-code',
  'headline-publication',
  'masthead-guess',
  'subheadline-caption',
  'end-matter-shape',
  'after-end-divider',
  'heading-or-caption',
  'date-from-text',
  // A line moved or dropped, by line rule kind.
  ...lineKinds,
  // Recommended metadata.
  'long-headline',
  'missing-date',
  'missing-image',
  'small-image',
  'author-without-url',
  // Config and sidecars.
  'unknown-property',
  // The channels.
  'no-feed-entry',
  'no-publication-name',
  'empty-news-sitemap',
  'news-sitemap-left-out',
  // The output folder.
  'removed-output'
])

/** A level the config may give a rule. */
export type RuleLevel = 'off' | 'info' | 'warning'

/**
 * Give each non-fatal message of `file` the level `levels` sets for its
 * rule: `off` removes it, `info` and `warning` set its level. Fatal
 * messages are never changed.
 */
export function applyRuleLevels(
  file: VFile,
  levels: Readonly<Record<string, RuleLevel | undefined>> | undefined
): void {
  if (!levels) return
  file.messages = file.messages.filter((message) => {
    if (message.fatal === true) return true
    const level = levels[message.ruleId ?? '']
    if (level === 'off') return false
    if (level === 'info') message.fatal = undefined
    if (level === 'warning') message.fatal = false
    return true
  })
}

/**
 * `; did you mean \`x\`?` with the candidate closest to `word`, when one
 * is close enough to be a typo (an edit for every three characters, at
 * least two); else empty.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const allowed = Math.max(2, Math.floor(word.length / 3))
  let best: string | undefined
  let bestDistance = allowed + 1
  for (const candidate of candidates) {
    const edits = distance(word.toLowerCase(), candidate.toLowerCase())
    if (edits < bestDistance) {
      best = candidate
      bestDistance = edits
    }
  }
  return best === undefined ? '' : `; did you mean \`${best}\`?`
}
