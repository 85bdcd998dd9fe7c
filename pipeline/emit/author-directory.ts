// The author directory of `copydesk.config.json`: byline names (and their
// aliases, such as upper-case wire spellings) to profile URLs. Pure lookups.
import type {Config} from '../types.js'

/** One entry of the author directory. */
export type AuthorEntry = NonNullable<Config['authors']>[number]

/**
 * The directory entry for a byline name, by name or alias, compared by
 * `nameKey`: `JOSE DIAZ` finds the entry of `José Díaz`.
 */
export function findAuthorEntry(
  config: Config,
  name: string
): AuthorEntry | undefined {
  const wanted = nameKey(name)
  if (wanted === '') return undefined
  return config.authors?.find(
    (entry) =>
      nameKey(entry.name) === wanted ||
      (entry.aliases ?? []).some((alias) => nameKey(alias) === wanted)
  )
}

/**
 * One key for the spellings of a name that differ only in case, accents or
 * punctuation (`JOSE DIAZ`, `José Díaz` -> `jose-diaz`): every output counts
 * them as one author.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
}
