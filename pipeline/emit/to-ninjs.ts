// ninjs emitter: reads an `Article`, its `ArticleContext` (sidecar meta,
// project config, story id) and the `PageFacts` the JSON-LD uses, and
// returns one IPTC ninjs 2.2 ("News in JSON") document of type `text`, valid
// against `schemas/ninjs/ninjs-schema_2.2.json` (see `validate-ninjs.ts`).
// `serializeNinjs` writes it as JSON. Pure and deterministic: no clock, no
// randomness, no network; a key is only present when the input supports its
// value (strings go through `nonBlank` first), and no string or list is ever
// empty. Emits no messages.
import {canonicalAgency} from '../rules/agencies.js'
import type {Article, ArticleContext, Author, Meta} from '../types.js'
import {findAuthorEntry, nameKey} from './author-directory.js'
import {optionalField} from './optional-field.js'
import {paragraphsHtml} from './paragraphs-html.js'
import type {PageFacts} from './to-jsonld.js'
import {countWords} from './words.js'

/** The ninjs standard this emitter writes, with the `$id` of its schema. */
const standard: NinjsStandard = {
  name: 'ninjs',
  version: '2.2',
  schema: 'http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json'
}

// IPTC Content Production Party Role NewsCodes, "a party which originated
// the content of the item": what a wire agency in a byline or dateline is.
// ninjs wants `infosources[].role` as a URI.
const originatedContent =
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

/** One way of reaching a party (here: the e-mail address a byline prints). */
export interface NinjsContactInfo {
  type: string
  value: string
}

/** A person or organisation related to the story (here: its authors). */
export interface NinjsParty {
  name: string
  rel?: string
  uri?: string
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
  'descriptions',
  'bodies',
  'headlines',
  'people',
  'organisations',
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
  'schema',
  'linkedrights'
]
const keyRank = new Map(keyOrder.map((key, index) => [key, index]))

/** Build the ninjs 2.2 document of an article. */
export function toNinjs(
  article: Article,
  context: ArticleContext,
  facts: PageFacts
): Ninjs {
  const {meta, config} = context
  const field = optionalField<Ninjs>()
  // The canonical URL, else the URN the JSON-LD ids are built from.
  const uri = facts.uri
  const plainText = article.body.join('\n\n')
  const license = nonBlank(meta.license ?? config.license)

  return {
    uri,
    type: 'text',
    representationtype: 'full',
    ...field('version', versionOf(meta)),
    ...field('firstcreated', nonBlank(meta.datePublished)),
    // Dates as the sidecar writes them, offset included.
    ...field(
      'versioncreated',
      nonBlank(meta.dateModified) ?? nonBlank(meta.datePublished)
    ),
    ...field('embargoed', nonBlank(meta.embargoUntil)),
    // ninjs's default; an embargo is said by `embargoed`, not by the status.
    pubstatus: 'usable',
    ...field('urgency', meta.urgency),
    ...copyright(context),
    ...field('usageterms', license),
    ...field('ednote', nonBlank(article.editorNotes.join(' '))),
    ...field('language', nonBlank(meta.language ?? config.language)),
    ...field(
      'descriptions',
      textList([{role: 'summary', value: facts.description}])
    ),
    bodies: [
      {
        contenttype: 'text/plain',
        charcount: [...plainText].length,
        wordcount: countWords(plainText),
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
    ...field('people', authors(article, context, 'Person')),
    ...field('organisations', authors(article, context, 'Organization')),
    ...field(
      'subjects',
      (meta.keywords ?? []).flatMap((keyword) => {
        const name = nonBlank(keyword)
        return name === undefined ? [] : [{name}]
      })
    ),
    ...field(
      'infosources',
      agencies(article).map((name) => ({name, role: originatedContent}))
    ),
    // The bylines as printed; desk credits stay in it too.
    ...field(
      'by',
      nonBlank(
        article.bylines
          .map((byline) => byline.text)
          .filter((text) => nonBlank(text) !== undefined)
          .join('; ')
      )
    ),
    ...field('located', nonBlank(article.dateline?.location)),
    ...field('associations', pictures(meta, uri)),
    standard,
    ...field('expires', nonBlank(meta.expires)),
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
  return `${JSON.stringify(ordered(document), null, 2)}\n`
}

/** A copy of `value` with the keys of every object in `keyOrder`. */
function ordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordered)
  if (value === null || typeof value !== 'object') return value
  const entries = Object.entries(value).sort(
    ([a], [b]) =>
      (keyRank.get(a) ?? keyOrder.length) -
        (keyRank.get(b) ?? keyOrder.length) || (a < b ? -1 : a > b ? 1 : 0)
  )
  return Object.fromEntries(
    entries.map(([key, entry]) => [key, ordered(entry)])
  )
}

/** `version`: a string in ninjs; only a story version 1, 2, … is one. */
function versionOf(meta: Meta): string | undefined {
  const version = meta.version
  return version !== undefined && Number.isInteger(version) && version >= 1
    ? String(version)
    : undefined
}

/**
 * `copyrightholder` and `copyrightnotice`, as the JSON-LD says them: the
 * holder the sidecar or config names, the year the sidecar gives, else that
 * of `datePublished`. A year with no holder claims nothing: nothing is
 * written.
 */
function copyright(
  context: ArticleContext
): Pick<Ninjs, 'copyrightholder' | 'copyrightnotice'> {
  const {meta, config} = context
  const holder =
    nonBlank(meta.copyrightHolder) ?? nonBlank(config.copyrightHolder)
  if (holder === undefined) return {}
  const year =
    meta.copyrightYear ??
    (meta.datePublished === undefined
      ? undefined
      : Number(meta.datePublished.slice(0, 4)))
  return {
    copyrightholder: holder,
    copyrightnotice: year === undefined ? `© ${holder}` : `© ${year} ${holder}`
  }
}

/** Headlines or descriptions, without those whose text is missing or blank. */
function textList(
  items: ReadonlyArray<{role: string; value: string | undefined}>
): NinjsText[] {
  const list: NinjsText[] = []
  for (const {role, value} of items) {
    const text = nonBlank(value)
    if (text !== undefined) list.push({role, value: text})
  }
  return list
}

/**
 * The authors of one kind across all bylines, first seen wins, as the
 * directory spells them. Names that differ only in case, accents or
 * punctuation (`JOSE DIAZ`, `José Díaz`) are one party, as in the JSON-LD.
 */
function authors(
  article: Article,
  context: ArticleContext,
  kind: Author['kind']
): NinjsParty[] {
  const seen = new Set<string>()
  const parties: NinjsParty[] = []
  for (const byline of article.bylines) {
    for (const author of byline.authors) {
      if (author.kind !== kind) continue
      const entry = findAuthorEntry(context.config, author.name)
      const name = entry?.name ?? author.name
      const key = nameKey(name)
      if (seen.has(key)) continue
      seen.add(key)
      const field = optionalField<NinjsParty>()
      parties.push({
        name,
        rel: 'author',
        ...field('uri', nonBlank(entry?.url)),
        ...field(
          'contactinfo',
          author.email === undefined
            ? undefined
            : [{type: 'email', value: author.email}]
        )
      })
    }
  }
  return parties
}

/** The agencies of bylines and dateline: `AP` and `Associated Press` are one. */
function agencies(article: Article): string[] {
  const named = [
    ...article.bylines.map((byline) => byline.agency),
    article.dateline?.agency
  ]
  return unique(
    named.flatMap((agency) => {
      const name = nonBlank(agency)
      return name === undefined ? [] : [canonicalAgency(name)]
    })
  )
}

/**
 * One `picture` association per sidecar image. Its `uri` names the picture
 * within the story (the `@id` the JSON-LD gives it), the image URL is its
 * one rendition: ninjs keeps `uri` for identity and `href` for links. The
 * caption is a description, the credit line is `by`.
 */
function pictures(meta: Meta, storyUri: string): NinjsAssociation[] {
  return (meta.images ?? []).map((image, index) => {
    const field = optionalField<NinjsAssociation>()
    const size = optionalField<NinjsRendition>()
    return {
      name: `image-${index + 1}`,
      uri: `${storyUri}#image-${index + 1}`,
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

/** `value` unless it is missing or holds only white space. */
function nonBlank(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value
}

/** Distinct non-blank values, ignoring case, first spelling kept. */
function unique(values: ReadonlyArray<string | undefined>): string[] {
  const seen = new Map<string, string>()
  for (const value of values) {
    const kept = nonBlank(value)
    if (kept !== undefined && !seen.has(kept.toLowerCase())) {
      seen.set(kept.toLowerCase(), kept)
    }
  }
  return [...seen.values()]
}
