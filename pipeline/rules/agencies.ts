// News agencies and the names they sign with. One list serves the byline
// and dateline parsers (is this word an agency?) and the emitters (which
// spellings name the same agency?); a desk adds its own names in the config
// (`extraction.agencies`). Pure data and lookups; no messages.

// Each group: the canonical name first, then the other spellings in use.
const groups: readonly (readonly string[])[] = [
  ['Associated Press', 'The Associated Press', 'AP'],
  ['Reuters', 'Thomson Reuters'],
  ['Agence France-Presse', 'AFP'],
  ['Deutsche Presse-Agentur', 'dpa'],
  ['Press Association', 'PA', 'PA Media'],
  ['The Canadian Press', 'Canadian Press', 'CP'],
  ['United Press International', 'UPI'],
  ['Bloomberg', 'Bloomberg News'],
  ['Xinhua', 'Xinhua News Agency'],
  ['Kyodo', 'Kyodo News'],
  ['Yonhap', 'Yonhap News Agency'],
  ['Australian Associated Press', 'AAP'],
  ['Agencia EFE', 'EFE'],
  ['ANSA'],
  ['Indo-Asian News Service', 'IANS'],
  ['Press Trust of India', 'PTI'],
  ['Bernama'],
  ['Anadolu Agency', 'Anadolu'],
  ['Agence Europe'],
  ['Interfax'],
  ['TASS'],
  ['Jiji Press', 'Jiji']
]

const canonical = new Map<string, string>()
for (const group of groups) {
  const [name] = group
  if (name === undefined) continue
  for (const spelling of group) canonical.set(spelling.toLowerCase(), name)
}

/** No names taught: what a project without `extraction.agencies` has. */
const noNames: ReadonlySet<string> = new Set()

/**
 * Is `text` the name of a news agency, in any of its spellings, or one of
 * the names the desk taught (`taught`, lower case)?
 */
export function isAgency(
  text: string,
  taught: ReadonlySet<string> = noNames
): boolean {
  const key = text.trim().toLowerCase()
  return canonical.has(key) || taught.has(key)
}

/** The canonical name of an agency (`AP` -> `Associated Press`), else `text`. */
export function canonicalAgency(text: string): string {
  return canonical.get(text.trim().toLowerCase()) ?? text.trim()
}

/** Can `name` sign a dateline without parentheses? A short word (`AFP`). */
export function isBareName(name: string): boolean {
  return /^[A-Za-z]{2,8}$/.test(name)
}

/** Short agency names that sign a dateline without parentheses (`SEOUL, Nov 26 AFP -`). */
export const bareAgencyNames: readonly string[] = groups
  .flat()
  .filter(isBareName)
