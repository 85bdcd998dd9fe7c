// ninjs emitter: reads an article's `Facts` (emit/facts.ts) and returns
// one IPTC ninjs 2.2 ("News in JSON") document of type `text`, valid against
// `schemas/ninjs/ninjs-schema_2.2.json` (see `validate-ninjs.ts`), the
// default version; `serializeNinjs` writes it as JSON. Also the helpers the
// 1.6 and 3.1 emitters (`to-ninjs-1.6.ts`, `to-ninjs-3.1.ts`) share with it,
// so that the three versions say one thing in three vocabularies. Pure and
// deterministic: no clock, no randomness, no network; a key is only present
// when the input supports its value (strings go through `nonBlank` first),
// and no string or list is ever empty. Emits no messages.
import type {Article} from '../types.js'
import {
  type AuthorFacts,
  type Facts,
  type ImageFacts,
  nonBlank,
  type PlaceFacts
} from './facts.js'
import {optionalField} from './optional-field.js'
import {paragraphsHtml} from './paragraphs-html.js'

/** The ninjs standard this emitter writes, with the `$id` of its schema. */
const standard: NinjsStandard = {
  name: 'ninjs',
  version: '2.2',
  schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json'
}

// IPTC Content Production Party Role NewsCodes, "a party which originated
// the content of the item": what a wire agency in a byline or dateline is.
// ninjs wants `infosources[].role` as a URI.
export const originatedContent =
  'http://cv.iptc.org/newscodes/contentprodpartyrole/origcont'

/** A headline, description or caption: text with what it is for. */
export interface NinjsText {
  role?: string
  contenttype?: string
  value: string
}

/** One representation of the story's text. */
export interface NinjsBody {
  contenttype: string
  /** Unicode code points, so that a count never depends on the ICU version. */
  charcount?: number
  wordcount?: number
  value: string
}

/**
 * One way of reaching a party (here: the e-mail address a byline prints),
 * or the address of a place (here: the parts of the dateline place).
 */
export type NinjsContactInfo =
  | {type: string; value: string}
  | {type: string; address: NinjsAddress}

/** An address as ninjs 1.6 and 2.2 spell it (3.1 only renames `postalcode`). */
export interface NinjsAddress {
  locality?: string
  area?: string
  country?: string
}

/** A person or organisation related to the story (here: its authors). */
export interface NinjsParty {
  name: string
  rel?: string
  uri?: string
  contactinfo?: NinjsContactInfo[]
}

/** A named location (here: the dateline place, where the story was filed). */
export interface NinjsPlace {
  name: string
  rel?: string
  contactinfo?: NinjsContactInfo[]
}

/** A concept the story is about (here: a sidecar keyword). */
export interface NinjsSubject {
  name: string
}

/** A party that originated or supplied the content (here: a wire agency). */
export interface NinjsInfosource {
  name: string
  role?: string
}

/** A file of an associated object (here: the one image file the sidecar names). */
export interface NinjsRendition {
  name: string
  href?: string
  height?: number
  width?: number
}

/** Which standard, version and schema the document follows. */
export interface NinjsStandard {
  name: string
  version: string
  schema: string
}

/** A picture of the story, as a ninjs object of its own with a `name`. */
export interface NinjsAssociation extends Ninjs {
  name: string
}

/**
 * A ninjs 2.2 document: the properties of the schema's `ninjsType` that
 * copydesk writes, named as the schema names them. The root takes no `name`
 * (only associations do).
 */
export interface Ninjs {
  uri: string
  type?: 'text' | 'picture'
  representationtype?: 'full' | 'partial'
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
  descriptions?: NinjsText[]
  bodies?: NinjsBody[]
  headlines?: NinjsText[]
  people?: NinjsParty[]
  organisations?: NinjsParty[]
  places?: NinjsPlace[]
  subjects?: NinjsSubject[]
  infosources?: NinjsInfosource[]
  by?: string
  located?: string
  renditions?: NinjsRendition[]
  associations?: NinjsAssociation[]
  standard?: NinjsStandard
  expires?: string
  rightsinfo?: {linkedrights: string}
}

/**
 * Key order of every object `serializeNinjs` writes: the order of
 * `ninjsType` in the schema, `name` first (as associations and parties put
 * it), then the keys of the nested objects. The keys copydesk writes in
 * each object keep the schema's order relative to one another.
 */
export const ninjsKeyOrder = [
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
  'descriptions',
  'bodies',
  'headlines',
  'people',
  'organisations',
  'places',
  'subjects',
  'infosources',
  'by',
  'located',
  'renditions',
  'associations',
  'standard',
  'expires',
  'rightsinfo',
  'role',
  'href',
  'contenttype',
  'height',
  'width',
  'charcount',
  'wordcount',
  'value',
  'contactinfo',
  'address',
  'locality',
  'area',
  'country',
  'schema',
  'linkedrights'
]
const serialize = jsonInKeyOrder(ninjsKeyOrder)

/** Build the ninjs 2.2 document of an article from its facts. */
export function toNinjs(facts: Facts): Ninjs {
  const {article} = facts
  const field = optionalField<Ninjs>()
  // The canonical URL, else the URN the JSON-LD ids are built from.
  const uri = facts.uri
  const plainText = facts.plainText
  const license = nonBlank(facts.license)

  return {
    uri,
    type: 'text',
    representationtype: 'full',
    ...field('version', facts.version?.toString()),
    ...field('firstcreated', nonBlank(facts.datePublished)),
    // Dates as the sidecar writes them, offset included.
    ...field(
      'versioncreated',
      nonBlank(facts.dateModified) ?? nonBlank(facts.datePublished)
    ),
    ...field('embargoed', nonBlank(facts.embargoUntil)),
    // ninjs's default; an embargo is said by `embargoed`, not by the status.
    pubstatus: 'usable',
    ...field('urgency', facts.urgency),
    ...copyright(facts),
    ...field('usageterms', license),
    ...field('ednote', nonBlank(article.editorNotes.join(' '))),
    ...field('language', facts.language),
    ...field(
      'descriptions',
      textList([{role: 'summary', value: facts.description}])
    ),
    bodies: [
      {
        contenttype: 'text/plain',
        charcount: [...plainText].length,
        wordcount: facts.wordCount,
        value: plainText
      },
      {contenttype: 'text/html', value: paragraphsHtml(article.body)}
    ],
    ...field(
      'headlines',
      textList([
        {role: 'main', value: article.headline},
        {role: 'subhead', value: article.subheadline}
      ])
    ),
    ...field('people', parties(facts.authors, 'Person')),
    ...field('organisations', parties(facts.authors, 'Organization')),
    ...field('places', datelinePlaces(facts)),
    ...field(
      'subjects',
      facts.keywords.map((name) => ({name}))
    ),
    ...field(
      'infosources',
      facts.agencies.map((name) => ({name, role: originatedContent}))
    ),
    ...field('by', printedBylines(article)),
    ...field('located', nonBlank(article.dateline?.location)),
    ...field('associations', pictures(facts.images, uri)),
    standard,
    ...field('expires', nonBlank(facts.expires)),
    ...field(
      'rightsinfo',
      license === undefined ? undefined : {linkedrights: license}
    )
  } satisfies Ninjs
}

/**
 * Serialize a ninjs document the way every copydesk JSON output is written
 * (2-space JSON and a newline), every object's keys in one fixed order, so
 * that equal documents give equal bytes however they were built.
 */
export function serializeNinjs(document: Ninjs): string {
  return serialize(document)
}

/**
 * A serializer writing JSON as every copydesk JSON output is written, with
 * the keys of every object in `keyOrder` (keys it does not list last, by
 * code unit): one per ninjs version, whose schemas order their keys apart.
 */
export function jsonInKeyOrder(
  keyOrder: readonly string[]
): (document: object) => string {
  const keyRank = new Map(keyOrder.map((key, index) => [key, index]))
  const rank = (key: string) => keyRank.get(key) ?? keyOrder.length
  const ordered = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(ordered)
    if (value === null || typeof value !== 'object') return value
    const entries = Object.entries(value).sort(
      ([a], [b]) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0)
    )
    return Object.fromEntries(
      entries.map(([key, entry]) => [key, ordered(entry)])
    )
  }
  return (document) => `${JSON.stringify(ordered(document), null, 2)}\n`
}

/**
 * `copyrightholder` and `copyrightnotice`, as every output says them: only
 * with a holder the sidecar or config names; a year with no holder claims
 * nothing.
 */
function copyright(
  facts: Facts
): Pick<Ninjs, 'copyrightholder' | 'copyrightnotice'> {
  const notice = copyrightNotice(facts)
  if (!notice) return {}
  return {copyrightholder: notice.holder, copyrightnotice: notice.notice}
}

/**
 * The copyright holder and notice (`© 2024 Holder`) of every ninjs
 * version; `undefined` without a holder the sidecar or config names.
 */
export function copyrightNotice(
  facts: Facts
): {holder: string; notice: string} | undefined {
  if (!facts.copyright) return undefined
  const {holder, year} = facts.copyright
  return {
    holder,
    notice: year === undefined ? `© ${holder}` : `© ${year} ${holder}`
  }
}

/** The bylines as printed, joined by `; `; desk credits stay in it too. */
export function printedBylines(article: Article): string | undefined {
  return nonBlank(
    article.bylines
      .map((byline) => byline.text)
      .filter((text) => nonBlank(text) !== undefined)
      .join('; ')
  )
}

/**
 * The address of the dateline place: the city as `locality`, the state or
 * region as `area` (its full name when the place rules know it: `Wyoming`
 * for `Wyo.`), the country as printed; `undefined` when the place is not
 * split into any of them.
 */
export function placeAddress(place: PlaceFacts): NinjsAddress | undefined {
  const field = optionalField<NinjsAddress>()
  const address: NinjsAddress = {
    ...field('locality', nonBlank(place.city)),
    ...field(
      'area',
      [place.stateName, place.state, place.regionName, place.region]
        .map(nonBlank)
        .find((name) => name !== undefined)
    ),
    ...field('country', nonBlank(place.country))
  }
  return Object.keys(address).length === 0 ? undefined : address
}

/**
 * The dateline place as a `places` entry (1.6's `place`): its printed name,
 * its relation to the story, and its parts as the place's address. The
 * relation is `located`, the property that carries the place as text:
 * where the story was filed, not what it is about.
 */
export function datelinePlaces(facts: Facts): NinjsPlace[] {
  const place = facts.place
  const name = nonBlank(place?.text)
  if (!place || name === undefined) return []
  const address = placeAddress(place)
  return [
    {
      name,
      rel: 'located',
      ...(address ? {contactinfo: [{type: 'address', address}]} : {})
    }
  ]
}

/** Headlines or descriptions, without those whose text is missing or blank. */
export function textList(
  items: ReadonlyArray<{role: string; value: string | undefined}>
): Array<{role: string; value: string}> {
  const list: Array<{role: string; value: string}> = []
  for (const {role, value} of items) {
    const text = nonBlank(value)
    if (text !== undefined) list.push({role, value: text})
  }
  return list
}

/** The authors of one kind, with their profile link and e-mail address. */
function parties(
  authors: readonly AuthorFacts[],
  kind: AuthorFacts['kind']
): NinjsParty[] {
  return authors.flatMap((author) => {
    if (author.kind !== kind) return []
    const field = optionalField<NinjsParty>()
    return [
      {
        name: author.name,
        rel: 'author',
        ...field('uri', author.url),
        ...field(
          'contactinfo',
          author.email === undefined
            ? undefined
            : [{type: 'email', value: author.email}]
        )
      }
    ]
  })
}

/**
 * The `uri` of the picture `index` (from 0) of a story: the `@id` the
 * JSON-LD gives it, the same in every ninjs version.
 */
export function pictureUri(storyUri: string, index: number): string {
  return `${storyUri}#image-${index + 1}`
}

/**
 * One `picture` association per sidecar image. Its `uri` names the picture
 * within the story (the `@id` the JSON-LD gives it), the image URL is its
 * one rendition: ninjs keeps `uri` for identity and `href` for links. The
 * caption is a description, the credit line is `by`.
 */
function pictures(
  images: readonly ImageFacts[],
  storyUri: string
): NinjsAssociation[] {
  return images.map((image, index) => {
    const field = optionalField<NinjsAssociation>()
    const size = optionalField<NinjsRendition>()
    return {
      name: `image-${index + 1}`,
      uri: pictureUri(storyUri, index),
      type: 'picture',
      ...field(
        'descriptions',
        textList([{role: 'caption', value: image.caption}])
      ),
      ...field('by', nonBlank(image.credit)),
      renditions: [
        {
          name: 'default',
          href: image.url,
          ...size('height', image.height),
          ...size('width', image.width)
        }
      ]
    } satisfies NinjsAssociation
  })
}
