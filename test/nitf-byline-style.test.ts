// The `byline` option of NITF profiles: `markup` (the default) marks each
// author as `person`; `plain` writes one `byline` of text naming every
// author, for parsers that read a byline's leading text and its first
// `person` only. Every document is validated against the NITF 3.6 XSD.
import {describe, expect, test} from 'vitest'
import {resolveFacts} from '../pipeline/emit/facts.js'
import {
  defaultNitfProfile,
  nitfProfiles
} from '../pipeline/emit/nitf-profile.js'
import {serializeNitf} from '../pipeline/emit/serialize-nitf.js'
import {type NitfTreeProfile, toNitf} from '../pipeline/emit/to-nitf.js'
import {processArticle} from '../pipeline/index.js'
import type {Byline, Config} from '../pipeline/types.js'
import {makeArticle, makeContext} from './helpers/article-fixtures.js'
import {validateNitf} from './helpers/validate-nitf.js'

const plain: NitfTreeProfile = {
  namespace: 'namespaced',
  meta: [],
  byline: 'plain'
}
const markup: NitfTreeProfile = {...plain, byline: 'markup'}

function nitf(bylines: Byline[], profile: NitfTreeProfile) {
  return serializeNitf(
    toNitf(
      resolveFacts(
        makeArticle({headline: 'Ferry timetable cut for winter', bylines}),
        makeContext()
      ),
      profile
    )
  )
}

/** Every `byline` element of `xml`, as written. */
function bylinesOf(xml: string): string[] {
  return [...xml.matchAll(/<byline>[\s\S]*?<\/byline>/g)].map(
    (match) => match[0]
  )
}

const three: Byline = {
  text: 'By Ana Reis, Tomás Ferreira and Lee Park',
  authors: [
    {name: 'Ana Reis', kind: 'Person'},
    {name: 'Tomás Ferreira', kind: 'Person'},
    {name: 'Lee Park', kind: 'Person'}
  ]
}

const titled: Byline = {
  text: 'By Mira Sol, Transport correspondent, mira.sol@example.org, Reuters',
  authors: [
    {
      name: 'Mira Sol',
      kind: 'Person',
      jobTitle: 'Transport correspondent',
      email: 'mira.sol@example.org'
    }
  ],
  agency: 'Reuters'
}

describe('nitfProfiles: byline', () => {
  test('`markup` unless the profile says `plain`', () => {
    const profiles = nitfProfiles({
      nitf: {
        profiles: {
          default: {byline: 'plain'},
          superdesk: {namespace: 'bare', byline: 'plain'},
          marked: {byline: 'markup'},
          other: {}
        }
      }
    })
    expect(profiles.map(({name, byline}) => [name, byline])).toEqual([
      ['default', 'plain'],
      ['superdesk', 'plain'],
      ['marked', 'markup'],
      ['other', 'markup']
    ])
    expect(defaultNitfProfile.byline).toBe('markup')
  })
})

describe('toNitf: plain bylines', () => {
  test('every author in one byline of text, no `person`', async () => {
    const xml = nitf([three], plain)
    expect(bylinesOf(xml)).toEqual([
      '<byline>By Ana Reis, Tomás Ferreira and Lee Park</byline>'
    ])
    expect(await validateNitf(xml)).toEqual([])
    // The markup profile marks each of them.
    expect(bylinesOf(nitf([three], markup))).toEqual([
      '<byline>By <person>Ana Reis</person>, <person>Tomás Ferreira</person> and <person>Lee Park</person></byline>'
    ])
  })

  test('titles, addresses and agency as printed', () => {
    expect(bylinesOf(nitf([titled], plain))).toEqual([
      '<byline>By Mira Sol, Transport correspondent, mira.sol@example.org, Reuters</byline>'
    ])
  })

  test('a byline whose printed text lacks an author reads as the markup would', () => {
    const byline: Byline = {
      text: 'By Mira Sol',
      authors: [
        {name: 'Mira Sol', kind: 'Person'},
        {name: 'Ode Lund', kind: 'Person', handle: '@odelund'}
      ]
    }
    expect(bylinesOf(nitf([byline], plain))).toEqual([
      '<byline>By Mira Sol; Ode Lund, @odelund</byline>'
    ])
  })

  test('several bylines are one, so that a reader of the first finds every author', async () => {
    const desk: Byline = {
      text: 'Harbour Desk',
      authors: [{name: 'Harbour Desk', kind: 'Organization'}]
    }
    const xml = nitf([three, desk], plain)
    expect(bylinesOf(xml)).toEqual([
      '<byline>By Ana Reis, Tomás Ferreira and Lee Park; Harbour Desk</byline>'
    ])
    expect(await validateNitf(xml)).toEqual([])
    expect(bylinesOf(nitf([three, desk], markup))).toHaveLength(2)
  })

  test('a byline without authors stays as printed; no byline, no element', () => {
    expect(
      bylinesOf(nitf([{text: 'Staff and agencies', authors: []}], plain))
    ).toEqual(['<byline>Staff and agencies</byline>'])
    expect(nitf([], plain)).not.toContain('<byline')
  })

  test('changes the bylines only', () => {
    const withoutBylines = (xml: string) =>
      xml.replace(/\n\s*<byline>[\s\S]*?<\/byline>/g, '')
    const plainXml = nitf([three, titled], plain)
    const markupXml = nitf([three, titled], markup)
    expect(plainXml).not.toBe(markupXml)
    expect(withoutBylines(plainXml)).toBe(withoutBylines(markupXml))
  })

  test('`markup` is what a profile without `byline` writes', () => {
    const facts = resolveFacts(
      makeArticle({headline: 'Ferry timetable cut', bylines: [three, titled]}),
      makeContext()
    )
    const {byline: _, ...unset} = markup
    expect(serializeNitf(toNitf(facts, unset))).toBe(
      serializeNitf(toNitf(facts, markup))
    )
    expect(serializeNitf(toNitf(facts))).toBe(
      serializeNitf(toNitf(facts, markup))
    )
  })
})

describe('emitDocuments: a plain profile beside the default', () => {
  const text = `Ferry timetable cut for winter

By Ana Reis and Lee Park

PORTVALE, Nov. 3 (Harbour Wire) - The winter timetable drops the last evening crossing, the operator said on Friday.

Passengers have until the end of the month to change bookings.
`

  test('each file writes bylines its way', async () => {
    const config: Config = {
      nitf: {profiles: {desk: {namespace: 'bare', byline: 'plain'}}}
    }
    const file = await processArticle(text, {
      path: 'ferry.txt',
      context: makeContext({path: 'ferry.txt', storyId: 'ferry', config})
    })
    const outputs = file.data.outputs ?? {}
    const desk = String(outputs['.desk.nitf.xml'])
    const standard = String(outputs['.nitf.xml'])
    expect(bylinesOf(desk)).toEqual([
      '<byline>By Ana Reis and Lee Park</byline>'
    ])
    expect(bylinesOf(standard)).toEqual([
      '<byline>By <person>Ana Reis</person> and <person>Lee Park</person></byline>'
    ])
  })
})
