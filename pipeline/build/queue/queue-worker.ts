// `copydesk worker --queue <url>`: takes jobs from BullMQ on Redis until
// stopped, from two queues. `copydesk-build`: the batches of distributed
// builds, rendered (no disk) and answered with the outputs, which the
// build writes. `copydesk-articles`: single articles a CMS adds
// (`schemas/queue-job.schema.json`), written atomically into `--output`
// (only what changed: a job delivered again changes nothing), or, without
// it, answered with the outputs for a delivery step to read.
//
// Articles are CPU-bound and BullMQ renews a job's lock on a timer of the
// event loop: the worker yields between articles, an article is at most a
// few seconds (the size limit), and the lock lasts a minute by default, so a
// busy worker keeps its job. A worker that dies loses its lock: the job goes
// to another after `lockDuration` and a stall check; a job whose workers die
// twice fails (`maxStalledCount` 1), and the build fails its articles.
import {createHash} from 'node:crypto'
import {lstatSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import {type Job, UnrecoverableError, Worker} from 'bullmq'
import jobSchema from '../../../schemas/queue-job.schema.json' with {
  type: 'json'
}
import {describeSchemaError, validateConfigSchema} from '../../json-schemas.js'
import type {Config} from '../../types.js'
import {renderArticle} from '../build-article.js'
import {isInside, writeAtomic} from '../files.js'
import {sidecarSuffix} from '../inputs.js'
import {
  blockingClient,
  describeRedisError,
  displayUrl,
  probeQueue
} from './connection.js'
import {
  type ArticleJob,
  type ArticleJobResult,
  articleQueueName,
  type BatchJob,
  type BatchResult,
  buildQueueName,
  codeVersion,
  fromQueuedTask,
  jobFormat,
  toQueuedOutputs,
  toQueuedRendered
} from './jobs.js'

/** Default lock of a job, in milliseconds: renewed every half of it. */
export const defaultLockDuration = 60_000

export interface QueueWorkerOptions {
  url: string
  /** Jobs built at once per queue (1: articles are CPU-bound). */
  concurrency: number
  /** How long a job's lock lasts without renewal, in milliseconds. */
  lockDuration: number
  /** Absolute folder article jobs are written into; none: in the results. */
  output?: string | undefined
  /** Config of article jobs that carry none. */
  config: Config
  /** Log each article as it starts. */
  verbose: boolean
  log: (line: string) => void
  /** Stops taking jobs; the current ones finish first. */
  signal: AbortSignal
}

/** Take jobs until `signal` aborts; throws a `QueueError` when Redis is unreachable. */
export async function runQueueWorker(
  options: QueueWorkerOptions
): Promise<void> {
  const {url, log} = options
  const code = await codeVersion()
  await probeQueue(url)
  let lastLogged = ''
  const logError = (error: unknown) => {
    // Redis away: ioredis reports each reconnect; say it once.
    const line = `copydesk worker: Redis: ${describeRedisError(error)}`
    if (line !== lastLogged) log(line)
    lastLogged = line
  }
  const connection = blockingClient(url)
  connection.on('error', logError)
  connection.on('ready', () => {
    lastLogged = ''
  })
  const settings = {
    connection,
    concurrency: options.concurrency,
    lockDuration: options.lockDuration,
    // The stall check runs in two passes: redelivery after about
    // lockDuration + 1 to 2 times this.
    stalledInterval: Math.max(100, Math.round(options.lockDuration / 4)),
    maxStalledCount: 1
  }
  const workers = [
    new Worker<BatchJob, BatchResult>(
      buildQueueName,
      (job) => buildBatch(job, code, options),
      settings
    ),
    new Worker<ArticleJob, ArticleJobResult>(
      articleQueueName,
      (job) => buildArticleJob(job, code, options),
      settings
    )
  ]
  for (const worker of workers) {
    worker.on('error', logError)
    worker.on('failed', (job, error) => {
      log(
        `copydesk worker: job ${job?.id ?? '?'} of ${worker.name} failed: ${error.message}`
      )
    })
  }
  log(
    `copydesk worker: taking jobs of \`${buildQueueName}\` and \`${articleQueueName}\` at ${displayUrl(url)} (copydesk ${code})`
  )
  await new Promise<void>((resolve) => {
    if (options.signal.aborted) resolve()
    else options.signal.addEventListener('abort', () => resolve())
  })
  log('copydesk worker: stopping after the current jobs')
  await Promise.all(workers.map((worker) => worker.close()))
  connection.disconnect()
}

/** Render a batch of a distributed build, refusing other copydesk code. */
async function buildBatch(
  job: Job<BatchJob>,
  code: string,
  options: QueueWorkerOptions
): Promise<BatchResult> {
  const {data} = job
  if (data.format !== jobFormat || data.code !== code) {
    throw new UnrecoverableError(
      `Unexpected job of copydesk ${data.code ?? 'unknown'} (format ${data.format ?? 'unknown'}) on a worker running copydesk ${code} (format ${jobFormat}), expected the same copydesk on the build and every worker: the same bytes need the same code`
    )
  }
  const articles: BatchResult['articles'] = []
  for (const queued of data.tasks) {
    if (options.verbose) {
      options.log(`copydesk worker: building ${queued.display} (job ${job.id})`)
    }
    const rendered = await renderArticle(fromQueuedTask(queued), {
      cwd: process.cwd(),
      config: data.config,
      report: data.report
    })
    articles.push(toQueuedRendered(rendered))
    // Let the lock's renewal run between articles.
    await new Promise((resolve) => setImmediate(resolve))
  }
  return {format: jobFormat, code, articles}
}

/** Build one article a CMS sent; a job delivered again changes nothing. */
async function buildArticleJob(
  job: Job<ArticleJob>,
  code: string,
  options: QueueWorkerOptions
): Promise<ArticleJobResult> {
  const data = checkArticleJob(job.data)
  const config = data.config ? checkJobConfig(data.config) : options.config
  const stem = data.path.replace(/\.[^./]*$/, '')
  const bytes =
    data.text === undefined
      ? new Uint8Array(Buffer.from(data.base64 ?? '', 'base64'))
      : new TextEncoder().encode(data.text)
  const sidecarText =
    data.sidecar === undefined
      ? undefined
      : typeof data.sidecar === 'string'
        ? data.sidecar
        : JSON.stringify(data.sidecar, null, 2)
  if (options.verbose) {
    options.log(`copydesk worker: building ${data.path} (job ${job.id})`)
  }
  const rendered = await renderArticle(
    {
      relative: data.path,
      display: data.path,
      stem,
      bytes,
      sidecar:
        sidecarText === undefined
          ? undefined
          : {display: stem + sidecarSuffix, text: sidecarText}
    },
    {cwd: process.cwd(), config, report: false}
  )
  const result: ArticleJobResult = {
    format: jobFormat,
    hash: articleJobHash(code, data, config),
    path: data.path,
    fatal: rendered.fatal,
    files: rendered.files,
    outputs: rendered.outputs.map(([name]) => name)
  }
  if (rendered.feedEntry) result.feedEntry = rendered.feedEntry
  if (options.output === undefined) {
    result.contents = toQueuedOutputs(rendered.outputs)
  } else {
    result.written = writeChanged(options.output, rendered.outputs)
  }
  return result
}

/**
 * Write each output that is not already there as it is, atomically; the
 * names written. Every target is checked before anything is written.
 */
function writeChanged(
  outputRoot: string,
  outputs: ReadonlyArray<readonly [string, string | Uint8Array]>
): string[] {
  const targets = outputs.map(([name, value]) => {
    const target = path.join(outputRoot, name)
    if (!isInside(outputRoot, target)) {
      throw new UnrecoverableError(
        `Unexpected output \`${name}\` outside the output folder, expected a path inside it`
      )
    }
    return {name, target, bytes: Buffer.from(value)}
  })
  const written: string[] = []
  for (const {name, target, bytes} of targets) {
    const info = lstatSync(target, {throwIfNoEntry: false})
    if (info?.isFile() && readFileSync(target).equals(bytes)) continue
    writeAtomic(target, bytes)
    written.push(name)
  }
  return written
}

let validateJob: ((value: unknown) => boolean) | undefined
let jobErrors: () => Parameters<typeof describeSchemaError>[0][] = () => []

/** The job as `schemas/queue-job.schema.json` says, or an unrecoverable error. */
function checkArticleJob(value: unknown): ArticleJob {
  if (!validateJob) {
    // Compiled on the first article job only: build batches need no ajv.
    const ajv = new Ajv2020({allErrors: true, strict: false})
    const validate = ajv.compile(jobSchema)
    validateJob = (candidate) => validate(candidate)
    jobErrors = () => validate.errors ?? []
  }
  if (validateJob(value)) return value as ArticleJob
  const [first] = jobErrors()
  throw new UnrecoverableError(
    `${first ? describeSchemaError(first) : 'Unexpected job'} (an article job of \`${articleQueueName}\`, expected one valid against \`schemas/queue-job.schema.json\`)`
  )
}

/** A job's own config, valid against the config schema. */
function checkJobConfig(config: Record<string, unknown>): Config {
  if (validateConfigSchema(config)) return config
  const [first] = validateConfigSchema.errors ?? []
  throw new UnrecoverableError(
    `${first ? describeSchemaError(first) : 'Unexpected config'} (the job's \`config\`, expected one valid against \`schemas/config.schema.json\`)`
  )
}

/** What the job's outputs depend on, hashed: the same job gives the same hash. */
function articleJobHash(code: string, job: ArticleJob, config: Config) {
  return createHash('sha256')
    .update(JSON.stringify([code, job.path, job.text, job.base64, job.sidecar]))
    .update('\0')
    .update(JSON.stringify(config))
    .digest('hex')
}
