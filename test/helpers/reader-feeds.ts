// Feeds as a subscriber's feed reader sees them: parsed by
// @rowanmanning/feed-parser, a third-party parser of RSS and Atom, with what
// it gives per item. Its `authors` fall back to the feed's when an item has
// none (RFC 4287 4.2.1 inheritance), so `ownAuthors` reads the item's own
// elements (`author`, `dc:creator`) to tell the two apart.
// Note: the parser decodes HTML entities once more after XML (its
// `textContentNormalized`), so text holding a literal `&amp;` reads back as
// `&`; `rawText` gives an element's text as XML alone decodes it.
import {parseFeed} from '@rowanmanning/feed-parser'
import {fromHtml} from 'hast-util-from-html'
import {treeText} from './tree-text.js'

/** One item as the reader gives it. */
export interface ReaderItem {
  id: string | null
  title: string | null
  url: string | null
  published: Date | null
  updated: Date | null
  /** Atom `summary`, RSS `description`. */
  description: string | null
  /** The authors the reader shows: the item's, else the feed's. */
  authors: string[]
  /** The item's own authors (Atom `author`, RSS `author` and `dc:creator`). */
  ownAuthors: string[]
  /** The text of each `<p>` of the item's HTML (Atom `content`, RSS `description`). */
  paragraphs: string[]
}

/** A feed as the reader gives it. */
export interface ReaderFeed {
  title: string | null
  authors: string[]
  items: ReaderItem[]
}

/** Read `xml` (Atom or RSS) with @rowanmanning/feed-parser. */
export function readFeed(xml: string): ReaderFeed {
  const feed = parseFeed(xml)
  const names = (authors: ReadonlyArray<{name: string | null}>) =>
    authors.map((author) => author.name ?? '')
  return {
    title: feed.title,
    authors: names(feed.authors),
    items: feed.items.map((item) => {
      const own =
        item.element.findElementsWithName('author').length +
          item.element.findElementsWithName('creator').length >
        0
      const html =
        item.element.findElementWithName('content') ??
        item.element.findElementWithName('description')
      return {
        id: item.id,
        title: item.title,
        url: item.url,
        published: item.published,
        updated: item.updated,
        description: item.description,
        authors: names(item.authors),
        ownAuthors: own ? names(item.authors) : [],
        paragraphs: html ? paragraphsOf(html.textContent) : []
      }
    })
  }
}

/** The text of each `p` of an HTML fragment, as a browser parses it. */
function paragraphsOf(html: string): string[] {
  return fromHtml(html, {fragment: true}).children.flatMap((node) =>
    node.type === 'element' && node.tagName === 'p' ? [treeText(node)] : []
  )
}
