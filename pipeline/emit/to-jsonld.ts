// JSON-LD emitter: reads an article's `Facts` (emit/facts.ts) and returns
// one schema.org `@graph`:
// the NewsArticle (with the dateline's place as `contentLocation`), its
// WebPage and WebSite, the publisher, one node per author and per image,
// linked by `@id`s derived from the site and article URLs, so they never
// change between builds. `serializeJsonLd` writes it as the `.jsonld`
// output. Pure and deterministic: no clock, no randomness, no network; a key
// is only present when the input supports its value.
import type {
  Graph,
  ImageObject,
  NewsArticle,
  NewsMediaOrganization,
  Organization,
  Person,
  Place,
  PostalAddress,
  QuantitativeValue,
  Thing,
  WebPage,
  WebPageElement,
  WebSite
} from 'schema-dts'
import type {
  AuthorFacts,
  Facts,
  ImageFacts,
  PlaceFacts,
  PublisherFacts
} from './facts.js'
import {optionalField} from './optional-field.js'

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
type PlaceNode = Extract<Place, {'@type': 'Place'}>
type PostalAddressNode = Extract<PostalAddress, {'@type': 'PostalAddress'}>
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

/** Build the schema.org JSON-LD `@graph` of an article from its facts. */
export function toJsonLd(facts: Facts): Graph {
  const {article} = facts
  const url = facts.url
  const site = facts.siteUrl
  const ids = graphIds(facts.uri, url, site)
  const language = facts.language
  const field = optionalField<NewsArticleNode>()
  const publisherNode = publisher(facts.publisher, ids, site)
  const authorNodes = authors(facts.authors, ids, site)
  const imageNodes = facts.images.map((image, index) =>
    toImageObject(image, `${ids.base}#image-${index + 1}`)
  )
  const images = imageNodes.map((node) => reference(node['@id']))

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
    ...field('datePublished', facts.datePublished),
    ...field('dateModified', facts.dateModified),
    ...field('url', url),
    ...field('mainEntityOfPage', ids.webpage && reference(ids.webpage)),
    ...field('isPartOf', ids.webpage && reference(ids.webpage)),
    ...field('identifier', facts.storyId),
    ...field('inLanguage', language),
    ...field('articleSection', facts.section),
    // An array, not a comma string: a keyword may itself hold a comma.
    ...field('keywords', facts.keywords),
    ...field('image', images),
    ...field('dateline', article.dateline?.text),
    ...field('contentLocation', facts.place && toPlace(facts.place)),
    ...field('isAccessibleForFree', facts.isAccessibleForFree),
    ...field('hasPart', paywalledParts(facts.paywalledSections)),
    ...field('printEdition', facts.print.edition),
    ...field('printSection', facts.print.section),
    ...field('printPage', facts.print.page),
    ...field('printColumn', facts.print.column),
    ...field('copyrightHolder', facts.copyright?.holder),
    ...field('copyrightYear', facts.copyright?.year),
    ...field('license', facts.license),
    articleBody: facts.plainText,
    wordCount: facts.wordCount
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
      ...pageField('datePublished', facts.datePublished),
      ...pageField('dateModified', facts.dateModified)
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

/**
 * One Person or Organization per author (the facts have merged spellings
 * already), each under an `@id` of its kind and name.
 */
function authors(
  list: readonly AuthorFacts[],
  ids: GraphIds,
  site: string | undefined
): Array<WithId<PersonNode | OrganizationNode>> {
  return list.map((author) => {
    const path = `${author.kind === 'Person' ? 'person' : 'organization'}/${slug(author.key)}`
    return toAuthor(author, site ? `${site}#/${path}` : `${ids.base}#/${path}`)
  })
}

function toAuthor(
  author: AuthorFacts,
  id: string
): WithId<PersonNode | OrganizationNode> {
  const name = author.name
  if (author.kind === 'Organization') {
    const field = optionalField<OrganizationNode>()
    // No `jobTitle`: schema.org defines it on Person only.
    return {
      '@type': 'Organization',
      '@id': id,
      name,
      ...field('url', author.url),
      ...field('sameAs', author.sameAs),
      ...field('email', author.email)
    } satisfies OrganizationNode
  }

  const field = optionalField<PersonNode>()
  return {
    '@type': 'Person',
    '@id': id,
    name,
    ...field('url', author.url),
    ...field('sameAs', author.sameAs),
    ...field('email', author.email),
    ...field('jobTitle', author.jobTitle)
  } satisfies PersonNode
}

/** A URL fragment from a name key: `lee-hyo-jin`. */
function slug(key: string): string {
  return encodeURIComponent(key === '' ? 'unnamed' : key)
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

/**
 * The dateline's place: named as printed, its address from the parts the
 * dateline gives (full state and region names; the ISO country code when
 * known, else the country as printed). Nothing beyond what is printed, save
 * the country a printed state or province lies in.
 */
function toPlace(place: PlaceFacts): PlaceNode {
  const field = optionalField<PostalAddressNode>()
  const address = {
    ...field('addressLocality', place.city),
    ...field(
      'addressRegion',
      place.stateName ?? place.state ?? place.regionName ?? place.region
    ),
    ...field('addressCountry', place.countryCode ?? place.country)
  } satisfies Partial<PostalAddressNode>
  return {
    '@type': 'Place',
    name: place.text,
    ...(Object.keys(address).length > 0
      ? {address: {'@type': 'PostalAddress', ...address}}
      : {})
  } satisfies PlaceNode
}

/** Paywalled parts of the page, as Google's paywall markup wants them. */
function paywalledParts(selectors: readonly string[]): WebPageElementNode[] {
  return selectors.map(
    (selector) =>
      ({
        '@type': 'WebPageElement',
        isAccessibleForFree: false,
        cssSelector: selector
      }) satisfies WebPageElementNode
  )
}

function toImageObject(image: ImageFacts, id: string): WithId<ImageObjectNode> {
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
