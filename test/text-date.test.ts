// Dates from the text: only a date line that states date, time and zone in
// full becomes `datePublished`, and only when the sidecar has none; a
// partial date is never completed by guessing.
import {describe, expect, it} from 'vitest'
import {processArticle} from '../pipeline/index.js'
import {readTextDate} from '../pipeline/rules/text-date.js'
import type {Meta} from '../pipeline/types.js'

describe('readTextDate', () => {
  it.each([
    ['Published: 3 January 2024 14:05 GMT', '2024-01-03T14:05:00+00:00'],
    ['2024-01-03T14:05:00Z', '2024-01-03T14:05:00+00:00'],
    ['2024-01-03 14:05:30+0100', '2024-01-03T14:05:30+01:00'],
    ['Jan. 3, 2024 2:05 p.m. EST', '2024-01-03T14:05:00-05:00'],
    ['Posted on March 4, 2024 at 9:30 am PST', '2024-03-04T09:30:00-08:00'],
    ['Thursday, 30 May 2024, 14:05 BST', '2024-05-30T14:05:00+01:00'],
    ['12 Sept 2024 00:15 KST', '2024-09-12T00:15:00+09:00']
  ])('reads %j', (text, expected) => {
    expect(readTextDate(text)).toBe(expected)
  })

  it.each([
    // Partial: no year, no time, no zone, or a zone with two offsets.
    'Nov 26',
    'Monday 13:00 GMT',
    'Thursday, May 30, 2024',
    '3 January 2024 14:05',
    'Published 3 January 2024 14:05 ET',
    // An update is not the publication.
    'Updated: 30 May 2024 14:05 BST',
    // Impossible dates and times.
    '31 February 2024 10:00 GMT',
    '3 January 2024 25:00 GMT',
    '3 January 2024 13:00 p.m. GMT',
    '2024-01-03T14:05:00+15:00',
    // Not a month.
    '3 Janus 2024 10:00 GMT',
    // A sentence that holds a date.
    'The vote was on 3 January 2024 14:05 GMT'
  ])('leaves %j alone', (text) => {
    expect(readTextDate(text)).toBe(undefined)
  })
})

const story = (dateLine: string) => `Quay lights switched back on

${dateLine}

PORTVALE, March 4 - The lights along the north quay came back on on Monday night.

The harbour board said the new lamps use a third of the power.
`

async function run(text: string, meta: Meta = {}) {
  const file = await processArticle(text, {
    path: 'quay.txt',
    context: {path: 'quay.txt', storyId: 'quay', meta, config: {}}
  })
  const graph = JSON.parse(String(file.data.outputs?.['.jsonld']))[
    '@graph'
  ] as Array<Record<string, unknown>>
  return {
    file,
    published: graph.find((node) => node['@type'] === 'NewsArticle')
      ?.datePublished,
    ruleIds: file.messages.map((message) => message.ruleId)
  }
}

describe('datePublished from the text', () => {
  it('is taken from a full date line, with an info at the line', async () => {
    const {file, published, ruleIds} = await run(
      story('Published: 4 March 2024 21:30 GMT')
    )
    expect(published).toBe('2024-03-04T21:30:00+00:00')
    expect(
      file.messages
        .filter((message) => message.ruleId === 'date-from-text')
        .map(String)
    ).toEqual([
      'quay.txt:3:1-3:34: Unexpected publication date only in the text, expected `datePublished` in the sidecar; took `2024-03-04T21:30:00+00:00` from this line'
    ])
    expect(ruleIds).not.toContain('missing-date')
    const nitf = String(file.data.outputs?.['.nitf.xml'])
    expect(nitf).toContain('<date.issue norm="20240304T213000+0000"/>')
  })

  it('gives way to the sidecar, silently', async () => {
    const {published, ruleIds} = await run(
      story('Published: 4 March 2024 21:30 GMT'),
      {datePublished: '2024-03-05T08:00:00+01:00'}
    )
    expect(published).toBe('2024-03-05T08:00:00+01:00')
    expect(ruleIds).not.toContain('date-from-text')
  })

  it('is never completed from a partial date', async () => {
    const {published, ruleIds} = await run(story('Monday, March 4, 2024'))
    expect(published).toBe(undefined)
    expect(ruleIds).not.toContain('date-from-text')
    expect(ruleIds).toContain('missing-date')
  })
})
