// Stage 3c, white space and hard wraps. Looks at the source layout once
// (wrap width, paragraphs marked by indentation) and rewrites every white
// space leaf of the nlcst tree to one of three values:
// ` ` (space, or a soft line break inside a hard-wrapped paragraph),
// `\n` (a real line break: header lines, byline under headline) or
// `\n\n` (a block break: blank line, or an indented first line).
// Edits leaf values in place; reads and writes nothing in `file.data`.
import type {Root} from 'nlcst'
import type {VFile} from 'vfile'
import {parseDateline} from './rules/parse-dateline.js'
import {forEachLeaf} from './walk-leaves.js'

/** What the source layout says about line breaks. */
export interface Layout {
  /**
   * Widest line of more than one word that is followed by another line of
   * its paragraph, or 0.
   */
  wrapWidth: number
  /** Lines were wrapped at a fixed width, so single breaks can be soft. */
  hardWrapped: boolean
  /**
   * Columns of the indent that starts a paragraph when paragraphs are marked
   * by indentation alone (the most common indent after a text line), else 0.
   */
  paragraphIndent: number
}

interface SourceLine {
  text: string
  indent: number
  /** End column: indent plus text length. */
  width: number
}

// A wrapped line breaks because the next word did not fit; a few columns of
// slack cover wrappers that keep a margin.
const wrapSlack = 3
const maxWrapWidth = 100

/** Join hard-wrapped lines and mark paragraph and line breaks. */
export default function joinHardWraps() {
  return (tree: Root, file: VFile): undefined => {
    const text = String(file.value)
    const lines = text.split('\n').map(toSourceLine)
    const layout = analyzeLayout(lines)
    // Offsets of line starts, to find the lines around a break.
    const lineStarts = [0]
    for (let index = 0; index < text.length; index++) {
      if (text.charCodeAt(index) === 10) lineStarts.push(index + 1)
    }

    forEachLeaf(tree, (node) => {
      if (node.type !== 'WhiteSpaceNode') return
      const newlines = countNewlines(node.value)
      if (newlines === 0) {
        node.value = ' '
        return
      }
      if (newlines > 1) {
        node.value = '\n\n'
        return
      }
      const offset = node.position?.start.offset ?? 0
      const before = lines[lineIndexAt(lineStarts, offset)]
      const after = lines[lineIndexAt(lineStarts, offset) + 1]
      node.value = classifyBreak(before, after, layout)
    })
  }
}

/** Decide what a single line break between two source lines means. */
export function classifyBreak(
  before: SourceLine | undefined,
  after: SourceLine | undefined,
  layout: Layout
): ' ' | '\n' | '\n\n' {
  if (!before || !after || after.text === '') return '\n'
  // Continuation lines sit shallower than first lines, so an indented line
  // after one at least as deep starts a paragraph: the line before was a
  // whole paragraph.
  if (
    layout.paragraphIndent > 0 &&
    after.indent >= layout.paragraphIndent &&
    after.indent >= before.indent
  ) {
    return '\n\n'
  }
  if (!layout.hardWrapped) return '\n'
  // ` =` ends a wire header line (headline, byline), however long it is.
  if (/\s=$/.test(before.text)) return '\n'
  // A dateline with a date or an agency opens a lead, never goes on a line.
  const dateline = parseDateline(after.text)?.dateline
  if (dateline && (dateline.date || dateline.agency)) return '\n'
  // In text whose paragraphs start at one indent, a shallower indent is a
  // continuation line, not a paragraph of its own.
  if (layout.paragraphIndent > 0 && after.indent > 0) return ' '
  const firstWord = after.text.split(/\s/, 1)[0] ?? ''
  const wouldFit =
    before.width + 1 + firstWord.length <= layout.wrapWidth - wrapSlack
  if (!wouldFit) return ' '
  // A line can end early (a dateline put before the lead, a long word
  // pushed down) and still go on: the sentence runs on into lower case.
  const runsOn =
    !/[.!?:;"”’)\]]$/.test(before.text) && /^\p{Ll}/u.test(after.text)
  return runsOn ? ' ' : '\n'
}

/** Measure wrap width and paragraph marking from the source lines. */
export function analyzeLayout(lines: readonly SourceLine[]): Layout {
  const continued: number[] = []
  const indentStarts = new Map<number, number>()
  for (let index = 0; index + 1 < lines.length; index++) {
    const line = lines[index]
    const next = lines[index + 1]
    if (!line || !next || line.text === '' || next.text === '') continue
    // A line of one word (a long URL, a run of characters) overflows any
    // width; it cannot tell where the wrapper broke.
    if (/\s/.test(line.text)) continued.push(line.width)
    if (next.indent > line.indent && next.indent >= 2) {
      indentStarts.set(next.indent, (indentStarts.get(next.indent) ?? 0) + 1)
    }
  }
  const wrapWidth = continued.length > 0 ? Math.max(...continued) : 0
  // Most continued lines of wrapped prose end close to the wrap width.
  const full = continued.filter((width) => width >= wrapWidth - 20).length
  // Wrapped text has few lines wider than its wrap width (an overlong
  // headline; a URL alone on its line overflows any width and does not
  // count); a few short header lines over long paragraphs that were never
  // wrapped have many.
  const overWide = lines.filter(
    (line) => line.width > wrapWidth + wrapSlack && /\s/.test(line.text)
  ).length
  const hardWrapped =
    continued.length >= 3 &&
    wrapWidth <= maxWrapWidth &&
    full >= continued.length / 2 &&
    overWide * 4 <= full
  // An indent that recurs marks paragraphs; a stray one is a slip of the wire.
  let paragraphIndent = 0
  let most = 1
  for (const [indent, count] of indentStarts) {
    if (count > most || (count === most && indent < paragraphIndent)) {
      paragraphIndent = indent
      most = count
    }
  }
  return {wrapWidth, hardWrapped, paragraphIndent}
}

/** Split a source line into indentation and trimmed text. */
export function toSourceLine(line: string): SourceLine {
  const trimmed = line.trim()
  const indent = trimmed === '' ? 0 : line.length - line.trimStart().length
  return {text: trimmed, indent, width: indent + trimmed.length}
}

function countNewlines(value: string): number {
  let count = 0
  for (const character of value) if (character === '\n') count++
  return count
}

/** Index of the line holding `offset`, by binary search over line starts. */
function lineIndexAt(lineStarts: readonly number[], offset: number): number {
  let low = 0
  let high = lineStarts.length - 1
  while (low < high) {
    const middle = (low + high + 1) >>> 1
    if ((lineStarts[middle] ?? 0) <= offset) low = middle
    else high = middle - 1
  }
  return low
}
