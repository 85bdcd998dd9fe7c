// Line classes that are not body text, recognised by their shape alone:
// wire envelope and status lines, editor's notes, summary bullets, photo
// captions, credits, end signatures, dividers and web or print leftovers.
// Pure functions; no messages.

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

// Wire keyword or slug line: `Switzerland/migration/UN/`, `BC-Argentina-Cancer`.
const slugLine =
  /^(?:[^\s/]+(?: [^\s/]+){0,2}\/){2,}[^\s/]*$|^[^\s/]+(?: [^\s/]+){0,2}\/$|^BC-[\w-]+/
// Status lines a wire sends before the headline.
const statusLine =
  /^(?:(?:\d+(?:ST|ND|RD|TH) )?(?:LEAD|WRITETHRU|ADD|INSERT|SUB|CORRECTION)|REFILE|RPT|REPEAT|CORRECTED|URGENT|FLASH|BULLETIN|ADVISORY|EXTRA|EMBARGOED|WITHDRAWAL|KILL|NEWSALERT|ALERT|UPDATE(?: \d+)?|RECASTS?|ELIMINATION)(?: ?=)?$/
const editorNote =
  /^(?:(?:eds?|editors?(?:['’]s?)? ?notes?|note to editors|editorial note|advisory)\s*[:.—–-]\s*\S|AP Photos?\b|\((?:adds|updates|recasts|corrects|changes|removes|inserts|fixes|refiles|repeats|rewrites|writes through|new throughout|combines|moves|in .{1,80} (?:story|item))\b[^)]*\)$)/i
const summaryBullet = /^[*•·‣▪]\s+\S/
const caption =
  /^(?:\(?(?:photo|picture|image|caption|file photo|graphic)s?(?: by)?\s*[:/—–-]\s*\S.*|.*\((?:AP|Reuters|AFP|Getty Images|EPA|dpa)(?: Photo)?\/[^)]+\)\s*\.?)$/i
const credit =
  /^\(?(?:(?:additional )?(?:reporting|writing|editing|compiled|research|translation|translated|produced) by\b.*|.{1,200}\b(?:contributed(?: reporting)? to this (?:report|story|article)|contributed reporting|helped with this (?:story|report)|contributed to this)\b.*)\)?\.?$/i
const signature =
  /^(?:reuters?|ends|end|-+ ?end ?-+|\(end\)|-?30-|###|#+ end|dpa(?: [a-z]{2,4}){1,10}|[A-Z]{2,}(?:-[A-Z]{2,})*-\d{2}-\d{2}-\d{2,4} \d{3,4} ?(?:GMT|UTC|ET|EST|EDT)|\d{6} (?:GMT|UTC) \w{3} \d{1,2})$/i
const divider = /^[\s_\-=*~#.•·–—]{3,}$/
const notebook = /^#+\s*(?:dpa\s+)?notebook\b|not intended for publication/i
const leftover =
  /^(?:continue reading(?: the main story)?|advertisement|supported by|share this (?:article|story|page)|(?:related|read more|see also|more on this story|recommended)\s*:.{0,160}|sign up for .{0,80}newsletter.{0,80}|click here .{0,120}|follow (?:us|@\w+) on .{0,60}|newspapers (?:in|from) .{1,60}|printed and distributed by .{0,80}|pressreader\b.{0,80}|copyright and protected by applicable law\.?)$/i
const copyright = /^(?:©|\(c\)\s|copyright\b\s*(?:©|\(c\)|\d{4}))/i

/** Classify a line seen before the headline (wire envelope). */
export function classifyEnvelopeLine(text: string): LineKind | undefined {
  if (statusLine.test(text)) return 'status'
  if (slugLine.test(text)) return 'envelope'
  return undefined
}

/** Classify a line that is not body text, wherever it stands. */
export function classifyLine(text: string): LineKind | undefined {
  if (notebook.test(text)) return 'notebook'
  if (divider.test(text)) return 'divider'
  if (editorNote.test(text)) return 'editor-note'
  if (summaryBullet.test(text)) return 'summary'
  if (leftover.test(text)) return 'leftover'
  if (copyright.test(text)) return 'copyright'
  if (credit.test(text)) return 'credit'
  if (caption.test(text)) return 'caption'
  return undefined
}

/** Classify a line at the very end of the text: signatures too. */
export function classifyTrailingLine(text: string): LineKind | undefined {
  if (signature.test(text)) return 'signature'
  return classifyLine(text)
}
