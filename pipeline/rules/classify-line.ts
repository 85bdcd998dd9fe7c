// Line rules: the classes of lines that are not body text, recognised by
// their shape alone (wire envelope and status lines, editor's notes, summary
// bullets, photo captions, credits, end signatures, dividers, web or print
// leftovers), as one ordered table, `lineRules`. Pure; no messages.

/** What a non-body line is, and where the extractor files it. */
export type LineKind =
  | 'envelope'
  | 'status'
  | 'editor-note'
  | 'summary'
  | 'caption'
  | 'credit'
  | 'signature'
  | 'divider'
  | 'notebook'
  | 'leftover'
  | 'copyright'
  | 'timestamp'

// Wire keyword or slug line: `Switzerland/migration/UN/`, `BC-Argentina-Cancer`.
const slugLine =
  /^(?:[\p{L}\p{N}.,&'’-]+(?: [\p{L}\p{N}.,&'’-]+){0,2}\/){2,}[\p{L}\p{N}.,&'’-]*$|^[\p{L}\p{N}.,&'’-]+(?: [\p{L}\p{N}.,&'’-]+){0,2}\/$|^BC-[\w-]+$/u
// Status lines a wire sends before the headline.
const statusLine =
  /^(?:(?:\d+(?:ST|ND|RD|TH) )?(?:LEAD|WRITETHRU|ADD|INSERT|SUB|CORRECTION)|REFILE|RPT|REPEAT|CORRECTED|URGENT|FLASH|BULLETIN|ADVISORY|EXTRA|EMBARGOED|WITHDRAWAL|KILL|NEWSALERT|ALERT|UPDATE(?: \d+)?|RECASTS?|ELIMINATION)(?: ?=)?$/
const editorNote =
  /^(?:(?:eds?|editors?(?:['’]s?)? ?notes?|note to editors|editorial note|advisory)\s*[:.—–-]\s*\S|AP Photos?\b|\((?:adds?|updates?|recasts?|corrects?|changes|removes|inserts|fixes|refiles|repeats|rewrites|writes through|new throughout|combines|moves|in .{1,80} (?:story|item))\b[^)]*\)$)/i
const summaryBullet = /^[*•·‣▪]\s+\S/
const caption =
  /^(?:credit\s+\S[^/]{0,80}\/\S.{0,80}|\(?(?:photo|picture|image|caption|file photo|graphic)s?(?: by)?\s*[:/—–-]\s*\S.*|.*\((?:AP|Reuters|AFP|Getty Images|EPA|dpa)(?: Photo)?\/[^)]+\)\s*\.?)$/i
// Credits end the line: `... contributed to this report.`, not a sentence
// that goes on (`... contributed to this report's findings`).
const creditBy =
  /^\(?(?:additional )?(?:reporting|writing|editing|compiled|research|translation|translated|produced) by\b.*\)?\.?$/i
const creditContributed =
  /^\(?.{1,200}\b(?:contributed(?: reporting)?(?: to this (?:report|story|article))?|helped with this (?:story|report))\.?\)?\.?$/i
const signature =
  /^(?:reuters?|ends|end|-+ ?end ?-+|\(end\)|-?30-|###|#+ end|dpa(?: [a-z]{2,4}){1,10}|[A-Z]{2,}(?:-[A-Z]{2,})*-\d{2}-\d{2}-\d{2,4} \d{3,4} ?(?:GMT|UTC|ET|EST|EDT)|\d{6} (?:GMT|UTC) \w{3} \d{1,2})$/i
// Editor initials closing a wire story: `(jh/rg)`, `(ab-cd)`. Lower case only,
// so that an acronym in parentheses (`(NATO)`) is never taken for one.
const initials = /^\([a-z]{1,4}(?:[/-][a-z]{1,4}){0,3}\)$/
const divider = /^[\s_\-=*~#.•·–—]{3,}$/
const notebook = /^#+\s*(?:dpa\s+)?notebook\b|not intended for publication/i
const leftover =
  /^(?:continue reading(?: the main story)?|advertisement|supported by|share this (?:article|story|page)|(?:related|read more|see also|more on this story|recommended)\s*:.{0,160}|sign up for .{0,80}newsletter.{0,80}|click here .{0,120}|follow .{1,60} on (?:twitter|x|facebook|instagram|bluesky|threads|mastodon|linkedin)\b.{0,120}|(?:photo|video|image|audio|graphic)s?|our standards: .{0,80}|\(\(.{1,300}\)\)|newspapers (?:in|from) .{1,60}|printed and distributed by .{0,80}|pressreader\b.{0,80}|copyright and protected by applicable law\.?)$/i
// A line that is only a publication date or time, as pages and print dumps
// print them near the headline: `2024-05-30`, `Thursday, May 30, 2024`,
// `Updated: 30 May 2024 14:05 BST`, `3 min read`.
const month =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?'
const clock =
  '\\d{1,2}[.:]\\d{2}(?:[.:]\\d{2})?(?:\\s*[ap]\\.?m\\.?)?(?:\\s+[A-Z]{2,5})?'
const timestamp = new RegExp(
  [
    `^(?:(?:published|updated|posted|last updated|first published)(?: on)?:?\\s+)?`,
    `(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?`,
    `(?:\\d{4}-\\d{2}-\\d{2}(?:[ T]\\d{2}:\\d{2}(?::\\d{2})?(?:Z|[+-]\\d{2}:?\\d{2})?)?`,
    `|\\d{1,2}(?:st|nd|rd|th)? ${month},? \\d{4}|${month} \\d{1,2}(?:st|nd|rd|th)?,? \\d{4})`,
    `(?:,?\\s+(?:at\\s+)?${clock})?$`,
    `|^(?:published|updated|posted)?\\s*\\d+ (?:minutes?|hours?|days?) ago$`,
    `|^\\d+ min(?:ute)?s? read$`
  ].join(''),
  'i'
)
const copyright = /^(?:©|\(c\)\s|copyright\b\s*(?:©|\(c\)|\d{4}))/i

// Words a credit line may hold besides names: `Reporting by A in B; Editing by C`.
const creditWord =
  /^(?:and|by|in|at|from|for|with|of|the|de|da|van|von|der|del|di|le|la|additional|reporting|writing|editing|compiled|research|translation|translated|produced|contributed|to|this|report|story|article|helped|with|graphics|photos?|video|[^\p{L}]*)$/iu

/**
 * A `Reporting by …` line is a credit when what follows names people, not
 * when it is a sentence (`Reporting by the inspectors showed that …`).
 */
function namesCredit(text: string): boolean {
  if (/^\(.*\)\.?$/.test(text)) return true
  return text
    .replace(/[();:,.]/g, ' ')
    .split(/\s+/)
    .filter((word) => word !== '')
    .every((word) => creditWord.test(word) || /^[\p{Lu}\d]/u.test(word))
}

/** Where in the text a line rule applies. */
export type LinePlace =
  /** Before the headline: the wire envelope. */
  | 'envelope'
  /** Anywhere: header, body or trailer. */
  | 'anywhere'
  /** At the very end of the text only (signatures). */
  | 'end'

/** One line rule: a kind of line, where it is looked for, and its test. */
export interface LineRule {
  kind: LineKind
  place: LinePlace
  test(text: string): boolean
}

/**
 * The line rules, in the order they are tried: the first that matches
 * names the line. A new kind of line is one row here (and its kind in
 * `LineKind`); `extract-article.ts` files each kind in its field.
 */
export const lineRules: readonly LineRule[] = [
  // Wire status (`UPDATE 1`, `REFILE`), stamps and slugs before the headline.
  {kind: 'status', place: 'envelope', test: (text) => statusLine.test(text)},
  {kind: 'timestamp', place: 'envelope', test: (text) => timestamp.test(text)},
  {kind: 'envelope', place: 'envelope', test: (text) => slugLine.test(text)},
  // Desk signatures and editor initials close a story: `Reuter`, `(jh/rg)`.
  {
    kind: 'signature',
    place: 'end',
    test: (text) => signature.test(text) || initials.test(text)
  },
  {kind: 'notebook', place: 'anywhere', test: (text) => notebook.test(text)},
  {kind: 'divider', place: 'anywhere', test: (text) => divider.test(text)},
  {
    kind: 'editor-note',
    place: 'anywhere',
    test: (text) => editorNote.test(text)
  },
  {
    kind: 'summary',
    place: 'anywhere',
    test: (text) => summaryBullet.test(text)
  },
  {kind: 'leftover', place: 'anywhere', test: (text) => leftover.test(text)},
  {kind: 'copyright', place: 'anywhere', test: (text) => copyright.test(text)},
  {kind: 'timestamp', place: 'anywhere', test: (text) => timestamp.test(text)},
  {
    kind: 'credit',
    place: 'anywhere',
    test: (text) =>
      creditBy.test(text) ? namesCredit(text) : creditContributed.test(text)
  },
  {kind: 'caption', place: 'anywhere', test: (text) => caption.test(text)}
]

/** The kind of the first rule of `places` that matches `text`. */
function firstMatch(
  text: string,
  places: ReadonlySet<LinePlace>
): LineKind | undefined {
  for (const rule of lineRules) {
    if (places.has(rule.place) && rule.test(text)) return rule.kind
  }
  return undefined
}

const envelopePlaces: ReadonlySet<LinePlace> = new Set(['envelope'])
const anywherePlaces: ReadonlySet<LinePlace> = new Set(['anywhere'])
const endPlaces: ReadonlySet<LinePlace> = new Set(['end', 'anywhere'])

/** Classify a line seen before the headline (wire envelope). */
export function classifyEnvelopeLine(text: string): LineKind | undefined {
  return firstMatch(text, envelopePlaces)
}

/** Classify a line that is not body text, wherever it stands. */
export function classifyLine(text: string): LineKind | undefined {
  return firstMatch(text, anywherePlaces)
}

/** Classify a line at the very end of the text: signatures too. */
export function classifyTrailingLine(text: string): LineKind | undefined {
  return firstMatch(text, endPlaces)
}
