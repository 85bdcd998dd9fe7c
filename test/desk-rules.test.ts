// What the desk teaches the extractor (`extraction` in copydesk.config.json):
// its boilerplate and signature patterns extend the built-in line rules, and
// its publication names confirm a masthead the built-in rules would not.
import {describe, expect, it} from 'vitest'
import {processArticle} from '../pipeline/index.js'
import type {Config} from '../pipeline/types.js'

async function extractWith(text: string, config: Config) {
  const file = await processArticle(text, {
    path: 'story.txt',
    context: {path: 'story.txt', storyId: 'story', meta: {}, config}
  })
  const article = file.data.article
  if (!article) throw new Error(file.messages.map(String).join('\n'))
  return {article, messages: file.messages}
}

const story = `Lantern of the North Shore

Ferry pier reopens after a winter of repairs

PORTVALE, March 4 - The north pier reopened to ferries on Monday after four months of repairs to its pilings.

Get the Lantern daily briefing at lantern.example/briefing

The harbour board said the work came in under budget.

(LNS)
`

describe('desk rules', () => {
  it('without them, the built-in rules keep the desk lines', async () => {
    const {article} = await extractWith(story, {})
    expect(article.headline).toBe('Lantern of the North Shore')
    expect(article.body).toContain(
      'Get the Lantern daily briefing at lantern.example/briefing'
    )
    expect(article.body.at(-1)).toBe('(LNS)')
  })

  it('drop boilerplate anywhere, end signatures at the end, and take a taught masthead', async () => {
    const {article, messages} = await extractWith(story, {
      extraction: {
        boilerplate: ['^Get the Lantern daily briefing\\b'],
        signatures: ['^\\(LNS\\)$'],
        publications: ['Lantern  of the north shore']
      }
    })
    expect(article.publication).toBe('Lantern of the North Shore')
    expect(article.headline).toBe(
      'Ferry pier reopens after a winter of repairs'
    )
    expect(article.body).toEqual([
      'The north pier reopened to ferries on Monday after four months of repairs to its pilings.',
      'The harbour board said the work came in under budget.'
    ])
    expect(article.boilerplate).toEqual([
      'Get the Lantern daily briefing at lantern.example/briefing',
      '(LNS)'
    ])
    expect(
      messages
        .filter((m) => m.ruleId === 'leftover' || m.ruleId === 'signature')
        .map(String)
    ).toEqual([
      'story.txt:7:1-7:59: Dropped page leftover `Get the Lantern daily briefing at lantern.example/briefing`',
      'story.txt:11:1-11:6: Dropped end signature `(LNS)`'
    ])
  })

  it('a signature pattern drops nothing in the middle of the body', async () => {
    const {article} = await extractWith(story, {
      extraction: {signatures: ['^Get the Lantern\\b']}
    })
    expect(article.body).toContain(
      'Get the Lantern daily briefing at lantern.example/briefing'
    )
  })

  const wire = `Ferry pier reopens after a winter of repairs

By Mara Quill, Lantern Newswire

PORTVALE, March 4 LNW - The north pier reopened to ferries on Monday after four months of repairs to its pilings.

The harbour board said the work came in under budget.

LNW mq/td
`

  it('without taught agencies, an unknown agency is no agency', async () => {
    const {article} = await extractWith(wire, {})
    expect(article.bylines[0]?.agency).toBeUndefined()
    expect(article.dateline).toBeUndefined()
    expect(article.body.at(-1)).toBe('LNW mq/td')
  })

  it('taught agencies sign bylines, datelines without parentheses and end signatures', async () => {
    const {article, messages} = await extractWith(wire, {
      extraction: {agencies: ['Lantern Newswire', 'lnw']}
    })
    expect(article.bylines).toEqual([
      {
        text: 'By Mara Quill, Lantern Newswire',
        authors: [{kind: 'Person', name: 'Mara Quill'}],
        agency: 'Lantern Newswire'
      }
    ])
    expect(article.dateline).toEqual({
      text: 'PORTVALE, March 4 LNW -',
      location: 'PORTVALE',
      date: 'March 4',
      agency: 'LNW'
    })
    expect(article.body).toEqual([
      'The north pier reopened to ferries on Monday after four months of repairs to its pilings.',
      'The harbour board said the work came in under budget.'
    ])
    expect(
      messages.filter((m) => m.ruleId === 'signature').map(String)
    ).toEqual(['story.txt:9:1-9:10: Dropped end signature `LNW mq/td`'])
  })
})
