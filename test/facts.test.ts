// Facts: one resolution behind every output. Each test runs the whole
// processor (`processArticle`, whose interface predates the facts module)
// and reads the same value back from every output that carries it, so a
// disagreement between outputs fails here whatever module causes it.
import {fromHtml} from 'hast-util-from-html'
import {describe, expect, it} from 'vitest'
import {fromXml} from 'xast-util-from-xml'
import {processArticle} from '../pipeline/index.js'
import type {ArticleContext, Config, Meta} from '../pipeline/types.js'

const text = `Harbour cranes back in service after storm

By JOSE DIAZ and José Díaz

PORTVALE, March 4 (Reuters) - The harbour's two container cranes were back in service on Monday, a week after a storm tore the roof off their control cabin.

The port authority said the cranes had handled 40 containers by noon.
`

interface Outputs {
  jsonld: {'@graph': Array<Record<string, unknown>>}
  /** `[property or name, content]` of every `<meta>` of the page head. */
  head: Array<[string, string]>
  nitf: string
  ninjs: Record<string, unknown>
}

async function outputsOf(
  meta: Meta,
  config: Config,
  source = text
): Promise<Outputs> {
  const context: ArticleContext = {
    path: 'cranes.txt',
    storyId: 'cranes',
    meta,
    config
  }
  const file = await processArticle(source, {path: 'cranes.txt', context})
  const outputs = file.data.outputs
  if (!outputs) throw new Error(file.messages.map(String).join('\n'))
  const head: Array<[string, string]> = []
  const visit = (node: {
    type: string
    tagName?: string
    properties?: Record<string, unknown>
    children?: unknown[]
  }) => {
    if (node.type === 'element' && node.tagName === 'meta') {
      const key = node.properties?.property ?? node.properties?.name
      head.push([String(key), String(node.properties?.content)])
    }
    for (const child of node.children ?? []) visit(child as typeof node)
  }
  visit(fromHtml(String(outputs['.head.html']), {fragment: true}))
  return {
    jsonld: JSON.parse(String(outputs['.jsonld'])),
    head,
    nitf: String(outputs['.nitf.xml']),
    ninjs: JSON.parse(String(outputs['.ninjs.json']))
  }
}

function articleNode(outputs: Outputs): Record<string, unknown> {
  const node = outputs.jsonld['@graph'].find(
    (item) => item['@type'] === 'NewsArticle'
  )
  if (!node) throw new Error('no NewsArticle')
  return node
}

function headValues(outputs: Outputs, key: string): string[] {
  return outputs.head.filter(([name]) => name === key).map(([, v]) => v)
}

/** Values of `attribute` on every `name` element of the NITF. */
function nitfAttributes(xml: string, name: string, attribute: string) {
  const values: string[] = []
  const visit = (node: {
    type: string
    name?: string
    attributes?: Record<string, string | null | undefined>
    children?: unknown[]
  }) => {
    if (node.type === 'element' && node.name === name) {
      const value = node.attributes?.[attribute]
      if (typeof value === 'string') values.push(value)
    }
    for (const child of node.children ?? []) visit(child as typeof node)
  }
  visit(fromXml(xml))
  return values
}

/** The text of every `name` element of the NITF. */
function nitfTexts(xml: string, name: string) {
  const values: string[] = []
  const textOf = (node: {
    type: string
    value?: string
    children?: unknown[]
  }): string =>
    node.type === 'text'
      ? (node.value ?? '')
      : (node.children ?? [])
          .map((child) => textOf(child as typeof node))
          .join('')
  const visit = (node: {type: string; name?: string; children?: unknown[]}) => {
    if (node.type === 'element' && node.name === name) values.push(textOf(node))
    for (const child of node.children ?? []) visit(child as typeof node)
  }
  visit(fromXml(xml))
  return values
}

describe('facts: every output says the same', () => {
  it('one author for two spellings of one name, in every output', async () => {
    const outputs = await outputsOf(
      {url: 'https://portvale.example/cranes'},
      {}
    )
    const authors = articleNode(outputs).author as unknown[]
    expect(authors).toHaveLength(1)
    expect(headValues(outputs, 'article:author')).toEqual(['JOSE DIAZ'])
    expect(outputs.ninjs.people).toEqual([{name: 'JOSE DIAZ', rel: 'author'}])
  })

  it('the author directory names the merged author in every output', async () => {
    const outputs = await outputsOf(
      {},
      {
        authors: [
          {
            name: 'José Díaz',
            url: 'https://portvale.example/staff/jose-diaz'
          }
        ]
      }
    )
    const graph = outputs.jsonld['@graph']
    expect(
      graph.filter((node) => node['@type'] === 'Person').map((n) => n.name)
    ).toEqual(['José Díaz'])
    expect(headValues(outputs, 'article:author')).toEqual([
      'https://portvale.example/staff/jose-diaz'
    ])
    expect(outputs.ninjs.people).toEqual([
      {
        name: 'José Díaz',
        rel: 'author',
        uri: 'https://portvale.example/staff/jose-diaz'
      }
    ])
  })

  it('a configured publisher is not taken for the copyright holder', async () => {
    const outputs = await outputsOf(
      {datePublished: '2026-03-04T12:00:00+00:00'},
      {publisher: {name: 'Portvale Courier'}}
    )
    expect(articleNode(outputs).copyrightHolder).toBe(undefined)
    expect(outputs.ninjs.copyrightholder).toBe(undefined)
    expect(nitfAttributes(outputs.nitf, 'doc.copyright', 'holder')).toEqual([])
    // The publisher itself is still said everywhere.
    expect(nitfAttributes(outputs.nitf, 'pubdata', 'name')).toEqual([
      'Portvale Courier'
    ])
    expect(headValues(outputs, 'og:site_name')).toEqual(['Portvale Courier'])
  })

  it('a named copyright holder and year in every output that has them', async () => {
    const outputs = await outputsOf(
      {datePublished: '2026-03-04T12:00:00+00:00'},
      {publisher: {name: 'Portvale Courier'}, copyrightHolder: 'Portvale Group'}
    )
    expect(articleNode(outputs).copyrightHolder).toBe('Portvale Group')
    expect(articleNode(outputs).copyrightYear).toBe(2026)
    expect(outputs.ninjs.copyrightholder).toBe('Portvale Group')
    expect(outputs.ninjs.copyrightnotice).toBe('© 2026 Portvale Group')
    expect(nitfAttributes(outputs.nitf, 'doc.copyright', 'holder')).toEqual([
      'Portvale Group'
    ])
    expect(nitfAttributes(outputs.nitf, 'doc.copyright', 'year')).toEqual([
      '2026'
    ])
  })

  it('the URL `baseUrl` gives is the URL of every output', async () => {
    const outputs = await outputsOf(
      {},
      {baseUrl: 'https://portvale.example/news/'}
    )
    const url = 'https://portvale.example/news/cranes'
    expect(articleNode(outputs).url).toBe(url)
    expect(headValues(outputs, 'og:url')).toEqual([url])
    expect(outputs.ninjs.uri).toBe(url)
    expect(nitfAttributes(outputs.nitf, 'pubdata', 'ex-ref')).toEqual([url])
  })

  it('the sidecar language over the config, in every output', async () => {
    const outputs = await outputsOf({language: 'en-GB'}, {language: 'en-US'})
    expect(articleNode(outputs).inLanguage).toBe('en-GB')
    expect(headValues(outputs, 'og:locale')).toEqual(['en-GB'])
    expect(outputs.ninjs.language).toBe('en-GB')
    expect(nitfAttributes(outputs.nitf, 'nitf', 'baselang')).toEqual(['en-GB'])
  })

  it('the dateline’s place: one split in every output', async () => {
    const outputs = await outputsOf(
      {},
      {},
      text.replace('PORTVALE, March 4', 'PORTVALE, Ore., March 4')
    )
    expect(articleNode(outputs).dateline).toBe(
      'PORTVALE, Ore., March 4 (Reuters) -'
    )
    expect(articleNode(outputs).contentLocation).toEqual({
      '@type': 'Place',
      name: 'PORTVALE, Ore.',
      address: {
        '@type': 'PostalAddress',
        addressLocality: 'PORTVALE',
        addressRegion: 'Oregon',
        addressCountry: 'US'
      }
    })
    expect(nitfTexts(outputs.nitf, 'location')).toEqual(['PORTVALE, Ore.'])
    expect(nitfTexts(outputs.nitf, 'city')).toEqual(['PORTVALE'])
    expect(nitfTexts(outputs.nitf, 'state')).toEqual(['Ore.'])
    expect(nitfAttributes(outputs.nitf, 'state', 'state-code')).toEqual([
      'US-OR'
    ])
  })

  it('keywords with white space runs: one spelling in every output', async () => {
    const outputs = await outputsOf(
      {keywords: ['port\n  cranes', ' ', 'storm']},
      {}
    )
    expect(articleNode(outputs).keywords).toEqual(['port cranes', 'storm'])
    expect(headValues(outputs, 'article:tag')).toEqual(['port cranes', 'storm'])
    expect(outputs.ninjs.subjects).toEqual([
      {name: 'port cranes'},
      {name: 'storm'}
    ])
    expect(nitfAttributes(outputs.nitf, 'keyword', 'key')).toEqual([
      'port cranes',
      'storm'
    ])
  })
})
