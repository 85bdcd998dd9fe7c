// The dateline's place in NITF: `location` holds `city`, `state`, `region`
// and `country` where the printed text has them, so that ingest code that
// reads `dateline/location/city` finds the city, while the dateline's text
// stays byte for byte what it was without them. Every document is validated
// against the NITF 3.6 XSD.
import {describe, expect, test} from 'vitest'
import {type Facts, resolveFacts} from '../pipeline/emit/facts.js'
import {serializeNitf} from '../pipeline/emit/serialize-nitf.js'
import {toNitf} from '../pipeline/emit/to-nitf.js'
import type {Dateline} from '../pipeline/types.js'
import {makeArticle, makeContext} from './helpers/article-fixtures.js'
import {canonicalXml, validateNitf} from './helpers/validate-nitf.js'

const context = makeContext({
  meta: {datePublished: '2024-03-05T10:00:00-07:00'}
})

function facts(dateline: Dateline): Facts {
  return resolveFacts(
    makeArticle({
      headline: 'Grain elevator reopens after fire',
      dateline,
      body: ['The elevator took its first load in six weeks on Tuesday.']
    }),
    context
  )
}

function nitf(value: Facts): string {
  return serializeNitf(toNitf(value))
}

/** The `dateline` element of `xml`, as written. */
function datelineOf(xml: string): string | undefined {
  return /<dateline>[\s\S]*?<\/dateline>/.exec(xml)?.[0]
}

/** `xml` without the tags of the place's parts: what it was before they were marked. */
function withoutPlaceTags(xml: string): string {
  return xml.replace(/<\/?(?:city|state|region|country)(?: [^>]*)?>/g, '')
}

describe('NITF dateline location', () => {
  test.each<[Dateline, string]>([
    [
      {
        text: 'ROSCOE, South Dakota (AP) —',
        location: 'ROSCOE, South Dakota',
        agency: 'AP'
      },
      '<dateline><location><city>ROSCOE</city>, <state state-code="US-SD" code-source="ISO 3166-2">South Dakota</state></location> (AP)</dateline>'
    ],
    [
      {
        text: 'LARAMIE, Wyo., March 5 (AP) —',
        location: 'LARAMIE, Wyo.',
        date: 'March 5',
        agency: 'AP'
      },
      '<dateline><location><city>LARAMIE</city>, <state state-code="US-WY" code-source="ISO 3166-2">Wyo.</state></location>, <story.date norm="20240305T100000-0700">March 5</story.date> (AP)</dateline>'
    ],
    [
      {text: 'KINGSTON, Ont. —', location: 'KINGSTON, Ont.'},
      '<dateline><location><city>KINGSTON</city>, <region region-code="CA-ON" code-source="ISO 3166-2">Ont.</region></location></dateline>'
    ],
    [
      {
        text: 'CHANGWON, South Korea (Reuters) -',
        location: 'CHANGWON, South Korea',
        agency: 'Reuters'
      },
      '<dateline><location><city>CHANGWON</city>, <country iso-cc="KR">South Korea</country></location> (Reuters)</dateline>'
    ],
    [
      {text: 'NANAIMO, B.C., Canada -', location: 'NANAIMO, B.C., Canada'},
      '<dateline><location><city>NANAIMO</city>, <region region-code="CA-BC" code-source="ISO 3166-2">B.C.</region>, <country iso-cc="CA">Canada</country></location></dateline>'
    ],
    [
      {text: 'NABLUS, West Bank -', location: 'NABLUS, West Bank'},
      '<dateline><location><city>NABLUS</city>, <region>West Bank</region></location></dateline>'
    ],
    [
      {text: 'Mbandaka, Congo -', location: 'Mbandaka, Congo'},
      '<dateline><location><city>Mbandaka</city>, <country>Congo</country></location></dateline>'
    ],
    [
      {
        text: 'Rio de Janeiro (dpa) -',
        location: 'Rio de Janeiro',
        agency: 'dpa'
      },
      '<dateline><location><city>Rio de Janeiro</city></location> (dpa)</dateline>'
    ],
    // A city and a country of one name: each part where it is written.
    [
      {text: 'LUXEMBOURG, Luxembourg -', location: 'LUXEMBOURG, Luxembourg'},
      '<dateline><location><city>LUXEMBOURG</city>, <country iso-cc="LU">Luxembourg</country></location></dateline>'
    ]
  ])('%j', async (dateline, expected) => {
    const xml = nitf(facts(dateline))
    expect(datelineOf(xml)).toBe(expected)
    expect(await validateNitf(xml)).toEqual([])
  })

  test.each<Dateline>([
    {text: 'ROSCOE, South Dakota (AP) —', location: 'ROSCOE, South Dakota'},
    {text: 'GRAND FORKS, N.D., Feb. 2 —', location: 'GRAND FORKS, N.D.'},
    {text: 'PORTVALE, Nov 12 (Reuters) -', location: 'PORTVALE'},
    {text: 'Montréal, Québec –', location: 'Montréal, Québec'},
    {
      text: 'ASH GROVE, Greene County, Mo. -',
      location: 'ASH GROVE, Greene County, Mo.'
    },
    // The location is not in the printed text: built from the parts.
    {text: 'Portvale:', location: 'PORTVALE, Calif.', date: 'Nov 12'}
  ])('the text is the same as without the parts: %j', async (dateline) => {
    const withPlace = facts(dateline)
    const {place, ...withoutPlace} = withPlace
    expect(place).toBeDefined()
    const marked = nitf(withPlace)
    const plain = nitf(withoutPlace as Facts)
    // Unmarked, the location is a plain `location` as before.
    expect(datelineOf(plain)).not.toMatch(/<city|<state|<region|<country/)
    expect(datelineOf(marked)).toMatch(/<location><city>/)
    // Byte for byte the same document once the part tags are taken out.
    expect(withoutPlaceTags(marked)).toBe(plain)
    // And the same text to an XML parser.
    const text = async (xml: string) =>
      (await canonicalXml(xml)).replace(/<[^>]*>/g, '')
    expect(await text(marked)).toBe(await text(plain))
    expect(await validateNitf(marked)).toEqual([])
  })

  test('a place whose parts are not where the facts say stays unmarked text', () => {
    const resolved = facts({text: 'ROSCOE, S.D. —', location: 'ROSCOE, S.D.'})
    const scrambled: Facts = {
      ...resolved,
      place: {text: 'ROSCOE, S.D.', city: 'S.D.', state: 'ROSCOE'}
    }
    expect(datelineOf(nitf(scrambled))).toBe(
      '<dateline><location>ROSCOE, S.D.</location></dateline>'
    )
  })

  test('a dateline without a place has no location', () => {
    const xml = nitf(facts({text: 'March 5 (AP) —', date: 'March 5'}))
    expect(datelineOf(xml)).toBe(
      '<dateline><story.date norm="20240305T100000-0700">March 5</story.date> (AP)</dateline>'
    )
  })
})
