// A Superdesk-style ingest of copydesk's NITF: a bare-root profile with plain
// bylines, read the way Superdesk's NITF parser reads it
// (`helpers/superdesk-nitf.ts`), must give the headline, every author, the
// dateline's city, the date and every paragraph the JSON-LD of the same
// article gives. The markup and namespaced files show why the profile exists.
import {describe, expect, test} from 'vitest'
import {processArticle} from '../pipeline/index.js'
import type {Config} from '../pipeline/types.js'
import {makeContext} from './helpers/article-fixtures.js'
import {readLikeSuperdesk} from './helpers/superdesk-nitf.js'
import {validateBareNitf} from './helpers/validate-nitf.js'

const config: Config = {
  nitf: {
    profiles: {
      superdesk: {namespace: 'bare', byline: 'plain'},
      'superdesk-latin': {
        namespace: 'bare',
        byline: 'plain',
        encoding: 'iso-8859-1'
      },
      'bare-markup': {namespace: 'bare'}
    }
  }
}

const stories = [
  {
    name: 'a US dateline, three authors',
    datePublished: '2024-03-05T09:15:00-07:00',
    text: `Grain co-op votes to rebuild burned elevator

By Ana Reis, Tomás Ferreira and Lee Park

LARAMIE, Wyo. (AP) — Members of a grain cooperative voted on Tuesday to rebuild an elevator that burned in January, the board said.

The new elevator will hold twice as much grain & cost about €4 million, it said.

"We had no choice," board chair Dale Berg said.
`
  },
  {
    name: 'a dateline with a country and a date, two authors',
    datePublished: '2024-11-12T08:00:00+09:00',
    text: `Shipyard wins order for four ferries

By Min-ji Cho and Ode Lund

CHANGWON, South Korea, Nov 12 (Reuters) - A shipyard in the south of the country won an order for four passenger ferries, the company said on Tuesday.

Delivery of the first ferry is due in 2026.
`
  },
  {
    name: 'a city alone, one author',
    datePublished: '2024-06-20T14:30:00+02:00',
    text: `Glacier museum closes for a summer of repairs

By Ines Vogel

Geneva (dpa) - A museum devoted to Alpine glaciers will close for the summer while its roof is repaired, its director said.

The museum expects to reopen in October.
`
  }
]

type Node = Record<string, unknown>

async function build(text: string, datePublished: string) {
  const file = await processArticle(text, {
    path: 'story.txt',
    context: makeContext({
      path: 'story.txt',
      storyId: 'story',
      meta: {datePublished},
      config
    })
  })
  const outputs = file.data.outputs
  if (!outputs) throw new Error(file.messages.map(String).join('\n'))
  const graph = JSON.parse(String(outputs['.jsonld'])) as {'@graph': Node[]}
  const nodes = graph['@graph']
  const article = nodes.find((node) => node['@type'] === 'NewsArticle')
  if (!article) throw new Error('Unexpected JSON-LD without NewsArticle')
  const authorIds = ([article.author ?? []].flat() as Node[]).map(
    (reference) => reference['@id']
  )
  const authors = nodes
    .filter((node) => authorIds.includes(node['@id']))
    .map((node) => String(node.name))
  return {outputs, article, authors}
}

describe.each(stories)('Superdesk ingest: $name', ({text, datePublished}) => {
  test.each(['.superdesk.nitf.xml', '.superdesk-latin.nitf.xml'])(
    '%s gives what the JSON-LD says',
    async (suffix) => {
      const {outputs, article, authors} = await build(text, datePublished)
      const nitf = outputs[suffix]
      if (nitf === undefined) throw new Error(`Unexpected missing ${suffix}`)
      expect(await validateBareNitf(nitf)).toEqual([])

      const item = readLikeSuperdesk(nitf)
      expect(item).toBeDefined()
      if (!item) return
      expect(item.headline).toBe(article.headline)
      expect(authors.length).toBeGreaterThan(0)
      for (const author of authors) expect(item.byline).toContain(author)
      const place = article.contentLocation as {
        address: {addressLocality: string}
      }
      expect(item.datelineCity).toBe(place.address.addressLocality)
      expect(item.firstCreated?.toISOString()).toBe(
        new Date(String(article.datePublished)).toISOString()
      )
      expect(item.paragraphs).toEqual(String(article.articleBody).split('\n\n'))
      expect(item.guid).toBe(article.identifier)
    }
  )
})

describe('what the other files give such a reader', () => {
  const [story] = stories
  if (!story) throw new Error('Unexpected missing story')

  test('with markup bylines, only the first author', async () => {
    const {outputs, authors} = await build(story.text, story.datePublished)
    const item = readLikeSuperdesk(outputs['.bare-markup.nitf.xml'] ?? '')
    expect(authors).toEqual(['Ana Reis', 'Tomás Ferreira', 'Lee Park'])
    expect(item?.byline).toBe('By Ana Reis')
    expect(
      readLikeSuperdesk(outputs['.superdesk.nitf.xml'] ?? '')?.byline
    ).toBe('By Ana Reis, Tomás Ferreira and Lee Park')
  })

  test('a namespaced root is not taken at all', async () => {
    const {outputs} = await build(story.text, story.datePublished)
    expect(readLikeSuperdesk(outputs['.nitf.xml'] ?? '')).toBe(undefined)
  })

  test('the dateline’s city, not the whole location', async () => {
    const {outputs, article} = await build(story.text, story.datePublished)
    expect(article.dateline).toBe('LARAMIE, Wyo. (AP) —')
    expect(
      readLikeSuperdesk(outputs['.superdesk.nitf.xml'] ?? '')
    ).toMatchObject({datelineCity: 'LARAMIE'})
  })
})
