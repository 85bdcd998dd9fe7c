// `npm run timings -- [N]`: where the time of one article goes, stage by
// stage and format by format, as ESLint's `TIMING=1` shows it per rule.
// Builds the benchmark's corpus of N articles (default 600) in memory and
// runs copydesk's own processor on each, in this thread, with every stage
// timed; then renders each output format from the resolved facts, timed on
// its own, and writes every article's outputs atomically into a folder under
// `.tmp-bench/` (the project's disk), as a build does. Prints milliseconds
// per article and each row's share of the total. Warm: the first 50
// articles are run untimed. Then the in-memory latency of the API's
// one-article call: warm `processArticle` on an article of about 3 KB,
// p50 and p99 over 1,000 calls, against a warm bare parse of the same text.
// Measures, never gates.
import {mkdir, mkdtemp, rm} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {type Processor, unified} from 'unified'
import {VFile} from 'vfile'
import {writeAtomic} from '../pipeline/build/files.js'
import {resolveFacts} from '../pipeline/emit/facts.js'
import {outputFiles} from '../pipeline/emit/formats.js'
import {defaultContext, processArticle, processor} from '../pipeline/index.js'
import type {Config} from '../pipeline/types.js'
import {loadSources, makeArticle} from './bench-corpus.js'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))
const warmUp = 50
const latencyCalls = 1000

const {positionals} = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true
})
const count = Number(positionals[0] ?? '600')
if (!Number.isSafeInteger(count) || count < 1) {
  process.stderr.write('Usage: npm run timings -- [N]\n')
  process.exit(2)
}

const sources = await loadSources()
const texts = Array.from(
  {length: count + warmUp},
  (_, index) =>
    makeArticle(
      sources[index % sources.length] as (typeof sources)[number],
      index
    ).text
)
// One config object for every article, as in a build.
const config: Config = {baseUrl: 'https://news.example/'}
const totals = new Map<string, number>()
const add = (row: string, ms: number) =>
  totals.set(row, (totals.get(row) ?? 0) + ms)

const timed = timedProcessor(add)
let measuring = false
const outputsFolder = path.join(repoRoot, '.tmp-bench')
await mkdir(outputsFolder, {recursive: true})
const out = await mkdtemp(path.join(outputsFolder, 'timings-'))
try {
  for (const [index, text] of texts.entries()) {
    measuring = index >= warmUp
    const name = `a${index}.txt`
    const file = new VFile({path: name, value: text})
    file.data.context = {...defaultContext(name), config}
    const started = performance.now()
    const tree = timed.parse(file)
    if (measuring) add('parse (retext-english)', performance.now() - started)
    await timed.run(tree, file)
    const {article, context, outputs} = file.data
    if (!measuring || !article || !context || !outputs) continue
    // The formats, each on its own, from the facts the emit stage resolves.
    let at = performance.now()
    const facts = resolveFacts(article, context)
    add('  emit: facts', performance.now() - at)
    for (const output of outputFiles(config)) {
      at = performance.now()
      output.render(facts)
      add(`  emit: ${output.suffix}`, performance.now() - at)
    }
    at = performance.now()
    for (const [suffix, value] of Object.entries(outputs)) {
      writeAtomic(path.join(out, `${index}${suffix}`), value)
    }
    add('write outputs (atomic)', performance.now() - at)
  }
} finally {
  await rm(out, {recursive: true, force: true})
}

// In-memory latency of the API's one-article call (a CMS publish hook):
// warm `processArticle` on one article of about 3 KB, against a warm bare
// parse of the same text, p50 and p99 over many calls.
const typical =
  texts.find((text) => text.length >= 2800 && text.length <= 3400) ??
  (texts[0] as string)
const latency = {
  parse: await percentiles(() => {
    processor.parse(new VFile({path: 'one.txt', value: typical}))
  }),
  processArticle: await percentiles(async () => {
    await processArticle(typical, {
      path: 'one.txt',
      context: {...defaultContext('one.txt'), config}
    })
  })
}

const rows = [...totals].filter(([row]) => !row.startsWith('  '))
const whole = rows.reduce((sum, [, ms]) => sum + ms, 0)
process.stdout.write(
  `copydesk timings: node ${process.version}, N=${count} (after ${warmUp} warm-up), one thread\n\n`
)
const lines = [['row', 'ms/article', 'share']]
for (const [row, ms] of [...totals].sort(byStageOrder)) {
  lines.push([
    row,
    (ms / count).toFixed(3),
    row.startsWith('  ') ? '' : `${((100 * ms) / whole).toFixed(1)}%`
  ])
}
lines.push(['total', (whole / count).toFixed(3), '100.0%'])
const widths = lines[0]?.map((_, column) =>
  Math.max(...lines.map((line) => (line[column] ?? '').length))
) as number[]
for (const line of lines) {
  process.stdout.write(
    `${line
      .map((cell, column) =>
        column === 0
          ? cell.padEnd(widths[column] ?? 0)
          : cell.padStart(widths[column] ?? 0)
      )
      .join('  ')}\n`
  )
}

process.stdout.write(
  `\nwarm latency, one article of ${typical.length} characters, ${latencyCalls} calls after ${warmUp} untimed:\n` +
    `  bare parse      p50 ${latency.parse.p50.toFixed(3)} ms  p99 ${latency.parse.p99.toFixed(3)} ms\n` +
    `  processArticle  p50 ${latency.processArticle.p50.toFixed(3)} ms  p99 ${latency.processArticle.p99.toFixed(3)} ms` +
    `  (p50 ${(latency.processArticle.p50 / latency.parse.p50).toFixed(1)}x the parse)\n`
)

/** p50 and p99 of `latencyCalls` timed calls of `call`, after a warm-up. */
async function percentiles(
  call: () => unknown
): Promise<{p50: number; p99: number}> {
  for (let index = 0; index < warmUp; index++) await call()
  const times: number[] = []
  for (let index = 0; index < latencyCalls; index++) {
    const started = performance.now()
    await call()
    times.push(performance.now() - started)
  }
  times.sort((left, right) => left - right)
  const at = (share: number) =>
    times[Math.min(times.length - 1, Math.floor(share * times.length))] ?? 0
  return {p50: at(0.5), p99: at(0.99)}
}

/** Rows in the order they happen; the emit's parts under the emit stage. */
function byStageOrder(left: [string, number], right: [string, number]): number {
  return order(left[0]) - order(right[0])
}

function order(row: string): number {
  const stages = [
    'parse (retext-english)',
    ...processor.attachers.map(([plugin]) => (plugin as {name: string}).name),
    'write outputs (atomic)'
  ]
  if (row.startsWith('  emit: ')) return stages.indexOf('emitDocuments') + 0.5
  return stages.indexOf(row)
}

/**
 * copydesk's processor with each stage's transformer timed: the same
 * plugins with the same options, in the same order.
 */
function timedProcessor(
  record: (row: string, ms: number) => void
): Processor<never, never, never, never, never> {
  const copy = unified()
  for (const [plugin, ...options] of processor.attachers) {
    const name = (plugin as {name: string}).name
    copy.use(
      function (this: unknown, ...settings: unknown[]) {
        const transformer = (plugin as (...args: unknown[]) => unknown).apply(
          this,
          settings
        )
        if (typeof transformer !== 'function') return transformer
        return (tree: unknown, file: VFile) => {
          const started = performance.now()
          const result = (
            transformer as (tree: unknown, file: VFile) => unknown
          )(tree, file)
          if (measuring) record(name, performance.now() - started)
          return result
        }
      } as never,
      ...(options as [])
    )
  }
  return copy.freeze() as never
}
