// What copydesk made of each line of an article's source, for its report
// page: the text as read (decoded, the text every position refers to),
// split into lines, each part of a line marked with the field it went to,
// from `file.data.positions` (`/headline`, `/body/3`, `/boilerplate/0`),
// and, for a line set aside or dropped, the line rule that took it (the
// rule id of the info message at its place). Pure.
import type {Position} from 'unist'
import {lineKinds} from '../rules/classify-line.js'
import type {FieldPositions} from '../types.js'
import type {ReportMessage} from './page-parts.js'

/** What a part of a line became. */
export type LineRole =
  | 'masthead'
  | 'headline'
  | 'subheadline'
  | 'byline'
  | 'dateline'
  | 'body'
  | 'note'
  | 'summary'
  | 'caption'
  | 'credit'
  | 'dropped'

/** The field of the article a part of a line went to. */
export interface RoleMark {
  role: LineRole
  /** Its index in the field's list: paragraph 0, byline 1. */
  index?: number | undefined
  /** The line rule that set it aside or dropped it (`signature`), if known. */
  kind?: string | undefined
  /** The field's source began on a line above (a wrapped paragraph). */
  continued?: boolean | undefined
  /** A line the byline took with it: the authors' title or agency. */
  title?: boolean | undefined
}

/** A run of a line's text with what it became. */
export interface LineSegment {
  text: string
  marks: RoleMark[]
}

/** One line of the source and what copydesk made of it. */
export interface SourceLine {
  /** From 1, as messages count lines. */
  number: number
  text: string
  segments: LineSegment[]
  /** What the line became: the marks of its first part with text. */
  marks: RoleMark[]
}

// Only the field itself and its items: `/bylines/0/authors/1/name` is
// the byline's line again.
const fieldPointer = /^\/([A-Za-z]+)(?:\/(\d+))?$/

const fieldRoles: Readonly<Record<string, LineRole>> = {
  publication: 'masthead',
  headline: 'headline',
  subheadline: 'subheadline',
  bylines: 'byline',
  dateline: 'dateline',
  body: 'body',
  editorNotes: 'note',
  summary: 'summary',
  captions: 'caption',
  credits: 'credit',
  boilerplate: 'dropped'
}

/** The order of roles that share a part of a line (`dateline · body ¶1`). */
const roleOrder: readonly LineRole[] = [
  'masthead',
  'headline',
  'subheadline',
  'byline',
  'dateline',
  'body',
  'note',
  'summary',
  'caption',
  'credit',
  'dropped'
]

/** Roles whose lines are not in the body: moved to a field or dropped. */
export const asideRoles: ReadonlySet<LineRole> = new Set([
  'note',
  'summary',
  'caption',
  'credit',
  'dropped'
])

/** A mark on one line, over columns `from` (inclusive) to `to` (exclusive). */
interface Span {
  mark: RoleMark
  from: number
  to: number
}

/**
 * Every line of `text` with what became of it, from the positions of the
 * article's fields and the messages placed at them.
 */
export function sourceLines(
  text: string,
  positions: FieldPositions,
  messages: readonly ReportMessage[]
): SourceLine[] {
  const texts = text.split('\n')
  const spans: Span[][] = texts.map(() => [])
  const kindAt = decisionKinds(messages)
  for (const [pointer, position] of Object.entries(positions)) {
    const match = fieldPointer.exec(pointer)
    const role = match ? fieldRoles[match[1] ?? ''] : undefined
    if (!match || !role) continue
    const base: RoleMark = {
      role,
      index: match[2] === undefined ? undefined : Number(match[2]),
      kind: kindAt.get(pointKey(position.start))
    }
    addSpans(spans, texts, base, position)
  }
  const lines = texts.map((line, index) =>
    toSourceLine(index + 1, line, spans[index] ?? [])
  )
  markBylineTitles(lines)
  return lines
}

/** Every kind a line rule gives, as its info message's rule id. */
const lineKindSet: ReadonlySet<string> = new Set(lineKinds)

/** The line rules that set lines aside, by the place of their info message. */
function decisionKinds(
  messages: readonly ReportMessage[]
): Map<string, string> {
  const kinds = new Map<string, string>()
  for (const message of messages) {
    const {place, ruleId} = message
    if (!place || !ruleId || !lineKindSet.has(ruleId)) continue
    kinds.set(pointKey('start' in place ? place.start : place), ruleId)
  }
  return kinds
}

function pointKey(point: {line: number; column: number}): string {
  return `${point.line}:${point.column}`
}

/** Mark the columns of `position` on every line it covers. */
function addSpans(
  spans: Span[][],
  texts: readonly string[],
  base: RoleMark,
  position: Position
): void {
  const {start} = position
  // A dateline opens its paragraph: its mark stays on the first line.
  const end =
    base.role === 'dateline' ? {...start, column: Infinity} : position.end
  for (let line = start.line; line <= end.line; line++) {
    const text = texts[line - 1]
    const list = spans[line - 1]
    if (text === undefined || !list) continue
    list.push({
      mark: line > start.line ? {...base, continued: true} : base,
      from: line === start.line ? start.column : 1,
      to: line === end.line ? end.column : text.length + 1
    })
  }
}

/** Split a line where its marks begin and end. */
function toSourceLine(
  number: number,
  text: string,
  spans: readonly Span[]
): SourceLine {
  const end = text.length + 1
  const cuts = new Set([1, end])
  for (const span of spans) {
    cuts.add(clamp(span.from, end))
    cuts.add(clamp(span.to, end))
  }
  const sorted = [...cuts].sort((a, b) => a - b)
  const segments: LineSegment[] = []
  for (let index = 0; index < sorted.length - 1; index++) {
    const from = sorted[index] as number
    const to = sorted[index + 1] as number
    let marks = spans
      .filter((span) => span.from <= from && span.to >= to)
      .map((span) => span.mark)
      .sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role))
    // A credit run on at the end of the last paragraph was cut from it:
    // the paragraph's span still covers it.
    if (marks.some((mark) => asideRoles.has(mark.role))) {
      marks = marks.filter((mark) => asideRoles.has(mark.role))
    }
    const piece = text.slice(from - 1, to - 1)
    const last = segments.at(-1)
    if (last && sameMarks(last.marks, marks)) last.text += piece
    else segments.push({text: piece, marks})
  }
  if (segments.length === 0) segments.push({text, marks: []})
  const first = segments.find((segment) => segment.text.trim() !== '')
  return {number, text, segments, marks: first?.marks ?? []}
}

function clamp(column: number, end: number): number {
  return Math.min(Math.max(column, 1), end)
}

function sameMarks(a: readonly RoleMark[], b: readonly RoleMark[]): boolean {
  return a.length === b.length && a.every((mark, index) => mark === b[index])
}

/**
 * A byline's title line (`Associated Press`, `Staff Writer`) has no field
 * of its own: the byline took it. Such a line is one no field claims,
 * right under a byline, above the body.
 */
function markBylineTitles(lines: SourceLine[]): void {
  const bodyStart = lines.find((line) =>
    line.marks.some((mark) => mark.role === 'body')
  )?.number
  let previous: SourceLine | undefined
  for (const line of lines) {
    if (line.text.trim() === '') continue
    if (bodyStart !== undefined && line.number >= bodyStart) return
    const byline = previous?.marks.find((mark) => mark.role === 'byline')
    if (line.marks.length === 0 && byline) {
      const mark: RoleMark = {...byline, title: true, continued: false}
      line.marks = [mark]
      for (const segment of line.segments) {
        if (segment.text.trim() !== '') segment.marks = [mark]
      }
    }
    previous = line
  }
}
