// Round trip: every NITF of the golden fixtures (every profile, every
// encoding), read back by libxml2, gives the headline, authors, dateline,
// the dateline's city and the paragraphs of the JSON-LD written for the
// same article. Read from the
// canonical form (C14N), where the only markup left is tags and the
// references `&amp;`, `&lt;`, `&gt;` and `&#xD;`.
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, test} from 'vitest'
import {nitfProfiles} from '../pipeline/emit/nitf-profile.js'
import type {NitfBylineStyle} from '../pipeline/generated/schema-types.js'
import type {Config} from '../pipeline/types.js'
import {canonicalXml} from './helpers/validate-nitf.js'

const fixtures = fileURLToPath(new URL('fixtures/', import.meta.url))
const root = fileURLToPath(new URL('..', import.meta.url))

interface Case {
  name: string
  /** The JSON-LD file and every NITF file of one article, with how it writes bylines. */
  jsonld: string
  nitf: Array<[file: string, byline: NitfBylineStyle]>
}

const cases: Case[] = []
for (const name of (await readdir(fixtures)).sort()) {
  const expected = path.join(fixtures, name, 'expected')
  // The seed case builds the repository itself, with its config if any.
  const project = name === 'seed' ? root : path.join(fixtures, name)
  const config = JSON.parse(
    await readFile(path.join(project, 'copydesk.config.json'), 'utf8').catch(
      () => '{}'
    )
  ) as Config
  const files = await readdir(expected, {recursive: true}).catch(() => [])
  for (const file of files.map(String).filter((f) => f.endsWith('.jsonld'))) {
    const stem = file.slice(0, -'.jsonld'.length)
    cases.push({
      name: `${name}/${stem}`,
      jsonld: path.join(expected, file),
      nitf: nitfProfiles(config).map((profile) => [
        path.join(expected, stem + profile.suffix),
        profile.byline
      ])
    })
  }
}

describe.each(cases)('round trip: $name', ({jsonld, nitf}) => {
  test.each(nitf.map(([file, byline]) => [path.basename(file), file, byline]))(
    '%s says what the JSON-LD says',
    async (_name, file, byline) => {
      const graph = JSON.parse(await readFile(jsonld, 'utf8')) as {
        '@graph': Array<Record<string, unknown>>
      }
      const nodes = graph['@graph']
      const article = nodes.find((node) =>
        [node['@type']].flat().includes('NewsArticle')
      )
      if (!article) throw new Error('Unexpected JSON-LD without NewsArticle')
      const authors = [article.author ?? []]
        .flat()
        .map((reference) =>
          nodes.find(
            (node) => node['@id'] === (reference as {'@id': string})['@id']
          )
        )
        .filter((node) => node?.['@type'] === 'Person')
        .map((node) => node?.name)

      const xml = await canonicalXml(await readFile(file))
      const content =
        /<body\.content>([\s\S]*?)<\/body\.content>/.exec(xml)?.[1] ?? ''
      expect(textOf(xml, 'hl1')).toEqual([article.headline])
      expect(textOf(content, 'p').join('\n\n')).toBe(article.articleBody)
      if (byline === 'plain') {
        // One byline of text, naming every author.
        expect(textOf(xml, 'person')).toEqual([])
        const [text = '', ...others] = textOf(xml, 'byline')
        expect(others).toEqual([])
        for (const author of authors) expect(text).toContain(author)
      } else {
        expect(textOf(xml, 'person')).toEqual(authors)
      }
      const dateline = article.dateline as string | undefined
      expect(textOf(xml, 'dateline')).toEqual(
        dateline === undefined
          ? []
          : [dateline.replace(/\s*(?:--|[-\u2013\u2014])\s*$/u, '')]
      )
      // The city ingest code reads is the JSON-LD's locality.
      const place = article.contentLocation as
        | {name: string; address?: {addressLocality?: string}}
        | undefined
      expect(textOf(xml, 'city')).toEqual(
        place?.address?.addressLocality === undefined
          ? []
          : [place.address.addressLocality]
      )
      if (place) expect(textOf(xml, 'location')).toEqual([place.name])
    }
  )
})

/** The text of every `name` element in canonical XML, tags removed, references resolved. */
function textOf(xml: string, name: string): string[] {
  const pattern = new RegExp(`<${name}(?: [^>]*)?>([\\s\\S]*?)</${name}>`, 'g')
  return [...xml.matchAll(pattern)].map((match) =>
    (match[1] ?? '')
      .replace(/<[^>]*>/g, '')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&#xD;', '\r')
      .replaceAll('&amp;', '&')
  )
}
