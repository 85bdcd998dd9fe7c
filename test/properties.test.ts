// Property-based tests (fast-check): arbitrary Unicode, arbitrary bytes and
// generated article-shaped texts never make the pipeline throw, and whatever
// is written holds every invariant of `helpers/output-checks.ts`: valid NITF,
// a JSON-LD NewsArticle, no XML-illegal character, a page head that a browser
// reads back as the same JSON-LD, and every body paragraph, once, in order.
// A short budget here; `npm run fuzz -- --runs N` runs the same at scale.
import {describe, expect, it} from 'vitest'
import type {NitfCase} from './helpers/output-checks.js'
import {flushNitf, properties} from './helpers/properties.js'

const runs = Number(process.env.COPYDESK_PROPERTY_RUNS ?? 150)

describe('properties', () => {
  const written: NitfCase[] = []
  for (const [name, check] of Object.entries(properties(written))) {
    it(name, {timeout: 120_000}, async () => {
      await check({numRuns: runs})
      await expect(flushNitf(written)).resolves.toBeUndefined()
    })
  }
})
