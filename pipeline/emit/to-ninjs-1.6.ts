// ninjs 1.6 emitter: reads an article's `Facts` (emit/facts.ts) and returns
// one IPTC ninjs 1.6 document of type `text`, valid against
// `schemas/ninjs/ninjs-schema_1.6.json` (see `validate-ninjs.ts`), for the
// newsroom systems that still ingest 1.x: one `headline`, the body as
// `body_text` and `body_html`, `byline`, `located`, `associations` as an
// object keyed by name, every date-time in UTC (`+00:00`).
// `serializeNinjs16` writes it as JSON. It says what the 2.2 document
// (`to-ninjs.ts`) says, in 1.6's names. Pure and deterministic; a key is
// only present when the input supports its value, and no string, list or
// object is ever empty. Emits no messages.
import {parseDateTime, utcDay} from './date-time.js'
import {
  type AuthorFacts,
  type Facts,
  type ImageFacts,
  nonBlank
} from './facts.js'
import {optionalField} from './optional-field.js'
import {paragraphsHtml} from './paragraphs-html.js'
import {
  copyrightNotice,
  datelinePlaces,
  jsonInKeyOrder,
  type NinjsContactInfo,
  type NinjsPlace,
  type NinjsStandard,
  originatedContent,
  pictureUri,
  printedBylines
} from './to-ninjs.js'

/** The ninjs standard this emitter writes, with the `$id` of its schema. */
const standard: NinjsStandard = {
  name: 'ninjs',
  version: '1.6',
  schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_1.6.json'
}

/** A person or organisation related to the story (here: its authors). */
export interface Ninjs16Party {
  name: string
  rel?: string
  contactinfo?: NinjsContactInfo[]
}

/** A named location (here: the dateline place), as 2.2 has it. */
export type Ninjs16Place = NinjsPlace

/** A party that originated or supplied the content (here: a wire agency). */
export interface Ninjs16Infosource {
  name: string
  rel?: string
}

/** A file of the object (here: the one image file the sidecar names). */
export interface Ninjs16Rendition {
  href?: string
  height?: number
  width?: number
}

/**
 * A ninjs 1.6 document: the properties of the schema that copydesk writes,
 * named as the schema names them (`headline_*`, `description_*` and
 * `body_*` are its pattern properties). Associations are documents of
 * their own, keyed by name.
 */
export interface Ninjs16 {
  uri: string
  type?: 'text' | 'picture'
  representationtype?: 'complete' | 'incomplete'
  version?: string
  firstcreated?: string
  versioncreated?: string
  embargoed?: string
  pubstatus?: 'usable' | 'withheld' | 'canceled'
  urgency?: number
  copyrightholder?: string
  copyrightnotice?: string
  usageterms?: string
  ednote?: string
  language?: string
  person?: Ninjs16Party[]
  organisation?: Ninjs16Party[]
  place?: Ninjs16Place[]
  subject?: Array<{name: string}>
  infosource?: Ninjs16Infosource[]
  byline?: string
  headline?: string
  headline_subhead?: string
  located?: string
  charcount?: number
  wordcount?: number
  description_text?: string
  body_text?: string
  body_html?: string
  renditions?: Record<string, Ninjs16Rendition>
  associations?: Record<string, Ninjs16>
  $standard?: NinjsStandard
  expires?: string
  rightsinfo?: {linkedrights: string}
}

/**
 * Key order of every object `serializeNinjs16` writes: the order of the
 * schema's properties, each pattern property beside its kin (`headline`,
 * then `headline_subhead`), `name` first, then the keys of the nested
 * objects.
 */
const keyOrder = [
  'name',
  'rel',
  'uri',
  'type',
  'representationtype',
  'version',
  'firstcreated',
  'versioncreated',
  'embargoed',
  'pubstatus',
  'urgency',
  'copyrightholder',
  'copyrightnotice',
  'usageterms',
  'ednote',
  'language',
  'person',
  'organisation',
  'place',
  'subject',
  'infosource',
  'byline',
  'headline',
  'headline_subhead',
  'located',
  'charcount',
  'wordcount',
  'description_text',
  'body_text',
  'body_html',
  'renditions',
  'associations',
  '$standard',
  'expires',
  'rightsinfo',
  'contactinfo',
  'value',
  'address',
  'locality',
  'area',
  'country',
  'href',
  'height',
  'width',
  'schema',
  'linkedrights'
]
const serialize = jsonInKeyOrder(keyOrder)

/** Build the ninjs 1.6 document of an article from its facts. */
export function toNinjs16(facts: Facts): Ninjs16 {
  const {article} = facts
  const field = optionalField<Ninjs16>()
  const uri = facts.uri
  const plainText = facts.plainText
  const license = nonBlank(facts.license)
  const notice = copyrightNotice(facts)

  return {
    uri,
    type: 'text',
    // 1.x's words for 2.x's `full`.
    representationtype: 'complete',
    ...field('version', facts.version?.toString()),
    ...field('firstcreated', utc(facts.datePublished)),
    ...field('versioncreated', utc(facts.dateModified ?? facts.datePublished)),
    ...field('embargoed', utc(facts.embargoUntil)),
    pubstatus: 'usable',
    ...field('urgency', facts.urgency),
    ...field('copyrightholder', notice?.holder),
    ...field('copyrightnotice', notice?.notice),
    ...field('usageterms', license),
    ...field('ednote', nonBlank(article.editorNotes.join(' '))),
    ...field('language', facts.language),
    ...field('person', parties(facts.authors, 'Person')),
    ...field('organisation', parties(facts.authors, 'Organization')),
    ...field('place', datelinePlaces(facts)),
    ...field(
      'subject',
      facts.keywords.map((name) => ({name}))
    ),
    ...field(
      'infosource',
      facts.agencies.map((name) => ({name, rel: originatedContent}))
    ),
    ...field('byline', printedBylines(article)),
    ...field('headline', nonBlank(article.headline)),
    ...field('headline_subhead', nonBlank(article.subheadline)),
    ...field('located', nonBlank(article.dateline?.location)),
    // Code points, as 2.2's `charcount`: never dependent on UTF-16.
    charcount: [...plainText].length,
    wordcount: facts.wordCount,
    ...field('description_text', nonBlank(facts.description)),
    body_text: plainText,
    body_html: paragraphsHtml(article.body),
    ...field('associations', pictures(facts.images, uri)),
    $standard: standard,
    ...field('expires', utc(facts.expires)),
    ...field(
      'rightsinfo',
      license === undefined ? undefined : {linkedrights: license}
    )
  } satisfies Ninjs16
}

/** Serialize a ninjs 1.6 document: 2-space JSON, a newline, keys in `keyOrder`. */
export function serializeNinjs16(document: Ninjs16): string {
  return serialize(document)
}

/**
 * An ISO 8601 date-time with an offset, as the same instant in UTC written
 * with `+00:00` (the form 1.x readers parse), fractions of a second kept as
 * written; `undefined` for none, for one that is no date-time
 * (`date-time.ts` reads it) and for one whose UTC year RFC 3339 cannot
 * write (before 0000 or after 9999).
 */
export function utcDateTime(value: string): string | undefined {
  const parts = parseDateTime(value.trim())
  if (!parts) return undefined
  const {year, month, day, hour, minute, second, fraction, offset} = parts
  const offsetMinutes =
    offset === 'Z'
      ? 0
      : (offset.startsWith('-') ? -1 : 1) *
        (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)))
  // Whole minutes and seconds only: the fraction stays as written.
  const date = utcDay(year, month, day)
  date.setUTCHours(Number(hour), Number(minute) - offsetMinutes, Number(second))
  const utcYear = date.getUTCFullYear()
  if (utcYear < 0 || utcYear > 9999) return undefined
  const two = (number: number) => String(number).padStart(2, '0')
  return `${String(utcYear).padStart(4, '0')}-${two(date.getUTCMonth() + 1)}-${two(date.getUTCDate())}T${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}${fraction}+00:00`
}

function utc(value: string | undefined): string | undefined {
  const text = nonBlank(value)
  return text === undefined ? undefined : utcDateTime(text)
}

/**
 * The authors of one kind: the profile link of the author directory and the
 * e-mail address the byline prints as contact info (1.6 has no `uri` for
 * a party; a `scheme` and `code` would name a vocabulary).
 */
function parties(
  authors: readonly AuthorFacts[],
  kind: AuthorFacts['kind']
): Ninjs16Party[] {
  return authors.flatMap((author) => {
    if (author.kind !== kind) return []
    const contacts: NinjsContactInfo[] = []
    if (author.url !== undefined) {
      contacts.push({type: 'web', value: author.url})
    }
    if (author.email !== undefined) {
      contacts.push({type: 'email', value: author.email})
    }
    const field = optionalField<Ninjs16Party>()
    return [
      {name: author.name, rel: 'author', ...field('contactinfo', contacts)}
    ]
  })
}

/**
 * One `picture` association per sidecar image, keyed `image_N` (letters,
 * digits and `_`, as 1.6 wants its keys), with the `uri` the 2.2 and 3.1
 * documents give it, the caption as `description_text`, the credit line as
 * `byline` and the image as the `default` rendition.
 */
function pictures(
  images: readonly ImageFacts[],
  storyUri: string
): Record<string, Ninjs16> | undefined {
  if (images.length === 0) return undefined
  const associations: Record<string, Ninjs16> = {}
  images.forEach((image, index) => {
    const field = optionalField<Ninjs16>()
    const size = optionalField<Ninjs16Rendition>()
    associations[`image_${index + 1}`] = {
      uri: pictureUri(storyUri, index),
      type: 'picture',
      ...field('byline', nonBlank(image.credit)),
      ...field('description_text', nonBlank(image.caption)),
      renditions: {
        default: {
          href: image.url,
          ...size('height', image.height),
          ...size('width', image.width)
        }
      }
    }
  })
  return associations
}
