// Build articles on worker threads. Each worker loads the pipeline once and
// builds one article at a time, taking the next queued task when it is
// done, so a slow article does not hold the others up.
import {Worker} from 'node:worker_threads'
import {VFile} from 'vfile'
import {failInternal} from '../messages.js'
import type {ArticleResult, ArticleTask, BuildSettings} from './article-task.js'
import {toPlainFile} from './vfile-transfer.js'

// Run from TypeScript (tsx, in development) the worker is TypeScript too.
const fromSource = import.meta.url.endsWith('.ts')
const workerUrl = new URL(
  fromSource ? './worker.ts' : './worker.js',
  import.meta.url
)

/**
 * A worker builds one article at a time and keeps nothing of it: a young
 * generation of 16 MB (V8's default for a thread is three times that)
 * holds an article's garbage. A 2,000-article build: peak RSS 260 to
 * 226 MB at the same CPU time; 8 MB took a fifth more time. The old
 * generation is not capped: a long article may need it.
 */
const resourceLimits = {maxYoungGenerationSizeMb: 16}

export interface Pool {
  /** Build one article on the next free worker. */
  run(task: ArticleTask): Promise<ArticleResult>
  close(): Promise<void>
}

interface Job {
  task: ArticleTask
  resolve: (result: ArticleResult) => void
}

/** Start `jobs` workers sharing `settings`. */
export function createPool(jobs: number, settings: BuildSettings): Pool {
  const queue: Job[] = []
  const idle: Worker[] = []
  const current = new Map<Worker, Job>()
  const live = new Set<Worker>()
  let closing = false

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop() as Worker
      const job = queue.shift() as Job
      current.set(worker, job)
      worker.postMessage(job.task)
    }
  }

  /** A worker died: its article fails alone, a new worker takes its place. */
  const lost = (worker: Worker, reason: string) => {
    if (!live.delete(worker)) return
    const index = idle.indexOf(worker)
    if (index !== -1) idle.splice(index, 1)
    const job = current.get(worker)
    current.delete(worker)
    if (job) job.resolve(workerFailure(job.task, reason))
    if (!closing) {
      spawn()
      dispatch()
    }
  }

  const spawn = () => {
    const worker = fromSource
      ? // Node 20 loads a worker's entry before `--import` hooks apply:
        // register tsx in the worker, then import the TypeScript entry.
        new Worker(
          `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({register}) => { register(); return import(${JSON.stringify(workerUrl.href)}) })`,
          {eval: true, workerData: settings, resourceLimits}
        )
      : new Worker(workerUrl, {workerData: settings, resourceLimits})
    live.add(worker)
    worker.on('message', (result: ArticleResult) => {
      const job = current.get(worker)
      current.delete(worker)
      idle.push(worker)
      job?.resolve(result)
      dispatch()
    })
    worker.on('error', (error) => lost(worker, String(error)))
    worker.on('exit', (code) => lost(worker, `worker exited with ${code}`))
    idle.push(worker)
  }
  for (let index = 0; index < jobs; index++) spawn()

  return {
    run(task) {
      return new Promise((resolve) => {
        queue.push({task, resolve})
        dispatch()
      })
    },
    async close() {
      closing = true
      await Promise.all([...live].map((worker) => worker.terminate()))
    }
  }
}

/** The result of an article whose worker died while building it. */
function workerFailure(task: ArticleTask, reason: string): ArticleResult {
  const file = new VFile({path: task.display})
  failInternal(file, `the build worker stopped (${reason})`)
  return {files: [toPlainFile(file)], written: [], fatal: true}
}
