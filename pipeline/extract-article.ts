// Stage 4b, extract: reads `file.data.blocks` and writes `file.data.article`
// and `file.data.positions`. Walks the lines top-down for the header
// (wire envelope, masthead, headline, notes, subheadline, bylines), bottom-up
// for the trailer (signatures, credits, end notes, a press release's end
// matter, notebooks, footers), and files every line that is not body text
// where the formats have a field for it.
// ruleIds: `missing-headline` (fatal); warnings where the header rules
// guess: `headline-wire-code`, `headline-publication`, `masthead-guess`,
// `subheadline-caption`; one info per moved or dropped line: `envelope`,
// `status`, `editor-note`, `summary`, `caption`, `credit`, `signature`,
// `divider`, `notebook`, `leftover`, `copyright`, `timestamp`, `end-note`;
// `date-from-text` (info: a publication date taken from a date line the text
// states in full, when the sidecar has none).
// Warnings where the trailer rules guess: `end-matter-shape` (the body ends
// on a line shaped like a signature or end note),
// `after-end-divider` (paragraphs kept under a closing `___` or `-0-`);
// `heading-or-caption` (info: a sentence-long line with no closing
// punctuation between paragraphs, kept as a paragraph).
import type {Position} from 'unist'
import type {VFile} from 'vfile'
import {fail} from './messages.js'
import {
  anpaCategoryLine,
  classifyEndSectionLine,
  classifyEnvelopeLine,
  classifyHeaderLine,
  classifyLine,
  classifyTrailingLine,
  type LineKind,
  type LineRule,
  lineRules
} from './rules/classify-line.js'
import {
  type DeskRules,
  deskRules,
  noDeskRules,
  publicationKey
} from './rules/desk-rules.js'
import {isAgency, isTitleLine, parseByline} from './rules/parse-byline.js'
import {parseDateline} from './rules/parse-dateline.js'
import {readTextDate} from './rules/text-date.js'
import type {Article, Block, Byline, FieldPositions, Line} from './types.js'

const source = 'copydesk'

/** A line with the index of its block. */
interface Item extends Line {
  block: number
  /** Number of lines in its block. */
  blockSize: number
}

/** One decision to move or drop a line, reported as an info message. */
export interface Decision {
  kind: LineKind
  text: string
  position: Position
}

/** A guess the header rules made, reported as a warning at the line. */
export interface Doubt {
  reason: string
  ruleId: string
  position: Position
  /** An info rather than a warning: a shape worth a look, often right. */
  info?: boolean
}

/** The extracted article, where its fields came from, and what was set aside. */
export interface Extraction {
  article: Article
  positions: FieldPositions
  decisions: Decision[]
  doubts: Doubt[]
}

/** What the steps share: the lines, and the article as it fills up. */
interface Draft {
  items: readonly Item[]
  /** The line rules: the desk's (`copydesk.config.json`) before the built-in. */
  rules: readonly LineRule[]
  /** Publication names the desk taught, lower-cased. */
  publications: ReadonlySet<string>
  /** Agency names the desk taught, lower-cased, besides the built-in. */
  agencies: ReadonlySet<string>
  article: Article
  positions: FieldPositions
  decisions: Decision[]
  doubts: Doubt[]
}

/** The article fields that hold set-aside lines. */
type AsideField =
  | 'editorNotes'
  | 'summary'
  | 'captions'
  | 'credits'
  | 'boilerplate'

const reasons: Record<LineKind, string> = {
  envelope: 'Dropped wire keyword line',
  status: 'Dropped wire status line',
  'editor-note': 'Moved editor’s note out of the body:',
  summary: 'Moved summary bullet to the summary:',
  caption: 'Moved photo caption out of the body:',
  credit: 'Moved credit line to the credits:',
  signature: 'Dropped end signature',
  divider: 'Dropped divider line',
  notebook: 'Dropped desk notebook line',
  leftover: 'Dropped page leftover',
  copyright: 'Dropped copyright line',
  timestamp: 'Dropped date line',
  'end-note': 'Dropped end note'
}

// Lines that may stand between headline and lead without ending the header.
const headerAside = new Set<LineKind>([
  'editor-note',
  'summary',
  'caption',
  'timestamp',
  'leftover'
])

// Words of masthead names: `The Korea Times`, `BBC Sport`, `Press Association`.
const publicationWord =
  /\b(?:times|post|press|news|herald|journal|tribune|gazette|daily|weekly|reuters|associated|agency|guardian|telegraph|independent|chronicle|observer|standard|mail|express|star|sun|review|today|magazine|bbc|cnn|npr|abc|cbs|nbc|bloomberg|economist|variety|globe|courier|bulletin|monitor|inquirer|dispatch|record|examiner|sentinel|register|wire|sport|sports|media)\b/i
// A parenthesis closing a paragraph that has text before it.
const trailingParenthesis = /(?<=\S)\s+(\([^()]+\))$/
// A site name printed as its domain: `Example.com`, `news.example.co.uk`.
const domainName =
  /^[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:com|net|org|info|news|co\.uk|co|io|ca|in|uk|au|de|fr)$/iu
const smallWord =
  /^(?:the|a|an|of|and|in|on|for|to|at|by|de|la|le|el|du|des|der|die|das)$/i

/** Extract headline, bylines, dateline and body from the blocks. */
export default function extractArticle() {
  return (_tree: unknown, file: VFile): undefined => {
    const config = file.data.context?.config
    const extraction = extract(
      file.data.blocks ?? [],
      config ? deskRules(config) : noDeskRules
    )
    if (!extraction) {
      throw fail(
        file,
        'Unexpected empty text, expected a headline followed by body paragraphs',
        'missing-headline'
      )
    }
    for (const decision of extraction.decisions) {
      const shown =
        decision.text.length > 60
          ? `${decision.text.slice(0, 57)}…`
          : decision.text
      file.info(`${reasons[decision.kind]} \`${shown}\``, {
        place: decision.position,
        ruleId: decision.kind,
        source
      })
    }
    for (const doubt of extraction.doubts) {
      const options = {place: doubt.position, ruleId: doubt.ruleId, source}
      if (doubt.info) file.info(doubt.reason, options)
      else file.message(doubt.reason, options)
    }
    const stated = extraction.article.datePublished
    if (stated !== undefined && !file.data.context?.meta.datePublished) {
      file.info(
        `Unexpected publication date only in the text, expected \`datePublished\` in the sidecar; took \`${stated}\` from this line`,
        {
          place: extraction.positions['/datePublished'],
          ruleId: 'date-from-text',
          source
        }
      )
    }
    file.data.article = extraction.article
    file.data.positions = extraction.positions
  }
}

/** Pure extraction over blocks of lines; `undefined` when there is no text. */
export function extract(
  blocks: readonly Block[],
  desk: DeskRules = noDeskRules
): Extraction | undefined {
  const items = toItems(blocks)
  if (items.length === 0) return undefined
  const draft: Draft = {
    items,
    rules:
      desk.lineRules.length > 0 ? [...desk.lineRules, ...lineRules] : lineRules,
    publications: desk.publications,
    agencies: desk.agencies,
    article: emptyArticle(),
    positions: {},
    decisions: [],
    doubts: []
  }

  // Header, top-down: envelope, masthead, headline, then what sits under it.
  const headlineAt = takeMasthead(draft, skipEnvelope(draft, 0))
  if (!takeHeadline(draft, headlineAt)) return undefined
  const start = takeHeaderLines(draft, headlineAt + 1)

  // Trailer, bottom-up: what ends the text is not body. It is filed after
  // the body and a credit run on into its last paragraph, in text order.
  const {end, trailer} = splitTrailer(draft, start)
  const lastBody = takeBody(draft, start, end)
  doubtUnclosedLines(draft)
  splitRunOnCredit(draft, lastBody)
  doubtLastParagraph(draft, lastBody)
  for (const [item, kind] of trailer) setAside(draft, item, kind)

  const {article, positions, decisions, doubts} = draft
  return {article, positions, decisions, doubts}
}

/** Every line of every block, with the index and size of its block. */
function toItems(blocks: readonly Block[]): Item[] {
  return blocks.flatMap((block, index) =>
    block.lines.map((line) => ({
      ...line,
      block: index,
      blockSize: block.lines.length
    }))
  )
}

/** An article with no headline and every list empty. */
function emptyArticle(): Article {
  return {
    headline: '',
    bylines: [],
    body: [],
    summary: [],
    editorNotes: [],
    captions: [],
    credits: [],
    boilerplate: []
  }
}

/** Set aside the wire envelope lines from `start`; index of the first other. */
function skipEnvelope(draft: Draft, start: number): number {
  let index = start
  let current = draft.items[index]
  while (current) {
    const kind =
      classifyEnvelopeLine(current.text) ??
      anpaCodesAbove(current, draft.items[index + 1])
    if (!kind) break
    setAside(draft, current, kind)
    index++
    current = draft.items[index]
  }
  return index
}

/**
 * ANPA category codes (`C G L M`) are only an envelope line on top of the
 * selector line (`f0123 reute`) in the same block.
 */
function anpaCodesAbove(
  item: Item,
  next: Item | undefined
): LineKind | undefined {
  return next &&
    next.block === item.block &&
    anpaCategoryLine.test(item.text) &&
    classifyEnvelopeLine(next.text) === 'envelope'
    ? 'envelope'
    : undefined
}

/** Take the masthead at `index`, if it is one; index of the headline. */
function takeMasthead(draft: Draft, index: number): number {
  const verdict = taughtPublication(draft, index)
    ? 'sure'
    : mastheadAt(draft, index)
  if (!verdict) return index
  const masthead = draft.items[index] as Item
  if (verdict === 'guess') {
    draft.doubts.push({
      reason: `Unexpected short line \`${masthead.text}\` above the headline, expected a known publication name; taken as the masthead`,
      ruleId: 'masthead-guess',
      position: masthead.position
    })
  }
  draft.article.publication = masthead.text
  draft.positions['/publication'] = masthead.position
  return skipEnvelope(draft, index + 1)
}

/** Take the headline at `index`, without a wire ` =`; false if none is left. */
function takeHeadline(draft: Draft, index: number): boolean {
  const headline = draft.items[index]
  if (!headline) return false
  draft.article.headline = headline.text.replace(/\s*=$/, '')
  draft.positions['/headline'] = headline.position
  const doubt = headlineDoubt(draft.article.headline, draft.agencies)
  if (doubt) draft.doubts.push({...doubt, position: headline.position})
  return true
}

/** Does the headline look like a publication name or a wire code? */
function headlineDoubt(
  text: string,
  agencies: ReadonlySet<string>
): {reason: string; ruleId: string} | undefined {
  const shown = text.length > 60 ? `${text.slice(0, 57)}…` : text
  if (
    classifyEnvelopeLine(text) ||
    anpaCategoryLine.test(text) ||
    /(?:^|\s)(?:[a-z]{1,3}\d{4}|(?:BC|AM|PM)-\S+)(?:\s|$)/.test(text)
  ) {
    return {
      reason: `Unexpected wire code \`${shown}\` as the headline, expected a headline under the wire header`,
      ruleId: 'headline-wire-code'
    }
  }
  const words = text.split(' ')
  if (
    isAgency(text, agencies) ||
    domainName.test(text) ||
    (words.length <= 4 &&
      !/[.!?:;,]$/.test(text) &&
      (publicationWord.test(text) ||
        /^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}+$/u.test(text)) &&
      words.every((word) => smallWord.test(word) || /^\p{Lu}/u.test(word)))
  ) {
    return {
      reason: `Unexpected publication name \`${shown}\` as the headline, expected a headline under the masthead`,
      ruleId: 'headline-publication'
    }
  }
  return undefined
}

/**
 * Take what stands between headline and body: notes, bullets, subheadline,
 * bylines. Returns the index of the first body line.
 */
function takeHeaderLines(draft: Draft, start: number): number {
  const {items} = draft
  const bylineAt = findByline(draft, start)
  const deckEnd = bylineAt ?? findNotesUnderDeck(draft, start)
  const subheadline: Item[] = []
  let index = start
  while (index < items.length) {
    const item = items[index] as Item
    const kind = classifyHeaderLine(item.text, draft.rules)
    if (kind && headerAside.has(kind)) {
      setAside(draft, item, kind)
      index++
      continue
    }
    if (deckEnd !== undefined && index < deckEnd) {
      subheadline.push(item)
      index++
      continue
    }
    const byline =
      index === bylineAt
        ? parseByline(item.text, {namesOnly: true, agencies: draft.agencies})
        : bylineAt !== undefined && index > bylineAt
          ? parseByline(item.text, {agencies: draft.agencies})
          : undefined
    if (!byline) break
    index = takeByline(draft, index, byline)
  }
  // A deck that repeats the lead word for word is the lead, not written twice.
  const lead = items[index]
  if (!lead || foldWords(lead.text) !== foldWords(spanText(subheadline))) {
    setSubheadline(draft, subheadline)
  }
  return index
}

/** The text of header lines joined as one. */
function spanText(lines: readonly Item[]): string {
  return lines.map((item) => item.text).join(' ')
}

/** Words only, lower case: for comparing a deck with the lead. */
function foldWords(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** Take the byline at `index` and its title line; index of the next line. */
function takeByline(draft: Draft, index: number, byline: Byline): number {
  const {items, article, positions} = draft
  const item = items[index] as Item
  positions[`/bylines/${article.bylines.length}`] = item.position
  let next = index + 1
  const title = items[next]
  if (title && isTitleUnder(draft, item, title)) {
    addTitle(byline, title.text, draft.agencies)
    next++
  }
  byline.authors.forEach((_author, authorIndex) => {
    positions[
      `/bylines/${article.bylines.length}/authors/${authorIndex}/name`
    ] = item.position
  })
  article.bylines.push(byline)
  return next
}

/**
 * Join the lines above the bylines into the subheadline, if there are any.
 * A few words and a full stop there (`Sony's new headset.`) are as often
 * the caption of a lead photo as a deck, and a deck is a sentence or more:
 * such a line is set aside as a caption, with a warning at the line.
 */
function setSubheadline(draft: Draft, lines: readonly Item[]): void {
  if (lines.length === 0) return
  const deck = spanText(lines)
  const position = spanOf(lines)
  if (lines.length === 1 && deck.split(' ').length <= 5 && /\.$/.test(deck)) {
    draft.article.captions.push(deck)
    draft.positions[`/captions/${draft.article.captions.length - 1}`] = position
    draft.doubts.push({
      reason: `Unexpected short sentence \`${deck}\` between headline and byline, expected a deck of a sentence or more; set it aside as a photo caption`,
      ruleId: 'subheadline-caption',
      position
    })
    return
  }
  draft.article.subheadline = deck
  draft.positions['/subheadline'] = position
}

/**
 * Split off the trailer, bottom-up: a notebook and all after it, a press
 * release's end matter and all after it, then the signatures, credits, end
 * notes and footers that end the text. Returns where the body ends and the
 * trailer lines with their kinds, in order.
 */
function splitTrailer(
  draft: Draft,
  start: number
): {end: number; trailer: Array<[Item, LineKind]>} {
  const {items} = draft
  let end = items.length
  const notebookAt = items.findIndex(
    (item, itemIndex) =>
      itemIndex >= start && classifyLine(item.text, draft.rules) === 'notebook'
  )
  const trailer: Array<[Item, LineKind]> = []
  if (notebookAt !== -1) {
    for (const item of items.slice(notebookAt)) trailer.push([item, 'notebook'])
    end = notebookAt
  }
  const sectionAt = findEndSection(items, start, end)
  if (sectionAt !== undefined) {
    const section = items
      .slice(sectionAt, end)
      .map((item): [Item, LineKind] => [
        item,
        classifyTrailingLine(item.text, draft.rules) ?? 'end-note'
      ])
    trailer.unshift(...section)
    end = sectionAt
  }
  while (end > start) {
    const item = items[end - 1] as Item
    const kind =
      classifyTrailingLine(item.text, draft.rules) ??
      nameOverBio(item, trailer[0]?.[0])
    if (!kind || kind === 'summary') break
    trailer.unshift([item, kind])
    end--
  }
  doubtAfterEndDivider(draft, start, end)
  return {end, trailer}
}

/**
 * Index of the first body line, after the lead, that opens a press
 * release's end matter (`About Acme`, `Media contacts`, `SOURCE Acme`).
 */
function findEndSection(
  items: readonly Item[],
  start: number,
  end: number
): number | undefined {
  for (let index = start + 1; index < end; index++) {
    const item = items[index] as Item
    if (classifyEndSectionLine(item.text, items[index + 1]?.text)) return index
  }
  return undefined
}

// A person's name alone on a line: `Ana Dane`, `Ana M. de Souza`.
const bareName =
  /^\p{Lu}[\p{L}'’-]+(?: (?:\p{Lu}[\p{L}.'’-]*|de|da|van|von|del|bin|al)){1,3}$/u

/**
 * An author box at the end: the name alone over the bio that starts with
 * it (`Ana Dane` over `Ana Dane is a reporter …`).
 */
function nameOverBio(
  item: Item,
  below: Item | undefined
): LineKind | undefined {
  return below &&
    bareName.test(item.text) &&
    below.text.startsWith(`${item.text} `) &&
    classifyTrailingLine(below.text) === 'end-note'
    ? 'end-note'
    : undefined
}

// Wire end dividers: AP's `___` and the `-0-` of many wires, not the
// `***` or `---` of a section break.
const endDivider = /^(?:_{3,}|-0-)$/
// At most this many lines under an end divider are taken for end notes.
const maxLinesUnderDivider = 3

// A paragraph with a link or an address, or no sentence end.
const looksLikeEndNote = /https?:\/\/|www\.|\S@\S|\B@\w|[^.!?"”’)]$/

/**
 * Paragraphs left under a wire end divider (`___`, `-0-`) that no rule
 * took may be end notes of a shape no rule knows: they stay in the body
 * (a divider also parts a story from a sidebar), and each that has a link,
 * an address or no sentence end is reported.
 */
function doubtAfterEndDivider(draft: Draft, start: number, end: number): void {
  const {items} = draft
  const lowest = Math.max(start + 1, end - maxLinesUnderDivider)
  for (let index = end - 1; index >= lowest; index--) {
    const divider = items[index] as Item
    if (!endDivider.test(divider.text)) continue
    for (const item of items.slice(index + 1, end)) {
      if (!looksLikeEndNote.test(item.text)) continue
      draft.doubts.push({
        reason: `Unexpected paragraph \`${shorten(item.text)}\` under the end divider \`${divider.text}\`, expected end notes of a known shape only; kept it in the body`,
        ruleId: 'after-end-divider',
        position: item.position
      })
    }
    return
  }
}

// The last paragraph looks like end matter no rule knows: a name or a few
// words with no sentence end, initials, an all-caps code, a parenthesis.
const endMatterShape =
  /^(?:[\p{L}\p{N}'’&.-]+(?: [\p{L}\p{N}'’&.-]+){0,2}|\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}.'’-]*){1,3}|[\p{Lu}\p{N} /&.-]{2,30}|[a-z]{1,4}(?:[ /,-]+[a-z]{1,4}){0,6}|\([^()]{1,40}\))$/u

/**
 * Warn when the body ends on a line shaped like a signature or end note
 * that no rule took: the desk should check where the article ends.
 */
function doubtLastParagraph(draft: Draft, lastBody: Item | undefined): void {
  const text = draft.article.body.at(-1)
  if (!lastBody || text === undefined || draft.article.body.length < 2) return
  if (/[.!?]["”’)]?$/.test(text) || !endMatterShape.test(text)) return
  draft.doubts.push({
    reason: `Unexpected last paragraph \`${shorten(text)}\` shaped like a signature or end note, expected a sentence of the story; check where the article ends`,
    ruleId: 'end-matter-shape',
    position: lastBody.position
  })
}

// Between paragraphs, a line of a sentence's length that no punctuation
// closes: a heading (`Why the harbour matters`) or a photo caption (`The
// mayor visits the pier on Monday`) have the same shape. A short one is a
// heading; a long one is a paragraph that lost its stop. Numbered and
// bulleted list items are neither.
const unclosedWords = {min: 9, max: 20}
const closed = /[.!?:;…"”’)\]]$/
const listItem = /^(?:\d{1,3}[.)]|[*•·‣▪-])\s/

/**
 * Report each paragraph inside the body (not the first or last) shaped like
 * a heading or a caption of a sentence's length: it is kept as a paragraph,
 * and the desk should check it is not a caption.
 */
function doubtUnclosedLines(draft: Draft): void {
  const {body} = draft.article
  for (let index = 1; index < body.length - 1; index++) {
    const text = body[index] as string
    const words = text.split(' ').length
    if (words < unclosedWords.min || words > unclosedWords.max) continue
    if (closed.test(text) || listItem.test(text)) continue
    draft.doubts.push({
      reason: `Unexpected line \`${shorten(text)}\` of ${words} words with no closing punctuation between paragraphs, expected a sentence; kept it as a paragraph, it may be a heading or a photo caption`,
      ruleId: 'heading-or-caption',
      position: draft.positions[`/body/${index}`] as Position,
      info: true
    })
  }
}

/** `text`, cut to 60 characters for a message. */
function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text
}

/**
 * Take the body from `start` to `end`: every line is a paragraph, unless its
 * shape says otherwise. Returns the line of the last paragraph.
 */
function takeBody(draft: Draft, start: number, end: number): Item | undefined {
  const {items, article, positions} = draft
  let lastBody: Item | undefined
  for (let index = start; index < end; index++) {
    const item = items[index] as Item
    const kind = classifyLine(item.text, draft.rules)
    if (kind && kind !== 'summary') {
      setAside(draft, item, kind)
      continue
    }
    const text =
      article.body.length === 0 && !article.dateline
        ? takeDateline(draft, item)
        : item.text
    positions[`/body/${article.body.length}`] = item.position
    article.body.push(text)
    lastBody = item
  }
  return lastBody
}

/** Take a dateline opening `item`; the text of `item` after it. */
function takeDateline(draft: Draft, item: Item): string {
  const match = parseDateline(item.text, draft.agencies)
  if (!match) return item.text
  draft.article.dateline = match.dateline
  draft.positions['/dateline'] = item.position
  return item.text.slice(match.length)
}

/**
 * Move a credit run on at the end of the last paragraph, on its line or
 * wrapped into it: `… she said. (Reporting by X; Editing by Y)`.
 */
function splitRunOnCredit(draft: Draft, lastBody: Item | undefined): void {
  const {body} = draft.article
  const last = body.length - 1
  const runOn = trailingParenthesis.exec(body[last] ?? '')
  if (
    lastBody &&
    runOn?.[1] &&
    classifyLine(runOn[1], draft.rules) === 'credit'
  ) {
    body[last] = (body[last] ?? '').slice(0, runOn.index)
    setAside(
      draft,
      {...lastBody, text: runOn[1], position: tailOf(lastBody, runOn[1])},
      'credit'
    )
  }
}

/** File a non-body line in its field and remember why. */
function setAside(draft: Draft, item: Item, kind: LineKind): void {
  const {article, positions} = draft
  draft.decisions.push({kind, text: item.text, position: item.position})
  // The first date line that states date, time and zone in full.
  const stated =
    kind === 'timestamp' && article.datePublished === undefined
      ? readTextDate(item.text)
      : undefined
  if (stated !== undefined) {
    article.datePublished = stated
    positions['/datePublished'] = item.position
  }
  const field = asideField(kind)
  const text =
    kind === 'summary' ? item.text.replace(/^[*•·‣▪]\s+/, '') : item.text
  positions[`/${field}/${article[field].length}`] = item.position
  article[field].push(text)
}

/** The article field that a set-aside line of `kind` goes to. */
function asideField(kind: LineKind): AsideField {
  return kind === 'editor-note'
    ? 'editorNotes'
    : kind === 'summary'
      ? 'summary'
      : kind === 'caption'
        ? 'captions'
        : kind === 'credit'
          ? 'credits'
          : 'boilerplate'
}

/**
 * Whether the line at `index` is a publication name the desk taught
 * (`extraction.publications`), with a headline and text under it.
 */
function taughtPublication(draft: Draft, index: number): boolean {
  const item = draft.items[index]
  return (
    item !== undefined &&
    draft.items[index + 2] !== undefined &&
    draft.publications.has(publicationKey(item.text))
  )
}

/**
 * Is the line at `index` a masthead above a headline? `sure` when a known
 * agency, a publication word, a domain or its recurrence below confirms the
 * name; `guess` when only the layout does (a short name, the headline, then
 * a byline).
 */
function mastheadAt(draft: Draft, index: number): 'sure' | 'guess' | undefined {
  const {items, agencies} = draft
  const item = items[index]
  const next = items[index + 1]
  // Masthead and headline need text after them, or the masthead is the headline.
  if (
    !item ||
    !next ||
    !items[index + 2] ||
    item.blockSize !== 1 ||
    next.block === item.block
  ) {
    return undefined
  }
  const words = item.text.split(' ')
  if (
    words.length > 6 ||
    /[!?:;,]$/.test(item.text) ||
    /\.$/.test(item.text.replace(/\b(?:Inc|Co|Ltd|Corp)\.$/, '')) ||
    /\d/.test(item.text)
  ) {
    return undefined
  }
  const titleCase = words.every(
    (word) => smallWord.test(word) || /^[\p{Lu}\d]/u.test(word)
  )
  if (
    !titleCase &&
    !isAgency(item.text, agencies) &&
    !domainName.test(item.text)
  ) {
    return undefined
  }
  // The headline must follow: a line, not a byline or a lead with a dateline.
  if (
    next.text.length > 300 ||
    parseByline(next.text, {agencies}) ||
    parseDateline(next.text, agencies)
  ) {
    return undefined
  }
  const named =
    isAgency(item.text, agencies) ||
    domainName.test(item.text) ||
    (words.length <= 4 && publicationWord.test(item.text)) ||
    recursBelow(draft, index)
  // A confirmed name takes any headline: questions, quotes, two sentences.
  if (named) return 'sure'
  const headlineShaped =
    next.text.length <= 200 && !/[.!?]["”’]?$/.test(next.text)
  if (
    publicationWord.test(item.text) &&
    headlineShaped &&
    next.text.split(' ').length <= 14
  ) {
    return 'sure'
  }
  if (words.length > 3) return undefined
  // Without a publication word, only a very short name above a short line:
  // a Title Case headline over an unpunctuated lead is no masthead.
  if (headlineShaped && next.text.split(' ').length <= 14) return 'sure'
  // A short name, a line, then a byline: the layout of a masthead.
  const after = items[index + 2]
  return after &&
    after.block !== next.block &&
    parseByline(after.text, {agencies})
    ? 'guess'
    : undefined
}

/**
 * Does the name at `index` come back in the byline, dateline or signature
 * zones (the lines under the headline, the last lines)?
 */
function recursBelow(draft: Draft, index: number): boolean {
  const {items, agencies} = draft
  const name = (items[index] as Item).text.replace(/^the /i, '')
  if (name.length < 3) return false
  const pattern = new RegExp(
    `(?:^|[^\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:$|[^\\p{L}])`,
    'iu'
  )
  const near = items.slice(index + 2, index + 6)
  const last = items.slice(Math.max(index + 6, items.length - 3))
  return [...near, ...last].some(
    (item) =>
      item.text.length <= 160 &&
      pattern.test(item.text) &&
      (parseByline(item.text, {agencies}) !== undefined ||
        parseDateline(item.text, agencies) !== undefined ||
        item.text.length <= 60)
  )
}

/** Index of the first byline line after the headline, if one is near. */
function findByline(draft: Draft, start: number): number | undefined {
  const {items, rules, agencies} = draft
  let blocksSeen = 0
  let lastBlock = -1
  for (let index = start; index < items.length; index++) {
    const item = items[index] as Item
    if (item.block !== lastBlock) {
      blocksSeen++
      lastBlock = item.block
    }
    if (blocksSeen > 4) return undefined
    const kind = classifyHeaderLine(item.text, rules)
    if (kind && headerAside.has(kind)) {
      continue
    }
    if (parseByline(item.text, {agencies})) return index
    if (parseDateline(item.text, agencies)) return undefined
    const next = items[index + 1]
    if (
      next &&
      parseByline(item.text, {namesOnly: true, agencies}) &&
      (isTitleLine(next.text, agencies) || parseDateline(next.text, agencies))
    ) {
      return index
    }
  }
  return undefined
}

/**
 * Index of the update notes under a deck when there is no byline: headline,
 * a deck of one or two short lines, then `ADDS …`/`Will be updated` notes.
 */
function findNotesUnderDeck(draft: Draft, start: number): number | undefined {
  const {items, rules, agencies} = draft
  for (let index = start; index < start + 3; index++) {
    const item = items[index]
    if (!item) return undefined
    const kind = classifyHeaderLine(item.text, rules)
    if (kind === 'editor-note') return index > start ? index : undefined
    if (
      kind ||
      item.text.length > 200 ||
      /[.!?]["”’]?$/.test(item.text) ||
      parseDateline(item.text, agencies) ||
      items[index + 1]?.block === item.block
    ) {
      return undefined
    }
  }
  return undefined
}

/**
 * Is `title` the title line of the byline `item`? A title sits under its
 * byline, or alone in its block: the first line of a block that goes on
 * (`Critics of the plan` + more) opens the body.
 */
function isTitleUnder(draft: Draft, item: Item, title: Item): boolean {
  return (
    (title.block === item.block || title.blockSize === 1) &&
    isTitleLine(title.text, draft.agencies) &&
    !parseDateline(title.text, draft.agencies)
  )
}

/** A title line under a byline: an agency, or the authors' job title. */
function addTitle(
  byline: Byline,
  title: string,
  agencies: ReadonlySet<string>
): void {
  byline.text = `${byline.text}, ${title}`
  if (isAgency(title, agencies)) {
    byline.agency ??= title
    return
  }
  for (const author of byline.authors) author.jobTitle ??= title
}

/** The span of `tail`, the end of `item`'s text, on its last source line. */
function tailOf(item: Item, tail: string): Position {
  const {end} = item.position
  if (end.offset === undefined || tail.length >= end.column) {
    return item.position
  }
  const start = {
    line: end.line,
    column: end.column - tail.length,
    offset: end.offset - tail.length
  }
  return {start, end}
}

/** The span from the first of `items` to the last. */
function spanOf(items: readonly Item[]): Position {
  const first = items[0] as Item
  const last = items.at(-1) as Item
  return {start: first.position.start, end: last.position.end}
}
