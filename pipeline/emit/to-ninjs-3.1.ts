// ninjs 3.1 emitter: reads an article's `Facts` (emit/facts.ts) and returns
// one IPTC ninjs 3.1 document of type `text`, valid against
// `schemas/ninjs/ninjs-schema_3.1.json` (see `validate-ninjs.ts`), the line
// IPTC recommends for new projects. `serializeNinjs31` writes it as JSON.
// It says what the 2.2 document (`to-ninjs.ts`) says in 3.x's names: the
// same arrays (`headlines`, `bodies`, `descriptions`, `renditions`,
// `associations`…), camelCase keys (`firstCreated`, `contentType`,
// `infoSources`, `rightsInfo`), `embargoedUntil` for `embargoed`. Dates as
// the sidecar writes them, offset included. Pure and deterministic; a key
// is only present when the input supports its value, and no string or list
// is ever empty. Emits no messages.
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
  type NinjsStandard,
  originatedContent,
  pictureUri,
  printedBylines,
  textList
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
 * Key order of every object `serializeNinjs31` writes: the order of
 * `ninjsType` in the schema, `name` first (as associations and parties put
 * it), then the keys of the nested objects, as the 2.2 document has them.
 */
const keyOrder = [
  'name',
  'rel',
  'uri',
  'type',
  'representationType',
  'version',
  'firstCreated',
  'versionCreated',
  'embargoedUntil',
  'pubStatus',
  'urgency',
  'copyrightHolder',
  'copyrightNotice',
  'usageTerms',
  'edNote',
  'language',
  'descriptions',
  'bodies',
  'headlines',
  'people',
  'organisations',
  'places',
  'subjects',
  'infoSources',
  'by',
  'located',
  'renditions',
  'associations',
  'standard',
  'expires',
  'rightsInfo',
  'role',
  'href',
  'contentType',
  'height',
  'width',
  'charCount',
  'wordCount',
  'value',
  'contactInfo',
  'address',
  'locality',
  'area',
  'country',
  'schema',
  'linkedRights'
]
const serialize = jsonInKeyOrder(keyOrder)

/** Build the ninjs 3.1 document of an article from its facts. */
export function toNinjs31(facts: Facts): Ninjs31 {
  const {article} = facts
  const field = optionalField<Ninjs31>()
  const uri = facts.uri
  const plainText = facts.plainText
  const license = nonBlank(facts.license)
  const notice = copyrightNotice(facts)

  return {
    uri,
    type: 'text',
    representationType: 'full',
    ...field('version', facts.version?.toString()),
    ...field('firstCreated', nonBlank(facts.datePublished)),
    ...field(
      'versionCreated',
      nonBlank(facts.dateModified) ?? nonBlank(facts.datePublished)
    ),
    ...field('embargoedUntil', nonBlank(facts.embargoUntil)),
    pubStatus: 'usable',
    ...field('urgency', facts.urgency),
    ...field('copyrightHolder', notice?.holder),
    ...field('copyrightNotice', notice?.notice),
    ...field('usageTerms', license),
    ...field('edNote', nonBlank(article.editorNotes.join(' '))),
    ...field('language', facts.language),
    ...field(
      'descriptions',
      textList([{role: 'summary', value: facts.description}])
    ),
    bodies: [
      {
        contentType: 'text/plain',
        charCount: [...plainText].length,
        wordCount: facts.wordCount,
        value: plainText
      },
      {contentType: 'text/html', value: paragraphsHtml(article.body)}
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
    ...field('places', places(facts)),
    ...field(
      'subjects',
      facts.keywords.map((name) => ({name}))
    ),
    ...field(
      'infoSources',
      facts.agencies.map((name) => ({name, role: originatedContent}))
    ),
    ...field('by', printedBylines(article)),
    ...field('located', nonBlank(article.dateline?.location)),
    ...field('associations', pictures(facts.images, uri)),
    standard,
    ...field('expires', nonBlank(facts.expires)),
    ...field(
      'rightsInfo',
      license === undefined ? undefined : {linkedRights: license}
    )
  } satisfies Ninjs31
}

/** Serialize a ninjs 3.1 document: 2-space JSON, a newline, keys in `keyOrder`. */
export function serializeNinjs31(document: Ninjs31): string {
  return serialize(document)
}

/** The authors of one kind, with their profile link and e-mail address. */
function parties(
  authors: readonly AuthorFacts[],
  kind: AuthorFacts['kind']
): Ninjs31Party[] {
  return authors.flatMap((author) => {
    if (author.kind !== kind) return []
    const field = optionalField<Ninjs31Party>()
    return [
      {
        name: author.name,
        rel: 'author',
        ...field('uri', author.url),
        ...field(
          'contactInfo',
          author.email === undefined
            ? undefined
            : [{type: 'email', value: author.email}]
        )
      }
    ]
  })
}

/** The dateline place as 2.2 has it, `contactinfo` spelled `contactInfo`. */
function places(facts: Facts): Ninjs31Place[] {
  return datelinePlaces(facts).map(({contactinfo, ...place}) =>
    contactinfo ? {...place, contactInfo: contactinfo} : place
  )
}

/**
 * One `picture` association per sidecar image, as the 2.2 document has
 * them: `name` `image-N`, the story's `uri` with `#image-N`, the caption as
 * a description, the credit line as `by`, the image as the `default`
 * rendition.
 */
function pictures(
  images: readonly ImageFacts[],
  storyUri: string
): Ninjs31Association[] {
  return images.map((image, index) => {
    const field = optionalField<Ninjs31Association>()
    const size = optionalField<Ninjs31Rendition>()
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
    } satisfies Ninjs31Association
  })
}
