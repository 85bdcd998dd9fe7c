// Bylines in the forms newsrooms send: `By X`, `- By X email`, `by X, Reuters`,
// `By X and Y`, names alone (`X and Y`), a title line under the names
// (`Associated Press`, `AP Sports Writer`), desk credits (`Our Foreign Staff`)
// and social handles; `Analysis by X`; a newsroom that signs (`By Metro
// News`, `By Staff Reports`, `X, WXYZ Business`) names no author. Pure
// functions; no messages.

import type {Author, Byline} from '../types.js'
import {isAgency} from './agencies.js'

export {isAgency} from './agencies.js'

// Words that make a short line a job title: `Staff Reporter`, `AP Sports Writer`.
const titleWord =
  /\b(?:writer|reporter|correspondent|editor|columnist|critic|staff|chief|photographer|analyst|contributor|producer|journalist|bureau|desk)s?\b/i
// A credit that names a desk, not a person: `Our Foreign Staff`, `Staff Reporter`.
const deskWord =
  /\b(?:staff|desk|team|correspondents|reporters|writers|bureau|newsroom)\b/i
// Credits that name nobody: `dpa correspondents`, `Staff`.
const genericCredit =
  /^(?!our )(?:(?:[\p{L}.&-]+ ){0,3}(?:correspondents?|staff|reporters?|writers?|staff writers?|staff reports?|reports))$/iu
// A newsroom credited in the byline, not a person: `By Metro News`,
// `Jane Doe, WXYZ Business`, `By The Daily Example`. Broadcasters' initials,
// a newsroom word at the end, or a leading `The` (no person's name has one).
const newsroomCredit =
  /^(?:[Tt]he \p{Lu}.*|.*\b(?:BBC|CNN|CBS|NBC|ABC|NPR|PBS|CNBC|MSNBC|ITV|CBC|SBS)\b.*|.+ (?:News|Business|Media|Newsroom|Online|Digital|Wire|Network|Radio|TV|Television|Magazine|Sport|Sports|Politics|Tech))$/u
const emailPattern = /<?([\w.+-]+@[\w-]+(?:\.[\w-]+)+)>?/
const handlePattern = /(?:^|\s)(@[A-Za-z0-9_.]{1,50})\b/
const byPrefix =
  /^(?:[-–—•*]\s*)?(?:(?:analysis|commentary|opinion|review|column|essay|story|words|text)\s+)?by\s*:?\s+/i
// One name: two to five capitalized words, particles and initials allowed.
const personName =
  /^(?:\p{Lu}[\p{L}\p{M}'’.-]*|(?:de|da|van|von|der|den|del|bin|al|el|la|le|di|du|dos|ter)\b)(?: (?:\p{Lu}[\p{L}\p{M}'’.-]*|de|da|van|von|der|den|del|bin|al|el|la|le|di|du|dos|ter|Jr\.?|Sr\.?)){1,4}$/u

// The first letter of a name, after any particles: `Jane`, `van Dijk`.
const nameStart =
  /^(?:(?:de|da|van|von|der|den|del|bin|al|el|la|le|di|du|dos|ter) )*\p{Lu}/u
// Where the author filed from: `Jane Doe in Lisbon`.
const placeSuffix = /\s+in \p{Lu}[\p{L}\p{M}'’. -]*$/u

/** How a byline is read. */
export interface BylineOptions {
  /** Bare names without `By` are a byline too. */
  namesOnly?: boolean
  /** Agency names the desk taught, lower case (`extraction.agencies`). */
  agencies?: ReadonlySet<string>
}

/** Does `line` look like a title line under a byline? */
export function isTitleLine(
  line: string,
  agencies?: ReadonlySet<string>
): boolean {
  const words = line.split(' ')
  if (words.length > 6 || /[.!?:;]$/.test(line)) return false
  if (!/^[\p{Lu}\d]/u.test(line)) return false
  return isAgency(line, agencies) || titleWord.test(line)
}

/** Parse a byline line: `By …`, or with `namesOnly`, bare names. */
export function parseByline(
  line: string,
  options: BylineOptions = {}
): Byline | undefined {
  const {agencies} = options
  let text = line.replace(/\s*=$/, '').trim()
  const hasBy = byPrefix.test(text)
  if (!hasBy && !options.namesOnly) return undefined
  text = text.replace(byPrefix, '')
  if (
    text === '' ||
    text.length > 160 ||
    /[.!?]$/.test(text.replace(/\b\p{Lu}\.$/u, ''))
  ) {
    // A sentence (`By noon, the crowd had gone.`) is not a byline.
    if (!emailPattern.test(text)) return undefined
  }

  const byline: Byline = {text: line.replace(/\s*=$/, '').trim(), authors: []}
  // Trailing affiliation: `, Reuters`, `(Reuters)`, `, Press Association`.
  const affiliation = /(?:,\s*|\s+\()([^,()]+?)\)?$/.exec(text)
  if (affiliation?.[1] && isAgency(affiliation[1].trim(), agencies)) {
    byline.agency = affiliation[1].trim()
    text = text.slice(0, affiliation.index).trim()
  }

  // A newsroom or generic desk signs without naming a person.
  let credited = false
  for (const part of splitNames(text)) {
    const previous = byline.authors.at(-1)
    // `By Jane Doe, in Lisbon`: where the author filed from, not a name.
    if (previous && placeSuffix.test(` ${part}`)) continue
    if (
      previous &&
      !previous.jobTitle &&
      isTitleLine(part, agencies) &&
      !isAgency(part, agencies)
    ) {
      // `By Jane Doe, Staff Reporter`: the title of the name before it.
      previous.jobTitle = part
      continue
    }
    if (newsroomCredit.test(part) && !isAgency(part, agencies)) {
      // `By Metro News`: the newsroom signs; the byline names no person.
      credited = true
      continue
    }
    const author = parseAuthor(part, agencies)
    if (author === 'agency') {
      byline.agency ??= part
      continue
    }
    if (!author) return undefined
    if (author.kind === 'Organization' && genericCredit.test(author.name)) {
      // `dpa correspondents`: the agency signs, no person is named.
      const agency = author.name.split(' ')[0]
      if (agency && isAgency(agency, agencies)) byline.agency ??= agency
      credited = true
      continue
    }
    if (author.kind === 'Person' && !hasBy && !personName.test(author.name)) {
      return undefined
    }
    // After `By` too a name starts with a capital: `By the river, …` is prose.
    if (author.kind === 'Person' && !nameStart.test(author.name)) {
      return undefined
    }
    byline.authors.push(author)
  }
  // Without `By`, a newsroom name alone is a masthead, not a byline.
  if (byline.authors.length === 0 && !byline.agency && (!credited || !hasBy)) {
    return undefined
  }
  return byline
}

/** Split `A, B and C` / `A & B` / `A/B` into name parts. */
function splitNames(text: string): string[] {
  return text
    .split(
      /\s*(?:,\s*and\s+|\s+and\s+|\s*&\s*|\s*\/\s*|\s*\|\s*|;\s*|,\s*)\s*/i
    )
    .map((part) => part.trim())
    .filter((part) => part !== '')
}

/** One author from a name part, with any e-mail, handle and title in it. */
function parseAuthor(
  part: string,
  agencies: ReadonlySet<string> | undefined
): Author | 'agency' | undefined {
  let rest = part
  let email: string | undefined
  let handle: string | undefined
  const emailMatch = emailPattern.exec(rest)
  if (emailMatch?.[1]) {
    email = emailMatch[1]
    rest = rest.replace(emailMatch[0], ' ')
  }
  const handleMatch = handlePattern.exec(rest)
  if (handleMatch?.[1]) {
    handle = handleMatch[1]
    rest = rest.replace(handleMatch[1], ' ')
  }
  rest = rest
    .replace(placeSuffix, '')
    .replace(/[\s,;:()–—-]+$/, '')
    .replace(/^[\s,;:()–—-]+/, '')
    .replace(/\s+/g, ' ')
  if (rest === '') return undefined
  if (isAgency(rest, agencies)) return 'agency'
  if (rest.split(' ').length > 6 || /\d/.test(rest)) return undefined

  const kind = deskWord.test(rest) ? 'Organization' : 'Person'
  const author: Author = {name: rest, kind}
  if (email) author.email = email
  if (handle) author.handle = handle
  return author
}
