// The build's pool when it builds over a queue (`copydesk build --queue`):
// the same `Pool` as the worker threads', but each article goes, in a batch
// with others, to `copydesk worker`s through BullMQ on Redis. Workers only
// render (no disk); what they give back is written here, atomically, and
// recorded in the build cache, as a local build writes it: the same bytes
// whatever the number of workers, and no shared file system.
//
// Delivery is at least once. A batch is keyed by what it builds (the
// cache keys of its articles), so adding it again is harmless. Results
// arrive as BullMQ's `completed` events; a poll of the jobs in flight
// catches what the events miss, re-adds a job Redis lost (a restart
// without persistence), and fails the rest after `timeout` seconds
// without a finished job, so that a build never hangs and is never short.
// A batch that stalled twice (its workers died) is split into single
// articles, so that one article that kills workers fails alone. ruleIds:
// `queue-failed`, `queue-timeout` (fatal).
import {createHash} from 'node:crypto'
import {Job, Queue, QueueEvents} from 'bullmq'
import {VFile} from 'vfile'
import {fail} from '../../messages.js'
import type {
  ArticleResult,
  ArticleTask,
  BuildSettings
} from '../article-task.js'
import {writeArticle} from '../build-article.js'
import type {Pool} from '../pool.js'
import {toPlainFile} from '../vfile-transfer.js'
import {
  blockingClient,
  commandClient,
  describeRedisError,
  displayUrl,
  probeQueue
} from './connection.js'
import {
  type BatchJob,
  type BatchResult,
  buildQueueName,
  codeVersion,
  fromQueuedRendered,
  jobFormat,
  toQueuedTask
} from './jobs.js'

/** How to use the queue. */
export interface QueuePoolOptions {
  /** `redis://host:port[/db]`. */
  url: string
  /** Seconds without a finished job before the articles in flight fail. */
  timeout?: number | undefined
  /** Most articles per job. */
  batchSize?: number | undefined
}

/** Articles per job unless told: see `docs/distributed.md` for the sweep. */
export const defaultBatchSize = 32
/** Most bytes of articles per job: one hostile article is a job of its own. */
const batchBytes = 1024 * 1024
/** Default of `--queue-timeout`, in seconds. */
export const defaultQueueTimeout = 300
/** How often the jobs in flight are checked, in milliseconds. */
const pollInterval = 1000

/** The reason BullMQ gives a job whose workers stopped twice. */
const stalledReason = /stalled more than allowable limit/

interface Pending {
  task: ArticleTask
  resolve: (result: ArticleResult) => void
}

/** A job in flight. */
interface Batch {
  id: string
  items: Pending[]
  data: BatchJob
  /** In Redis, as far as this process knows. */
  added: boolean
  settled: boolean
}

/** Connect to the queue (or throw a `QueueError` that says why not). */
export async function createQueuePool(
  options: QueuePoolOptions,
  settings: BuildSettings
): Promise<Pool> {
  const {url} = options
  const timeout = (options.timeout ?? defaultQueueTimeout) * 1000
  const batchSize = Math.max(1, options.batchSize ?? defaultBatchSize)
  const code = await codeVersion()
  await probeQueue(url)
  let lastError: string | undefined
  const noteError = (error: unknown) => {
    lastError = describeRedisError(error)
  }
  const client = commandClient(url)
  client.on('error', noteError)
  const queue = new Queue(buildQueueName, {
    connection: client,
    // Completed events carry whole results: keep few of them in Redis.
    streams: {events: {maxLen: 1000}}
  })
  queue.on('error', noteError)
  const events = new QueueEvents(buildQueueName, {
    connection: blockingClient(url)
  })
  events.on('error', noteError)
  const inFlight = new Map<string, Batch>()
  let pending: Pending[] = []
  let pendingBytes = 0
  let flushScheduled = false
  let lastProgress = Date.now()
  let closed = false
  const {config, report} = settings
  const settingsHash = hash(JSON.stringify([code, config, report]))

  const add = async (batch: Batch) => {
    try {
      await queue.add('batch', batch.data, {
        jobId: batch.id,
        // Taken jobs are removed at once; those of a coordinator that
        // died go after a while.
        removeOnComplete: {age: 3600},
        removeOnFail: {age: 24 * 3600}
      })
      batch.added = true
    } catch (error) {
      // Redis is away: the poll adds it when it is back.
      noteError(error)
    }
  }

  const submit = (items: Pending[]) => {
    const data: BatchJob = {
      format: jobFormat,
      code,
      config,
      report,
      tasks: items.map(({task}) => toQueuedTask(task))
    }
    const id = `${items.length === 1 ? 'a' : 'b'}-${hash(
      [
        settingsHash,
        ...items.map(
          ({task}) => `${task.stem}\0${task.cache?.key ?? hash(data.tasks)}`
        )
      ].join('\0')
    )}`
    const existing = inFlight.get(id)
    if (existing) {
      // The same articles again (a coordinator's retry): one job serves both.
      existing.items.push(...items)
      return
    }
    const batch: Batch = {id, items, data, added: false, settled: false}
    inFlight.set(id, batch)
    void add(batch)
  }

  const flush = () => {
    flushScheduled = false
    const items = pending
    pending = []
    pendingBytes = 0
    if (items.length > 0) submit(items)
  }

  /** Take a job's result: write each article's outputs here. */
  const complete = (batch: Batch, value: unknown) => {
    if (batch.settled) return
    const result = parseResult(value)
    if (
      !result ||
      result.code !== code ||
      result.articles.length !== batch.data.tasks.length
    ) {
      failBatch(
        batch,
        `Unexpected result from a worker (not one of copydesk ${code}), expected a worker running the same copydesk as this build`
      )
      return
    }
    settle(batch)
    // Several items share a task when a job was submitted twice.
    for (const item of batch.items) {
      const index = batch.data.tasks.findIndex(
        (task) => task.stem === item.task.stem
      )
      const rendered = result.articles[index]
      item.resolve(
        rendered
          ? writeArticle(item.task, fromQueuedRendered(rendered), settings)
          : // Never left waiting: a build that hangs is worse than a failure.
            failure(
              item.task,
              `Unexpected result without article \`${item.task.stem}\`, expected a worker running the same copydesk as this build`,
              'queue-failed'
            )
      )
    }
  }

  /** A job failed: split a stalled batch, else fail its articles. */
  const failed = (batch: Batch, reason: string) => {
    if (batch.settled) return
    if (stalledReason.test(reason)) {
      if (batch.items.length > 1) {
        settle(batch)
        // One article may be what kills workers: it fails alone.
        for (const item of batch.items) submit([item])
        return
      }
      failBatch(
        batch,
        `Unexpected stop of every worker that took this article (twice: killed, out of memory, or a crash), expected a worker to finish it; see the workers' logs`
      )
      return
    }
    failBatch(batch, reason)
  }

  const failBatch = (batch: Batch, reason: string, ruleId = 'queue-failed') => {
    if (batch.settled) return
    settle(batch)
    for (const {task, resolve} of batch.items) {
      resolve(failure(task, reason, ruleId))
    }
  }

  const settle = (batch: Batch) => {
    batch.settled = true
    inFlight.delete(batch.id)
    lastProgress = Date.now()
    queue.remove(batch.id).catch(noteError)
  }

  events.on('completed', ({jobId, returnvalue}) => {
    const batch = inFlight.get(jobId)
    if (batch) complete(batch, returnvalue)
  })
  events.on('failed', ({jobId, failedReason}) => {
    const batch = inFlight.get(jobId)
    if (batch) failed(batch, failedReason)
  })

  /** Check every job in flight: what the events missed, what Redis lost. */
  const poll = async () => {
    for (const batch of [...inFlight.values()]) {
      if (closed || batch.settled) continue
      try {
        if (!batch.added) {
          await add(batch)
          continue
        }
        const state = await queue.getJobState(batch.id)
        if (state === 'completed' || state === 'failed') {
          const job = await Job.fromId(queue, batch.id)
          if (!job) continue
          if (state === 'completed') complete(batch, job.returnvalue)
          else failed(batch, job.failedReason)
        } else if (state === 'unknown') {
          // Redis restarted without persistence: the job is gone.
          batch.added = false
          await add(batch)
        }
      } catch (error) {
        noteError(error)
      }
    }
    if (inFlight.size > 0 && Date.now() - lastProgress > timeout) {
      const why = lastError
        ? `the last Redis error: ${lastError}`
        : 'its jobs are waiting'
      for (const batch of [...inFlight.values()]) {
        failBatch(
          batch,
          `Unexpected wait: no worker finished a job of this build in ${timeout / 1000} s (${why}), expected \`copydesk worker --queue ${displayUrl(url)}\` running (\`--queue-timeout\` sets the wait)`,
          'queue-timeout'
        )
      }
    }
  }
  let polling: Promise<void> = Promise.resolve()
  const timer = setInterval(() => {
    polling = polling.then(poll)
  }, pollInterval)

  await events.waitUntilReady()
  return {
    run(task) {
      return new Promise((resolve) => {
        if (inFlight.size === 0) lastProgress = Date.now()
        pending.push({task, resolve})
        pendingBytes += task.bytes.length
        if (pending.length >= batchSize || pendingBytes >= batchBytes) flush()
        else if (!flushScheduled) {
          flushScheduled = true
          // Every `run` of a window comes in the same turn: batch them all.
          setImmediate(flush)
        }
      })
    },
    async close() {
      closed = true
      clearInterval(timer)
      await polling
      await events.close().catch(noteError)
      await queue.close().catch(noteError)
      client.disconnect()
    }
  }
}

/** A failed article; not recorded in the cache: the next build tries again. */
function failure(
  task: ArticleTask,
  reason: string,
  ruleId: string
): ArticleResult {
  const file = new VFile({path: task.display})
  fail(file, reason, ruleId)
  return {files: [toPlainFile(file)], written: [], fatal: true}
}

/** A job's return value as a batch result, or `undefined`. */
function parseResult(value: unknown): BatchResult | undefined {
  let parsed = value
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value)
    } catch {
      return undefined
    }
  }
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    !Array.isArray((parsed as BatchResult).articles)
  ) {
    return undefined
  }
  return parsed as BatchResult
}

function hash(value: unknown): string {
  return createHash('sha256')
    .update(typeof value === 'string' ? value : JSON.stringify(value))
    .digest('hex')
    .slice(0, 32)
}
