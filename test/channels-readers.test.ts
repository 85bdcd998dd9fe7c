// The build's XML read back by third-party readers, as subscribers and
// partners read it: `feed.atom` and `feed.rss` by @rowanmanning/feed-parser,
// the news sitemap and a NITF file by fast-xml-parser with its default
// options (which decode the five predefined entities and no numeric
// reference). What they read must be what the JSON-LD of each article says:
// titles, links, dates, summaries, bodies, each entry's own authors. The
// articles mix sources (a byline, two wire publishers, the house) and carry
// hostile text: markup, `&`, quotes, `]]>`, emoji, right-to-left scripts and
// a control character. All texts are written for this test.
import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {XMLParser} from 'fast-xml-parser'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {build} from '../pipeline/build/build.js'
import {readFeed} from './helpers/reader-feeds.js'

const site = 'https://quay.example/'
const houseName = 'The Quayside Post & Sons <Ltd>'

interface Source {
  stem: string
  text: string
  meta: Record<string, unknown>
}

const sources: Source[] = [
  {
    stem: 'markets/shares',
    text: [
      'Shares of <AAPL> jump as AT&T holds ]]> firm 🎉',
      'By Tomasz Weber and Leila Haddad',
      'NEW YORK, Nov. 27 - Traders bought <AAPL> & AT&T stock on Friday as the index rose in early trade.',
      'A floor trader said the mood was "calm" and the opening bell\u0007 rang on time.',
      'A note from Tel Aviv read: שוק המניות עלה היום. One from Cairo read: ارتفعت الأسهم اليوم.'
    ].join('\n\n'),
    meta: {
      datePublished: '2026-11-27T16:30:00-05:00',
      language: 'en',
      keywords: ['<markets>', 'AT&T']
    }
  },
  {
    stem: 'wire/ferries',
    text: [
      'Gozo & Malta ferries add <night> sailings',
      'VALLETTA, Nov. 27 - The ferry operator said on Friday it would add two night sailings from December.',
      'Tickets go on sale next week, the operator said.'
    ].join('\n\n'),
    meta: {
      datePublished: '2026-11-27T20:00:00+01:00',
      language: 'en',
      publisher: {name: 'Reuters'}
    }
  },
  {
    stem: 'wire/rail',
    text: [
      'Bahn & Bus: neue Linie <Nord> ab Montag',
      'HAMBURG, 27. Nov. - Die neue Linie fährt ab Montag alle zehn Minuten.',
      'Fahrgäste können die Tickets schon jetzt kaufen.'
    ].join('\n\n'),
    meta: {
      datePublished: '2026-11-27T19:00:00+01:00',
      language: 'de',
      publisher: {name: 'dpa'}
    }
  },
  {
    stem: 'local/council',
    text: [
      'Council backs the quay plan, 9 to 2',
      'PORTVALE, Nov. 27 - The council voted on Thursday night to rebuild the old quay wall.',
      'Work is due to begin in March.'
    ].join('\n\n'),
    meta: {datePublished: '2026-11-27T09:00:00Z', language: 'en'}
  }
]

/** What the JSON-LD of one article says. */
interface Facts {
  url: string
  headline: string
  summary: string
  paragraphs: string[]
  datePublished: string
  /** The byline authors, else the publisher: the feed entry's own author. */
  authors: string[]
}

let project = ''
const facts = new Map<string, Facts>()
const channels: Record<string, string> = {}

beforeAll(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'copydesk-readers-'))
  const files: Record<string, string> = {
    'copydesk.config.json': `${JSON.stringify({
      publisher: {name: houseName, url: site},
      baseUrl: `${site}news`
    })}\n`
  }
  for (const source of sources) {
    files[`input/${source.stem}.txt`] = `${source.text}\n`
    files[`input/${source.stem}.meta.json`] = `${JSON.stringify(source.meta)}\n`
  }
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(project, name)), {recursive: true})
    await writeFile(path.join(project, name), text)
  }
  const result = await build({
    cwd: project,
    inputs: [],
    output: 'output',
    jobs: 1,
    cacheDir: 'cache'
  })
  expect(result.counts.errors).toBe(0)
  for (const source of sources) {
    facts.set(source.stem, await readJsonLd(source.stem))
  }
  for (const name of ['feed.atom', 'feed.rss', 'news-sitemap.xml']) {
    channels[name] = await output(name)
  }
}, 60_000)

afterAll(async () => {
  if (project) await rm(project, {recursive: true, force: true})
})

function output(name: string): Promise<string> {
  return readFile(path.join(project, 'output', name), 'utf8')
}

interface GraphNode {
  '@id'?: string
  '@type'?: string
  name?: string
  headline?: string
  alternativeHeadline?: string
  description?: string
  url?: string
  datePublished?: string
  articleBody?: string
  author?: Array<{'@id': string}>
  publisher?: {'@id': string}
}

/** The facts of one article, as its JSON-LD gives them. */
async function readJsonLd(stem: string): Promise<Facts> {
  const graph = (
    JSON.parse(await output(`${stem}.jsonld`)) as {'@graph': GraphNode[]}
  )['@graph']
  const byId = new Map(graph.map((node) => [node['@id'], node]))
  const article = graph.find((node) => node['@type'] === 'NewsArticle')
  if (!article?.url || !article.headline || !article.datePublished) {
    throw new Error(`Unexpected JSON-LD of \`${stem}\``)
  }
  const nameOf = (reference: {'@id': string} | undefined) =>
    byId.get(reference?.['@id'])?.name ?? ''
  const bylines = (article.author ?? []).map(nameOf)
  return {
    url: article.url,
    headline: article.headline,
    summary: article.alternativeHeadline ?? article.description ?? '',
    paragraphs: (article.articleBody ?? '').split('\n\n'),
    datePublished: article.datePublished,
    authors: bylines.length > 0 ? bylines : [nameOf(article.publisher)]
  }
}

/** The facts of every article, newest first, as the channels list them. */
function newestFirst(): Facts[] {
  return [...facts.values()].sort(
    (left, right) =>
      Date.parse(right.datePublished) - Date.parse(left.datePublished)
  )
}

/** Numeric references to the characters the predefined entities cover. */
const numericMarkup = /&#(?:x0*(?:26|3C|3E|22|27)|0*(?:38|60|62|34|39));/i

describe('the facts the readers are checked against', () => {
  it('keep the hostile text, mixed sources and bylines', () => {
    const shares = facts.get('markets/shares')
    expect(shares?.headline).toBe(
      'Shares of <AAPL> jump as AT&T holds ]]> firm 🎉'
    )
    expect(shares?.paragraphs.join('\n')).toContain('שוק המניות')
    expect(shares?.paragraphs.join('\n')).not.toContain('\u0007')
    expect(
      Object.fromEntries(
        [...facts].map(([stem, value]) => [stem, value.authors])
      )
    ).toEqual({
      'markets/shares': ['Tomasz Weber', 'Leila Haddad'],
      'wire/ferries': ['Reuters'],
      'wire/rail': ['dpa'],
      'local/council': [houseName]
    })
  })
})

describe.each(['feed.atom', 'feed.rss'])(
  '%s read by @rowanmanning/feed-parser',
  (name) => {
    it('has every entry with its own author, the article’s', () => {
      const feed = readFeed(channels[name] ?? '')
      expect(feed.items.map((item) => item.ownAuthors)).toEqual(
        newestFirst().map((article) => article.authors)
      )
    })

    it('gives the titles, links, dates and text of the JSON-LD', () => {
      const feed = readFeed(channels[name] ?? '')
      expect(feed.title).toBe(houseName)
      expect(
        feed.items.map((item) => ({
          title: item.title,
          url: item.url,
          published: item.published?.getTime(),
          paragraphs: item.paragraphs
        }))
      ).toEqual(
        newestFirst().map((article) => ({
          title: article.headline,
          url: article.url,
          published: Date.parse(article.datePublished),
          paragraphs: article.paragraphs
        }))
      )
    })

    it('writes markup characters as entities, never as numeric references', () => {
      expect(channels[name]).not.toMatch(numericMarkup)
    })
  }
)

describe('feed.atom summaries', () => {
  it('are the JSON-LD summaries', () => {
    expect(
      readFeed(channels['feed.atom'] ?? '').items.map(
        (item) => item.description
      )
    ).toEqual(newestFirst().map((article) => article.summary))
  })
})

describe('fast-xml-parser with its default options', () => {
  it('reads the news sitemap as the source text', () => {
    const xml = channels['news-sitemap.xml'] ?? ''
    expect(xml).not.toMatch(numericMarkup)
    const parsed = new XMLParser().parse(xml) as {
      urlset: {
        url: Array<{
          loc: string
          'news:news': {
            'news:publication': {'news:name': string; 'news:language': string}
            'news:publication_date': string
            'news:title': string
          }
        }>
      }
    }
    expect(
      parsed.urlset.url.map((url) => ({
        loc: url.loc,
        name: url['news:news']['news:publication']['news:name'],
        title: url['news:news']['news:title'],
        date: url['news:news']['news:publication_date']
      }))
    ).toEqual(
      newestFirst().map((article) => ({
        loc: article.url,
        name: houseName,
        title: article.headline,
        date: article.datePublished
      }))
    )
  })

  it('reads a NITF file as the source text', async () => {
    const xml = await output('markets/shares.nitf.xml')
    expect(xml).not.toMatch(numericMarkup)
    const parsed = new XMLParser().parse(xml) as {
      nitf: {
        body: {
          'body.head': {hedline: {hl1: string}}
          'body.content': {p: string[]}
        }
      }
    }
    const article = facts.get('markets/shares')
    expect(parsed.nitf.body['body.head'].hedline.hl1).toBe(article?.headline)
    expect(parsed.nitf.body['body.content'].p).toEqual(article?.paragraphs)
  })
})
