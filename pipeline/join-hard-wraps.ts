// Stage 3c, white space and hard wraps. Looks at the source layout once
// (wrap width, paragraphs marked by blank lines or by indentation) and
// rewrites every white space leaf of the nlcst tree to one of three values:
// ` ` (space, or a soft line break inside a hard-wrapped paragraph),
// `\n` (a real line break: header lines, byline under headline) or
// `\n\n` (a block break: blank line, or an indented first line).
// When the file marks its paragraphs, a single break inside a paragraph is a
// soft wrap; only text with no marking at all is split where a line ends
// short of the wrap width, and that guess is reported.
// Edits leaf values in place; reads and writes nothing in `file.data`.
// ruleIds (info): `paragraphs-by-width`.
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
  /**
   * Blank lines separate the paragraphs: more paragraphs end at a blank line
   * than at a line that ends short inside a block.
   */
  blankLineParagraphs: boolean
}

/** What a single line break means. */
export type Break = ' ' | '\n' | '\n\n'

interface SourceLine {
  text: string
  indent: number
  /** End column: indent plus text length. */
  width: number
}

/** A decision and whether the wrap width alone made it a line break. */
interface Decision {
  value: Break
  byWidth: boolean
}

// A wrapped line breaks because the next word did not fit; a few columns of
// slack cover wrappers that keep a margin.
const wrapSlack = 3
const maxWrapWidth = 100
// Sentence ends: a line that ends so may end a paragraph.
const sentenceEnd = /[.!?"”’)\]]$/
// List items and headings in notes and notebooks.
const bullet = /^(?:[-*•]|\d{1,2}[.)])\s/
const byline = /^(?:By|BY)\s+\p{Lu}/u
// Articles, prepositions and conjunctions that end no headline or sentence.
const endsOnFunctionWord =
  /(?:^|\s)(?:a|an|the|of|to|in|on|at|by|for|from|with|into|and|or|but|as|than|that)$/i

/** Join hard-wrapped lines and mark paragraph and line breaks. */
export default function joinHardWraps() {
  return (tree: Root, file: VFile): undefined => {
    const text = String(file.value)
    const lines = text.split('\n').map(toSourceLine)
    const layout = analyzeLayout(lines)
    const wrapped = markWrappedParagraphs(lines, layout)
    // Offsets of line starts, to find the lines around a break.
    const lineStarts = [0]
    for (let index = 0; index < text.length; index++) {
      if (text.charCodeAt(index) === 10) lineStarts.push(index + 1)
    }
    let reported = false

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
      const index = lineIndexAt(lineStarts, node.position?.start.offset ?? 0)
      const decision = decideBreak(
        lines[index],
        lines[index + 1],
        layout,
        wrapped[index] ?? false
      )
      const before = lines[index]
      node.value = decision.value
      // One message is enough: the desk reviews the whole split.
      if (
        decision.byWidth &&
        !reported &&
        before &&
        sentenceEnd.test(before.text)
      ) {
        reported = true
        file.info(
          `Unexpected paragraph break chosen by line width alone, expected blank lines or a first-line indent between paragraphs; check where paragraphs split (wrap width ${layout.wrapWidth})`,
          {place: node.position?.end, ruleId: 'paragraphs-by-width', source}
        )
      }
    })
  }
}

const source = 'copydesk'

/**
 * Decide what a single line break between two source lines means;
 * `wrapped` says whether the paragraph around it has a line that was surely
 * wrapped (its next word would not have fitted).
 */
export function classifyBreak(
  before: SourceLine | undefined,
  after: SourceLine | undefined,
  layout: Layout,
  wrapped = true
): Break {
  return decideBreak(before, after, layout, wrapped).value
}

function decideBreak(
  before: SourceLine | undefined,
  after: SourceLine | undefined,
  layout: Layout,
  wrapped: boolean
): Decision {
  const soft: Decision = {value: ' ', byWidth: false}
  const hard: Decision = {value: '\n', byWidth: false}
  if (!before || !after || after.text === '') return hard
  // Continuation lines sit shallower than first lines, so an indented line
  // after one at least as deep starts a paragraph: the line before was a
  // whole paragraph.
  if (
    layout.paragraphIndent > 0 &&
    after.indent >= layout.paragraphIndent &&
    after.indent >= before.indent
  ) {
    return {value: '\n\n', byWidth: false}
  }
  if (!layout.hardWrapped) return hard
  // ` =` ends a wire header line (status, headline, byline), however long
  // it is, and the line before it is a header line too.
  if (/\s=$/.test(before.text) || /\s=$/.test(after.text)) return hard
  // A dateline with a date or an agency opens a lead, never goes on a line.
  const dateline = parseDateline(after.text)?.dateline
  if (dateline && (dateline.date || dateline.agency)) return hard
  // In text whose paragraphs start at one indent, a shallower indent is a
  // continuation line, not a paragraph of its own.
  if (layout.paragraphIndent > 0 && after.indent > 0) return soft
  if (!wouldFit(before, after, layout.wrapWidth)) return soft
  // A line can end early (a dateline put before the lead, a long word
  // pushed down) and still go on: the sentence runs on into lower case, or
  // the line ends on a word that cannot end one (`the`, `of`, `and`).
  const runsOn =
    !sentenceEnd.test(before.text) &&
    (/^\p{Ll}/u.test(after.text) || endsOnFunctionWord.test(before.text))
  if (runsOn) return soft
  if (layout.paragraphIndent > 0 || layout.blankLineParagraphs) {
    // The file marks its paragraphs, so a line that ends early inside one
    // is a wrapper's choice, unless the lines are not wrapped prose: a
    // block of header lines (headline and deck, headline and byline) has no
    // line that was surely wrapped.
    return wrapped && !isLineOfItsOwn(before, after, layout) ? soft : hard
  }
  return {value: '\n', byWidth: true}
}

/**
 * Whether a line that ended early stands on a line of its own in a file that
 * marks its paragraphs: header and status lines far shorter than the wrap
 * width, a byline, a rule or heading, list items, a credit in parentheses
 * after a sentence.
 */
function isLineOfItsOwn(
  before: SourceLine,
  after: SourceLine,
  layout: Layout
): boolean {
  if (before.width * 2 < layout.wrapWidth) return true
  if (byline.test(after.text)) return true
  if (!/[\p{L}\p{N}]/u.test(before.text) || !/[\p{L}\p{N}]/u.test(after.text))
    return true
  if (before.text.startsWith('#')) return true
  if (
    bullet.test(after.text) &&
    (bullet.test(before.text) || before.text.endsWith(':'))
  ) {
    return true
  }
  return after.text.startsWith('(') && sentenceEnd.test(before.text)
}

/** Whether the first word of `after` would have fitted at the end of `before`. */
function wouldFit(
  before: SourceLine,
  after: SourceLine,
  wrapWidth: number
): boolean {
  const firstWord = after.text.split(/\s/, 1)[0] ?? ''
  return before.width + 1 + firstWord.length <= wrapWidth - wrapSlack
}

/**
 * For each line, whether its paragraph (lines between blank lines and, in
 * indented text, between first lines) holds a line that was surely wrapped:
 * a line of several words whose next line's first word would not have fitted.
 */
export function markWrappedParagraphs(
  lines: readonly SourceLine[],
  layout: Layout
): boolean[] {
  const marks: boolean[] = new Array(lines.length).fill(false)
  let start = 0
  let evidence = false
  const close = (end: number) => {
    for (let index = start; index < end; index++) marks[index] = evidence
    start = end
    evidence = false
  }
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]
    const next = lines[index + 1]
    if (!line) continue
    const startsParagraph =
      line.text === '' ||
      (layout.paragraphIndent > 0 && line.indent >= layout.paragraphIndent)
    if (startsParagraph && index > start) close(index)
    if (
      next &&
      line.text !== '' &&
      next.text !== '' &&
      /\s/.test(line.text) &&
      !wouldFit(line, next, layout.wrapWidth)
    ) {
      evidence = true
    }
  }
  close(lines.length)
  return marks
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
  return {
    wrapWidth,
    hardWrapped,
    paragraphIndent,
    blankLineParagraphs: countsBlankLineParagraphs(lines, wrapWidth)
  }
}

/**
 * Whether blank lines mark the paragraphs: at least two sentences end at a
 * blank line, and more than end at a line that stops short of the wrap
 * width inside a block (how text without blank lines splits paragraphs).
 * A blank line under the headline and one over the signature are not enough.
 */
function countsBlankLineParagraphs(
  lines: readonly SourceLine[],
  wrapWidth: number
): boolean {
  let atBlank = 0
  let shortInBlock = 0
  let last = lines.length - 1
  while (last > 0 && lines[last]?.text === '') last--
  for (let index = 0; index + 1 < last; index++) {
    const line = lines[index]
    const next = lines[index + 1]
    if (!line || !next || line.text === '' || !sentenceEnd.test(line.text)) {
      continue
    }
    if (next.text === '') {
      atBlank++
      continue
    }
    if (wouldFit(line, next, wrapWidth)) shortInBlock++
  }
  return atBlank >= 2 && atBlank > shortInBlock
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
