// The benchmark's corpus, shared by `npm run bench` and `npm run timings`:
// deterministic articles made from the project's own fixtures
// (`test/fixtures/*/input/**/*.txt` and `input/*.txt`, never the
// copyrighted `../shared/corpus`), every copy different.
import {existsSync} from 'node:fs'
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {wrap} from '../test/helpers/wrap.js'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))
/** Subfolders of `input/` the corpus is spread over. */
export const folders = ['world', 'business', 'city', 'wire/am', 'wire/pm']
/** Characters per article: the size of the reference article. */
const articleLength = 2600

/** A fixture text the corpus is made from. */
export interface Source {
  /** File name without `.txt`. */
  name: string
  /** LF line endings, no BOM. */
  text: string
}

/** One generated article: its text and, maybe, its sidecar. */
export interface Article {
  /** Path below `input/`, `/`-separated. */
  path: string
  text: string
  meta?: {datePublished: string; url: string}
}

/** The fixture texts, sorted by path so the corpus is the same everywhere. */
export async function loadSources(): Promise<Source[]> {
  const fixtures = path.join(repoRoot, 'test', 'fixtures')
  const files: string[] = []
  for (const name of (await readdir(fixtures)).sort()) {
    // A fixture whose expected report has an error is meant to fail.
    const report = path.join(fixtures, name, 'expected', 'report.txt')
    if (existsSync(report) && (await readFile(report, 'utf8')).includes('✖')) {
      continue
    }
    const input = path.join(fixtures, name, 'input')
    if (!existsSync(input)) continue
    for (const file of await readdir(input, {recursive: true})) {
      if (file.endsWith('.txt')) files.push(path.join(input, file))
    }
  }
  const seed = path.join(repoRoot, 'input')
  for (const file of await readdir(seed)) {
    if (file.endsWith('.txt')) files.push(path.join(seed, file))
  }

  const sources: Source[] = []
  const utf8 = new TextDecoder('utf-8', {fatal: true})
  for (const file of files.sort()) {
    let text: string
    try {
      text = utf8.decode(await readFile(file))
    } catch {
      continue // Not UTF-8: a fixture of the decoder, not an article.
    }
    text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
    if (text.trim() === '') continue
    sources.push({name: path.basename(file, '.txt'), text})
  }
  if (sources.length === 0) throw new Error('no fixture texts found')
  return sources
}

/**
 * Copy number `index` of `source`: the headline numbered, body paragraphs
 * rotated and maybe one duplicated, maybe hard-wrapped, CRLF, a BOM or a
 * sidecar. Only paragraphs of prose after the lead move, so the envelope,
 * byline, dateline and credits stay where a newsroom puts them.
 */
export function makeArticle(source: Source, index: number): Article {
  const random = prng(index + 1)
  const blocks = source.text.trim().split(/\n[ \t]*\n/)

  const headline = blocks.findIndex((block) => words(firstLine(block)) > 3)
  if (headline >= 0) {
    const [first = '', ...rest] = (blocks[headline] as string).split('\n')
    blocks[headline] = [
      first.replace(/( =)?$/, ` ${index + 1}$1`),
      ...rest
    ].join('\n')
  }
  const lead = blocks.findIndex(
    (block, at) =>
      at > headline &&
      isProse(block) &&
      words(block) >= 12 &&
      words(firstLine(block)) >= 8
  )
  const body =
    lead < 0
      ? []
      : blocks
          .map((block, at) => (at > lead && isBody(block) ? at : -1))
          .filter((at) => at >= 0)

  rotate(blocks, body, Math.floor(random() * body.length))
  if (lead >= 0 && random() < 1 / 3) {
    const width = 60 + Math.floor(random() * 13)
    for (const at of [lead, ...body]) {
      const block = blocks[at] as string
      // Only one-line paragraphs: wrapped or indented ones stay as sent.
      if (!block.includes('\n') && !/^\s/.test(block)) {
        blocks[at] = wrap(block, width)
      }
    }
  }
  // As long as the article the issue measures parsing with (about 2.6 KB):
  // the fixtures are short, so their body paragraphs come round again
  // after the last one.
  if (body.length > 0) {
    let last = Math.max(...body)
    for (let turn = 0; blocks.join('\n\n').length < articleLength; turn++) {
      const from = body[turn % body.length] as number
      last++
      blocks.splice(last, 0, blocks[from] as string)
    }
  }
  if (body.length > 0 && random() < 0.3) {
    const at = body[Math.floor(random() * body.length)] as number
    blocks.splice(at + 1, 0, blocks[at] as string)
  }

  let text = `${blocks.join('\n\n')}\n`
  if (random() < 0.25) text = text.replace(/\n/g, '\r\n')
  if (random() < 0.1) text = `\uFEFF${text}`

  const folder = folders[Math.floor(random() * folders.length)] as string
  const file = `${folder}/${source.name}-${String(index + 1).padStart(5, '0')}`
  const article: Article = {path: `${file}.txt`, text}
  if (random() < 0.5) {
    article.meta = {
      datePublished: randomDate(random),
      url: `https://bench.example/${file}`
    }
  }
  return article
}

/** A paragraph of prose: not a bullet, note, divider or copyright line. */
function isProse(block: string): boolean {
  return !/^[*\-(©_#]/.test(block.trimStart())
}

/** A body paragraph that can move: prose of some length, not a credit. */
function isBody(block: string): boolean {
  return (
    isProse(block) &&
    words(block) >= 8 &&
    !/\(Reporting|contributed to this report|helped with this story/i.test(
      block
    )
  )
}

/** Rotate the blocks at `slots` by `by` places, in place. */
function rotate(blocks: string[], slots: number[], by: number): void {
  const moved = slots.map((at) => blocks[at] as string)
  slots.forEach((at, position) => {
    blocks[at] = moved[(position + by) % moved.length] as string
  })
}

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
function prng(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

function words(text: string): number {
  return text.split(/\s+/).filter(Boolean).length
}

function firstLine(block: string): string {
  return block.split('\n', 1)[0] ?? ''
}

/** An ISO 8601 date-time in 2024 with one of a few offsets. */
function randomDate(random: () => number): string {
  const offsets = ['Z', '+01:00', '-04:00', '+09:00', '+05:30']
  const time = Date.UTC(2024, 0, 1) + Math.floor(random() * 366 * 24 * 60) * 6e4
  const offset = offsets[Math.floor(random() * offsets.length)] as string
  return new Date(time).toISOString().slice(0, 19) + offset
}
