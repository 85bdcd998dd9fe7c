// The header side of extraction: wire envelopes (ANPA 1312, IPTC 7901,
// slugs), update notes under the headline, mastheads confirmed by name or
// layout, bylines that credit a newsroom, and the warnings where the header
// rules guess. All texts are invented, in the conventions they test.

import {describe, expect, it} from 'vitest'
import {defaultContext, processArticle} from '../pipeline/index.js'

const context = {
  ...defaultContext('input.txt'),
  meta: {datePublished: '2024-03-05T09:00:00+00:00'}
}

async function run(text: string) {
  const file = await processArticle(text, {path: 'input.txt', context})
  const article = file.data.article
  return {
    article,
    authors: article?.bylines.flatMap((byline) =>
      byline.authors.map((author) => author.name)
    ),
    warnings: file.messages
      .filter((message) => message.fatal === false)
      .filter((message) =>
        [
          'headline-wire-code',
          'headline-publication',
          'masthead-guess',
          'subheadline-caption'
        ].includes(message.ruleId ?? '')
      )
      .map(String)
  }
}

const lead =
  'PORTVALE, Feb 2 - Harbour Holdings Inc said it will pay 12 mln dlrs to settle a dispute over its dock leases.'
const second = 'The company said the settlement would not affect earnings.'

describe('wire envelopes', () => {
  it('drops an ANPA 1312 header joined into one block', async () => {
    const {article, warnings} = await run(
      `C M\nf1234 reute\nr f BC-HARBOUR-HOLDINGS   02-02 0091\n\nHARBOUR HOLDINGS TO SETTLE DOCK SUIT\n\n${lead}\n\n${second}\n`
    )
    expect(article?.headline).toBe('HARBOUR HOLDINGS TO SETTLE DOCK SUIT')
    expect(article?.dateline?.text).toBe('PORTVALE, Feb 2 -')
    expect(article?.boilerplate.join(' ')).toContain('f1234 reute')
    expect(warnings).toEqual([])
  })

  it('drops ANPA header lines each in their own block', async () => {
    const {article} = await run(
      `f0042 reute\n\nu f BC-dock-outlook   02-02 0100\n\nDOCK SHARES EXPECTED TO RALLY\n\n${lead}\n\n${second}\n`
    )
    expect(article?.headline).toBe('DOCK SHARES EXPECTED TO RALLY')
  })

  it('drops an IPTC 7901 keyword line with a leading slash and ordinal status lines', async () => {
    const {article, authors} = await run(
      `/economy/Portvale/ports/\n\n2ND LEAD\n3RD NET\nPortvale court backs dock workers\nBy Ann Quill, dpa  =\n\nPortvale (dpa) - The court ruled on Monday that the dock workers may strike.\n\n${second}\n`
    )
    expect(article?.headline).toBe('Portvale court backs dock workers')
    expect(article?.subheadline).toBeUndefined()
    expect(authors).toEqual(['Ann Quill'])
    expect(article?.boilerplate).toEqual([
      '/economy/Portvale/ports/',
      '2ND LEAD',
      '3RD NET'
    ])
  })

  it('warns when the headline is a wire code', async () => {
    const {article, warnings} = await run(
      `x9999 zzz q q BC-NOWHERE 01-01 0001 extra words here\n\n${lead}\n\n${second}\n`
    )
    expect(article?.headline).toContain('x9999')
    expect(warnings).toEqual([
      'input.txt:1:1-1:53: Unexpected wire code `x9999 zzz q q BC-NOWHERE 01-01 0001 extra words here` as the headline, expected a headline under the wire header'
    ])
  })
})

describe('update notes under the headline', () => {
  it('sets aside `ADDS …`, `UPDATES: …` and media advisories', async () => {
    const {article} = await run(
      `Ferry service resumes in Portvale\n\nUPDATES with ferry operator comment\n(Graphic+Picture)\n\nPortvale, Jan 3, 2024 (AFP) - Ferries returned to the harbour on Wednesday after a week of storms.\n\n${second}\n`
    )
    expect(article?.editorNotes).toEqual([
      'UPDATES with ferry operator comment',
      '(Graphic+Picture)'
    ])
    expect(article?.dateline?.text).toBe('Portvale, Jan 3, 2024 (AFP) -')
    expect(article?.body[0]).toMatch(/^Ferries returned/)
  })

  it('keeps the deck above the notes when there is no byline', async () => {
    const {article} = await run(
      `Portvale council votes to rebuild the old pier\n\nPier rebuild approved\n\nRECASTS. ADD quotes from mayor.\nWill be updated\n\nThe council voted on Tuesday to rebuild the pier.\n\n${second}\n`
    )
    expect(article?.subheadline).toBe('Pier rebuild approved')
    expect(article?.editorNotes).toEqual([
      'RECASTS. ADD quotes from mayor.',
      'Will be updated'
    ])
    expect(article?.body[0]).toBe(
      'The council voted on Tuesday to rebuild the pier.'
    )
  })

  it('does not take a `NEW YORK` lead for a note', async () => {
    const {article} = await run(
      `Ferry fares rise\n\nNEW YORK (AP) — Ferry fares will rise next month, the operator said on Monday.\n\n${second}\n`
    )
    expect(article?.dateline?.text).toBe('NEW YORK (AP) —')
    expect(article?.editorNotes).toEqual([])
  })
})

describe('mastheads', () => {
  it('takes a domain masthead above a question headline', async () => {
    const {article} = await run(
      `Factcheck.example.com\n\nDid the mayor of Portvale sell the pier for $1?\n\nClaim\n\nThe mayor sold the pier for one dollar.\n`
    )
    expect(article?.publication).toBe('Factcheck.example.com')
    expect(article?.headline).toBe(
      'Did the mayor of Portvale sell the pier for $1?'
    )
  })

  it('takes an agency masthead above a long headline of two sentences', async () => {
    const {article} = await run(
      `AFP\n\nPortvale shares fall after results. Analysts are not worried.\n\n${lead}\n\n${second}\n`
    )
    expect(article?.publication).toBe('AFP')
    expect(article?.headline).toBe(
      'Portvale shares fall after results. Analysts are not worried.'
    )
  })

  it('takes a short name over a headline and byline, with a warning', async () => {
    const {article, warnings} = await run(
      `Quayside\n\nPier Stock Is Falling. Why You Should Not Worry.\n\nBy Ann Quill\n\nShares in the pier operator fell on Tuesday.\n\n${second}\n`
    )
    expect(article?.publication).toBe('Quayside')
    expect(article?.headline).toBe(
      'Pier Stock Is Falling. Why You Should Not Worry.'
    )
    expect(warnings).toEqual([
      'input.txt:1:1-1:9: Unexpected short line `Quayside` above the headline, expected a known publication name; taken as the masthead'
    ])
  })

  it('warns when the headline is a publication name', async () => {
    const {article, warnings} = await run(
      `Portvale Daily News\n\nThe council voted on Tuesday to rebuild the pier, the mayor said.\n`
    )
    expect(article?.headline).toBe('Portvale Daily News')
    expect(warnings).toEqual([
      'input.txt:1:1-1:20: Unexpected publication name `Portvale Daily News` as the headline, expected a headline under the masthead'
    ])
  })
})

describe('bylines that credit a newsroom', () => {
  it.each([
    ['By WXYZ News', []],
    ['By The Harbour Example', []],
    ['By Staff Reports', []],
    ['By Example X staff', []],
    ['By Ann Quill, WXYZ Business', ['Ann Quill']],
    ['Analysis by Ann Quill, WXYZ Editor-at-large', ['Ann Quill']]
  ])('%s', async (byline, expected) => {
    const {article, authors} = await run(
      `Pier to be rebuilt\n\n${byline}\n\nThe council voted on Tuesday to rebuild the pier.\n\n${second}\n`
    )
    expect(article?.bylines[0]?.text).toBe(byline)
    expect(authors).toEqual(expected)
    expect(article?.body[0]).toMatch(/^The council/)
  })
})

describe('datelines', () => {
  it('takes a title-case place before an en or em dash', async () => {
    const {article} = await run(
      `Teachers rally at the capitol\n\nLakeford, Ill. — Several thousand teachers wearing red rallied on Tuesday.\n\n${second}\n`
    )
    expect(article?.dateline?.text).toBe('Lakeford, Ill. —')
    expect(article?.body[0]).toMatch(/^Several thousand/)
  })
})

describe('a deck that repeats the lead', () => {
  it('is written once, as the lead', async () => {
    const {article} = await run(
      'Pier to be rebuilt\n\nThe council voted on Tuesday to rebuild the pier.\n\nBy Ann Quill\n\nThe council voted on Tuesday to rebuild the pier.\n\nWork starts in May.\n'
    )
    expect(article?.subheadline).toBeUndefined()
    expect(article?.body).toEqual([
      'The council voted on Tuesday to rebuild the pier.',
      'Work starts in May.'
    ])
  })
})

describe('a subheadline that may be a caption', () => {
  it('sets aside a few words and a full stop between headline and byline as a caption, with a warning', async () => {
    const {article, authors, warnings} = await run(
      'Pier to be rebuilt\n\nThe old pier.\n\nBy Ann Quill\n\nThe council voted on Tuesday to rebuild the pier.\n\nWork starts in May.\n'
    )
    expect(article?.subheadline).toBeUndefined()
    expect(article?.captions).toEqual(['The old pier.'])
    expect(authors).toEqual(['Ann Quill'])
    expect(warnings).toEqual([
      'input.txt:3:1-3:14: Unexpected short sentence `The old pier.` between headline and byline, expected a deck of a sentence or more; set it aside as a photo caption'
    ])
  })

  it('keeps a deck of a sentence as the subheadline, without a warning', async () => {
    const {article, warnings} = await run(
      'Pier to be rebuilt\n\nThe council backs a plan to rebuild the old pier.\n\nBy Ann Quill\n\nThe council voted on Tuesday to rebuild the pier.\n\nWork starts in May.\n'
    )
    expect(article?.subheadline).toBe(
      'The council backs a plan to rebuild the old pier.'
    )
    expect(article?.captions).toEqual([])
    expect(warnings).toEqual([])
  })
})
