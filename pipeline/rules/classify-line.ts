// Line rules: the classes of lines that are not body text, recognised by
// their shape alone (wire envelope and status lines, editor's notes, summary
// bullets, photo captions, credits, end signatures, end notes, dividers,
// web or print leftovers, a press release's end matter), as one ordered
// table, `lineRules`. Pure; no messages.

/** What a non-body line is, and where the extractor files it. */
/** What a line rule makes of a line; also the rule id of its info message. */
export const lineKinds = [
  'envelope',
  'status',
  'editor-note',
  'summary',
  'caption',
  'credit',
  'signature',
  'divider',
  'notebook',
  'leftover',
  'copyright',
  'timestamp',
  'end-note'
] as const

export type LineKind = (typeof lineKinds)[number]

// Wire keyword or slug line: `Switzerland/migration/UN/`, `BC-Argentina-Cancer`.
const slugLine =
  /^\/?(?:[\p{L}\p{N}.,&'’-]+(?: [\p{L}\p{N}.,&'’-]+){0,2}\/){2,}[\p{L}\p{N}.,&'’-]*$|^[\p{L}\p{N}.,&'’-]+(?: [\p{L}\p{N}.,&'’-]+){0,2}\/$|^BC-[\w-]+$/u
// ANPA 1312 header, as one line or line by line: category codes (`C G L M`),
// selector and station (`f2708 reute`), then priority, category and slug
// with date and word count (`r f BC-ACME-PROFITS   03-31 0091`).
const anpaCodes = '[A-Z]{1,3}(?: [A-Z]{1,3}){0,9}'
const anpaSelector = '[a-z]{1,2}\\d{4}(?: +[a-z]{2,6})?'
const anpaSlug =
  '(?:[a-z0-9] +){1,3}(?:BC|AM|PM)-\\S+(?: +\\S+){0,2}? +\\d{2}-\\d{2}(?: +\\d{3,5})?'
const anpaHeader = new RegExp(
  `^(?:(?:${anpaCodes} +)?${anpaSelector}(?: +${anpaSlug})?|${anpaSlug})$`
)
/** A line of category codes only, as ANPA sends above the selector line. */
export const anpaCategoryLine = new RegExp(`^${anpaCodes}$`)
// IPTC 7901 heading: source and number (`dpa 0123 4 pl 384 dpa 0456`), or a
// header line closed by ` =` that carries no sentence (`bdt0123 4 wi 211`).
const iptcHeader =
  /^(?:[a-z]{2,5}\d{3,5} \d [a-z]{2,3}\b.*|[a-z]{2,5} \d{4} \d [a-z]{2,3} \d{2,4}\b.*)$/
// Ordinal status lines: `2ND LEAD`, `3RD NET`, `1ST ADD`.
const ordinalStatus =
  /^\d+(?:ST|ND|RD|TH) [A-Z]{2,12}(?: [A-Z]{2,12})?(?: ?=)?$/
// Update notes under a wire headline, led by an upper-case verb:
// `ADDS quotes from mayor`, `UPDATES: With photos.`, `RECASTS. ADD details`.
const updateNote =
  /^(?:ADDS?|UPDATES?|RECASTS?|CORRECTS?|CHANGES?|INSERTS?|FIXES|REFILES?|REPEATS?|REWRITES?|TRIMS?|EXPANDS?|WRITETHRU)(?:[.:,]|\s+(?:with|to|throughout|in|details?|quotes?|comments?|reaction|background|byline|dateline|photos?|graphics?|video|new|more|\p{Lu}))\s*\S.*$/u
// Media advisories (`(Graphic+Picture)`, `With AP Photos.`) and promises of
// more (`Will be updated`, `Developing story`).
const mediaWord =
  '(?:graphic|picture|photo|video|audio|map|chart|factbox|infographic|gallery|pix|interactive)s?'
const mediaNote = new RegExp(
  `^(?:\\(${mediaWord}(?:\\s*[+/&,]\\s*${mediaWord})*\\)|(?:with )?(?:AP |AFP |Reuters )?${mediaWord}(?: and ${mediaWord})?\\.?|(?:this story )?will be updated\\.?|(?:this is a )?developing story\\.?|more to (?:come|follow)\\.?)$`,
  'i'
)
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
const divider = /^(?:[\s_\-=*~#.•·–—]{3,}|-0-)$/
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

// Signatures closing a wire story, beyond `Reuter`: editor initials after
// the agency (`AFP sn`, `APA ab/cd`), slashed desk initials (`hh/ph/ts/hd`,
// in one case), the divider `-0-`. Lower-case initials only, so that a
// sentence (`AP said`) or an acronym pair (`TV/DVD` in a sentence) stays.
const agencyInitials =
  /^(?:AFP|AP|APA|ANSA|AAP|EFE|KNA|SDA|sda|epd|Belga|ANP|NTB|PAP|CTK|MTI|Xinhua|Reuters|dpa|DPA)(?:[ ,]+[a-z]{1,4}(?:[/-][a-z]{1,4}){0,5}){1,6}$/
const slashedInitials =
  /^(?:[a-z]{1,4}(?:\/[a-z]{1,4}){1,7}|[A-Z]{1,4}(?:\/[A-Z]{1,4}){2,7})$/
// A desk or agency name alone in parentheses: `(BusinessDesk)`, `(AP)`.
const deskInParentheses =
  /^\((?:[\p{Lu}][\p{L}&.'’-]*(?: [\p{Lu}][\p{L}&.'’-]*){0,3})\)$/u
const deskWord =
  /(?:desk|news|wire|press|staff|agency|service|bureau|reuters?|afp|ap|dpa|upi|aap|xinhua|bloomberg)$/i
// End notes of agencies and sites, after the last paragraph (often under a
// `___` divider): who reported from where, how to reach them, links,
// where the story first ran, who provided or generated it, disclaimers.
const endNote = new RegExp(
  [
    // `… can be reached at ana@example.com`, `Contact the writer at …`
    String.raw`^.{1,120}\bcan be reached at\b.{1,160}$|^(?:contact|email|e-mail|reach) (?:the )?(?:writer|reporter|author|editor)s?\b.{0,160}$`,
    // `Online: https://…`, `On the Web: …`, `More information: …`, `Journal reference: …`
    String.raw`|^(?:online|on the web|on the internet|more information|further information|journal (?:reference|information)|references?|citation|study)\s*:.{1,400}$`,
    // `This report by X was first published …`, `Originally published on …`,
    // `This story was generated by …`, `This article has been adapted …`
    String.raw`|^(?:this (?:article|story|report|piece|post|item|content|column|interview)(?: by .{1,120}?)? (?:was|is|has been|had been) (?:first |originally |initially |automatically )?(?:published|posted|generated|produced|written|adapted|republished|reproduced|syndicated|provided|distributed|translated|made available|shared|updated|corrected)\b.{0,300})$`,
    String.raw`|^(?:originally|first) (?:published|appeared|posted|ran) (?:on|in|at|by|as)\b[^,;]{1,160}$`,
    String.raw`|^(?:a version of this (?:article|story|report) (?:appears|appeared|was published|ran) in print\b.{0,400})$`,
    // Disclaimers and disclosures.
    String.raw`|^disclaimer\s*[:.]?(?:\s.{1,400})?$|^(?:ftc|disclosure|affiliate disclosure)\s*:.{1,300}$`,
    String.raw`|^(?:the )?(?:views|opinions)(?: and (?:views|opinions))? expressed\b.{0,200}\bnot necessarily (?:reflect|represent)\b.{0,160}$`,
    // Currency conversion footnotes: `($1 = 0.9 euros)`, `(£1 = $1.27)`.
    String.raw`|^\(?[$€£¥]\s?1 = [^()]{1,60}\)?$`
  ].join(''),
  'iu'
)
// Names start with a capital: case matters in these end notes.
// `Mira Dane reported from Lisbon.`, `… reported from X, and Y from Z.`;
// `Provided by …`, `Powered by …`, `Distributed by …`.
const reportedFrom =
  /^(?:\p{Lu}[\p{L}.'’-]+ ){1,3}(?:and (?:\p{Lu}[\p{L}.'’-]+ ){1,3})?reported from \p{Lu}.{0,160}$/u
const providedBy =
  /^(?:Provided|Powered|Distributed|Syndicated|Brought to you) by (?:the )?[\p{Lu}\p{N}][^,;]{0,80}$/u
// A closing author bio: `Ana Dane is a reporter for …`, `X is on Twitter at …`.
const authorBio =
  /^(?!(?:The|This|That|These|Those|It|He|She|They|We|Our|His|Her|Their|A|An) )(?:\p{Lu}[\p{L}.'’-]+ ){1,3}\p{Lu}[\p{L}'’-]+ (?:(?:is|has been) (?:a|an|the|our)\b.{0,80}\b(?:[Rr]eporter|[Cc]orrespondent|[Ee]ditor|[Ww]riter|[Pp]roducer|[Jj]ournalist|[Cc]olumnist|[Cc]ontributor|[Ff]reelancer|[Cc]ritic|[Pp]hotographer|[Aa]nchor|[Hh]ost)s?\b|is on (?:Twitter|X|Facebook|Instagram|Bluesky|Threads|LinkedIn|Mastodon)\b|(?:covers|covered|has covered|writes about|writes the|has written|reports on|has reported) )/u
// Where a press release's own end matter begins (case matters: `SOURCE`).
const releaseEnd =
  /^(?:(?:Media|Press|Investor|Investors|Analyst|Company)(?: and (?:Media|Press|Investor|Investors|Analyst))? (?:[Cc]ontacts?|[Ii]nquiries|[Ee]nquiries|[Rr]elations)(?:\s*:.{0,200})?|Contacts?:?|(?:Cautionary (?:Note|Statement|Language)s? (?:Regarding|Concerning|About|on) )?Forward[- ][Ll]ooking [Ss]tatements?\b.*|(?:Note Regarding |Cautionary Note on )?Safe[- ]Harbou?r(?: Statement)?\b.*|SOURCE \p{Lu}.{0,100}|Attachments?(?:\s*:.{0,200})?|View (?:original|source) (?:content|version)\b.*)$/u
const aboutHeading =
  /^About (?:the )?(\p{Lu}[\p{L}\p{N}&'’-]*)(?: [\p{L}\p{N}&.,'’-]+){0,6}?(?:,? (?:Inc|Corp|Ltd|Co|S\.A|N\.V|plc|LLC|AG|SE)\.?)?:?$/u
/**
 * `About Acme Corp` opens a release's company boilerplate when the line
 * after it speaks of that company (`Acme Corp. is …`, `Founded in …`).
 */
function aboutCompany(text: string, next: string): boolean {
  const name = aboutHeading.exec(text)?.[1]
  if (!name || /[.!?]$/.test(text.replace(/(?:Inc|Corp|Ltd|Co)\.$/, ''))) {
    return false
  }
  return (
    next.startsWith(`${name} `) ||
    next.startsWith(`${name},`) ||
    next.startsWith(`${name}®`) ||
    next.startsWith(`The ${name} `) ||
    /^(?:Founded|Headquartered|Based) in\b/.test(next)
  )
}
// A labelled teaser for more of the site: `Quay Life: our series on
// harbour towns. Check it out here.`
const promoLine =
  /^\p{Lu}[\p{L}\p{N}'’ -]{2,40}: .{10,250}[.!] (?:(?:Check (?:it|them) out|Read (?:it|more|them)|Find out more|Learn more|Watch (?:it|now)|Listen) )?here\.?$/iu
// A heading with nothing under it at the end: `More games news:`, `Related:`.
const endHeading =
  /^(?:more|related|read|see|also|latest|recommended|top|other|further|popular|trending|most)\b.{0,60}:$/i
// Media markers of wire items: `(Graphic+Picture)`, `With AP Photos.`
const mediaMarker =
  /^(?:\((?:with |adds? |incl\.? |including )?(?:graphics?|pictures?|photos?|video|audio|maps?|charts?|factbox|infographics?|interactive|slideshow|gallery)(?:\s*[+&,/]\s*(?:graphics?|pictures?|photos?|video|audio|maps?|charts?|factbox|infographics?|interactive|slideshow|gallery))*\)|(?:with|adds?|includes) (?:[A-Z]{2,5} )?(?:graphics?|pictures?|photos?|video|audio|maps?|charts?|factbox)(?: and (?:graphics?|pictures?|photos?|video|audio|maps?|charts?))?\.?)$/i
// An embedded post's credit line: `— Ana Dane (@anadane) May 4, 2024`.
const postCredit = new RegExp(
  String.raw`^[—–-]\s*.{1,80}\(@\w{1,30}\)\s+${month} \d{1,2},? \d{4}$`,
  'iu'
)
// A caption that ends on its photo credit: `… on Monday. Ana Dane / Getty
// Images`, `…street.CreditAna Dane for The Daily`, `… Photo by Ana Dane/Org`.
const creditedCaption =
  /^.{8,400}?[.!?”"’)](?:\s*|\s*(?:[Cc]redit|[Pp]hoto(?:graph)?|[Ii]mage|[Pp]icture)s?(?::|\s+by)?\s*|Credit(?:Credit)?:?\s*)\p{Lu}[\p{L}.'’-]*(?: (?:\p{Lu}[\p{L}.'’-]*|de|van|von|da)){0,3}(?: ?\/ ?| for (?=The ))(?:\p{Lu}|the )[\p{L}\p{N}.&'’ ,-]{1,60}$/u

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
  /** Between the headline and the lead: notes on the update. */
  | 'header'
  /** Anywhere: header, body or trailer. */
  | 'anywhere'
  /** At the very end of the text only (signatures). */
  | 'end'
  /**
   * In the body, opening the end matter: this line and every line after it
   * are trailer (a press release's `About …`, contacts, safe harbor).
   */
  | 'end-section'

/** One line rule: a kind of line, where it is looked for, and its test. */
export interface LineRule {
  kind: LineKind
  place: LinePlace
  /** `next` is the text of the line after, for rules that need it. */
  test(text: string, next?: string): boolean
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
  {kind: 'status', place: 'envelope', test: (text) => ordinalStatus.test(text)},
  // Between headline and lead: update notes and media advisories.
  {kind: 'editor-note', place: 'header', test: (text) => updateNote.test(text)},
  {kind: 'editor-note', place: 'header', test: (text) => mediaNote.test(text)},
  // ANPA 1312 and IPTC 7901 header lines: `f2708 reute`, `r f BC-SLUG 03-31 0091`.
  {kind: 'envelope', place: 'envelope', test: (text) => anpaHeader.test(text)},
  {kind: 'envelope', place: 'envelope', test: (text) => iptcHeader.test(text)},
  // Desk signatures and editor initials close a story: `Reuter`, `(jh/rg)`.
  {
    kind: 'signature',
    place: 'end',
    test: (text) => signature.test(text) || initials.test(text)
  },
  // Wire signatures beyond the classic ones: `AFP sn`, `hh/ph/ts/hd`,
  // `(BusinessDesk)`.
  {
    kind: 'signature',
    place: 'end',
    test: (text) =>
      agencyInitials.test(text) ||
      slashedInitials.test(text) ||
      (deskInParentheses.test(text) && deskWord.test(text.slice(1, -1)))
  },
  // End notes, publisher trailers and author bios after the last paragraph:
  // `X reported from Y`, `… can be reached at …`, `Online: …`, `Originally
  // published on …`, `Provided by …`, `Ana Dane is a reporter for …`,
  // disclaimers, `($1 = 0.92 euros)`, an empty `More news:` heading.
  {
    kind: 'end-note',
    place: 'end',
    test: (text) =>
      endNote.test(text) ||
      reportedFrom.test(text) ||
      providedBy.test(text) ||
      authorBio.test(text) ||
      endHeading.test(text) ||
      promoLine.test(text)
  },
  // A press release carried on the wire ends where its boilerplate begins:
  // `About Acme` over a paragraph on Acme, media contacts, forward-looking
  // statements, `SOURCE Acme`, attachments, `View original content …`.
  {
    kind: 'end-note',
    place: 'end-section',
    test: (text, next) =>
      releaseEnd.test(text) || aboutCompany(text, next ?? '')
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
  // Media markers of wire items and credit lines of embedded posts:
  // `(Graphic+Picture)`, `— Ana Dane (@anadane) May 4, 2024`.
  {
    kind: 'leftover',
    place: 'anywhere',
    test: (text) => mediaMarker.test(text) || postCredit.test(text)
  },
  {kind: 'copyright', place: 'anywhere', test: (text) => copyright.test(text)},
  {kind: 'timestamp', place: 'anywhere', test: (text) => timestamp.test(text)},
  {
    kind: 'credit',
    place: 'anywhere',
    test: (text) =>
      creditBy.test(text) ? namesCredit(text) : creditContributed.test(text)
  },
  {kind: 'caption', place: 'anywhere', test: (text) => caption.test(text)},
  // A caption closed by its photo credit: `… on Monday. Ana Dane / Getty Images`.
  {
    kind: 'caption',
    place: 'anywhere',
    test: (text) => creditedCaption.test(text)
  }
]

/** The kind of the first rule of `places` in `rules` that matches `text`. */
function firstMatch(
  text: string,
  places: ReadonlySet<LinePlace>,
  rules: readonly LineRule[]
): LineKind | undefined {
  for (const rule of rules) {
    if (places.has(rule.place) && rule.test(text)) return rule.kind
  }
  return undefined
}

const envelopePlaces: ReadonlySet<LinePlace> = new Set(['envelope'])
const anywherePlaces: ReadonlySet<LinePlace> = new Set(['anywhere'])
const headerPlaces: ReadonlySet<LinePlace> = new Set(['header', 'anywhere'])
const endPlaces: ReadonlySet<LinePlace> = new Set(['end', 'anywhere'])

// Every classifier takes the table to use: `lineRules`, or the desk's rules
// of `copydesk.config.json` before them (`rules/desk-rules.ts`).

/** Classify a line seen before the headline (wire envelope). */
export function classifyEnvelopeLine(
  text: string,
  rules: readonly LineRule[] = lineRules
): LineKind | undefined {
  return firstMatch(text, envelopePlaces, rules)
}

/** Classify a line between the headline and the lead: update notes too. */
export function classifyHeaderLine(
  text: string,
  rules: readonly LineRule[] = lineRules
): LineKind | undefined {
  return firstMatch(text, headerPlaces, rules)
}

/** Classify a line that is not body text, wherever it stands. */
export function classifyLine(
  text: string,
  rules: readonly LineRule[] = lineRules
): LineKind | undefined {
  return firstMatch(text, anywherePlaces, rules)
}

const endSectionPlaces: ReadonlySet<LinePlace> = new Set(['end-section'])

/**
 * Does the body line `text` (with the line after it, `next`) open the end
 * matter, so that it and all after it are trailer?
 */
export function classifyEndSectionLine(
  text: string,
  next: string | undefined
): LineKind | undefined {
  for (const rule of lineRules) {
    if (endSectionPlaces.has(rule.place) && rule.test(text, next)) {
      return rule.kind
    }
  }
  return undefined
}

/** Classify a line at the very end of the text: signatures too. */
export function classifyTrailingLine(
  text: string,
  rules: readonly LineRule[] = lineRules
): LineKind | undefined {
  return firstMatch(text, endPlaces, rules)
}
