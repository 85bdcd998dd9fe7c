// The properties copydesk must hold for every input, shared by
// `test/properties.test.ts` (a short budget in every test run) and
// `scripts/fuzz.ts` (`npm run fuzz -- --runs N`, at scale).
import fc from 'fast-check'
import {processArticle} from '../../pipeline/index.js'
import {anyBytes, anyText, articleText, foldTypography} from './arbitraries.js'
import {
  bodyParagraphs,
  checkOutputs,
  type NitfCase,
  validateNitfBatch
} from './output-checks.js'

/** How many runs, and from which seed (random when unset). */
export interface RunOptions {
  numRuns: number
  seed?: number
}

/** A property, ready to check: rejects with fast-check's report. */
export type Check = (options: RunOptions) => Promise<void>

/**
 * The properties, each collecting the NITF it writes into `written` for
 * `flushNitf` to validate in batches.
 */
export function properties(written: NitfCase[]): Record<string, Check> {
  const keep = (label: string, xml: unknown) => {
    if (typeof xml === 'string') written.push({label, xml})
  }

  const anyTextNeverBreaks = fc.asyncProperty(anyText, async (text) => {
    const file = await processArticle(text, {path: 'fuzz.txt'})
    const problems = checkOutputs(file)
    if (problems.length > 0) throw new Error(problems.join('\n'))
    keep(JSON.stringify(text), file.data.outputs?.['.nitf.xml'])
  })

  const anyBytesNeverBreak = fc.asyncProperty(anyBytes, async (bytes) => {
    const file = await processArticle(bytes, {path: 'fuzz.txt'})
    const problems = checkOutputs(file)
    if (problems.length > 0) throw new Error(problems.join('\n'))
    keep(
      `bytes ${Buffer.from(bytes).toString('hex')}`,
      file.data.outputs?.['.nitf.xml']
    )
  })

  const articlesKeepEveryParagraph = fc.asyncProperty(
    articleText,
    async (sample) => {
      const file = await processArticle(sample.text, {path: 'fuzz.txt'})
      const problems = checkOutputs(file)
      if (problems.length > 0) throw new Error(problems.join('\n'))
      const written = bodyParagraphs(file)
      if (!written) {
        throw new Error(
          `article-shaped text not built: ${file.messages.map(String).join('; ')}`
        )
      }
      const expected = sample.paragraphs.map(foldTypography)
      const actual = written.map(foldTypography)
      const separator = sample.paragraphsSure ? '\n' : ' '
      if (actual.join(separator) !== expected.join(separator)) {
        throw new Error(
          `paragraphs differ:\n  written  ${JSON.stringify(actual)}\n  expected ${JSON.stringify(expected)}`
        )
      }
      keep(JSON.stringify(sample.text), file.data.outputs?.['.nitf.xml'])
    }
  )

  return {
    'any text never breaks the pipeline or its outputs': (options) =>
      fc.assert(anyTextNeverBreaks, options),
    'any bytes never break the pipeline or its outputs': (options) =>
      fc.assert(anyBytesNeverBreak, options),
    'article-shaped text keeps every body paragraph, in order': (options) =>
      fc.assert(articlesKeepEveryParagraph, options)
  }
}

/** Validate what the properties wrote, then forget it; throws on a failure. */
export async function flushNitf(written: NitfCase[]): Promise<void> {
  const batch = written.splice(0, written.length)
  for (let start = 0; start < batch.length; start += 250) {
    const failures = await validateNitfBatch(batch.slice(start, start + 250))
    if (failures.length > 0) {
      const [first] = failures
      throw new Error(
        `${failures.length} NITF documents fail the XSD; the first, from input ${first?.label}:\n${first?.errors.join('\n')}`
      )
    }
  }
}
