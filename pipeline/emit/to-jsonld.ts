// JSON-LD emitter: reads an `Article` and its `ArticleContext` (sidecar meta,
// project config, story id, input path) and returns one schema.org `@graph`:
// the NewsArticle, its WebPage and WebSite, the publisher, one node per
// author and per image, linked by `@id`s derived from the site and article
// URLs, so they never change between builds. `serializeJsonLd` writes it as
// the `.jsonld` output. Pure and deterministic: no clock, no randomness, no
// network; a key is only present when the input supports its value.
import type {Root} from 'nlcst'
import retextEnglish from 'retext-english'
import type {
  Graph,
  ImageObject,
  NewsArticle,
  NewsMediaOrganization,
  Organization,
  Person,
  QuantitativeValue,
  Thing,
  WebPage,
  WebPageElement,
  WebSite
} from 'schema-dts'
import {unified} from 'unified'
import type {Article, ArticleContext, Author, Meta} from '../types.js'
import {type AuthorEntry, findAuthorEntry, nameKey} from './author-directory.js'
import {optionalField} from './optional-field.js'
import {countWords} from './words.js'

// schema-dts types are unions of a type and its subtypes (and `string`); the
// single members keep TypeScript's excess-property check, which catches typos.
type NewsArticleNode = Extract<NewsArticle, {'@type': 'NewsArticle'}>
type PersonNode = Extract<Person, {'@type': 'Person'}>
type OrganizationNode = Extract<Organization, {'@type': 'Organization'}>
type PublisherNode = Extract<
  NewsMediaOrganization,
  {'@type': 'NewsMediaOrganization'}
>
type ImageObjectNode = Extract<ImageObject, {'@type': 'ImageObject'}>
type PixelsNode = Extract<QuantitativeValue, {'@type': 'QuantitativeValue'}>
type WebPageNode = Extract<WebPage, {'@type': 'WebPage'}>
type WebSiteNode = Extract<WebSite, {'@type': 'WebSite'}>
type WebPageElementNode = Extract<WebPageElement, {'@type': 'WebPageElement'}>

/** A node reference: the `@id` of a node elsewhere in the graph. */
type IdReference = {'@id': string}
/** A node with its `@id` set. */
type WithId<Node> = Node & {'@id': string}

/** The `@id`s of one article's graph. */
interface GraphIds {
  /** Base for fragment ids: the page URL, else a URN of the story id. */
  base: string
  article: string
  webpage?: string
  website?: string
  publisher: string
}

/** Longest `description` taken from the body, in UTF-16 code units. */
const descriptionMaxLength = 300

const englishParser = unified().use(retextEnglish)

/** What the JSON-LD and the page head both say of an article, worked out once. */
export interface PageFacts {
  url: string | undefined
  /**
   * The story's stable identifier: the page URL, else a URN of the story id
   * (`urn:copydesk:story:<id>`). Never a file path.
   */
  uri: string
  description: string | undefined
  publisher: PublisherFacts | undefined
}

/** URL, identifier, description and publisher of an article's page. */
export function pageFacts(
  article: Article,
  context: ArticleContext
): PageFacts {
  const url = articleUrl(context)
  return {
    url,
    uri: url ?? `urn:copydesk:story:${encodeURIComponent(context.storyId)}`,
    description: articleDescription(article),
    publisher: resolvePublisher(article, context)
  }
}

/**
 * Build the schema.org JSON-LD `@graph` for an article. Pass `facts` when
 * the caller has them already (the page head needs the same ones).
 */
export function toJsonLd(
  article: Article,
  context: ArticleContext,
  facts: PageFacts = pageFacts(article, context)
): Graph {
  const {config, meta} = context
  const articleBody = article.body.join('\n\n')
  const url = facts.url
  const site = siteUrl(context, url)
  const ids = graphIds(facts.uri, url, site)
  const language = meta.language ?? config.language
  const field = optionalField<NewsArticleNode>()
  const publisherNode = publisher(facts.publisher, ids, site)
  const authorNodes = authors(article, context, ids, site)
  const imageNodes = (meta.images ?? []).map((image, index) =>
    toImageObject(image, `${ids.base}#image-${index + 1}`)
  )
  const images = imageNodes.map((node) => reference(node['@id']))
  const copyrightHolder = meta.copyrightHolder ?? config.copyrightHolder
  const copyrightYear =
    meta.copyrightYear ??
    (copyrightHolder !== undefined && meta.datePublished !== undefined
      ? Number(meta.datePublished.slice(0, 4))
      : undefined)

  const newsArticle = {
    '@type': 'NewsArticle',
    '@id': ids.article,
    headline: article.headline,
    ...field('alternativeHeadline', article.subheadline),
    ...field('description', facts.description),
    ...field(
      'author',
      authorNodes.map((node) => reference(node['@id']))
    ),
    // `creditText` is a CreativeWork term (schema.org pending): the credit
    // lines as printed, without guessing names and roles out of them.
    ...field('creditText', article.credits),
    ...field('publisher', publisherNode && reference(publisherNode['@id'])),
    ...field('datePublished', meta.datePublished),
    ...field('dateModified', meta.dateModified),
    ...field('url', url),
    ...field('mainEntityOfPage', ids.webpage && reference(ids.webpage)),
    ...field('isPartOf', ids.webpage && reference(ids.webpage)),
    ...field('identifier', context.storyId),
    ...field('inLanguage', language),
    ...field('articleSection', meta.section),
    // An array, not a comma string: a keyword may itself hold a comma.
    ...field('keywords', meta.keywords),
    ...field('image', images),
    ...field('dateline', article.dateline?.text),
    ...field('isAccessibleForFree', meta.isAccessibleForFree),
    ...field('hasPart', paywalledParts(meta)),
    ...field('printEdition', meta.print?.edition),
    ...field('printSection', meta.print?.section),
    ...field('printPage', meta.print?.page),
    ...field('printColumn', meta.print?.column),
    ...field('copyrightHolder', copyrightHolder),
    ...field('copyrightYear', copyrightYear),
    ...field('license', meta.license ?? config.license),
    articleBody,
    wordCount: countWords(articleBody)
  } satisfies NewsArticleNode

  const nodes: Thing[] = [newsArticle]
  if (ids.webpage && url) {
    const pageField = optionalField<WebPageNode>()
    nodes.push({
      '@type': 'WebPage',
      '@id': ids.webpage,
      url,
      name: article.headline,
      ...pageField('isPartOf', ids.website && reference(ids.website)),
      ...pageField('primaryImageOfPage', images[0]),
      ...pageField('inLanguage', language),
      ...pageField('datePublished', meta.datePublished),
      ...pageField('dateModified', meta.dateModified)
    } satisfies WebPageNode)
  }
  if (ids.website && site) {
    const siteField = optionalField<WebSiteNode>()
    nodes.push({
      '@type': 'WebSite',
      '@id': ids.website,
      url: site,
      ...siteField('name', publisherNode?.name),
      ...siteField(
        'publisher',
        publisherNode && reference(publisherNode['@id'])
      ),
      ...siteField('inLanguage', language)
    } satisfies WebSiteNode)
  }
  if (publisherNode) nodes.push(publisherNode)
  nodes.push(...authorNodes, ...imageNodes)
  return {'@context': 'https://schema.org', '@graph': nodes}
}

/** Serialize a JSON-LD document the way every copydesk JSON output is written. */
export function serializeJsonLd(document: Graph): string {
  return `${JSON.stringify(document, null, 2)}\n`
}

/** A node reference: `{"@id": …}`. */
function reference(id: string): IdReference {
  return {'@id': id}
}

/**
 * The ids of the graph. With a page URL, the Yoast-style ids (`<url>#article`,
 * the page at its URL, `<site>#website`, `<site>#publisher`); without one, a
 * URN of the story id, stable and unique all the same.
 */
function graphIds(
  base: string,
  url: string | undefined,
  site: string | undefined
): GraphIds {
  const ids: GraphIds = {
    base,
    article: `${base}#article`,
    publisher: site ? `${site}#publisher` : `${base}#publisher`
  }
  if (url) ids.webpage = url
  if (site) ids.website = `${site}#website`
  return ids
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
 * One Person or Organization per author across all bylines, first seen wins.
 * Authors are told apart by `@id`, so names that differ only in case, accents
 * or punctuation (`JOSE DIAZ`, `José Díaz`) are one node, never two nodes
 * under one id.
 */
function authors(
  article: Article,
  context: ArticleContext,
  ids: GraphIds,
  site: string | undefined
): Array<WithId<PersonNode | OrganizationNode>> {
  const seen = new Set<string>()
  const result: Array<WithId<PersonNode | OrganizationNode>> = []

  for (const byline of article.bylines) {
    for (const author of byline.authors) {
      const entry = findAuthorEntry(context.config, author.name)
      const name = entry?.name ?? author.name
      const path = `${author.kind === 'Person' ? 'person' : 'organization'}/${slug(name)}`
      const id = site ? `${site}#/${path}` : `${ids.base}#/${path}`
      if (seen.has(id)) continue
      seen.add(id)
      result.push(toAuthor(author, id, entry))
    }
  }

  return result
}

function toAuthor(
  author: Author,
  id: string,
  entry: AuthorEntry | undefined
): WithId<PersonNode | OrganizationNode> {
  const name = entry?.name ?? author.name
  if (author.kind === 'Organization') {
    const field = optionalField<OrganizationNode>()
    // No `jobTitle`: schema.org defines it on Person only.
    return {
      '@type': 'Organization',
      '@id': id,
      name,
      ...field('url', entry?.url),
      ...field('sameAs', entry?.sameAs),
      ...field('email', author.email)
    } satisfies OrganizationNode
  }

  const field = optionalField<PersonNode>()
  return {
    '@type': 'Person',
    '@id': id,
    name,
    ...field('url', entry?.url),
    ...field('sameAs', entry?.sameAs),
    ...field('email', author.email),
    ...field('jobTitle', entry?.jobTitle ?? author.jobTitle)
  } satisfies PersonNode
}

/** A URL fragment from a name: `Lee Hyo-jin` -> `lee-hyo-jin`. */
function slug(name: string): string {
  const value = nameKey(name)
  return encodeURIComponent(value === '' ? 'unnamed' : value)
}

/** Who published the article, merged from sidecar, config and masthead. */
export interface PublisherFacts {
  name: string
  url?: string
  logo?: {url: string; width?: number; height?: number}
  sameAs?: string[]
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
  const fromConfig =
    fromMeta.name !== undefined &&
    configured.name !== undefined &&
    fromMeta.name !== configured.name
      ? {}
      : configured
  const name = fromMeta.name ?? fromConfig.name ?? article.publication
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

function publisher(
  facts: PublisherFacts | undefined,
  ids: GraphIds,
  site: string | undefined
): WithId<PublisherNode> | undefined {
  if (!facts) return undefined
  const field = optionalField<PublisherNode>()
  const logo = facts.logo
  return {
    '@type': 'NewsMediaOrganization',
    '@id': ids.publisher,
    name: facts.name,
    ...field('url', facts.url),
    ...field(
      'logo',
      logo && {
        '@type': 'ImageObject',
        '@id': site ? `${site}#logo` : `${ids.base}#logo`,
        url: logo.url,
        contentUrl: logo.url,
        ...imageSize(logo)
      }
    ),
    ...field('sameAs', facts.sameAs)
  } satisfies PublisherNode
}

/** Paywalled parts of the page, as Google's paywall markup wants them. */
function paywalledParts(meta: Meta): WebPageElementNode[] {
  if (meta.isAccessibleForFree !== false) return []
  return (meta.paywalledSections ?? []).map(
    (selector) =>
      ({
        '@type': 'WebPageElement',
        isAccessibleForFree: false,
        cssSelector: selector
      }) satisfies WebPageElementNode
  )
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

type MetaImage = NonNullable<Meta['images']>[number]

function toImageObject(image: MetaImage, id: string): WithId<ImageObjectNode> {
  const field = optionalField<ImageObjectNode>()
  return {
    '@type': 'ImageObject',
    '@id': id,
    url: image.url,
    // The sidecar URL is the image file itself; Google ties `creditText` to
    // an image through `contentUrl`.
    contentUrl: image.url,
    ...imageSize(image),
    ...field('caption', image.caption),
    ...field('creditText', image.credit)
  } satisfies ImageObjectNode
}

/**
 * `width` and `height` in pixels. schema.org ranges them over Distance or
 * QuantitativeValue, not bare numbers; `E37` is the UN/CEFACT code for pixel.
 */
function imageSize(image: {
  width?: number
  height?: number
}): Partial<Pick<ImageObjectNode, 'width' | 'height'>> {
  const field = optionalField<ImageObjectNode>()
  return {
    ...field('width', pixels(image.width)),
    ...field('height', pixels(image.height))
  }
}

function pixels(value: number | undefined): PixelsNode | undefined {
  return value === undefined
    ? undefined
    : {'@type': 'QuantitativeValue', value, unitCode: 'E37'}
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
