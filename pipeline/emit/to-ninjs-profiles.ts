// Partner profiles for ninjs: reads `config.ninjs` and says, for every ninjs
// file an article gets, its output suffix and the ninjs version it is
// written in (1.6, 2.2 or 3.1); and renders one version of an article's
// facts, checked against IPTC's schema of that version. The default
// profile always comes first and writes `.ninjs.json` in 2.2 unless the
// config names another version; the config can change its version, not its
// suffix (as NITF's default profile, `nitf-profile.ts`). `ninjs: false`
// writes none. Pure; emits no messages (collisions are reported by
// `formatConfigProblems`, invalid documents by the formats list).
import type {Config, NinjsVersion} from '../generated/schema-types.js'
import type {Facts} from './facts.js'
import {ninjsProfileSuffix, ninjsSuffix} from './output-names.js'
import {serializeNinjs, toNinjs} from './to-ninjs.js'
import {serializeNinjs16, toNinjs16} from './to-ninjs-1.6.js'
import {serializeNinjs31, toNinjs31} from './to-ninjs-3.1.js'
import {ninjsErrors} from './validate-ninjs.js'

/** One ninjs output: where it goes and which version it is written in. */
export interface NinjsProfile {
  /** The key in `ninjs.profiles` (`default` for `<stem>.ninjs.json`). */
  name: string
  /** What follows the stem in the output's file name (`.superdesk.ninjs.json`). */
  suffix: string
  version: NinjsVersion
}

export const defaultNinjsProfileName = 'default'

/** The version every profile writes unless it names another. */
export const defaultNinjsVersion: NinjsVersion = '2.2'

/** The profile of `<stem>.ninjs.json` when the config says nothing. */
export const defaultNinjsProfile: NinjsProfile = {
  name: defaultNinjsProfileName,
  suffix: ninjsSuffix,
  version: defaultNinjsVersion
}

/**
 * Every ninjs profile of the project: the default first, then the config's
 * in its order; none with `ninjs: false`.
 */
export function ninjsProfiles(config: Config): NinjsProfile[] {
  if (config.ninjs === false) return []
  const configured =
    typeof config.ninjs === 'object' ? (config.ninjs.profiles ?? {}) : {}
  const profiles: NinjsProfile[] = [
    {
      ...defaultNinjsProfile,
      version: configured.default?.version ?? defaultNinjsVersion
    }
  ]
  for (const [name, profile] of Object.entries(configured)) {
    if (name === defaultNinjsProfileName || !profile) continue
    profiles.push({
      name,
      suffix:
        ('suffix' in profile ? profile.suffix : undefined) ??
        ninjsProfileSuffix(name),
      version: profile.version ?? defaultNinjsVersion
    })
  }
  return profiles
}

/** Whether ninjs profile `name` of `config` names its own `suffix`. */
export function ninjsProfileSetsSuffix(config: Config, name: string): boolean {
  if (typeof config.ninjs !== 'object') return false
  const profile = config.ninjs.profiles?.[name]
  return profile !== undefined && 'suffix' in profile
}

/** One ninjs document as JSON text, or what IPTC's schema says against it. */
export type RenderedNinjs = {text: string} | {errors: string[]}

/** How each version builds and writes its document. */
const writers: Record<NinjsVersion, (facts: Facts) => RenderedNinjs> = {
  '1.6': (facts) => checked(toNinjs16(facts), '1.6', serializeNinjs16),
  '2.2': (facts) => checked(toNinjs(facts), '2.2', serializeNinjs),
  '3.1': (facts) => checked(toNinjs31(facts), '3.1', serializeNinjs31)
}

// Two profiles of one version (another suffix for another partner) write
// the same document: built and checked once per article's facts.
const rendered = new WeakMap<Facts, Map<NinjsVersion, RenderedNinjs>>()

/** The ninjs document of `version` for `facts`, validated against its schema. */
export function renderNinjs(
  facts: Facts,
  version: NinjsVersion
): RenderedNinjs {
  let byVersion = rendered.get(facts)
  if (!byVersion) {
    byVersion = new Map()
    rendered.set(facts, byVersion)
  }
  let result = byVersion.get(version)
  if (!result) {
    result = writers[version](facts)
    byVersion.set(version, result)
  }
  return result
}

function checked<Document>(
  document: Document,
  version: NinjsVersion,
  serialize: (document: Document) => string
): RenderedNinjs {
  const errors = ninjsErrors(document, version)
  return errors.length === 0 ? {text: serialize(document)} : {errors}
}
