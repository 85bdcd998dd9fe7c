// Feeds: the Atom, RSS and JSON Feed emitters (`pipeline/to-feeds.ts`). Atom
// is validated by jing against RFC 4287's schema. The rules that schema
// leaves to Schematron are checked here in code. RSS and JSON are checked for
// the fields their specifications require. Every format is read back to show
// that hostile text stays text.
import type {Element as HastElement} from 'hast'
import {fromHtml} from 'hast-util-from-html'
import {visit} from 'unist-util-visit'
import {describe, expect, test} from 'vitest'
import type {Element, ElementContent, Root, RootContent} from 'xast'
import {fromXml} from 'xast-util-from-xml'
import type {FeedChannel, FeedEntry} from '../pipeline/emit/feed-entry.js'
import {
  type FeedOptions,
  toAtom,
  toJsonFeed,
  toRss
} from '../pipeline/emit/to-feeds.js'
import {xmlIllegalCodePoints} from '../pipeline/emit/xml-characters.js'
import {validateAtom} from './helpers/jing.js'
import {treeText as textOf} from './helpers/tree-text.js'

const channel: FeedChannel = {
  title: 'The Daily Example',
  link: 'https://news.example/',
  base: 'https://news.example/feeds/',
  description: 'News from Example City.',
  language: 'en',
  publisher: 'Example Media'
}

/** A channel with only what is required. */
const bareChannel: FeedChannel = {
  title: 'news.example',
  link: 'https://news.example/'
}

const all: FeedOptions = {limit: 50}

let serial = 0

/** A complete entry. `overrides` replace its fields; `undefined` removes one. */
function entry(
  overrides: {[Key in keyof FeedEntry]?: FeedEntry[Key] | undefined} = {}
): FeedEntry {
  serial += 1
  const url = `https://news.example/story-${serial}`
  const complete: FeedEntry = {
    path: `story-${serial}.txt`,
    id: url,
    url,
    title: `Story ${serial}`,
    summary: `Summary ${serial}.`,
    body: [`First paragraph ${serial}.`, `Second paragraph ${serial}.`],
    authors: [
      {name: 'Kim Min-jun', url: 'https://news.example/authors/kim'},
      {name: 'Ana Ruiz'}
    ],
    datePublished: '2026-11-28T09:00:00+09:00',
    language: 'en',
    publisher: 'Example Media',
    keywords: ['economy', 'ports'],
    image: `https://news.example/images/${serial}.jpg`
  }
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined)
      delete (complete as Partial<FeedEntry>)[key as keyof FeedEntry]
    else Object.assign(complete, {[key]: value})
  }
  return complete
}

// Plain text that must stay plain: markup, a reference, the end of a CDATA
// section, code points XML forbids (C0 controls, U+FFFE, a lone surrogate)
// and other scripts.
const hostile =
  '<b>bold</b> &amp; ]]> \u0001x\u000By\uFFFEz\uD800 한국어 العربية 🎉 <script>alert(1)</script>'
const hostileClean =
  '<b>bold</b> &amp; ]]> xyz 한국어 العربية 🎉 <script>alert(1)</script>'

function hostileEntry(): FeedEntry {
  return entry({
    title: hostile,
    summary: hostile,
    body: [hostile, 'Second.'],
    authors: [{name: hostile}],
    keywords: [hostile]
  })
}

// Readers of the XML trees.

function elements(parent: Root | Element, name: string): Element[] {
  const children: Array<RootContent | ElementContent> = parent.children
  return children.filter(
    (child): child is Element => child.type === 'element' && child.name === name
  )
}

function only(parent: Root | Element, name: string): Element {
  const [found, ...rest] = elements(parent, name)
  if (!found || rest.length > 0) {
    throw new Error(`Expected exactly one \`${name}\``)
  }
  return found
}

function childText(parent: Element, name: string): string {
  return textOf(only(parent, name))
}

/** Element names of a parsed HTML fragment, and its text. */
function readHtml(html: string): {tags: string[]; text: string} {
  const tree = fromHtml(html, {fragment: true})
  const tags: string[] = []
  const text: string[] = []
  visit(tree, (node) => {
    if (node.type === 'element') tags.push((node as HastElement).tagName)
    if (node.type === 'text') text.push(node.value)
  })
  return {tags, text: text.join('')}
}

function atomFeed(xml: string): Element {
  return only(fromXml(xml), 'feed')
}

function rssChannel(xml: string): Element {
  return only(only(fromXml(xml), 'rss'), 'channel')
}

interface JsonFeedItem {
  id: string
  url?: string
  title?: string
  content_html?: string
  content_text?: string
  summary?: string
  image?: string
  date_published?: string
  date_modified?: string
  authors?: Array<{name: string; url?: string}>
  tags?: string[]
  language?: string
}

interface JsonFeed {
  version: string
  title: string
  home_page_url?: string
  feed_url?: string
  description?: string
  language?: string
  authors?: Array<{name: string}>
  items: JsonFeedItem[]
}

function jsonFeed(text: string): JsonFeed {
  return JSON.parse(text) as JsonFeed
}

/** Every Atom test case, validated together in one jing run. */
const atomCases: Array<[string, string]> = [
  ['full channel, full entries', toAtom([entry(), entry()], channel, all)],
  [
    'bare channel, entries without bylines, summary, body or keywords',
    toAtom(
      [
        entry({
          authors: [],
          summary: undefined,
          body: [],
          keywords: [],
          language: undefined,
          image: undefined
        }),
        entry({authors: []})
      ],
      bareChannel,
      all
    )
  ],
  ['hostile text', toAtom([hostileEntry()], {...channel, title: hostile}, all)],
  [
    'entries without byline or publisher, a channel without publisher',
    toAtom(
      [entry({authors: [], publisher: undefined}), entry({authors: []})],
      bareChannel,
      all
    )
  ],
  [
    'unusable language tags, dates without seconds, lower-case t and z',
    toAtom(
      [
        entry({language: 'not a tag', datePublished: '2026-11-28t09:00z'}),
        entry({
          datePublished: '2026-11-28T09:00:00.250-03:30',
          dateModified: '2026-11-29T10:15+05:45'
        })
      ],
      {...channel, language: 'english (UK)'},
      all
    )
  ]
]

describe('Atom', () => {
  test('every case is valid against RFC 4287 (jing)', async () => {
    // The last document is broken on purpose: it shows that jing really
    // reports errors through the helper.
    const broken = atomCases[0]?.[1].replace(/<updated>[^<]*<\/updated>/, '')
    const reports = await validateAtom([
      ...atomCases.map(([, xml]) => xml),
      broken ?? ''
    ])
    expect(
      Object.fromEntries(
        atomCases.map(([name], index) => [name, reports[index]])
      )
    ).toEqual(Object.fromEntries(atomCases.map(([name]) => [name, []])))
    expect(reports.at(-1)?.join('\n')).toMatch(/updated/)
  })

  test.each(atomCases)(
    '%s: every entry has an author, or the feed has one (RFC 4287 4.1.1)',
    (_name, xml) => {
      const feed = atomFeed(xml)
      const entries = elements(feed, 'entry')
      expect(entries.length).toBeGreaterThan(0)
      const feedHasAuthor = elements(feed, 'author').length > 0
      for (const item of entries) {
        expect(feedHasAuthor || elements(item, 'author').length > 0).toBe(true)
      }
    }
  )

  test.each(atomCases)(
    '%s: every entry has an alternate link or content (RFC 4287 4.1.2)',
    (_name, xml) => {
      for (const item of elements(atomFeed(xml), 'entry')) {
        const alternate = elements(item, 'link').some(
          (link) => (link.attributes.rel ?? 'alternate') === 'alternate'
        )
        expect(alternate || elements(item, 'content').length > 0).toBe(true)
      }
    }
  )

  test('the feed: id, title, links, author, language', () => {
    const feed = atomFeed(toAtom([entry()], channel, all))
    expect(feed.attributes).toEqual({
      xmlns: 'http://www.w3.org/2005/Atom',
      'xml:lang': 'en'
    })
    expect(childText(feed, 'id')).toBe('https://news.example/')
    expect(only(feed, 'title').attributes).toEqual({type: 'text'})
    expect(childText(feed, 'title')).toBe('The Daily Example')
    expect(childText(feed, 'subtitle')).toBe('News from Example City.')
    expect(elements(feed, 'link').map((link) => link.attributes)).toEqual([
      {rel: 'alternate', type: 'text/html', href: 'https://news.example/'},
      {
        rel: 'self',
        type: 'application/atom+xml',
        href: 'https://news.example/feeds/feed.atom'
      }
    ])
    expect(childText(only(feed, 'author'), 'name')).toBe('Example Media')
  })

  test('without base, publisher or language: no self link, the title as author', () => {
    const feed = atomFeed(toAtom([entry()], bareChannel, all))
    expect(feed.attributes['xml:lang']).toBeUndefined()
    expect(elements(feed, 'link').map((link) => link.attributes.rel)).toEqual([
      'alternate'
    ])
    expect(childText(only(feed, 'author'), 'name')).toBe('news.example')
  })

  test('an entry: id, title, link, dates, authors, categories, summary, content', () => {
    const item = only(
      atomFeed(
        toAtom(
          [
            entry({
              id: 'urn:story:1',
              dateModified: '2026-11-28T11:30:00+09:00'
            })
          ],
          channel,
          all
        )
      ),
      'entry'
    )
    expect(item.attributes).toEqual({'xml:lang': 'en'})
    expect(childText(item, 'id')).toBe('urn:story:1')
    expect(only(item, 'title').attributes).toEqual({type: 'text'})
    expect(only(item, 'link').attributes).toMatchObject({
      rel: 'alternate',
      href: expect.stringMatching(/^https:\/\/news\.example\/story-\d+$/)
    })
    expect(childText(item, 'published')).toBe('2026-11-28T09:00:00+09:00')
    expect(childText(item, 'updated')).toBe('2026-11-28T11:30:00+09:00')
    expect(
      elements(item, 'author').map((author) => ({
        name: childText(author, 'name'),
        uri: elements(author, 'uri').map(textOf)
      }))
    ).toEqual([
      {name: 'Kim Min-jun', uri: ['https://news.example/authors/kim']},
      {name: 'Ana Ruiz', uri: []}
    ])
    expect(
      elements(item, 'category').map((category) => category.attributes)
    ).toEqual([{term: 'economy'}, {term: 'ports'}])
    expect(only(item, 'summary').attributes).toEqual({type: 'text'})
    expect(only(item, 'content').attributes).toEqual({type: 'html'})
    expect(childText(item, 'content')).toMatch(
      /^<p>First paragraph \d+\.<\/p>\n<p>Second paragraph \d+\.<\/p>$/
    )
  })

  test('an empty feed is refused: Atom needs `updated` and there is no clock', () => {
    expect(() => toAtom([], channel, all)).toThrow(
      /Unexpected empty feed, expected at least one entry/
    )
  })
})

describe('RSS', () => {
  const cases: Array<[string, string]> = [
    ['full', toRss([entry(), entry({id: 'urn:story:x'})], channel, all)],
    [
      'bare',
      toRss(
        [entry({authors: [], summary: undefined, body: [], keywords: []})],
        bareChannel,
        all
      )
    ],
    ['hostile', toRss([hostileEntry()], channel, all)],
    ['empty', toRss([], bareChannel, all)]
  ]

  test.each(cases)(
    '%s: well-formed, with the required channel and item fields',
    (_name, xml) => {
      const rss = only(fromXml(xml), 'rss')
      expect(rss.attributes.version).toBe('2.0')
      const feed = only(rss, 'channel')
      for (const name of ['title', 'link', 'description']) {
        expect(childText(feed, name)).not.toBe('')
      }
      for (const item of elements(feed, 'item')) {
        const filled = ['title', 'description'].filter((name) =>
          elements(item, name).some((element) => textOf(element) !== '')
        )
        expect(filled.length).toBeGreaterThan(0)
      }
    }
  )

  test('the channel: self link, language, dates, namespaces', () => {
    const xml = toRss(
      [
        entry({datePublished: '2026-11-28T09:00:00+09:00'}),
        entry({
          datePublished: '2026-11-27T09:00:00+09:00',
          dateModified: '2026-11-28T10:00:00-05:00'
        })
      ],
      channel,
      all
    )
    const rss = only(fromXml(xml), 'rss')
    expect(rss.attributes).toEqual({
      version: '2.0',
      'xmlns:atom': 'http://www.w3.org/2005/Atom',
      'xmlns:dc': 'http://purl.org/dc/elements/1.1/'
    })
    const feed = only(rss, 'channel')
    expect(childText(feed, 'description')).toBe('News from Example City.')
    expect(childText(feed, 'language')).toBe('en')
    expect(childText(feed, 'pubDate')).toBe('Sat, 28 Nov 2026 09:00:00 +0900')
    // The latest change is the older story's update, in its own offset.
    expect(childText(feed, 'lastBuildDate')).toBe(
      'Sat, 28 Nov 2026 10:00:00 -0500'
    )
    expect(only(feed, 'atom:link').attributes).toEqual({
      href: 'https://news.example/feeds/feed.rss',
      rel: 'self',
      type: 'application/rss+xml'
    })
  })

  test('without base or description: no self link, a sentence naming the publisher', () => {
    const feed = rssChannel(
      toRss([entry()], {...bareChannel, publisher: 'Example Media'}, all)
    )
    expect(elements(feed, 'atom:link')).toEqual([])
    expect(childText(feed, 'description')).toBe(
      'The latest articles from Example Media.'
    )
    expect(elements(feed, 'language')).toEqual([])
  })

  test('an item: title, link, guid, date, description, creators, categories', () => {
    const feed = rssChannel(
      toRss(
        [
          entry({datePublished: '2026-11-28T09:00:00+09:00'}),
          entry({id: 'urn:story:2', datePublished: '2026-11-27T23:59:59Z'})
        ],
        channel,
        all
      )
    )
    const [first, second] = elements(feed, 'item')
    if (!first || !second) throw new Error('Expected two items')
    expect(childText(first, 'link')).toBe(childText(first, 'guid'))
    expect(only(first, 'guid').attributes).toEqual({isPermaLink: 'true'})
    expect(only(second, 'guid').attributes).toEqual({isPermaLink: 'false'})
    expect(childText(second, 'guid')).toBe('urn:story:2')
    expect(childText(first, 'pubDate')).toBe('Sat, 28 Nov 2026 09:00:00 +0900')
    expect(childText(second, 'pubDate')).toBe('Fri, 27 Nov 2026 23:59:59 +0000')
    expect(elements(first, 'dc:creator').map(textOf)).toEqual([
      'Kim Min-jun',
      'Ana Ruiz'
    ])
    expect(elements(first, 'category').map(textOf)).toEqual([
      'economy',
      'ports'
    ])
    expect(childText(first, 'description')).toMatch(
      /^<p>First paragraph \d+\.<\/p>\n<p>Second paragraph \d+\.<\/p>$/
    )
  })

  test('an item without body: the summary is the description', () => {
    const feed = rssChannel(
      toRss([entry({body: [], summary: 'Only this.'})], channel, all)
    )
    expect(childText(only(feed, 'item'), 'description')).toBe(
      '<p>Only this.</p>'
    )
  })
})

describe('JSON Feed', () => {
  test('version, title, links, authors, items with id and content', () => {
    const text = toJsonFeed(
      [
        entry({dateModified: '2026-11-28T10:00:00+09:00'}),
        entry({authors: [], publisher: undefined, keywords: []})
      ],
      channel,
      all
    )
    expect(text.endsWith('}\n')).toBe(true)
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`)
    const feed = jsonFeed(text)
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'The Daily Example',
      home_page_url: 'https://news.example/',
      feed_url: 'https://news.example/feeds/feed.json',
      description: 'News from Example City.',
      language: 'en',
      authors: [{name: 'Example Media'}]
    })
    const [first, second] = feed.items
    expect(first).toEqual({
      id: first?.url,
      url: expect.stringMatching(/^https:\/\/news\.example\/story-\d+$/),
      title: expect.stringMatching(/^Story \d+$/),
      content_html: expect.stringMatching(
        /^<p>First paragraph \d+\.<\/p>\n<p>Second paragraph \d+\.<\/p>$/
      ),
      content_text: expect.stringMatching(
        /^First paragraph \d+\.\n\nSecond paragraph \d+\.$/
      ),
      summary: expect.stringMatching(/^Summary \d+\.$/),
      image: expect.stringMatching(
        /^https:\/\/news\.example\/images\/\d+\.jpg$/
      ),
      date_published: '2026-11-28T09:00:00+09:00',
      date_modified: '2026-11-28T10:00:00+09:00',
      authors: [
        {name: 'Kim Min-jun', url: 'https://news.example/authors/kim'},
        {name: 'Ana Ruiz'}
      ],
      tags: ['economy', 'ports'],
      language: 'en'
    })
    // An empty `authors` or `tags` array is not allowed: they are left out.
    expect(second).not.toHaveProperty('authors')
    expect(second).not.toHaveProperty('tags')
  })

  test('every item has an id and content, even without a body', () => {
    const feed = jsonFeed(
      toJsonFeed(
        [entry({body: []}), entry({summary: undefined})],
        bareChannel,
        all
      )
    )
    expect(feed).not.toHaveProperty('feed_url')
    expect(feed.authors).toEqual([{name: 'news.example'}])
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string')
      expect(
        typeof item.content_html === 'string' ||
          typeof item.content_text === 'string'
      ).toBe(true)
    }
  })

  test('an empty feed has an empty `items`', () => {
    expect(jsonFeed(toJsonFeed([], channel, all)).items).toEqual([])
  })
})

describe('authors', () => {
  // Two wires and a byline in one feed whose channel names no publisher: each
  // entry names its own author, and the feed's is never an article's.
  const bylined = entry({path: 'a.txt', publisher: 'The Daily Example'})
  const reuters = entry({path: 'b.txt', authors: [], publisher: 'Reuters'})
  const dpa = entry({path: 'c.txt', authors: [], publisher: ' dpa '})
  const nobody = entry({path: 'd.txt', authors: [], publisher: undefined})
  const entries = [bylined, reuters, dpa, nobody]
  const byline = ['Kim Min-jun', 'Ana Ruiz']
  const own = [byline, ['Reuters'], ['dpa'], []]

  test('Atom: each entry its bylines, else its publisher; the feed the channel’s', () => {
    const feed = atomFeed(toAtom(entries, bareChannel, all))
    expect(childText(only(feed, 'author'), 'name')).toBe('news.example')
    expect(
      elements(feed, 'entry').map((item) =>
        elements(item, 'author').map((author) => childText(author, 'name'))
      )
    ).toEqual(own)
  })

  test('RSS: each item its bylines, else its publisher, as `dc:creator`', () => {
    const feed = rssChannel(toRss(entries, bareChannel, all))
    expect(
      elements(feed, 'item').map((item) =>
        elements(item, 'dc:creator').map(textOf)
      )
    ).toEqual(own)
    expect(childText(feed, 'description')).toBe(
      'The latest articles from news.example.'
    )
  })

  test('JSON Feed: each item its bylines, else its publisher', () => {
    const feed = jsonFeed(toJsonFeed(entries, bareChannel, all))
    expect(feed.authors).toEqual([{name: 'news.example'}])
    expect(
      feed.items.map((item) => item.authors?.map((author) => author.name))
    ).toEqual([byline, ['Reuters'], ['dpa'], undefined])
  })

  test('the channel’s publisher is the feed’s author, not an entry’s', () => {
    const feed = atomFeed(toAtom([reuters], channel, all))
    expect(childText(only(feed, 'author'), 'name')).toBe('Example Media')
    expect(childText(only(only(feed, 'entry'), 'author'), 'name')).toBe(
      'Reuters'
    )
  })
})

describe('escaping', () => {
  // fast-xml-parser, with its defaults, reads only the predefined entities.
  const story = entry({
    title: 'Shares of <AAPL> & AT&T "rise" ]]>',
    summary: '<AAPL> & "more"',
    authors: [{name: 'A & B <C>'}],
    keywords: ['<T> & "U"']
  })

  test.each([
    ['Atom', toAtom([story], channel, all)],
    ['RSS', toRss([story], channel, all)]
  ])(
    '%s writes `&amp;`, `&lt;`, `&gt;`, `&quot;`, never their numbers',
    (_name, xml) => {
      expect(xml).not.toMatch(/&#x?[\dA-F]+;/i)
      expect(xml).not.toContain(']]>')
      expect(xml).toContain(
        'Shares of &lt;AAPL&gt; &amp; AT&amp;T "rise" ]]&gt;</title>'
      )
    }
  )

  test('an attribute value: `&quot;` inside its quotes', () => {
    expect(toAtom([story], channel, all)).toContain(
      '<category term="&lt;T> &amp; &quot;U&quot;"/>'
    )
  })
})

describe('order, limit, determinism', () => {
  // 00:00Z, 01:00Z and 00:00Z again: the offsets decide, then the path.
  const tokyo = entry({
    path: 'b/tokyo.txt',
    datePublished: '2026-11-28T09:00:00+09:00'
  })
  const newYork = entry({
    path: 'z/new-york.txt',
    datePublished: '2026-11-27T20:00:00-05:00'
  })
  const london = entry({
    path: 'a/london.txt',
    datePublished: '2026-11-28T00:00:00Z'
  })
  const older = entry({
    path: 'c/older.txt',
    datePublished: '2026-11-20T12:00:00+01:00'
  })
  const input = [older, tokyo, london, newYork]
  const expected = [newYork, london, tokyo, older].map((item) => item.id)

  function atomIds(xml: string): string[] {
    return elements(atomFeed(xml), 'entry').map((item) => childText(item, 'id'))
  }

  function rssIds(xml: string): string[] {
    return elements(rssChannel(xml), 'item').map((item) =>
      childText(item, 'guid')
    )
  }

  function jsonIds(text: string): string[] {
    return jsonFeed(text).items.map((item) => item.id)
  }

  test('newest first across UTC offsets, ties broken by path, in every format', () => {
    expect(atomIds(toAtom(input, channel, all))).toEqual(expected)
    expect(rssIds(toRss(input, channel, all))).toEqual(expected)
    expect(jsonIds(toJsonFeed(input, channel, all))).toEqual(expected)
  })

  test('limit keeps the newest entries', () => {
    const limit = {limit: 2}
    expect(atomIds(toAtom(input, channel, limit))).toEqual(expected.slice(0, 2))
    expect(rssIds(toRss(input, channel, limit))).toEqual(expected.slice(0, 2))
    expect(jsonIds(toJsonFeed(input, channel, limit))).toEqual(
      expected.slice(0, 2)
    )
  })

  test.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'limit %s is refused',
    (limit) => {
      for (const emit of [toAtom, toRss, toJsonFeed]) {
        expect(() => emit(input, channel, {limit})).toThrow(
          /^Unexpected limit `.+`, expected a whole number from 1 up$/
        )
      }
    }
  )

  test('the feed date is the latest update among the entries written', () => {
    const revised = entry({
      path: 'd/revised.txt',
      datePublished: '2026-11-21T08:00:00+02:00',
      dateModified: '2026-11-29T06:30:00+05:30'
    })
    const entries = [...input, revised]
    const feed = atomFeed(toAtom(entries, channel, all))
    expect(childText(feed, 'updated')).toBe('2026-11-29T06:30:00+05:30')
    // Cut off by the limit, the revision no longer counts.
    expect(
      childText(atomFeed(toAtom(entries, channel, {limit: 3})), 'updated')
    ).toBe('2026-11-27T20:00:00-05:00')
  })

  test('same input in any order gives the same bytes', () => {
    const reversed = [...input].reverse()
    for (const emit of [toAtom, toRss, toJsonFeed]) {
      const once = emit(input, channel, all)
      expect(emit(input, channel, all)).toBe(once)
      expect(emit(reversed, channel, all)).toBe(once)
    }
    // The input is left as it was.
    expect(input).toEqual([older, tokyo, london, newYork])
  })

  test('a date without an offset is refused, naming the entry', () => {
    const local = entry({
      path: 'x/local.txt',
      datePublished: '2026-11-28T09:00:00'
    })
    expect(() => toRss([local], channel, all)).toThrow(
      'Unexpected date `2026-11-28T09:00:00` in `x/local.txt`'
    )
    const impossible = entry({
      path: 'x/feb.txt',
      dateModified: '2026-02-30T09:00:00Z'
    })
    expect(() => toJsonFeed([impossible], channel, all)).toThrow(RangeError)
  })
})

describe('dates', () => {
  test.each([
    [
      '2026-11-28T09:00:00+09:00',
      '2026-11-28T09:00:00+09:00',
      'Sat, 28 Nov 2026 09:00:00 +0900'
    ],
    [
      '2026-11-28t09:00z',
      '2026-11-28T09:00:00Z',
      'Sat, 28 Nov 2026 09:00:00 +0000'
    ],
    [
      '2026-03-01T23:59:59.5-03:30',
      '2026-03-01T23:59:59.5-03:30',
      'Sun, 01 Mar 2026 23:59:59 -0330'
    ],
    [
      '2028-02-29T00:00:00+14:00',
      '2028-02-29T00:00:00+14:00',
      'Tue, 29 Feb 2028 00:00:00 +1400'
    ]
  ])('%s is %s and %s', (written, rfc3339, rfc822) => {
    const story = [entry({datePublished: written})]
    expect(
      childText(
        only(atomFeed(toAtom(story, channel, all)), 'entry'),
        'published'
      )
    ).toBe(rfc3339)
    expect(
      jsonFeed(toJsonFeed(story, channel, all)).items[0]?.date_published
    ).toBe(rfc3339)
    expect(
      childText(only(rssChannel(toRss(story, channel, all)), 'item'), 'pubDate')
    ).toBe(rfc822)
  })
})

describe('hostile text stays plain text', () => {
  const story = hostileEntry()
  // One unescape (the XML parser) gives this HTML: `<` and `&` escaped, so no
  // element, no reference that could be read as the original `&amp;`.
  const htmlStart = '<p>&lt;b>bold&lt;/b> &amp;amp; ]]> xyz'

  function checkHtml(html: string): void {
    expect(html.startsWith(htmlStart)).toBe(true)
    const {tags, text} = readHtml(html)
    expect(tags).toEqual(['p', 'p'])
    expect(text).toBe(`${hostileClean}\nSecond.`)
  }

  test('no XML-illegal code point in any output', () => {
    const hostileChannel = {...channel, title: hostile, description: hostile}
    for (const emit of [toAtom, toRss, toJsonFeed]) {
      const output = emit([story], hostileChannel, all)
      expect(xmlIllegalCodePoints(output)).toEqual([])
      // JSON escapes would hide them from the check above.
      expect(output).not.toMatch(
        /\\u00(?:0[0-8bcef]|1[0-9a-f])|\\ufffe|\\ud800/i
      )
    }
  })

  test('Atom', () => {
    const feed = atomFeed(toAtom([story], {...channel, title: hostile}, all))
    expect(childText(feed, 'title')).toBe(hostileClean)
    const item = only(feed, 'entry')
    expect(childText(item, 'title')).toBe(hostileClean)
    expect(childText(item, 'summary')).toBe(hostileClean)
    expect(childText(only(item, 'author'), 'name')).toBe(hostileClean)
    expect(only(item, 'category').attributes.term).toBe(hostileClean)
    checkHtml(childText(item, 'content'))
  })

  test('RSS', () => {
    const feed = rssChannel(toRss([story], {...channel, title: hostile}, all))
    expect(childText(feed, 'title')).toBe(hostileClean)
    const item = only(feed, 'item')
    expect(childText(item, 'title')).toBe(hostileClean)
    expect(childText(item, 'dc:creator')).toBe(hostileClean)
    expect(childText(item, 'category')).toBe(hostileClean)
    checkHtml(childText(item, 'description'))
  })

  test('JSON Feed', () => {
    const feed = jsonFeed(
      toJsonFeed([story], {...channel, title: hostile}, all)
    )
    expect(feed.title).toBe(hostileClean)
    const [item] = feed.items
    expect(item?.title).toBe(hostileClean)
    expect(item?.summary).toBe(hostileClean)
    expect(item?.content_text).toBe(`${hostileClean}\n\nSecond.`)
    expect(item?.authors).toEqual([{name: hostileClean}])
    expect(item?.tags).toEqual([hostileClean])
    checkHtml(item?.content_html ?? '')
  })
})
