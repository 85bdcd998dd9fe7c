// Facts: one resolution of everything the outputs say about an article,
// from the extracted `Article`, the sidecar (`meta`) and the project config.
// Every per-article emitter (JSON-LD, page head, NITF and its profiles,
// ninjs, the feed entry) reads these and nothing else, so no two outputs
// can disagree on a value. Each value has one precedence, stated where it
// is resolved and in docs/architecture.md. Pure: no clock, no file system.
import type {Root} from 'nlcst'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {canonicalAgency} from '../rules/agencies.js'
import {
  type DatelinePlace,
  splitDatelinePlace
} from '../rules/dateline-place.js'
import type {Article, ArticleContext, Config, Meta} from '../types.js'
import {findAuthorEntry, nameKey} from './author-directory.js'
import {countWords} from './words.js'

/** Who published the article, merged from sidecar, config and masthead. */
export interface PublisherFacts {
  name: string
  url?: string
  logo?: {url: string; width?: number; height?: number}
  sameAs?: string[]
}

/** One author of the article, once however often and however spelled. */
export interface AuthorFacts {
  kind: 'Person' | 'Organization'
  /** The author directory's name, else the name as printed (first seen). */
  name: string
  /** The one key spellings are merged by (`JOSE DIAZ`, `José Díaz`). */
  key: string
  /** Profile URL from the author directory. */
  url?: string
  sameAs?: string[]
  /** The directory's job title, else the printed one. */
  jobTitle?: string
  email?: string
}

export type ImageFacts = NonNullable<Meta['images']>[number]

/** The dateline's place as printed, split: each part is a substring of `text`, in reading order. */
export type PlaceFacts = DatelinePlace

/** Everything the per-article outputs need, resolved once. */
export interface Facts {
  /** The article as extracted: headline, bylines and body as printed. */
  article: Article
  /** Input path relative to its root, `/`-separated. */
  path: string
  /** The sidecar `id`, else one derived from the path. */
  storyId: string
  /** Canonical URL: sidecar `url`, else `baseUrl` + path without extension. */
  url?: string
  /** The URL, else `urn:copydesk:story:<id>`: never a file path. */
  uri: string
  /** Home page: the publisher's `url` (sidecar, config), else the URL's origin; ends in `/`. */
  siteUrl?: string
  /** First summary bullet, else the lead paragraph cut at a sentence. */
  description?: string
  /** The body paragraphs joined by one blank line. */
  plainText: string
  wordCount: number
  authors: AuthorFacts[]
  /** Wire agencies of the bylines and dateline, canonical names, once each. */
  agencies: string[]
  /** The dateline's place, when the dateline names one. */
  place?: PlaceFacts
  publisher?: PublisherFacts
  /** Only when the sidecar or config names a holder: never guessed. */
  copyright?: {holder: string; year?: number}
  /** Sidecar `license`, else the config's. */
  license?: string
  /** Sidecar `language`, else the config's. */
  language?: string
  datePublished?: string
  dateModified?: string
  embargoUntil?: string
  expires?: string
  /** A story version 1, 2, … */
  version?: number
  urgency?: number
  section?: string
  /** White space collapsed, blank ones dropped. */
  keywords: string[]
  images: ImageFacts[]
  isAccessibleForFree?: boolean
  /** CSS selectors of paywalled parts, only when the article is not free. */
  paywalledSections: string[]
  print: NonNullable<Meta['print']>
  /** NITF settings of the config that every profile shares. */
  nitf: Pick<NonNullable<Config['nitf']>, 'regsrc' | 'rights'>
}

/** Longest `description` taken from the body, in UTF-16 code units. */
const descriptionMaxLength = 300

const englishParser = unified().use(retextEnglish)

/** Resolve the facts of `article` in `context`. */
export function resolveFacts(article: Article, context: ArticleContext): Facts {
  const {meta, config} = context
  const url = articleUrl(context)
  const plainText = article.body.join('\n\n')
  const facts: Facts = {
    article,
    path: context.path,
    storyId: context.storyId,
    uri: url ?? `urn:copydesk:story:${encodeURIComponent(context.storyId)}`,
    plainText,
    wordCount: countWords(plainText),
    authors: resolveAuthors(article, config),
    agencies: resolveAgencies(article),
    keywords: (meta.keywords ?? []).flatMap((keyword) => {
      const kept = collapse(keyword)
      return kept === undefined ? [] : [kept]
    }),
    images: meta.images ?? [],
    paywalledSections:
      meta.isAccessibleForFree === false ? (meta.paywalledSections ?? []) : [],
    print: meta.print ?? {},
    nitf: {
      ...optional('regsrc', config.nitf?.regsrc),
      ...optional('rights', config.nitf?.rights)
    }
  }
  const publisher = resolvePublisher(article, context)
  const holder =
    nonBlank(meta.copyrightHolder) ?? nonBlank(config.copyrightHolder)
  // The sidecar's date, else one the text states in full (never completed
  // by guessing: see `rules/text-date.ts`).
  const datePublished = meta.datePublished ?? article.datePublished
  const year =
    meta.copyrightYear ??
    (datePublished === undefined
      ? undefined
      : Number(datePublished.slice(0, 4)))
  return Object.assign(facts, {
    ...optional('url', url),
    ...optional('siteUrl', siteUrl(context, url)),
    ...optional('description', articleDescription(article)),
    ...optional('place', resolvePlace(article)),
    ...optional('publisher', publisher),
    ...optional(
      'copyright',
      holder === undefined ? undefined : {holder, ...optional('year', year)}
    ),
    ...optional('license', nonBlank(meta.license ?? config.license)),
    ...optional('language', nonBlank(meta.language ?? config.language)),
    ...optional('datePublished', datePublished),
    ...optional('dateModified', meta.dateModified),
    ...optional('embargoUntil', meta.embargoUntil),
    ...optional('expires', meta.expires),
    ...optional(
      'version',
      meta.version !== undefined &&
        Number.isInteger(meta.version) &&
        meta.version >= 1
        ? meta.version
        : undefined
    ),
    ...optional('urgency', meta.urgency),
    ...optional('section', nonBlank(meta.section)),
    ...optional('isAccessibleForFree', meta.isAccessibleForFree)
  })
}

/**
 * Every author across all bylines, first seen wins: spellings with one
 * `nameKey` (case, accents, punctuation) are one author in every output.
 * The author directory of the config names them and adds profile links.
 */
function resolveAuthors(article: Article, config: Config): AuthorFacts[] {
  const seen = new Set<string>()
  const authors: AuthorFacts[] = []
  for (const byline of article.bylines) {
    for (const author of byline.authors) {
      const entry = findAuthorEntry(config, author.name)
      const name = entry?.name ?? author.name
      const key = nameKey(name)
      if (nonBlank(name) === undefined || seen.has(key)) continue
      seen.add(key)
      authors.push({
        kind: author.kind,
        name,
        key,
        ...optional('url', nonBlank(entry?.url)),
        ...optional('sameAs', entry?.sameAs),
        ...optional('jobTitle', entry?.jobTitle ?? author.jobTitle),
        ...optional('email', author.email)
      })
    }
  }
  return authors
}

/** The agencies of bylines and dateline: `AP` and `Associated Press` are one. */
function resolveAgencies(article: Article): string[] {
  const seen = new Map<string, string>()
  for (const agency of [
    ...article.bylines.map((byline) => byline.agency),
    article.dateline?.agency
  ]) {
    const name = collapse(agency)
    if (name === undefined) continue
    const canonical = canonicalAgency(name)
    const key = canonical.toLowerCase()
    if (!seen.has(key)) seen.set(key, canonical)
  }
  return [...seen.values()]
}

/**
 * The dateline's location as printed, split in city, state, region and
 * country by the conventions of `rules/dateline-place.ts`.
 */
function resolvePlace(article: Article): PlaceFacts | undefined {
  const location = article.dateline?.location
  return location === undefined ? undefined : splitDatelinePlace(location)
}

/**
 * The publisher: the sidecar's fields over the project config's, the name
 * falling back to the masthead. A sidecar that names another publisher than
 * the config does not inherit the config's `url`, `logo` and `sameAs`.
 */
function resolvePublisher(
  article: Article,
  context: ArticleContext
): PublisherFacts | undefined {
  const fromMeta = context.meta.publisher ?? {}
  const configured = context.config.publisher ?? {}
  // A sidecar that names another publisher, by name or by URL (a story
  // syndicated from another paper), takes nothing from the config's.
  const differs = (key: 'name' | 'url') =>
    fromMeta[key] !== undefined &&
    configured[key] !== undefined &&
    fromMeta[key] !== configured[key]
  const fromConfig = differs('name') || differs('url') ? {} : configured
  // A blank name is no name: the next source speaks.
  const name = [fromMeta.name, fromConfig.name, article.publication]
    .map(nonBlank)
    .find((value) => value !== undefined)
  if (name === undefined) return undefined
  const facts: PublisherFacts = {name}
  const url = fromMeta.url ?? fromConfig.url
  if (url !== undefined) facts.url = url
  if ('logo' in fromConfig && fromConfig.logo) facts.logo = fromConfig.logo
  if ('sameAs' in fromConfig && fromConfig.sameAs) {
    facts.sameAs = fromConfig.sameAs
  }
  return facts
}

/**
 * The canonical URL: the sidecar's `url`, else `config.baseUrl` + the input
 * path without its extension (the rule `schemas/config.schema.json` states for
 * `baseUrl`), else none.
 */
function articleUrl(context: ArticleContext): string | undefined {
  if (context.meta.url !== undefined) return context.meta.url
  const baseUrl = context.config.baseUrl
  if (baseUrl === undefined) return undefined
  const segments = context.path
    // Only a real extension: `a/.txt` and `a/b` stay as they are.
    .replace(/(?<=[^/])\.[^./]*$/, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
  return `${baseUrl.replace(/\/+$/, '')}/${segments.join('/')}`
}

/** The site's home URL: the publisher's URL, else the origin of the article URL. */
function siteUrl(
  context: ArticleContext,
  url: string | undefined
): string | undefined {
  const home =
    context.meta.publisher?.url ??
    context.config.publisher?.url ??
    (url ? new URL(url).origin : undefined)
  if (home === undefined) return undefined
  return home.endsWith('/') ? home : `${home}/`
}

/**
 * The first summary bullet, else the lead paragraph: whole when short, else
 * cut after the last sentence that ends within `descriptionMaxLength`.
 */
function articleDescription(article: Article): string | undefined {
  const bullet = article.summary[0]
  if (bullet !== undefined) return bullet
  const lead = article.body[0]?.trim()
  if (lead === undefined || lead.length <= descriptionMaxLength) return lead

  let end = 0
  for (const sentenceEnd of sentenceEnds(lead)) {
    if (sentenceEnd > descriptionMaxLength) break
    end = sentenceEnd
  }
  if (end > 0) return lead.slice(0, end)

  // A first sentence longer than the limit: cut at a word boundary and mark
  // the cut, rather than emit a long lead or nothing.
  const cut = lead.lastIndexOf(' ', descriptionMaxLength - 1)
  return `${lead.slice(0, cut > 0 ? cut : descriptionMaxLength - 1).trimEnd()}…`
}

/**
 * Offsets just past each sentence of `text`, found by retext-english (the
 * parser the pipeline uses), which knows `Mr.`, `U.S.` and initials.
 */
function sentenceEnds(text: string): number[] {
  const tree: Root = englishParser.parse(text)
  const ends: number[] = []

  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    for (const sentence of paragraph.children) {
      let end = sentence.position?.end.offset
      if (sentence.type !== 'SentenceNode' || end === undefined) continue
      // A closing quote or bracket right after the stop (`.“` in German,
      // `.)`) can land in the next sentence; keep it with this one.
      while (
        end < text.length &&
        /[\p{Pe}\p{Pf}\p{Pi}"']/u.test(text[end] ?? '')
      ) {
        end++
      }
      ends.push(end)
    }
  }

  return ends
}

/** `{[key]: value}`, or nothing when `value` is `undefined`. */
function optional<Key extends string, Value>(
  key: Key,
  value: Value | undefined
): {[K in Key]?: Value} {
  return value === undefined ? {} : ({[key]: value} as {[K in Key]: Value})
}

/** `value` unless it is missing or holds only white space. */
export function nonBlank(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value
}

/**
 * `value` with white space runs collapsed (as XML attribute values are
 * read), or `undefined` if nothing is left.
 */
export function collapse(value: string | undefined): string | undefined {
  const collapsed = value?.replace(/\s+/g, ' ').trim()
  return collapsed ? collapsed : undefined
}
