// `checkRecommended`: warnings about metadata that search engines and
// partners expect; exact messages, at the place of the field where the text
// has one.
import {describe, expect, it} from 'vitest'
import checkRecommended from '../pipeline/check-recommended.js'
import extractArticle from '../pipeline/extract-article.js'
import joinHardWraps from '../pipeline/join-hard-wraps.js'
import segmentBlocks from '../pipeline/segment-blocks.js'
import type {ArticleContext} from '../pipeline/types.js'
import {runStage} from './helpers/run-stage.js'

const text = (headline: string) =>
  `${headline}\n\nBy Ines Moreau\n\nThe quay reopened on Monday.\n`

function context(fields: Partial<ArticleContext> = {}): ArticleContext {
  return {
    path: 'quay.txt',
    storyId: 'quay',
    meta: {
      datePublished: '2024-04-01T06:00:00+02:00',
      images: [{url: 'https://port.example/quay.jpg', width: 1200, height: 675}]
    },
    config: {
      authors: [{name: 'Ines Moreau', url: 'https://port.example/staff/ines'}]
    },
    ...fields
  }
}

// `checkRecommended` reads the article and the places of its fields, which
// `extractArticle` makes from the blocks of `segmentBlocks`, which splits
// lines where `joinHardWraps` marked the breaks: exactly the stages it needs.
const stages = [joinHardWraps, segmentBlocks, extractArticle, checkRecommended]

async function warnings(headline: string, fields?: Partial<ArticleContext>) {
  const {file} = await runStage(text(headline), stages, {
    path: 'quay.txt',
    data: {context: context(fields)}
  })
  return file.messages.filter((message) => message.fatal === false).map(String)
}

describe('checkRecommended', () => {
  it('says nothing when everything recommended is there', async () => {
    expect(await warnings('Quay reopens')).toEqual([])
  })

  it('warns about a headline over 110 characters, at the headline', async () => {
    const long = `Quay ${'reopens '.repeat(14)}`.trim()
    expect(long.length).toBe(116)
    expect(await warnings(long)).toEqual([
      'quay.txt:1:1-1:117: Unexpected headline of 116 characters, expected at most 110; search results cut longer ones'
    ])
  })

  it('warns about a missing date and a missing image', async () => {
    expect(await warnings('Quay reopens', {meta: {}})).toEqual([
      'quay.txt:1:1: Unexpected missing `datePublished`, expected an ISO 8601 date-time with offset in the sidecar `.meta.json`; the outputs have no publication date',
      'quay.txt:1:1: Unexpected article without image, expected `images` in the sidecar `.meta.json`; search engines show articles with images first'
    ])
  })

  it('warns about an image under 50,000 pixels', async () => {
    const meta = {
      datePublished: '2024-04-01T06:00:00+02:00',
      images: [
        {url: 'https://port.example/big.jpg', width: 1200, height: 675},
        {url: 'https://port.example/thumb.jpg', width: 200, height: 200}
      ]
    }
    expect(await warnings('Quay reopens', {meta})).toEqual([
      'quay.txt:1:1: Unexpected small image `/images/1` (200×200, 40000 pixels), expected at least 50000 pixels'
    ])
  })

  it('warns about an author the directory has no URL for, at the byline', async () => {
    expect(await warnings('Quay reopens', {config: {}})).toEqual([
      'quay.txt:3:1-3:15: Unexpected author `Ines Moreau` without URL, expected an entry with `url` in `authors` of `copydesk.config.json`'
    ])
  })
})
