// What the desk teaches the extractor in `copydesk.config.json`
// (`extraction`): line patterns that extend the built-in line rules
// (boilerplate anywhere, signatures at the end), the publication names a
// masthead line above the headline may be, and agency names for bylines,
// datelines and end signatures. Pure;
// the config is checked first (`checkConfig`), so every pattern compiles.
import type {Config} from '../types.js'
import type {LineRule} from './classify-line.js'

/** The desk's additions, ready for the extractor. */
export interface DeskRules {
  /** Extra line rules, tried before the built-in ones. */
  lineRules: LineRule[]
  /** Publication names, by `publicationKey`. */
  publications: ReadonlySet<string>
  /** Agency names, by `publicationKey`, besides the built-in ones. */
  agencies: ReadonlySet<string>
}

/** No additions: what a project without `extraction` gets. */
export const noDeskRules: DeskRules = {
  lineRules: [],
  publications: new Set(),
  agencies: new Set()
}

/** Flags every desk pattern is compiled with. */
export const deskPatternFlags = 'iu'

const cache = new WeakMap<object, DeskRules>()

/** The desk rules of `config`, compiled once per config object. */
export function deskRules(config: Config): DeskRules {
  const extraction = config.extraction
  if (!extraction) return noDeskRules
  let rules = cache.get(extraction)
  if (!rules) {
    rules = {
      lineRules: [
        ...(extraction.signatures ?? []).map(
          (pattern): LineRule => patternRule('signature', 'end', pattern)
        ),
        ...(extraction.agencies ?? []).map(agencySignature),
        ...(extraction.boilerplate ?? []).map(
          (pattern): LineRule => patternRule('leftover', 'anywhere', pattern)
        )
      ],
      publications: lowerSet(extraction.publications),
      agencies: lowerSet(extraction.agencies)
    }
    cache.set(extraction, rules)
  }
  return rules
}

function patternRule(
  kind: LineRule['kind'],
  place: LineRule['place'],
  pattern: string
): LineRule {
  const expression = new RegExp(pattern, deskPatternFlags)
  return {kind, place, test: (text) => expression.test(text)}
}

/**
 * A taught agency signs the end of a story as the built-in ones do: its
 * name alone or in parentheses (`(HNS)`), or with desk initials (`HNS
 * ab/cd`).
 */
function agencySignature(name: string): LineRule {
  const key = publicationKey(name)
  return {
    kind: 'signature',
    place: 'end',
    test: (text) => {
      const line = publicationKey(text)
      const bare = line.replace(/^\((.*)\)$/, '$1')
      return (
        bare === key ||
        (line.startsWith(`${key} `) &&
          /^[a-z]{1,4}(?:[ /,-]+[a-z]{1,4}){0,6}$/.test(
            line.slice(key.length + 1)
          ))
      )
    }
  }
}

function lowerSet(names: readonly string[] | undefined): ReadonlySet<string> {
  return new Set((names ?? []).map(publicationKey))
}

/** How publication names are compared: white space collapsed, any case. */
export function publicationKey(name: string): string {
  return name.replace(/\s+/g, ' ').trim().toLowerCase()
}
