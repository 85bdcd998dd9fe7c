// Checks for the files a build writes besides the JSON-LD, NITF and page
// head: each article's ninjs, and the feeds and news sitemap at the top of
// the output folder. `checkOutputFile(name, text)` resolves to the problems
// found (`[]` when valid), whatever kind of file `name` is.
import type {Element, Root, RootContent} from 'xast'
import {fromXml} from 'xast-util-from-xml'
import {validateAtom} from './jing.js'
import {officialNinjsErrors} from './official-ninjs.js'
import {treeText as textOf} from './tree-text.js'
import {validateNewsSitemap, validateSitemapIndex} from './validate-sitemap.js'

const newsNamespaceOrder = [
  'news:publication',
  'news:publication_date',
  'news:title'
]

/** Problems of one output file, by its name (`a/b.ninjs.json`, `feed.atom`). */
export async function checkOutputFile(
  name: string,
  text: string
): Promise<string[]> {
  if (name.endsWith('.ninjs.json')) return officialNinjsErrors(JSON.parse(text))
  if (name === 'feed.atom') {
    const [errors = []] = await validateAtom([text])
    return [...errors, ...atomAuthorProblems(text)]
  }
  if (name === 'feed.rss') return rssProblems(text)
  if (name === 'feed.json') return jsonFeedProblems(text)
  if (/^news-sitemap(-\d+)?\.xml$/.test(name)) {
    return /<sitemapindex/.test(text)
      ? validateSitemapIndex(text)
      : [...(await validateNewsSitemap(text)), ...newsRuleProblems(text)]
  }
  return []
}

/** RFC 4287 4.1.1: every entry has an author, or the feed has one. */
function atomAuthorProblems(text: string): string[] {
  const feed = child(fromXml(text), 'feed')
  if (!feed) return ['no `feed` root']
  if (children(feed, 'author').length > 0) return []
  return children(feed, 'entry')
    .filter((entry) => children(entry, 'author').length === 0)
    .map((entry) => `entry ${textOf(child(entry, 'id'))} has no author`)
}

/** RSS 2.0: channel title, link, description; items a title or description. */
function rssProblems(text: string): string[] {
  const channel = child(child(fromXml(text), 'rss'), 'channel')
  if (!channel) return ['no `rss/channel`']
  const problems = ['title', 'link', 'description']
    .filter((name) => textOf(child(channel, name)) === '')
    .map((name) => `channel without \`${name}\``)
  for (const item of children(channel, 'item')) {
    if (!child(item, 'title') && !child(item, 'description')) {
      problems.push('item without `title` or `description`')
    }
  }
  return problems
}

/** JSON Feed 1.1: version, title, items with an id and content. */
function jsonFeedProblems(text: string): string[] {
  const feed = JSON.parse(text) as {
    version?: unknown
    title?: unknown
    items?: Array<Record<string, unknown>>
  }
  const problems: string[] = []
  if (feed.version !== 'https://jsonfeed.org/version/1.1') {
    problems.push('wrong `version`')
  }
  if (typeof feed.title !== 'string') problems.push('no `title`')
  if (!Array.isArray(feed.items)) return [...problems, 'no `items`']
  for (const item of feed.items) {
    if (typeof item.id !== 'string') problems.push('item without `id`')
    if (
      typeof item.content_html !== 'string' &&
      typeof item.content_text !== 'string'
    ) {
      problems.push(`item ${String(item.id)} without content`)
    }
  }
  return problems
}

/** Google's rules the XSD does not state: child order and language form. */
function newsRuleProblems(text: string): string[] {
  const problems: string[] = []
  const urlset = child(fromXml(text), 'urlset')
  for (const url of children(urlset, 'url')) {
    const news = child(url, 'news:news')
    const order = news ? elementsOf(news).map((element) => element.name) : []
    if (order.join() !== newsNamespaceOrder.join()) {
      problems.push(`news:news children in order ${order.join(', ')}`)
    }
    const language = textOf(
      child(child(news, 'news:publication'), 'news:language')
    )
    if (!/^([a-z]{2,3}|zh-cn|zh-tw)$/.test(language)) {
      problems.push(`language \`${language}\``)
    }
  }
  return problems
}

function elementsOf(parent: Root | Element | undefined): Element[] {
  return (parent?.children ?? []).filter(
    (node: RootContent): node is Element => node.type === 'element'
  )
}

function children(parent: Root | Element | undefined, name: string) {
  return elementsOf(parent).filter((element) => element.name === name)
}

function child(parent: Root | Element | undefined, name: string) {
  return children(parent, name)[0]
}
