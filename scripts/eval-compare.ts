// Pure comparison of an extracted `Article` with a corpus label
// (`../shared/corpus/<id>.json`), used by `scripts/eval.ts`. Texts are folded
// first, so what copydesk changes on purpose (quotes, dashes, ellipses, white
// space) never counts as a miss.
import type {Article} from '../pipeline/types.js'

/** The fields of a corpus label that the README lists for evaluation. */
export interface Label {
  headline: string
  subheadline: string | null
  authors: string[]
  dateline: string | null
  paragraphCount: number
  firstParagraphStart: string
  lastParagraphEnd: string
  boilerplate: string[]
  summaryBullets: string[]
  publication: string | null
  datePublished: string | null
}

export type LabelResult = {ok: true; label: Label} | {ok: false; reason: string}

/** The compared fields, in the order the summary line reports them. */
export const summaryFields = [
  'headline',
  'authors',
  'dateline',
  'paragraphCount',
  'firstParagraph',
  'lastParagraph',
  'subheadline'
] as const

export type FieldName = (typeof summaryFields)[number] | 'boilerplate'

export type FieldValue = string | number | string[] | null

/**
 * One comparison. For `boilerplate` there is one result per label line:
 * `expected` is the line and `got` where it leaked (`body[3]`, `headline`,
 * `subheadline`), or null when it stayed out.
 */
export interface FieldResult {
  field: FieldName
  ok: boolean
  expected: FieldValue
  got: FieldValue
}

/** Per-field tallies over a set of articles. */
export interface Summary {
  articles: number
  correct: Record<(typeof summaryFields)[number], number>
  leakedBoilerplate: number
  /** Misses (wrong fields and leaked lines) in all, and in flagged articles. */
  misses: {total: number; flagged: number}
}

/** One article's results, and whether copydesk warned about its extraction. */
export interface ScoredArticle {
  results: FieldResult[]
  /** The article carries a warning or info that it may be wrong. */
  flagged: boolean
}

// A label cut at 60 characters can end (or start) inside ``` `` ```, `''`
// or `--`, keeping half of a sequence that folds whole, so quote and dash
// characters at the cut edge are not compared.
const leadingDebris = /^["'\s\-\u2014]+/u
const trailingDebris = /["'\s\-\u2014]+$/u

const ellipsis = /\u2026/g
const singleQuote = /[`\u2018\u2019\u201A\u201B]/g
const doubleQuote = /[\u201C\u201D\u201E\u201F]/g
const quoteRun = /["']+/g
// Dash forms: `_`, figure/en/em dash, horizontal bar, `--` (runs of any of
// them), or a hyphen standing alone between spaces or at an edge (`Feb 26 -`).
// The spaces around a dash go with it, as house styles differ on them.
const dash =
  /\s*(?:(?:[_\u2012-\u2015]|--)[-_\u2012-\u2015]*|(?<=^|\s)-(?=\s|$))\s*/gu
const whiteSpace = /\s+/g
const wordCharacter = /[\p{L}\p{N}]/u

/**
 * Fold what copydesk normalizes on purpose: NFC; `…` to `...`; straight,
 * curly and wire (``` `` ```, `''`) quotes to `'` and `"`; every dash form to
 * ` — `; runs of white space to one space; trimmed.
 */
export function foldText(value: string): string {
  return value
    .normalize('NFC')
    .replace(ellipsis, '...')
    .replace(singleQuote, "'")
    .replace(doubleQuote, '"')
    .replace(quoteRun, foldQuoteRun)
    .replace(dash, ' \u2014 ')
    .replace(whiteSpace, ' ')
    .trim()
}

// A double quote counts as two single ones, so wire `'''` and curly `’”`
// (a closing single and a closing double) fold alike however they pair up.
function foldQuoteRun(run: string): string {
  let units = 0
  for (const character of run) units += character === '"' ? 2 : 1
  return '"'.repeat(Math.floor(units / 2)) + (units % 2 === 1 ? "'" : '')
}

/** Check that `value` has the label fields evaluation reads. */
export function parseLabel(value: unknown): LabelResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {ok: false, reason: 'Unexpected label, expected a JSON object'}
  }
  const record = value as Record<string, unknown>
  const checks: Array<[keyof Label, (field: unknown) => boolean, string]> = [
    ['headline', isString, 'a string'],
    ['subheadline', isStringOrNull, 'a string or null'],
    ['authors', isStringArray, 'an array of strings'],
    ['dateline', isStringOrNull, 'a string or null'],
    ['paragraphCount', isCount, 'a non-negative integer'],
    ['firstParagraphStart', isString, 'a string'],
    ['lastParagraphEnd', isString, 'a string'],
    ['boilerplate', isStringArray, 'an array of strings'],
    ['summaryBullets', isStringArray, 'an array of strings'],
    ['publication', isStringOrNull, 'a string or null'],
    ['datePublished', isStringOrNull, 'a string or null']
  ]
  for (const [key, check, expected] of checks) {
    if (!check(record[key])) {
      return {
        ok: false,
        reason: `Unexpected \`${key}\`: ${JSON.stringify(record[key]) ?? 'missing'}, expected ${expected}`
      }
    }
  }
  return {ok: true, label: value as Label}
}

/**
 * Compare an extracted article with its label; without an article (a fatal
 * message stopped the pipeline) every field misses and nothing leaks.
 */
export function compareArticle(
  article: Article | undefined,
  label: Label
): FieldResult[] {
  const results: FieldResult[] = [
    compareText('headline', label.headline, article?.headline),
    compareOptionalText('subheadline', label.subheadline, article?.subheadline),
    compareAuthors(label.authors, article),
    compareOptionalText('dateline', label.dateline, article?.dateline?.text),
    {
      field: 'paragraphCount',
      ok: article?.body.length === label.paragraphCount,
      expected: label.paragraphCount,
      got: article ? article.body.length : null
    },
    compareParagraphEdge(
      'firstParagraph',
      label.firstParagraphStart,
      article?.body[0]
    ),
    compareParagraphEdge(
      'lastParagraph',
      label.lastParagraphEnd,
      article?.body.at(-1)
    )
  ]
  // Without an article even an expected absence (a null subheadline) misses.
  if (!article) {
    for (const result of results) result.ok = false
  }
  for (const line of label.boilerplate) {
    const place = article ? findLeak(line, article, label) : undefined
    results.push({
      field: 'boilerplate',
      ok: place === undefined,
      expected: line,
      got: place ?? null
    })
  }
  return results
}

function compareText(
  field: FieldName,
  expected: string,
  got: string | undefined
): FieldResult {
  return {
    field,
    ok: got !== undefined && foldText(got) === foldText(expected),
    expected,
    got: got ?? null
  }
}

// A null label means the article has none; an empty extracted value is none.
function compareOptionalText(
  field: FieldName,
  expected: string | null,
  got: string | undefined
): FieldResult {
  if (expected !== null) return compareText(field, expected, got)
  return {
    field,
    ok: got === undefined || foldText(got) === '',
    expected,
    got: got ?? null
  }
}

function compareAuthors(
  expected: string[],
  article: Article | undefined
): FieldResult {
  const got = article
    ? article.bylines.flatMap((byline) =>
        byline.authors.map((author) => author.name)
      )
    : undefined
  // AP sends names in upper case, so names compare case-insensitively.
  const key = (name: string) => foldText(name).toLowerCase()
  return {
    field: 'authors',
    ok:
      got !== undefined &&
      got.length === expected.length &&
      got.every((name, index) => key(name) === key(expected[index] ?? '')),
    expected,
    got: got ?? null
  }
}

// The label holds the first (last) 60 characters of the source paragraph.
// Folding can change length (`''` -> `"`), so the folded label must be a
// prefix (suffix) of the whole folded paragraph rather than equal to a slice.
function compareParagraphEdge(
  field: 'firstParagraph' | 'lastParagraph',
  expected: string,
  paragraph: string | undefined
): FieldResult {
  const first = field === 'firstParagraph'
  const foldedExpected = first
    ? foldText(expected).replace(trailingDebris, '')
    : foldText(expected).replace(leadingDebris, '')
  let ok = false
  let got: string | null = null
  if (paragraph !== undefined) {
    const folded = foldText(paragraph)
    ok = first
      ? folded.startsWith(foldedExpected)
      : folded.endsWith(foldedExpected)
    const collapsed = paragraph.replace(whiteSpace, ' ').trim()
    const size = Math.max(expected.length, 60)
    got = (first ? collapsed.slice(0, size) : collapsed.slice(-size)).trim()
  }
  return {field, ok, expected, got}
}

// Where a boilerplate line turns up in the published text, if anywhere. A
// headline or deck that is the labelled one is not a leak, even when a
// boilerplate line opens it (`REUTER` above `REUTER COMMODITIES NEWS ...`).
function findLeak(
  line: string,
  article: Article,
  label: Label
): string | undefined {
  const needle = foldText(line)
  if (needle === '') return undefined
  const places: Array<[string, string | undefined, string | null]> = [
    ['headline', article.headline, label.headline],
    ['subheadline', article.subheadline, label.subheadline],
    ...article.body.map((text, index): [string, string, null] => [
      `body[${index}]`,
      text,
      null
    ])
  ]
  for (const [place, text, labelled] of places) {
    if (text === undefined) continue
    const folded = foldText(text)
    if (labelled !== null && folded === foldText(labelled)) continue
    if (containsLine(folded, needle)) return place
  }
  return undefined
}

// The corpus README's rule: a line leaks when it is the whole text, or
// opens or closes it at a word boundary; a line of 40 characters or more
// also leaks anywhere inside it. So `Reuter` in "told Reuters" is no leak,
// and a credit glued to the last paragraph is.
const leaksAnywhereFrom = 40

function containsLine(text: string, needle: string): boolean {
  if (
    text === needle ||
    (text.startsWith(needle) && !isWordCharacter(text[needle.length])) ||
    (text.endsWith(needle) &&
      !isWordCharacter(text[text.length - needle.length - 1]))
  ) {
    return true
  }
  if (needle.length < leaksAnywhereFrom) return false
  let index = text.indexOf(needle)
  while (index !== -1) {
    const before = text[index - 1]
    const after = text[index + needle.length]
    if (!isWordCharacter(before) && !isWordCharacter(after)) return true
    index = text.indexOf(needle, index + 1)
  }
  return false
}

function isWordCharacter(character: string | undefined): boolean {
  return character !== undefined && wordCharacter.test(character)
}

/** Tally the results of several articles. */
export function summarize(articles: ScoredArticle[]): Summary {
  const correct = Object.fromEntries(
    summaryFields.map((field) => [field, 0])
  ) as Summary['correct']
  let leakedBoilerplate = 0
  const misses = {total: 0, flagged: 0}
  for (const {results, flagged} of articles) {
    for (const result of results) {
      if (result.field === 'boilerplate') {
        if (!result.ok) leakedBoilerplate++
      } else if (result.ok) {
        correct[result.field]++
      }
      if (result.ok) continue
      misses.total++
      if (flagged) misses.flagged++
    }
  }
  return {articles: articles.length, correct, leakedBoilerplate, misses}
}

export function formatSummary(summary: Summary): string {
  const fields = summaryFields.map((field) => {
    const share =
      summary.articles === 0
        ? 'n/a'
        : `${((summary.correct[field] / summary.articles) * 100).toFixed(1)}%`
    return `${field} ${share}`
  })
  const noun = summary.articles === 1 ? 'article' : 'articles'
  return `eval: ${summary.articles} ${noun}; ${fields.join(', ')}; leaked boilerplate lines: ${summary.leakedBoilerplate}; misses in articles with a warning: ${summary.misses.flagged}/${summary.misses.total}`
}

/** One miss as `<id> <field>: expected <...>, got <...>`. */
export function formatMiss(id: string, result: FieldResult): string {
  if (result.field === 'boilerplate') {
    return `${id} boilerplate: expected ${formatValue(result.expected, 'head')} left out, got it in ${String(result.got)}`
  }
  const keep = result.field === 'lastParagraph' ? 'tail' : 'head'
  return `${id} ${result.field}: expected ${formatValue(result.expected, keep)}, got ${formatValue(result.got, keep)}`
}

const maxShown = 100

// JSON-quoted, cut to `maxShown` characters on the side that matters.
function formatValue(value: FieldValue, keep: 'head' | 'tail'): string {
  if (typeof value === 'string') return JSON.stringify(truncate(value, keep))
  if (Array.isArray(value)) {
    return JSON.stringify(value.map((item) => truncate(item, keep)))
  }
  return String(value)
}

function truncate(value: string, keep: 'head' | 'tail'): string {
  const characters = [...value]
  if (characters.length <= maxShown) return value
  return keep === 'head'
    ? `${characters.slice(0, maxShown - 1).join('')}…`
    : `…${characters.slice(1 - maxShown).join('')}`
}

function isString(value: unknown): value is string {
  return typeof value === 'string'
}

function isStringOrNull(value: unknown): value is string | null {
  return value === null || typeof value === 'string'
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every(isString)
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
}
