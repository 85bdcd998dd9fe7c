// The programmatic API, from the sources: what `import {…} from 'copydesk'`
// gives (`pipeline/api/index.ts`), each part used as the README shows it.
// `test/package.test.ts` runs the same calls against the packed package.
import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import type {Root} from 'nlcst'
import retextEnglish from 'retext-english'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import * as api from '../pipeline/api/index.js'
import {
  build,
  checkRecommended,
  decodeText,
  defaultContext,
  emitDocuments,
  extractArticle,
  joinHardWraps,
  normalizeCharacters,
  normalizeWire,
  processArticle,
  processor,
  segmentBlocks,
  smartPunctuation,
  validateArticle
} from '../pipeline/api/index.js'

const story = `Harbour ferries return to the timetable

By Ines Okafor

PORT ELLEN, Nov 27 -- Ferries will run to their full timetable again from Monday.

The first sailing leaves the north pier at 5:40 a.m.
`

let project: string

/** The headline of a JSON-LD output: of its `NewsArticle`, in a graph or not. */
function headlineOf(jsonld: string): unknown {
  const document = JSON.parse(jsonld) as {'@graph'?: unknown[]}
  const nodes = (document['@graph'] ?? [document]) as Array<{
    headline?: unknown
  }>
  return nodes.find((node) => node.headline !== undefined)?.headline
}

beforeEach(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'copydesk-api-'))
})

afterEach(async () => {
  await rm(project, {recursive: true, force: true})
})

describe('the package root', () => {
  it('exports the engine, the processor and every stage, nothing else', () => {
    expect(Object.keys(api).sort()).toEqual([
      'build',
      'checkRecommended',
      'decodeText',
      'defaultContext',
      'emitDocuments',
      'extractArticle',
      'joinHardWraps',
      'normalizeCharacters',
      'normalizeWire',
      'processArticle',
      'processor',
      'segmentBlocks',
      'smartPunctuation',
      'validateArticle'
    ])
  })
})

describe('processArticle', () => {
  it('turns one article in memory into every output', async () => {
    const file = await processArticle(story, {path: 'ferries.txt'})
    expect(file.messages.filter((message) => message.fatal)).toEqual([])
    const outputs = file.data.outputs ?? {}
    expect(Object.keys(outputs).sort()).toEqual([
      '.head.html',
      '.jsonld',
      '.ninjs.json',
      '.nitf.xml'
    ])
    expect(headlineOf(String(outputs['.jsonld']))).toBe(
      'Harbour ferries return to the timetable'
    )
    expect(file.data.article?.bylines[0]?.authors[0]?.name).toBe('Ines Okafor')
  })

  it('reports bad input on the file instead of throwing', async () => {
    const file = await processArticle(new Uint8Array([0xff, 0xfe, 0x00]), {
      path: 'broken.txt'
    })
    expect(file.messages.some((message) => message.fatal)).toBe(true)
    expect(file.data.outputs).toBeUndefined()
  })
})

describe('build', () => {
  it('builds a folder as the CLI does and returns the reports', async () => {
    await mkdir(path.join(project, 'input'))
    await writeFile(path.join(project, 'input', 'ferries.txt'), story)
    const result = await build({
      cwd: project,
      inputs: [],
      output: 'output',
      cacheDir: '.cache'
    })
    expect(result.written).toEqual([
      'output/ferries.head.html',
      'output/ferries.jsonld',
      'output/ferries.ninjs.json',
      'output/ferries.nitf.xml'
    ])
    expect(result.files.map((file) => file.path)).toContain('input/ferries.txt')
    expect(result.counts.errors).toBe(0)
    const jsonld = path.join(project, 'output', 'ferries.jsonld')
    expect(headlineOf(await readFile(jsonld, 'utf8'))).toBe(
      'Harbour ferries return to the timetable'
    )
  })
})

describe('the stages as unified plugins', () => {
  it('compose into a pipeline of ones own that gives what processArticle gives', async () => {
    const seen: string[] = []
    const mine = unified()
      .use(retextEnglish)
      .use(decodeText)
      .use(normalizeCharacters)
      .use(normalizeWire)
      .use(joinHardWraps)
      .use(smartPunctuation, {backticks: true, dashes: true, ellipses: false})
      .use(segmentBlocks)
      .use(extractArticle)
      // A stage of the user's own between extraction and the outputs.
      .use(() => (_tree: Root, file: VFile) => {
        seen.push(file.data.article?.headline ?? '')
      })
      .use(validateArticle)
      .use(checkRecommended)
      .use(emitDocuments)
    const file = new VFile({path: 'ferries.txt', value: story})
    file.data.context = defaultContext('ferries.txt')
    await mine.run(mine.parse(file), file)

    const reference = await processArticle(story, {path: 'ferries.txt'})
    expect(seen).toEqual(['Harbour ferries return to the timetable'])
    expect(file.data.outputs).toEqual(reference.data.outputs)
    expect(file.messages.map(String)).toEqual(reference.messages.map(String))
  })

  it('the processor itself extends: a copy takes more plugins', async () => {
    const headlines: string[] = []
    const extended = processor().use(() => (_tree: Root, file: VFile) => {
      headlines.push(file.data.article?.headline ?? '')
    })
    const file = new VFile({path: 'ferries.txt', value: story})
    file.data.context = defaultContext('ferries.txt')
    await extended.run(extended.parse(file), file)
    expect(headlines).toEqual(['Harbour ferries return to the timetable'])
  })
})
