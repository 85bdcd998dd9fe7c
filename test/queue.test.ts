// Distributed builds and continuous syndication over a real Redis (Debian's
// `redis-server`, started on a free port) with `copydesk worker`s and
// `copydesk build --queue` run as users run them: subprocesses of
// `bin/copydesk.js`. The coordinator and the workers run the same code (the
// bundle, or the sources when it is stale), as the fingerprint check
// demands. Worker locks are short (`--lock-duration 1000`) so that a
// killed worker's job comes back in about a second.
import {type ChildProcess, spawn} from 'node:child_process'
import {createHash} from 'node:crypto'
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  writeFile
} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {Queue, QueueEvents} from 'bullmq'
import {Redis} from 'ioredis'
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest'
import type {ArticleJobResult} from '../pipeline/build/queue/jobs.js'
import {freePort, type RedisServer, startRedis} from './helpers/redis.js'
import {runCliIn} from './helpers/run-cli.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = path.join(root, 'bin', 'copydesk.js')
const articleCount = 120
const lock = ['--lock-duration', '1000']

let project: string
let redis: RedisServer
/** The outputs of a local build (worker threads), by path. */
let reference: Map<string, Buffer>
/** Its report, with the folder and the time made neutral. */
let referenceReport: string

/** How one subprocess ended. */
interface Run {
  code: number | null
  signal: NodeJS.Signals | null
  stderr: string
  milliseconds: number
}

/** A running subprocess, with its stderr so far. */
interface Running {
  child: ChildProcess
  stderr(): string
  /** Resolves when its stderr matches `pattern`. */
  waitFor(pattern: RegExp, timeout?: number): Promise<void>
  done: Promise<Run>
}

/** Start `copydesk <argv>` in the project. */
function start(argv: readonly string[]): Running {
  const started = performance.now()
  const child = spawn(process.execPath, [bin, ...argv], {
    cwd: project,
    stdio: ['ignore', 'ignore', 'pipe']
  })
  let stderr = ''
  const waiters: Array<{pattern: RegExp; resolve: () => void}> = []
  child.stderr?.setEncoding('utf8')
  child.stderr?.on('data', (chunk: string) => {
    stderr += chunk
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(stderr)) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve()
      }
    }
  })
  const done = new Promise<Run>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) =>
      resolve({code, signal, stderr, milliseconds: performance.now() - started})
    )
  })
  return {
    child,
    stderr: () => stderr,
    done,
    waitFor(pattern, timeout = 30_000) {
      if (pattern.test(stderr)) return Promise.resolve()
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no ${pattern} in: ${stderr}`)),
          timeout
        )
        void done.then(() => {
          clearTimeout(timer)
          reject(new Error(`ended without ${pattern}: ${stderr}`))
        })
        waiters.push({
          pattern,
          resolve: () => {
            clearTimeout(timer)
            resolve()
          }
        })
      })
    }
  }
}

/** Run `copydesk <argv>` to its end. */
function run(argv: readonly string[]): Promise<Run> {
  return start(argv).done
}

const workers = new Set<Running>()

/** Start a `copydesk worker` on the test's Redis, ready to take jobs. */
async function startWorker(extra: readonly string[] = []): Promise<Running> {
  const worker = start(['worker', '--queue', redis.url, ...lock, ...extra])
  workers.add(worker)
  void worker.done.then(() => workers.delete(worker))
  await worker.waitFor(/taking jobs/)
  return worker
}

/** Stop every worker still running, by its process id. */
async function stopWorkers(): Promise<void> {
  await Promise.all(
    [...workers].map((worker) => {
      if (worker.child.pid !== undefined && worker.child.exitCode === null) {
        process.kill(worker.child.pid, 'SIGKILL')
      }
      return worker.done
    })
  )
}

/** Every file below `folder`, by `/`-separated path. */
async function readOutputs(folder: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>()
  for (const name of (
    await readdir(folder, {recursive: true, withFileTypes: true})
  )
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path
        .relative(folder, path.join(entry.parentPath, entry.name))
        .split(path.sep)
        .join('/')
    )
    .sort()) {
    files.set(name, await readFile(path.join(folder, name)))
  }
  return files
}

/** The outputs of `folder` are the reference's, byte for byte, and no more. */
async function expectReference(folder: string): Promise<void> {
  const outputs = await readOutputs(path.join(project, folder))
  expect([...outputs.keys()]).toEqual([...reference.keys()])
  for (const [name, bytes] of outputs) {
    expect(bytes.equals(reference.get(name) ?? Buffer.alloc(0)), name).toBe(
      true
    )
  }
}

/** A report with the output folder's name and the time made neutral. */
function neutral(report: string, folder: string): string {
  return report
    .replaceAll(`${folder}/`, 'OUT/')
    .replace(new RegExp(`^${folder}$`, 'm'), 'OUT')
    .replace(/ in \d+\.\d s$/m, ' in 0.0 s')
}

beforeAll(async () => {
  redis = await startRedis()
  project = await mkdtemp(path.join(tmpdir(), 'copydesk-queue-'))
  // Partner profiles: six outputs per article, one of them ISO-8859-1
  // bytes, which must cross the queue as bytes.
  await writeFile(
    path.join(project, 'copydesk.config.json'),
    await readFile(
      path.join(root, 'test/fixtures/partner-profiles/copydesk.config.json')
    )
  )
  const fixtures = path.join(root, 'test', 'fixtures')
  const sources: Buffer[] = []
  for (const folder of [
    ...(await readdir(fixtures))
      .sort()
      .map((name) => path.join(fixtures, name, 'input')),
    path.join(root, 'input')
  ]) {
    for (const name of (await readdir(folder).catch(() => [])).sort()) {
      if (name.endsWith('.txt')) {
        sources.push(await readFile(path.join(folder, name)))
      }
    }
  }
  // Distinct articles: the number goes into the headline.
  for (let index = 0; index < articleCount; index++) {
    const text = (sources[index % sources.length] ?? Buffer.alloc(0))
      .toString('utf8')
      .replace(/^[^\r\n]{30,}/m, (headline) => `${headline} ${index + 1}`)
    const file = path.join(
      project,
      'input',
      `desk-${index % 4}`,
      `story-${String(index + 1).padStart(3, '0')}.txt`
    )
    await mkdir(path.dirname(file), {recursive: true})
    await writeFile(file, text)
  }
  const local = await run(['build', 'input', '-o', 'reference', '-j', '2'])
  expect(local.code, local.stderr).toBe(0)
  referenceReport = neutral(local.stderr, 'reference')
  reference = await readOutputs(path.join(project, 'reference'))
  expect(reference.size).toBe(articleCount * 6)
}, 60_000)

afterEach(stopWorkers)

afterAll(async () => {
  await stopWorkers()
  await redis?.stop()
  if (project) await rm(project, {recursive: true, force: true})
})

describe('copydesk build --queue', () => {
  it('builds the same bytes and report as a local build, on 1 and on 2 workers', async () => {
    await startWorker()
    const one = await run([
      'build',
      'input',
      '-o',
      'q-one',
      '--queue',
      redis.url
    ])
    expect(one.code, one.stderr).toBe(0)
    expect(neutral(one.stderr, 'q-one')).toBe(referenceReport)
    await expectReference('q-one')

    await startWorker()
    const two = await run([
      'build',
      'input',
      '-o',
      'q-two',
      '--queue',
      redis.url
    ])
    expect(two.code, two.stderr).toBe(0)
    expect(neutral(two.stderr, 'q-two')).toBe(referenceReport)
    await expectReference('q-two')
    // Both workers took jobs.
    for (const worker of workers) {
      expect(worker.stderr()).not.toMatch(/failed|Error/)
    }
  }, 90_000)

  it('completes, losing nothing, when a worker is killed mid-job', async () => {
    const victim = await startWorker(['--verbose'])
    const survivor = await startWorker(['--verbose'])
    const build = start([
      'build',
      'input',
      '-o',
      'q-killed',
      '--queue',
      redis.url,
      // Two jobs of 60 articles: one each, and the victim's far from done
      // when it is killed at its third article.
      '--queue-batch',
      '60'
    ])
    await victim.waitFor(/(?:copydesk worker: building [^\n]*\n){3}/)
    victim.child.kill('SIGKILL')
    const done = await build.done
    expect(done.code, done.stderr).toBe(0)
    expect(neutral(done.stderr, 'q-killed')).toBe(referenceReport)
    await expectReference('q-killed')
    // The kill came before the build's end: the survivor built the job again.
    const [, jobId] = /\(job ([^)]+)\)\n$/.exec(victim.stderr()) ?? []
    expect(jobId).toBeDefined()
    expect(survivor.stderr()).toContain(`(job ${jobId})`)
  }, 90_000)

  it('stops a worker on SIGTERM after its current job, which it finishes', async () => {
    const stopping = await startWorker(['--verbose'])
    const build = start([
      'build',
      'input',
      '-o',
      'q-stopped',
      '--queue',
      redis.url
    ])
    await stopping.waitFor(/copydesk worker: building /)
    stopping.child.kill('SIGTERM')
    const stopped = await stopping.done
    expect(stopped.code).toBe(0)
    expect(stopped.stderr).toContain(
      'copydesk worker: stopping after the current jobs\n'
    )
    // It finished its job: the next worker builds the others, not that one.
    const [, jobId] = /\(job ([^)]+)\)\n/.exec(stopped.stderr) ?? []
    const next = await startWorker(['--verbose'])
    const done = await build.done
    expect(done.code, done.stderr).toBe(0)
    expect(neutral(done.stderr, 'q-stopped')).toBe(referenceReport)
    await expectReference('q-stopped')
    expect(jobId).toBeDefined()
    expect(next.stderr()).not.toContain(`(job ${jobId})`)
  }, 90_000)

  it('fails an article that kills every worker, alone, with a clear message', async () => {
    // Ten articles, one of which "kills" each worker that starts it (the
    // test does, as an out-of-memory killer would): a supervisor restarts
    // the worker each time. The poison is a real slow input (450 KB
    // without a sentence capital: over a second of parsing), so that the
    // kill lands while the worker builds it.
    const folder = path.join(project, 'poison')
    await mkdir(folder, {recursive: true})
    for (let index = 0; index < 10; index++) {
      const poison = index === 4
      await writeFile(
        path.join(folder, poison ? 'poison.txt' : `fine-${index}.txt`),
        `Council approves footbridge number ${index} over the river\n\nBy Priya Castellanos\n\n${poison ? 'the council voted on the bridge by the station '.repeat(9500) : `The council voted on Tuesday to build footbridge ${index}.`}\n`
      )
    }
    let kills = 0
    let stopped = false
    const supervise = async () => {
      while (!stopped) {
        const worker = await startWorker(['--verbose']).catch((error) => {
          // Stopped while starting, at the end: else a real failure.
          if (!stopped) throw error
        })
        if (!worker) return
        const poisoned = worker
          .waitFor(/building poison\/poison\.txt/, 120_000)
          .then(() => {
            kills++
            worker.child.kill('SIGKILL')
          })
          .catch(() => {})
        await worker.done
        await poisoned
      }
    }
    const supervisor = supervise()
    const done = await run([
      'build',
      'poison',
      '-o',
      'poisoned',
      '--queue',
      redis.url
    ])
    stopped = true
    await stopWorkers()
    await supervisor
    expect(done.code).toBe(1)
    expect(done.stderr).toContain(
      "poison/poison.txt\n error Unexpected stop of every worker that took this article (twice: killed, out of memory, or a crash), expected a worker to finish it; see the workers' logs queue-failed copydesk"
    )
    expect(done.stderr).toMatch(
      /^copydesk: 10 articles \(9 built, 0 unchanged, 1 failed\), \d+ files written in \d+\.\d s$/m
    )
    // The batch twice, then the article alone twice.
    expect(kills).toBe(4)
    const outputs = await readOutputs(path.join(project, 'poisoned'))
    expect([...outputs.keys()].some((name) => name.startsWith('poison.'))).toBe(
      false
    )
    expect(
      [...outputs.keys()].filter((name) => name.endsWith('.jsonld'))
    ).toHaveLength(9)
  }, 120_000)

  it('completes when Redis restarts mid-build and loses every job', async () => {
    const worker = await startWorker(['--verbose'])
    const build = start([
      'build',
      'input',
      '-o',
      'q-restarted',
      '--queue',
      redis.url
    ])
    await worker.waitFor(/(?:copydesk worker: building [^\n]*\n){10}/)
    await redis.stop()
    await new Promise((resolve) => setTimeout(resolve, 1000))
    await redis.start()
    const done = await build.done
    expect(done.code, done.stderr).toBe(0)
    expect(neutral(done.stderr, 'q-restarted')).toBe(referenceReport)
    await expectReference('q-restarted')
    expect(worker.stderr()).toContain('copydesk worker: Redis: ')
  }, 90_000)

  it('resumes from the build cache when the coordinator is killed and run again', async () => {
    await startWorker()
    const build = start([
      'build',
      'input',
      '-o',
      'resumed',
      '--queue',
      redis.url
    ])
    // Killed once some articles are written.
    for (;;) {
      const written = await readdir(path.join(project, 'resumed'), {
        recursive: true
      }).catch(() => [] as string[])
      if (written.filter((name) => name.endsWith('.jsonld')).length >= 30) {
        break
      }
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    build.child.kill('SIGKILL')
    const killed = await build.done
    expect(killed.signal).toBe('SIGKILL')
    const again = await run([
      'build',
      'input',
      '-o',
      'resumed',
      '--queue',
      redis.url
    ])
    expect(again.code, again.stderr).toBe(0)
    // What the killed build wrote is served from the cache (the article
    // being written at the kill, maybe not).
    const [, built, unchanged] =
      /\((\d+) built, (\d+) unchanged, 0 failed\)/.exec(again.stderr) ?? []
    expect(Number(unchanged)).toBeGreaterThanOrEqual(29)
    expect(Number(built)).toBeLessThan(articleCount)
    expect(Number(built) + Number(unchanged)).toBe(articleCount)
    await expectReference('resumed')
  }, 90_000)

  it('fails the articles a worker of other code refuses, saying why', async () => {
    // The build runs the bundle (COPYDESK_BUNDLE=1), the worker the
    // TypeScript sources through tsx: two fingerprints of copydesk's code.
    const worker = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--input-type=module',
        '-e',
        `const {runCli} = await import(${JSON.stringify(path.join(root, 'pipeline/cli/cli.ts'))})
const stop = new AbortController()
process.once('SIGTERM', () => stop.abort())
process.exitCode = await runCli(['worker', '--queue', ${JSON.stringify(redis.url)}], {cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr, signal: () => stop.signal})`
      ],
      {cwd: root, stdio: ['ignore', 'ignore', 'pipe']}
    )
    let said = ''
    worker.stderr.setEncoding('utf8')
    const ready = new Promise<void>((resolve) => {
      worker.stderr.on('data', (chunk: string) => {
        said += chunk
        if (said.includes('taking jobs')) resolve()
      })
    })
    const exited = new Promise((resolve) => worker.once('close', resolve))
    try {
      await ready
      const done = await new Promise<Run>((resolve, reject) => {
        const build = spawn(
          process.execPath,
          [
            bin,
            'build',
            'input/desk-0/story-001.txt',
            '-o',
            'q-refused',
            '--queue',
            redis.url
          ],
          {
            cwd: project,
            env: {...process.env, COPYDESK_BUNDLE: '1'},
            stdio: ['ignore', 'ignore', 'pipe']
          }
        )
        let stderr = ''
        build.stderr.setEncoding('utf8')
        build.stderr.on('data', (chunk: string) => {
          stderr += chunk
        })
        build.on('error', reject)
        build.on('close', (code, signal) =>
          resolve({code, signal, stderr, milliseconds: 0})
        )
      })
      expect(done.code).toBe(1)
      expect(done.stderr).toMatch(
        /^input\/desk-0\/story-001\.txt\n error Unexpected job of copydesk \d+\.\d+\.\d+\+([0-9a-f]{16}) \(format 1\) on a worker running copydesk \d+\.\d+\.\d+\+(?!\1)[0-9a-f]{16} \(format 1\), expected the same copydesk on the build and every worker: the same bytes need the same code queue-failed copydesk$/m
      )
    } finally {
      if (worker.pid !== undefined) process.kill(worker.pid, 'SIGKILL')
      await exited
    }
  }, 60_000)

  it('fails the articles in flight, clearly, when no worker takes them', async () => {
    const {code, stderr} = await runCliIn(project, [
      'build',
      'input/desk-0/story-001.txt',
      '-o',
      'unserved',
      '--queue',
      redis.url,
      '--queue-timeout',
      '2'
    ])
    expect(code).toBe(1)
    expect(stderr).toContain(
      `input/desk-0/story-001.txt\n error Unexpected wait: no worker finished a job of this build in 2 s (its jobs are waiting), expected \`copydesk worker --queue ${redis.url}\` running (\`--queue-timeout\` sets the wait) queue-timeout copydesk`
    )
    // Nothing left for a worker that starts later.
    const connection = new Redis(redis.url)
    const queue = new Queue('copydesk-build', {connection})
    expect(await queue.getWaitingCount()).toBe(0)
    await queue.close()
    connection.disconnect()
  }, 30_000)

  it('says in one line that Redis is unreachable', async () => {
    const port = await freePort()
    const result = await runCliIn(project, [
      'build',
      'input/desk-0/story-001.txt',
      '-o',
      'unreachable',
      '--queue',
      `redis://127.0.0.1:${port}`
    ])
    expect(result).toEqual({
      code: 1,
      stdout: '',
      stderr: `copydesk: Unexpected unreachable queue \`redis://127.0.0.1:${port}\` (ECONNREFUSED), expected a running Redis server (5.0 or later) at that URL\n`
    })
  })
})

describe('copydesk worker, continuous', () => {
  it('writes an article job into its output folder; the same job again changes nothing', async () => {
    await startWorker(['-o', 'continuous', '--config', 'copydesk.config.json'])
    // Every client of the test, disconnected at the end.
    const clients = [0, 1, 2].map(
      () => new Redis(redis.url, {maxRetriesPerRequest: null})
    )
    const [connection, eventsConnection, buildEventsConnection] = clients as [
      Redis,
      Redis,
      Redis
    ]
    const queue = new Queue('copydesk-articles', {connection})
    const events = new QueueEvents('copydesk-articles', {
      connection: eventsConnection
    })
    await events.waitUntilReady()
    try {
      const text = await readFile(
        path.join(project, 'input/desk-0/story-001.txt'),
        'utf8'
      )
      const job = {path: 'desk-0/story-001.txt', text}
      const jobId = createHash('sha256')
        .update(JSON.stringify(job))
        .digest('hex')
      const first = (await (
        await queue.add('article', job, {jobId})
      ).waitUntilFinished(events, 30_000)) as ArticleJobResult
      expect(first.fatal).toBe(false)
      const names = [...reference.keys()].filter((name) =>
        name.startsWith('desk-0/story-001.')
      )
      expect([...first.outputs].sort()).toEqual(names)
      expect([...(first.written ?? [])].sort()).toEqual(names)
      // The same bytes as the build writes.
      for (const name of names) {
        expect(
          (await readFile(path.join(project, 'continuous', name))).equals(
            reference.get(name) as Buffer
          ),
          name
        ).toBe(true)
      }
      const before = await stat(
        path.join(project, 'continuous', names[0] ?? '')
      )
      // Delivered again (the first job gone, as after a redelivery):
      // nothing is written, the result is the same.
      await queue.remove(jobId)
      const second = (await (
        await queue.add('article', job, {jobId})
      ).waitUntilFinished(events, 30_000)) as ArticleJobResult
      expect(second).toEqual({...first, written: []})
      const after = await stat(path.join(project, 'continuous', names[0] ?? ''))
      expect(after.mtimeMs).toBe(before.mtimeMs)

      // A job not as the schema says fails with what is wrong.
      const invalid = await queue.add('article', {path: '../escape.txt', text})
      await expect(invalid.waitUntilFinished(events, 30_000)).rejects.toThrow(
        'Unexpected value at `/path`, expected text matching'
      )
      // A batch of other copydesk code is refused, never built differently.
      const buildEvents = new QueueEvents('copydesk-build', {
        connection: buildEventsConnection
      })
      await buildEvents.waitUntilReady()
      const buildQueue = new Queue('copydesk-build', {connection})
      const foreign = await buildQueue.add('batch', {
        format: 1,
        code: '0.0.1+0000',
        config: {},
        report: false,
        tasks: []
      })
      const refused = foreign.waitUntilFinished(buildEvents, 30_000)
      refused.finally(() => buildEvents.close()).catch(() => {})
      await expect(refused).rejects.toThrow(
        /^Unexpected job of copydesk 0\.0\.1\+0000 \(format 1\) on a worker running copydesk \d+\.\d+\.\d+\+[0-9a-f]{16} \(format 1\), expected the same copydesk on the build and every worker/
      )
    } finally {
      await events.close()
      await queue.close()
      for (const client of clients) client.disconnect()
    }
  }, 60_000)
})
