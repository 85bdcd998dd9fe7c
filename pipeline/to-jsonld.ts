// JSON-LD emitter: reads an `Article` and its `ArticleContext` (sidecar meta,
// project config, story id, input path) and returns one schema.org
// NewsArticle document; `serializeJsonLd` writes it as the `.jsonld` output.
// Pure and deterministic: no clock, no randomness, no network; a key is only
// present when the input supports its value.
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
  WithContext
} from 'schema-dts'
import {unified} from 'unified'
import type {Article, ArticleContext, Author, Meta} from './types.js'
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

/** Longest `description` taken from the body, in UTF-16 code units. */
const descriptionMaxLength = 300

const englishParser = unified().use(retextEnglish)

/** Build the schema.org NewsArticle JSON-LD document for an article. */
export function toJsonLd(
  article: Article,
  context: ArticleContext
): WithContext<NewsArticle> {
  const {config, meta} = context
  const articleBody = article.body.join('\n\n')
  const url = articleUrl(context)
  const field = optionalField<NewsArticleNode>()

  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    ...field('alternativeHeadline', article.subheadline),
    ...field('description', articleDescription(article)),
    ...field('author', authors(article)),
    // `creditText` is a CreativeWork term (schema.org pending): the credit
    // lines as printed, without guessing names and roles out of them.
    ...field('creditText', article.credits),
    ...field('publisher', publisher(article, context)),
    ...field('datePublished', meta.datePublished),
    ...field('dateModified', meta.dateModified),
    ...field('url', url),
    ...field('mainEntityOfPage', url),
    ...field('identifier', context.storyId),
    ...field('inLanguage', meta.language ?? config.language),
    ...field('articleSection', meta.section),
    // An array, not a comma string: a keyword may itself hold a comma.
    ...field('keywords', meta.keywords),
    ...field('image', meta.images?.map(toImageObject)),
    ...field('dateline', article.dateline?.text),
    articleBody,
    wordCount: countWords(articleBody)
  } satisfies WithContext<NewsArticleNode>
}

/** Serialize a JSON-LD document the way every copydesk JSON output is written. */
export function serializeJsonLd(document: WithContext<Thing> | Graph): string {
  return `${JSON.stringify(document, null, 2)}\n`
}

/**
 * Make a typed `{key: value}` builder for `Node`: it gives `{}` for a missing
 * value or an empty list, so absent input leaves the key absent (as
 * `exactOptionalPropertyTypes` wants), and `key` is checked against `Node`.
 */
function optionalField<Node>() {
  return <Key extends keyof Node>(
    key: Key,
    value: Node[Key] | undefined
  ): Partial<Pick<Node, Key>> =>
    value === undefined || (Array.isArray(value) && value.length === 0)
      ? {}
      : ({[key]: value} as Pick<Node, Key>)
}

/** One Person or Organization per author across all bylines, first seen wins. */
function authors(article: Article): Array<PersonNode | OrganizationNode> {
  const seen = new Set<string>()
  const result: Array<PersonNode | OrganizationNode> = []

  for (const byline of article.bylines) {
    for (const author of byline.authors) {
      const key = `${author.kind}\u0000${author.name}`
      if (seen.has(key)) continue
      seen.add(key)
      result.push(toAuthor(author))
    }
  }

  return result
}

function toAuthor(author: Author): PersonNode | OrganizationNode {
  if (author.kind === 'Organization') {
    const field = optionalField<OrganizationNode>()
    // No `jobTitle`: schema.org defines it on Person only.
    return {
      '@type': 'Organization',
      name: author.name,
      ...field('email', author.email)
    } satisfies OrganizationNode
  }

  const field = optionalField<PersonNode>()
  return {
    '@type': 'Person',
    name: author.name,
    ...field('email', author.email),
    ...field('jobTitle', author.jobTitle)
  } satisfies PersonNode
}

/**
 * The publisher: the sidecar's fields over the project config's, the name
 * falling back to the masthead. A sidecar that names another publisher than
 * the config does not inherit the config's `url` and `logo`.
 */
function publisher(
  article: Article,
  context: ArticleContext
): PublisherNode | undefined {
  const field = optionalField<PublisherNode>()
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
  const logo = 'logo' in fromConfig ? fromConfig.logo : undefined
  return {
    '@type': 'NewsMediaOrganization',
    name,
    ...field('url', fromMeta.url ?? fromConfig.url),
    ...field(
      'logo',
      logo && {
        '@type': 'ImageObject',
        url: logo.url,
        ...imageSize(logo)
      }
    )
  } satisfies PublisherNode
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

function toImageObject(image: MetaImage): ImageObjectNode {
  const field = optionalField<ImageObjectNode>()
  return {
    '@type': 'ImageObject',
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
