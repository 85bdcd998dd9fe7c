// What goes through the queue, as JSON: the batch jobs a distributed build
// sends (`copydesk-build`) and their results, the article jobs a CMS sends
// for continuous syndication (`copydesk-articles`, the format of
// `schemas/queue-job.schema.json`) and theirs, and the fingerprint of
// copydesk's code that a worker must share with a coordinator to build the
// same bytes. Bytes travel as base64: JSON has no bytes, and an ISO-8859-1
// NITF profile is not UTF-8.
import packageJson from '../../../package.json' with {type: 'json'}
import type {FeedEntry} from '../../emit/feed-entry.js'
import type {ArticleSummary} from '../../report/article-page.js'
import type {Config} from '../../types.js'
import type {ArticleTask} from '../article-task.js'
import type {RenderedArticle} from '../build-article.js'
import {codeFingerprint} from '../build-cache.js'
import type {PlainFile} from '../vfile-transfer.js'

/** The queue of a distributed build's batches. */
export const buildQueueName = 'copydesk-build'
/** The queue a CMS adds single articles to (continuous syndication). */
export const articleQueueName = 'copydesk-articles'
/** Version of the job and result formats below. */
export const jobFormat = 1

/** One article of a batch: an `ArticleTask` without its cache entry. */
export interface QueuedTask {
  relative: string
  display: string
  stem: string
  /** The article's bytes, base64. */
  bytes: string
  sidecar?: {display: string; text: string} | undefined
}

/** A batch job of a distributed build. */
export interface BatchJob {
  format: number
  /** The coordinator's copydesk version and code fingerprint. */
  code: string
  config: Config
  report: boolean
  tasks: QueuedTask[]
}

/** An output's bytes as JSON holds them. */
export type QueuedOutput = [string, {text: string} | {base64: string}]

/** A `RenderedArticle` as JSON. */
export interface QueuedRendered {
  files: PlainFile[]
  fatal: boolean
  outputs: QueuedOutput[]
  feedEntry?: FeedEntry | undefined
  summary?: ArticleSummary | undefined
}

/** What a worker answers to a batch job: one result per task, in order. */
export interface BatchResult {
  format: number
  code: string
  articles: QueuedRendered[]
}

/**
 * An article job of continuous syndication (`copydesk-articles`), as a CMS
 * adds it; see `schemas/queue-job.schema.json` and `docs/distributed.md`.
 */
export interface ArticleJob {
  /** Path of the article, relative, `/`-separated: its story id, URL and outputs' stem. */
  path: string
  /** The article as text, or `base64` as bytes: exactly one of them. */
  text?: string
  base64?: string
  /** The sidecar's JSON, as text or as a value. */
  sidecar?: string | Record<string, unknown>
  /** A project config; default: the worker's `--config`. */
  config?: Record<string, unknown>
}

/** What a worker answers to an article job. */
export interface ArticleJobResult {
  format: number
  /** The job's content hash: the same job always gives the same result. */
  hash: string
  path: string
  /** A fatal message: no outputs. */
  fatal: boolean
  /** Reports: the sidecar's (when it has messages), then the article's. */
  files: PlainFile[]
  /** Output names, relative to the output folder. */
  outputs: string[]
  /** With `--output`: the outputs that were written, not already there as they are. */
  written?: string[]
  /** Without `--output`: the outputs themselves. */
  contents?: QueuedOutput[]
  feedEntry?: FeedEntry | undefined
}

/** A task as a batch carries it. */
export function toQueuedTask(task: ArticleTask): QueuedTask {
  return {
    relative: task.relative,
    display: task.display,
    stem: task.stem,
    bytes: Buffer.from(task.bytes).toString('base64'),
    sidecar: task.sidecar
  }
}

/** The task a batch carried, without its cache entry. */
export function fromQueuedTask(task: QueuedTask): Omit<ArticleTask, 'cache'> {
  return {
    relative: task.relative,
    display: task.display,
    stem: task.stem,
    bytes: new Uint8Array(Buffer.from(task.bytes, 'base64')),
    sidecar: task.sidecar
  }
}

export function toQueuedOutputs(
  outputs: RenderedArticle['outputs']
): QueuedOutput[] {
  return outputs.map(([name, value]) => [
    name,
    typeof value === 'string'
      ? {text: value}
      : {base64: Buffer.from(value).toString('base64')}
  ])
}

export function fromQueuedOutputs(
  outputs: readonly QueuedOutput[]
): RenderedArticle['outputs'] {
  return outputs.map(([name, value]) => [
    name,
    'text' in value
      ? value.text
      : new Uint8Array(Buffer.from(value.base64, 'base64'))
  ])
}

export function toQueuedRendered(rendered: RenderedArticle): QueuedRendered {
  return {...rendered, outputs: toQueuedOutputs(rendered.outputs)}
}

export function fromQueuedRendered(queued: QueuedRendered): RenderedArticle {
  const rendered: RenderedArticle = {
    files: queued.files,
    fatal: queued.fatal,
    outputs: fromQueuedOutputs(queued.outputs)
  }
  if (queued.feedEntry) rendered.feedEntry = queued.feedEntry
  if (queued.summary) rendered.summary = queued.summary
  return rendered
}

/**
 * copydesk's version and a hash of its code, as the build cache hashes it
 * (`codeFingerprint`): two processes with the same one build the same
 * bytes.
 */
export async function codeVersion(): Promise<string> {
  return `${packageJson.version}+${(await codeFingerprint()).slice(0, 16)}`
}
