// `smartPunctuation` runs retext-smartypants over the sentences that hold a
// character it can change, and must give exactly what the plugin gives
// over the whole tree, for any text.
import fc from 'fast-check'
import type {Root} from 'nlcst'
import {toString as nlcstToString} from 'nlcst-to-string'
import retextEnglish from 'retext-english'
import retextSmartypants from 'retext-smartypants'
import {unified} from 'unified'
import {expect, it} from 'vitest'
import smartPunctuation from '../pipeline/smart-punctuation.js'

const options = {backticks: true, dashes: true, ellipses: false} as const
const whole = unified().use(retextEnglish).use(retextSmartypants, options)
const scoped = unified().use(retextEnglish).use(smartPunctuation, options)

async function run(processor: typeof whole | typeof scoped, text: string) {
  return nlcstToString((await processor.run(processor.parse(text))) as Root)
}

const piece = fc.constantFrom(
  '"',
  "'",
  '``',
  "''",
  '--',
  '---',
  '-',
  ' ',
  '\n',
  '\n\n',
  '.',
  ', ',
  'word',
  'It',
  "it's",
  "'90s",
  'rock-and-roll',
  '(',
  ')',
  '...',
  '5'
)

it('changes what retext-smartypants changes, and nothing else', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.array(piece, {maxLength: 40}).map((parts) => parts.join('')),
      async (text) => {
        expect(await run(scoped, text)).toBe(await run(whole, text))
      }
    ),
    {numRuns: 500}
  )
  expect(await run(scoped, `He said "yes" -- it's the '90s.`)).toBe(
    'He said “yes” — it’s the ’90s.'
  )
})
