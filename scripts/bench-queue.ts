// `npm run bench:queue -- [N] [--repeat R] [--batches 8,32,128]`: a build
// of N articles (default 2000) locally and over the queue, on this machine.
//
// It bundles copydesk, generates the corpus `npm run bench` builds (from
// the project's fixtures, under `.tmp-bench/`), starts Debian's
// `redis-server` on a free loopback port without persistence, and times,
// R times each (default 3), every run a fresh `copydesk build --force` into
// an empty folder, from spawn to exit:
//
//   (l1) locally, in one thread (`-j 1`);
//   (l2) locally, on worker threads (`-j 2`);
//   (q1) over the queue with one `copydesk worker` process;
//   (q2) over the queue with two;
//
// then, once each with two workers, the batch sizes of `--batches`. Each
// queued build's outputs are compared, byte for byte, with (l1)'s. Besides
// the wall time, each run's CPU time (user + system, by GNU time, of the
// build, of its workers from start to stop, and Redis's own from its INFO):
// on a machine shared with other work, CPU time is what the queue costs,
// wall time what it gave. The queue's overhead per article is the CPU time
// of (q1) less that of (l1) and of an idle worker's start and stop, over N:
// batching, Redis, JSON and base64. Everything, Redis included, shares the
// machine's cores: more workers than cores measure contention, not scale.
import {type ChildProcess, spawn, spawnSync} from 'node:child_process'
import {existsSync} from 'node:fs'
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  writeFile
} from 'node:fs/promises'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'
import {Redis} from 'ioredis'
import {startRedis} from '../test/helpers/redis.js'
import {loadSources, makeArticle, type Source} from './bench-corpus.js'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))
const cliPath = path.join(repoRoot, 'bin', 'copydesk.js')
const environment = {...process.env, COPYDESK_BUNDLE: '1'}
const gnuTime = '/usr/bin/time'
const cpuLine = /^bench-cpu (\d+\.\d+) (\d+\.\d+)$/m

/** `node <argv>`, under GNU time when it is there: its CPU time is printed. */
function command(argv: readonly string[]): [string, string[]] {
  return existsSync(gnuTime)
    ? [gnuTime, ['-f', 'bench-cpu %U %S', process.execPath, ...argv]]
    : [process.execPath, [...argv]]
}

/** The CPU milliseconds GNU time printed in `stderr`, or 0. */
function cpuOf(stderr: string): number {
  const [, user = '0', system = '0'] = cpuLine.exec(stderr) ?? []
  return (Number(user) + Number(system)) * 1000
}

/** A run: wall and CPU milliseconds. */
interface Timing {
  ms: number
  cpu: number
}

const {values, positionals} = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: {
    repeat: {type: 'string', default: '3'},
    batches: {type: 'string', default: '1,8,32,128'}
  }
})
const count = Number(positionals[0] ?? 2000)
const repeat = Number(values.repeat)
const batches = values.batches.split(',').map(Number)

/** Run `copydesk <argv>` in `cwd`; its wall and CPU time. */
function time(cwd: string, argv: readonly string[]): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const [file, args] = command([cliPath, ...argv])
    const child = spawn(file, args, {
      cwd,
      env: environment,
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk
    })
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) {
        resolve({ms: performance.now() - started, cpu: cpuOf(stderr)})
      } else {
        reject(new Error(`copydesk ${argv.join(' ')}: ${stderr.slice(-2000)}`))
      }
    })
  })
}

/** A worker process and its stderr so far. */
interface WorkerProcess {
  child: ChildProcess
  stderr: string
}

/** Start `n` workers on `url`; resolves once each takes jobs. */
async function startWorkers(
  cwd: string,
  url: string,
  n: number
): Promise<WorkerProcess[]> {
  return Promise.all(
    Array.from(
      {length: n},
      () =>
        new Promise<WorkerProcess>((resolve, reject) => {
          const [file, args] = command([cliPath, 'worker', '--queue', url])
          const child = spawn(file, args, {
            cwd,
            env: environment,
            stdio: ['ignore', 'ignore', 'pipe']
          })
          const worker = {child, stderr: ''}
          child.stderr.setEncoding('utf8')
          child.stderr.on('data', (chunk: string) => {
            worker.stderr += chunk
            if (chunk.includes('taking jobs')) resolve(worker)
          })
          child.on('error', reject)
        })
    )
  )
}

/**
 * Stop workers (SIGTERM to each `node`, by its process id: GNU time waits
 * for it and prints its CPU time); their CPU milliseconds together.
 */
async function stopWorkers(workers: readonly WorkerProcess[]): Promise<number> {
  const times = await Promise.all(
    workers.map(
      (worker) =>
        new Promise<number>((resolve) => {
          worker.child.once('close', () => resolve(cpuOf(worker.stderr)))
          const node = existsSync(gnuTime)
            ? nodeChildOf(worker.child.pid)
            : worker.child.pid
          if (node !== undefined) process.kill(node, 'SIGTERM')
        })
    )
  )
  return times.reduce((sum, value) => sum + value, 0)
}

/** The process id of the one child of `pid` (GNU time's `node`). */
function nodeChildOf(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined
  const listed = spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], {
    encoding: 'utf8'
  })
  const child = Number.parseInt(listed.stdout.trim(), 10)
  return Number.isNaN(child) ? pid : child
}

/** Redis's own CPU milliseconds so far, from INFO. */
async function redisCpu(client: Redis): Promise<number> {
  const info = await client.info('cpu')
  const read = (name: string) =>
    Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0)
  return (read('used_cpu_user') + read('used_cpu_sys')) * 1000
}

/** Every file of `folder`, by relative path. */
async function readTree(folder: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>()
  for (const name of (await readdir(folder, {recursive: true})).sort()) {
    const bytes = await readFile(path.join(folder, name)).catch(() => undefined)
    if (bytes) files.set(name, bytes)
  }
  return files
}

type Key = 'l1' | 'l2' | 'q1' | 'q2'

/** The median wall time and the median CPU time, each on its own. */
function medianOf(runs: readonly Timing[]): Timing {
  const median = (values: number[]) =>
    values.sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0
  return {
    ms: median(runs.map((run) => run.ms)),
    cpu: median(runs.map((run) => run.cpu))
  }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`
const format = (timing: Timing | undefined) =>
  timing ? `${seconds(timing.ms)} (CPU ${seconds(timing.cpu)})` : '-'

async function main(): Promise<void> {
  const bundled = spawnSync(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'scripts', 'bundle.ts')],
    {cwd: repoRoot, stdio: 'inherit'}
  )
  if (bundled.status !== 0) throw new Error('`npm run bundle` failed')
  const parent = path.join(repoRoot, '.tmp-bench')
  await mkdir(parent, {recursive: true})
  const project = await mkdtemp(path.join(parent, 'copydesk-bench-queue-'))
  const redis = await startRedis()
  try {
    const sources = await loadSources()
    for (let index = 0; index < count; index++) {
      const article = makeArticle(
        sources[index % sources.length] as Source,
        index
      )
      const file = path.join(project, 'input', article.path)
      await mkdir(path.dirname(file), {recursive: true})
      await writeFile(file, article.text)
      if (article.meta) {
        await writeFile(
          file.replace(/\.txt$/, '.meta.json'),
          `${JSON.stringify(article.meta, null, 2)}\n`
        )
      }
    }
    process.stdout.write(
      `bench:queue: ${count} articles, ${availableParallelism()} cores, redis-server on ${redis.url}\n`
    )
    const build = async (output: string, extra: string[]) => {
      await rm(path.join(project, output), {recursive: true, force: true})
      return time(project, [
        'build',
        'input',
        '-o',
        output,
        '--force',
        ...extra
      ])
    }
    const client = new Redis(redis.url)
    /** A queued build on `n` fresh workers; CPU time of all it took. */
    const queued = async (output: string, n: number, extra: string[] = []) => {
      const workers = await startWorkers(project, redis.url, n)
      const redisBefore = await redisCpu(client)
      let timing: Timing
      try {
        timing = await build(output, ['--queue', redis.url, ...extra])
      } finally {
        timing ??= {ms: 0, cpu: 0}
        timing.cpu +=
          (await stopWorkers(workers)) + (await redisCpu(client)) - redisBefore
      }
      await check(output)
      return timing
    }
    const samples: Record<Key, Timing[]> = {l1: [], l2: [], q1: [], q2: []}
    let reference: Map<string, Buffer> | undefined
    const check = async (output: string) => {
      const built = await readTree(path.join(project, output))
      reference ??= await readTree(path.join(project, 'l1'))
      if (built.size !== reference.size) {
        throw new Error(
          `${output}: ${built.size} files, expected ${reference.size}`
        )
      }
      for (const [name, bytes] of built) {
        if (!bytes.equals(reference.get(name) ?? Buffer.alloc(0))) {
          throw new Error(`${output}/${name} differs from the local build's`)
        }
      }
    }
    // Untimed: warms the file cache.
    await build('l1', ['-j', '1'])
    // What a worker costs that builds nothing: its start and stop.
    const idle: number[] = []
    for (let round = 0; round < 3; round++) {
      idle.push(await stopWorkers(await startWorkers(project, redis.url, 1)))
    }
    const workerStart = medianOf(idle.map((cpu) => ({ms: 0, cpu}))).cpu
    for (let round = 0; round < repeat; round++) {
      samples.l1.push(await build('l1', ['-j', '1']))
      samples.l2.push(await build('l2', ['-j', '2']))
      samples.q1.push(await queued('q1', 1))
      samples.q2.push(await queued('q2', 2))
      process.stdout.write(
        `round ${round + 1}: ${Object.entries(samples)
          .map(([key, runs]) => `${key} ${format(runs.at(-1))}`)
          .join(', ')}\n`
      )
    }
    const sweep: Array<[number, Timing]> = []
    for (const size of batches) {
      sweep.push([
        size,
        await queued(`b${size}`, 2, ['--queue-batch', String(size)])
      ])
    }
    client.disconnect()
    const m = {
      l1: medianOf(samples.l1),
      l2: medianOf(samples.l2),
      q1: medianOf(samples.q1),
      q2: medianOf(samples.q2)
    }
    const rate = (ms: number) => `${Math.round(count / (ms / 1000))}/s`
    const row = (label: string, timing: Timing) =>
      `  ${label.padEnd(24)} ${seconds(timing.ms).padStart(8)} ${rate(timing.ms).padStart(7)} ${seconds(timing.cpu).padStart(9)}`
    process.stdout.write(
      [
        '',
        `medians of ${repeat}, each a fresh \`copydesk build --force\` (wall: spawn to exit; CPU: build, workers and Redis):`,
        `  ${''.padEnd(24)} ${'wall'.padStart(8)} ${'rate'.padStart(7)} ${'CPU'.padStart(9)}`,
        row('(l1) local, -j 1', m.l1),
        row('(l2) local, -j 2', m.l2),
        row('(q1) queue, 1 worker', m.q1),
        row('(q2) queue, 2 workers', m.q2),
        `  a worker's start and stop, building nothing: CPU ${seconds(workerStart)}`,
        `  queue overhead per article, CPU of (q1) - (l1) - a worker's start, over ${count}: ${((m.q1.cpu - m.l1.cpu - workerStart) / count).toFixed(2)} ms`,
        'articles per job (--queue-batch), 2 workers, once each:',
        ...sweep.map(([size, timing]) => row(String(size), timing)),
        'outputs of every queued build: byte-identical to (l1)',
        ''
      ].join('\n')
    )
  } finally {
    await redis.stop()
    await rm(project, {recursive: true, force: true})
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench:queue: ${error instanceof Error ? error.message : String(error)}\n`
  )
  process.exitCode = 1
})
