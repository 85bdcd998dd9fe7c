// Partner profiles for NITF: reads `config.nitf.profiles` and says, for every
// NITF file an article gets, its output suffix, namespace mode, encoding,
// extra `head/meta` elements and how bylines are written. The default
// profile always comes first and writes `.nitf.xml`; the config can change
// its settings, not its suffix.
// Pure; emits no messages (collisions are reported by `emitDocuments`).

import type {
  Config,
  NitfBylineStyle,
  NitfDefaultProfile,
  NitfEncoding,
  NitfMeta,
  NitfNamespace
} from '../generated/schema-types.js'

/** One NITF output: where it goes and how it is written. */
export interface NitfProfile {
  /** The key in `nitf.profiles` (`default` for `<stem>.nitf.xml`). */
  name: string
  /** What follows the stem in the output's file name (`.kindle.nitf.xml`). */
  suffix: string
  /** `bare` leaves the IPTC namespace off the root. */
  namespace: NitfNamespace
  encoding: NitfEncoding
  /** Extra `head/meta` elements, in order. */
  meta: NitfMeta
  /**
   * `markup`: `person` and `byttl` in each byline; `plain`: one byline of
   * text naming every author, for parsers that read a byline's text and its
   * first `person` only (Superdesk's NITF parser).
   */
  byline: NitfBylineStyle
}

export const defaultProfileName = 'default'

/** The profile of `<stem>.nitf.xml` when the config says nothing. */
export const defaultNitfProfile: NitfProfile = {
  name: defaultProfileName,
  suffix: '.nitf.xml',
  namespace: 'namespaced',
  encoding: 'utf-8',
  meta: [],
  byline: 'markup'
}

/** Every NITF profile of the project: the default first, then the config's in its order. */
export function nitfProfiles(config: Config): NitfProfile[] {
  const configured = config.nitf?.profiles ?? {}
  const profiles: NitfProfile[] = [
    {...defaultNitfProfile, ...settings(configured[defaultProfileName])}
  ]
  for (const [name, profile] of Object.entries(configured)) {
    if (name === defaultProfileName || !profile) continue
    profiles.push({
      ...defaultNitfProfile,
      ...settings(profile),
      name,
      suffix:
        ('suffix' in profile ? profile.suffix : undefined) ??
        `.${name}.nitf.xml`
    })
  }
  return profiles
}

/** The settings a configured profile gives, without its suffix. */
function settings(profile: NitfDefaultProfile = {}): Partial<NitfProfile> {
  const {namespace, encoding, meta, byline} = profile
  return {
    ...(namespace ? {namespace} : {}),
    ...(encoding ? {encoding} : {}),
    ...(meta ? {meta} : {}),
    ...(byline ? {byline} : {})
  }
}
