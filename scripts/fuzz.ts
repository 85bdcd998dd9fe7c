// `npm run fuzz -- --runs N [--seed S] [--jobs J]`: the property tests of
// `test/helpers/properties.ts` at scale. Every property runs N times, split
// over J worker processes (default: one per core), in chunks of 1,000 runs
// with seeds derived from S, so that the NITF written can be validated
// against the XSD in batches and a failure names a seed to replay:
// `npm run fuzz -- --runs 1000 --seed <chunk seed> --jobs 1`.
import {fork} from 'node:child_process'
import {availableParallelism} from 'node:os'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import type {NitfCase} from '../test/helpers/output-checks.js'
import {flushNitf, properties} from '../test/helpers/properties.js'

const chunk = 1000

const {values} = parseArgs({
  options: {
    runs: {type: 'string', default: '10000'},
    seed: {type: 'string', default: String(Date.now() % 2 ** 31)},
    jobs: {type: 'string', default: String(availableParallelism())},
    worker: {type: 'string'}
  }
})
const runs = positiveInteger('--runs', values.runs)
const seed = positiveInteger('--seed', values.seed)
const jobs = positiveInteger('--jobs', values.jobs)

interface Report {
  name: string
  runs: number
  failure?: string
}

if (values.worker === undefined) {
  await main()
} else {
  const [index = 0, count = 1] = values.worker.split('/').map(Number)
  const reports = await work(index, count)
  process.send?.(reports)
}

async function main(): Promise<void> {
  const started = performance.now()
  console.log(
    `fuzz: ${runs} runs per property, seed ${seed}, ${jobs} worker${jobs === 1 ? '' : 's'}`
  )
  const script = fileURLToPath(import.meta.url)
  const results = await Promise.all(
    Array.from(
      {length: jobs},
      (_, index) =>
        new Promise<Report[]>((resolve, reject) => {
          const child = fork(
            script,
            [
              '--runs',
              String(runs),
              '--seed',
              String(seed),
              '--worker',
              `${index}/${jobs}`
            ],
            {execArgv: ['--import', 'tsx']}
          )
          let reports: Report[] | undefined
          child.on('message', (message) => {
            reports = message as Report[]
          })
          child.on('error', reject)
          child.on('exit', (code) => {
            if (reports) resolve(reports)
            else reject(new Error(`worker ${index} exited with ${code}`))
          })
        })
    )
  )

  const totals = new Map<string, number>()
  const failures: string[] = []
  for (const report of results.flat()) {
    totals.set(report.name, (totals.get(report.name) ?? 0) + report.runs)
    if (report.failure) failures.push(`${report.name}:\n${report.failure}`)
  }
  for (const [name, total] of totals) console.log(`  ${total} runs: ${name}`)
  const seconds = (performance.now() - started) / 1000
  console.log(
    `fuzz: ${failures.length} failure${failures.length === 1 ? '' : 's'} in ${seconds.toFixed(1)} s`
  )
  for (const failure of failures) console.error(failure)
  process.exitCode = failures.length > 0 ? 1 : 0
}

/** Run this worker's share: chunks `index`, `index + count`, ... */
async function work(index: number, count: number): Promise<Report[]> {
  const written: NitfCase[] = []
  const reports: Report[] = []
  for (const [name, check] of Object.entries(properties(written))) {
    const report: Report = {name, runs: 0}
    reports.push(report)
    const chunks = Math.ceil(runs / chunk)
    for (let at = index; at < chunks && !report.failure; at += count) {
      const numRuns = Math.min(chunk, runs - at * chunk)
      const chunkSeed = (seed + at) % 2 ** 31
      try {
        await check({numRuns, seed: chunkSeed})
        await flushNitf(written)
      } catch (error) {
        // fast-check keeps what the property threw as the cause.
        const cause =
          error instanceof Error && error.cause instanceof Error
            ? `\n${error.cause.message}`
            : ''
        report.failure = `seed ${chunkSeed}: ${error instanceof Error ? error.message : String(error)}${cause}`
      }
      written.length = 0
      report.runs += numRuns
    }
  }
  return reports
}

function positiveInteger(name: string, value: string | undefined): number {
  const number = Number(value)
  if (!Number.isSafeInteger(number) || number < 0) {
    console.error(`fuzz: expected a whole number for ${name}, not ${value}`)
    process.exit(2)
  }
  return number
}
