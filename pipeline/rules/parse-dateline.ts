// Datelines at the start of a lead paragraph, in the forms wires send:
// `NEW YORK, Feb 26 -`, `Jan 30 (Reuters) -`, `BUENOS AIRES, Argentina (AP) —`,
// `SEOUL, Nov 26 AFP -`, `STOCKHOLM, Aug 29, 2014 (AFP) -`, `Geneva (dpa) -`,
// `LONDON —`, `Springfield –`. Pure functions; no messages.

import type {Dateline} from '../types.js'
import {bareAgencyNames, isBareName} from './agencies.js'

const month =
  '(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?'
const date = `${month} \\d{1,2}(?:st|nd|rd|th)?(?:,? \\d{4})?`
// Place names in capitals: `NEW YORK`, `ST. LOUIS`, `WASHINGTON D.C.`.
const capitalPlace =
  "\\p{Lu}[\\p{Lu}\\p{M}.'’&-]*(?: \\p{Lu}[\\p{Lu}\\p{M}.'’&-]*){0,4}"
// Place names in title case: `Geneva`, `Rio de Janeiro`; only with an agency or date.
const titlePlace =
  "\\p{Lu}[\\p{Ll}\\p{M}'’-]+(?: (?:de|da|del|di|do|la|le|am|an|upon|on|\\p{Lu}[\\p{Ll}\\p{M}'’-]+)){0,3}"
// A region after the place: `, Argentina`, `, Calif.`, `, N.Y.`.
const region = "\\p{Lu}[\\p{L}\\p{M}.'’ -]{0,30}?"
const agencyInParens = '\\((?<agency>[^()\\n]{1,40})\\)'
const dash = '(?:--|[-–—_:])'
// Words that open a sentence before a dash and are no place: `But — `.
const sentenceOpener =
  '(?:But|And|So|Yes|No|Now|Then|Still|Meanwhile|However|Here|There|This|That|These|Those|It|He|She|They|We|You|Today|Tomorrow|Yesterday|Again|Also|Instead|Indeed|Update|Editor|Note|Sources?|Officials?|Police)\\b'

/**
 * The dateline patterns, with `bareNames` as the agencies that may sign a
 * dateline without parentheses. An agency in parentheses may be any name.
 */
function datelinePatterns(bareNames: readonly string[]): RegExp[] {
  const bareAgency = `(?:${bareNames.join('|')})`
  return [
    // `NEW YORK, Feb 26 (Reuters) -`, `BUENOS AIRES, Argentina (AP) —`, `LONDON —`
    new RegExp(
      `^(?<place>${capitalPlace}(?:, ${region})?)(?:,? (?<date>${date}))?(?: ${agencyInParens}| (?<bare>${bareAgency}))? ?${dash} +`,
      'u'
    ),
    // `Geneva (dpa) -`, `Geneva, Nov 3 (dpa) -`
    new RegExp(
      `^(?<place>${titlePlace}(?:, ${region})?)(?:,? (?<date>${date}))? ${agencyInParens} ?${dash} +`,
      'u'
    ),
    // `Geneva, Nov 3 -`
    new RegExp(
      `^(?<place>${titlePlace}(?:, ${region})?),? (?<date>${date})(?: ${agencyInParens})? ?${dash} +`,
      'u'
    ),
    // `Springfield –`, `Dekalb, Ill. —`: a place in title case before an en or
    // em dash (never a hyphen), when a sentence of some length follows.
    new RegExp(
      `^(?!${sentenceOpener})(?<place>${titlePlace}(?:, ${region})?) ?[–—] +(?=[\\p{Lu}\\d"“‘'](?:\\S* +){5})`,
      'u'
    ),
    // `Jan 30 (Reuters) -`
    new RegExp(`^(?<date>${date}) ${agencyInParens} ?${dash} +`, 'u'),
    // `(CNN) —`: a newsroom's name alone, as broadcasters' sites print it.
    new RegExp(
      `^\\((?<agency>\\p{Lu}[\\p{L}.&-]*(?: \\p{Lu}[\\p{L}.&-]*){0,2})\\) ?${dash} +`,
      'u'
    )
  ]
}

const builtInPatterns = datelinePatterns(bareAgencyNames)
// The patterns for each set of taught agency names, built once per set.
const taughtPatterns = new WeakMap<ReadonlySet<string>, RegExp[]>()

function patternsFor(agencies: ReadonlySet<string> | undefined): RegExp[] {
  const taught = [...(agencies ?? [])].filter(isBareName)
  if (!agencies || taught.length === 0) return builtInPatterns
  let patterns = taughtPatterns.get(agencies)
  if (!patterns) {
    // Taught names are kept in lower case: each letter in either case
    // (`[hH][nN][sS]`); longest first, so `HNS` never cuts `HNSX` short.
    const names = [...bareAgencyNames, ...taught.map(anyCase)].sort(
      (left, right) => right.length - left.length
    )
    patterns = datelinePatterns(names)
    taughtPatterns.set(agencies, patterns)
  }
  return patterns
}

function anyCase(name: string): string {
  return [...name]
    .map((letter) => `[${letter.toLowerCase()}${letter.toUpperCase()}]`)
    .join('')
}

const minPlaceLetters = 3

/** The dateline that opens `text`, and the text after it. */
export interface DatelineMatch {
  dateline: Dateline
  /** Characters of `text` the dateline and its trailing space take. */
  length: number
}

/**
 * Find a dateline at the start of a paragraph. `agencies` are the agency
 * names the desk taught, lower case; a short one may sign without
 * parentheses (`PORT ELLIS, Nov 3 HNS -`), matched without case.
 */
export function parseDateline(
  text: string,
  agencies?: ReadonlySet<string>
): DatelineMatch | undefined {
  for (const pattern of patternsFor(agencies)) {
    const match = pattern.exec(text)
    if (!match) continue
    // A dateline is a prefix: the paragraph must go on after it.
    if (match[0].length >= text.length) continue
    const groups = match.groups ?? {}
    // `A - list stars`, `US - prices rose`: a word of one or two letters and
    // a dash is not a place unless a date or an agency vouches for it.
    const vouched = groups.date ?? groups.agency ?? groups.bare
    if (!vouched && countLetters(groups.place ?? '') < minPlaceLetters) {
      continue
    }
    const dateline: Dateline = {text: match[0].trim()}
    if (groups.place) dateline.location = groups.place.trim()
    if (groups.date) dateline.date = groups.date
    const agency = groups.agency ?? groups.bare
    if (agency) dateline.agency = agency.trim()
    return {dateline, length: match[0].length}
  }
  return undefined
}

function countLetters(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0
}
