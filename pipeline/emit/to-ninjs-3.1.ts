// ninjs 3.1 emitter: reads an article's `Facts` (emit/facts.ts) and returns
// one IPTC ninjs 3.1 document of type `text`, valid against
// `schemas/ninjs/ninjs-schema_3.1.json` (see `validate-ninjs.ts`), the line
// IPTC recommends for new projects. `serializeNinjs31` writes it as JSON.
// It is the 2.2 document (`to-ninjs.ts`) in 3.x's names, derived from it by
// one table of renamed keys, so the two can never say different things: the
// same arrays (`headlines`, `bodies`, `descriptions`, `renditions`,
// `associations`…), camelCase keys (`firstCreated`, `contentType`,
// `infoSources`, `rightsInfo`), `embargoedUntil` for `embargoed`. Dates as
// the sidecar writes them, offset included. Pure and deterministic. Emits no
// messages.
import type {Facts} from './facts.js'
import {
  jsonInKeyOrder,
  type NinjsContactInfo,
  type NinjsStandard,
  ninjsKeyOrder,
  toNinjs
} from './to-ninjs.js'

/** The ninjs standard this emitter writes, with the `$id` of its schema. */
const standard: NinjsStandard = {
  name: 'ninjs',
  version: '3.1',
  schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json'
}

/** A headline, description or caption: text with what it is for. */
export interface Ninjs31Text {
  role?: string
  contentType?: string
  value: string
}

/** One representation of the story's text. */
export interface Ninjs31Body {
  contentType: string
  /** Unicode code points, so that a count never depends on the ICU version. */
  charCount?: number
  wordCount?: number
  value: string
}

/** A person or organisation related to the story (here: its authors). */
export interface Ninjs31Party {
  name: string
  rel?: string
  uri?: string
  contactInfo?: NinjsContactInfo[]
}

/** A named location (here: the dateline place). */
export interface Ninjs31Place {
  name: string
  rel?: string
  contactInfo?: NinjsContactInfo[]
}

/** A party that originated or supplied the content (here: a wire agency). */
export interface Ninjs31InfoSource {
  name: string
  role?: string
}

/** A file of an associated object (here: the one image file the sidecar names). */
export interface Ninjs31Rendition {
  name: string
  href?: string
  height?: number
  width?: number
}

/** A picture of the story, as a ninjs object of its own with a `name`. */
export interface Ninjs31Association extends Ninjs31 {
  name: string
}

/**
 * A ninjs 3.1 document: the properties of the schema's `ninjsType` that
 * copydesk writes, named as the schema names them. The root takes no
 * `name` (only associations do).
 */
export interface Ninjs31 {
  uri: string
  type?: 'text' | 'picture'
  representationType?: 'full' | 'partial'
  version?: string
  firstCreated?: string
  versionCreated?: string
  embargoedUntil?: string
  pubStatus?: 'usable' | 'withheld' | 'canceled'
  urgency?: number
  copyrightHolder?: string
  copyrightNotice?: string
  usageTerms?: string
  edNote?: string
  language?: string
  descriptions?: Ninjs31Text[]
  bodies?: Ninjs31Body[]
  headlines?: Ninjs31Text[]
  people?: Ninjs31Party[]
  organisations?: Ninjs31Party[]
  places?: Ninjs31Place[]
  subjects?: Array<{name: string}>
  infoSources?: Ninjs31InfoSource[]
  by?: string
  located?: string
  renditions?: Ninjs31Rendition[]
  associations?: Ninjs31Association[]
  standard?: NinjsStandard
  expires?: string
  rightsInfo?: {linkedRights: string}
}

/**
 * The keys 3.x renamed, by their 2.2 name, wherever they stand (the root,
 * bodies, parties, places, rights). Every other key is the same.
 */
const renamed: Readonly<Record<string, string>> = {
  representationtype: 'representationType',
  firstcreated: 'firstCreated',
  versioncreated: 'versionCreated',
  embargoed: 'embargoedUntil',
  pubstatus: 'pubStatus',
  copyrightholder: 'copyrightHolder',
  copyrightnotice: 'copyrightNotice',
  usageterms: 'usageTerms',
  ednote: 'edNote',
  infosources: 'infoSources',
  rightsinfo: 'rightsInfo',
  linkedrights: 'linkedRights',
  contenttype: 'contentType',
  charcount: 'charCount',
  wordcount: 'wordCount',
  contactinfo: 'contactInfo'
}

/**
 * Every object's keys in the 2.2 document's order (the order of
 * `ninjsType` in the schema, which 3.1 keeps), in 3.x's names.
 */
const serialize = jsonInKeyOrder(
  ninjsKeyOrder.map((key) => renamed[key] ?? key)
)

/** Build the ninjs 3.1 document of an article from its facts. */
export function toNinjs31(facts: Facts): Ninjs31 {
  const document = renameKeys(toNinjs(facts)) as Ninjs31
  return {...document, standard}
}

/** `value` with every object key renamed by `renamed`; values as they are. */
function renameKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(renameKeys)
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [
      renamed[key] ?? key,
      renameKeys(item)
    ])
  )
}

/** Serialize a ninjs 3.1 document: 2-space JSON, a newline, keys in the 2.2 order. */
export function serializeNinjs31(document: Ninjs31): string {
  return serialize(document)
}
