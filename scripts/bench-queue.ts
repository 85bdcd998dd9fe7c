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
// queued build's outputs are compared, byte for byte, with (l1)'s. The queue's
// overhead per article is (q1 − l1) / N: the same one builder, plus
// batching, Redis, JSON and base64 (the coordinator writes while the worker
// renders, on another core). Everything, Redis included, shares the
// machine's cores: more workers than cores measure contention, not scale.
import {type ChildProcess, spawn, spawnSync} from 'node:child_process'
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
import {startRedis} from '../test/helpers/redis.js'
import {loadSources, makeArticle, type Source} from './bench-corpus.js'

const repoRoot = fileURLToPath(new URL('..', import.meta.url))
const cliPath = path.join(repoRoot, 'bin', 'copydesk.js')
const environment = {...process.env, COPYDESK_BUNDLE: '1'}

const {values, positionals} = parseArgs({
  args: process.argv.slice(2),
  allowPositionals: true,
  options: {
    repeat: {type: 'string', default: '3'},
    batches: {type: 'string', default: '8,32,128'}
  }
})
const count = Number(positionals[0] ?? 2000)
const repeat = Number(values.repeat)
const batches = values.batches.split(',').map(Number)

/** Run `copydesk <argv>` in `cwd`; its time in milliseconds. */
function time(cwd: string, argv: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [cliPath, ...argv], {
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
      if (code === 0) resolve(performance.now() - started)
      else
        reject(new Error(`copydesk ${argv.join(' ')}: ${stderr.slice(-2000)}`))
    })
  })
}

/** Start `n` workers on `url`; resolves once each takes jobs. */
async function startWorkers(
  cwd: string,
  url: string,
  n: number
): Promise<ChildProcess[]> {
  return Promise.all(
    Array.from(
      {length: n},
      () =>
        new Promise<ChildProcess>((resolve, reject) => {
          const child = spawn(
            process.execPath,
            [cliPath, 'worker', '--queue', url],
            {cwd, env: environment, stdio: ['ignore', 'ignore', 'pipe']}
          )
          child.stderr.setEncoding('utf8')
          child.stderr.on('data', (chunk: string) => {
            if (chunk.includes('taking jobs')) resolve(child)
          })
          child.on('error', reject)
        })
    )
  )
}

/** Stop workers by their process ids, and wait for them. */
async function stopWorkers(workers: readonly ChildProcess[]): Promise<void> {
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise<void>((resolve) => {
          worker.once('exit', () => resolve())
          if (worker.pid !== undefined) process.kill(worker.pid, 'SIGTERM')
        })
    )
  )
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

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

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
    const samples: Record<string, number[]> = {l1: [], l2: [], q1: [], q2: []}
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
    for (let round = 0; round < repeat; round++) {
      samples.l1?.push(await build('l1', ['-j', '1']))
      samples.l2?.push(await build('l2', ['-j', '2']))
      for (const n of [1, 2]) {
        const workers = await startWorkers(project, redis.url, n)
        try {
          samples[`q${n}`]?.push(await build(`q${n}`, ['--queue', redis.url]))
        } finally {
          await stopWorkers(workers)
        }
        await check(`q${n}`)
      }
      process.stdout.write(
        `round ${round + 1}: ${Object.entries(samples)
          .map(([key, runs]) => `${key} ${seconds(runs.at(-1) ?? 0)}`)
          .join(', ')}\n`
      )
    }
    const sweep: Array<[number, number]> = []
    const workers = await startWorkers(project, redis.url, 2)
    try {
      for (const size of batches) {
        const ms = await build(`b${size}`, [
          '--queue',
          redis.url,
          '--queue-batch',
          String(size)
        ])
        await check(`b${size}`)
        sweep.push([size, ms])
      }
    } finally {
      await stopWorkers(workers)
    }
    const m = Object.fromEntries(
      Object.entries(samples).map(([key, runs]) => [key, median(runs)])
    ) as Record<'l1' | 'l2' | 'q1' | 'q2', number>
    const rate = (ms: number) => `${Math.round(count / (ms / 1000))} articles/s`
    process.stdout.write(
      [
        '',
        `medians of ${repeat} (each a fresh \`copydesk build --force\`, spawn to exit):`,
        `  (l1) local, -j 1            ${seconds(m.l1)}  ${rate(m.l1)}`,
        `  (l2) local, -j 2            ${seconds(m.l2)}  ${rate(m.l2)}`,
        `  (q1) queue, 1 worker        ${seconds(m.q1)}  ${rate(m.q1)}`,
        `  (q2) queue, 2 workers       ${seconds(m.q2)}  ${rate(m.q2)}`,
        `  queue overhead per article, (q1 - l1) / N: ${((m.q1 - m.l1) / count).toFixed(2)} ms`,
        'batch sizes (articles per job), 2 workers, once each:',
        ...sweep.map(
          ([size, ms]) =>
            `  ${String(size).padStart(4)}  ${seconds(ms)}  ${rate(ms)}`
        ),
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
