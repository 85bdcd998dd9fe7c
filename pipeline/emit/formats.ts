// The per-article output formats, as one list. Each row says which files a
// format writes for a config (one per suffix: NITF and ninjs write one per
// partner profile), whether the config turns it on, and how one file is
// rendered from the article's facts. `emitDocuments`, the output-collision
// check, the build cache key and the stale-temporary sweep all read this
// list; a new format is one emitter module and one row here. Pure: no file
// system. ruleIds of the problems it returns (raised by `emitDocuments` and
// `checkConfig`): `nitf-profile-collision`, `ninjs-profile-collision` (two
// outputs under one file name), `invalid-ninjs` (a copydesk bug).
import type {Graph} from 'schema-dts'
import type {Config} from '../types.js'
import type {Facts} from './facts.js'
import {defaultProfileName, nitfProfiles} from './nitf-profile.js'
import {configName} from './output-names.js'
import {encodeNitf, serializeNitf} from './serialize-nitf.js'
import {renderHead} from './to-head-html.js'
import {serializeJsonLd, toJsonLd} from './to-jsonld.js'
import {
  defaultNinjsProfileName,
  ninjsProfileSetsSuffix,
  ninjsProfiles,
  renderNinjs
} from './to-ninjs-profiles.js'
import {toNitf} from './to-nitf.js'

/** What rendering one file gave: its bytes, or why there are none. */
export type Rendered =
  | {value: string | Buffer}
  | {problem: {reason: string; ruleId: string}}

/** One file a format writes for every article. */
export interface FormatFile {
  /** What follows the stem in the output's name (`.nitf.xml`). */
  suffix: string
  /** What writes it, as messages name it (`the JSON-LD`, `profile \`x\``). */
  label: string
  /**
   * For a file the config declares: where (a JSON Pointer), what it is
   * called there (`NITF profile \`x\``), and the rule a second file under
   * its name breaks.
   */
  declared?: {pointer: string; subject: string; ruleId: string}
  render(facts: Facts): Rendered
}

/** One output format. */
export interface Format {
  /** Short name (`jsonld`, `head`, `nitf`, `ninjs`). */
  id: string
  /** Whether the config turns the format on. */
  enabled(config: Config): boolean
  /** The files the format writes per article under `config`, in order. */
  files(config: Config): FormatFile[]
}

const always = () => true

// The page head embeds the JSON-LD graph: built once per article's facts.
const graphs = new WeakMap<Facts, Graph>()

function graphOf(facts: Facts): Graph {
  let graph = graphs.get(facts)
  if (!graph) {
    graph = toJsonLd(facts)
    graphs.set(facts, graph)
  }
  return graph
}

/** Every per-article format, in the order their files are written. */
export const formats: readonly Format[] = [
  {
    id: 'jsonld',
    enabled: always,
    files: () => [
      {
        suffix: '.jsonld',
        label: 'the JSON-LD',
        render: (facts) => ({value: serializeJsonLd(graphOf(facts))})
      }
    ]
  },
  {
    id: 'nitf',
    enabled: always,
    files: (config) =>
      nitfProfiles(config).map((profile) => ({
        suffix: profile.suffix,
        label: `profile \`${profile.name}\``,
        ...(profile.name === defaultProfileName
          ? {}
          : {
              declared: {
                pointer: `/nitf/profiles/${escapePointer(profile.name)}${
                  profileSetsSuffix(config, profile.name) ? '/suffix' : ''
                }`,
                subject: `NITF profile \`${profile.name}\``,
                ruleId: 'nitf-profile-collision'
              }
            }),
        render: (facts) => {
          const xml = serializeNitf(toNitf(facts, profile), profile)
          return {
            value:
              profile.encoding === 'utf-8'
                ? xml
                : encodeNitf(xml, profile.encoding)
          }
        }
      }))
  },
  {
    id: 'head',
    enabled: always,
    files: () => [
      {
        suffix: '.head.html',
        label: 'the page head',
        render: (facts) => ({value: renderHead(facts, graphOf(facts))})
      }
    ]
  },
  {
    id: 'ninjs',
    enabled: (config) => config.ninjs !== false,
    files: (config) =>
      ninjsProfiles(config).map((profile) => ({
        suffix: profile.suffix,
        label: `ninjs profile \`${profile.name}\``,
        ...(profile.name === defaultNinjsProfileName
          ? {}
          : {
              declared: {
                pointer: `/ninjs/profiles/${escapePointer(profile.name)}${
                  ninjsProfileSetsSuffix(config, profile.name) ? '/suffix' : ''
                }`,
                subject: `ninjs profile \`${profile.name}\``,
                ruleId: 'ninjs-profile-collision'
              }
            }),
        render: (facts) => {
          const rendered = renderNinjs(facts, profile.version)
          if ('text' in rendered) return {value: rendered.text}
          return {
            problem: {
              reason: `Unexpected invalid ninjs ${profile.version} (${rendered.errors.join('; ')}), expected a document valid against ninjs ${profile.version}; this is a copydesk bug, please report it`,
              ruleId: 'invalid-ninjs'
            }
          }
        }
      }))
  }
]

// Worked out once per config, not once per article: a build hands every
// article the same config object.
const filesOf = new WeakMap<Config, readonly FormatFile[]>()

/** The files every article gets under `config`, from every enabled format. */
export function outputFiles(config: Config): readonly FormatFile[] {
  let files = filesOf.get(config)
  if (!files) {
    files = formats.flatMap((format) =>
      format.enabled(config) ? format.files(config) : []
    )
    filesOf.set(config, files)
  }
  return files
}

/** The suffixes of `outputFiles(config)`. */
export function outputSuffixes(config: Config): string[] {
  return outputFiles(config).map((file) => file.suffix)
}

/** A problem of the config itself, at the value `pointer` names. */
export interface ConfigProblem {
  pointer: string
  reason: string
  ruleId: string
}

/**
 * What a config asks that no build can do: two outputs under one file name
 * (compared without case: `a.X.xml` and `a.x.xml` are one file on macOS and
 * Windows). The files every config has claim their names first. Checked
 * once, on the config file, not on every article.
 */
export function formatConfigProblems(config: Config): ConfigProblem[] {
  const files = outputFiles(config)
  const owners = new Map<string, FormatFile>()
  for (const file of files) {
    if (!file.declared) owners.set(file.suffix.toLowerCase(), file)
  }
  const problems: ConfigProblem[] = []
  for (const file of files) {
    if (!file.declared) continue
    const key = file.suffix.toLowerCase()
    const owner = owners.get(key)
    if (!owner) {
      owners.set(key, file)
      continue
    }
    problems.push({
      pointer: file.declared.pointer,
      reason: `Unexpected ${file.declared.subject} writing \`<stem>${file.suffix}\`, which ${owner.label} writes too, expected one output per file name; give the profile another \`suffix\` in \`${configName}\``,
      ruleId: file.declared.ruleId
    })
  }
  return problems
}

function profileSetsSuffix(config: Config, name: string): boolean {
  const profile = config.nitf?.profiles?.[name]
  return profile !== undefined && 'suffix' in profile
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1')
}
