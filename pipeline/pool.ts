// Build articles on worker threads. Each worker loads the pipeline once and
// builds one article at a time, taking the next queued task when it is
// done, so a slow article does not hold the others up.
import {Worker} from 'node:worker_threads'
import type {
  ArticleResult,
  ArticleTask,
  BuildSettings
} from './build-article.js'

// Run from TypeScript (tsx, in development) the worker is TypeScript too.
const fromSource = import.meta.url.endsWith('.ts')
const workerUrl = new URL(
  fromSource ? './worker.ts' : './worker.js',
  import.meta.url
)

export interface Pool {
  /** Build one article on the next free worker. */
  run(task: ArticleTask): Promise<ArticleResult>
  close(): Promise<void>
}

interface Job {
  task: ArticleTask
  resolve: (result: ArticleResult) => void
  reject: (error: Error) => void
}

/** Start `jobs` workers sharing `settings`. */
export function createPool(jobs: number, settings: BuildSettings): Pool {
  const queue: Job[] = []
  const idle: Worker[] = []
  const current = new Map<Worker, Job>()

  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop() as Worker
      const job = queue.shift() as Job
      current.set(worker, job)
      worker.postMessage(job.task)
    }
  }

  const workers = Array.from({length: jobs}, () => {
    const worker = fromSource
      ? // Node 20 loads a worker's entry before `--import` hooks apply:
        // register tsx in the worker, then import the TypeScript entry.
        new Worker(
          `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({register}) => { register(); return import(${JSON.stringify(workerUrl.href)}) })`,
          {eval: true, workerData: settings}
        )
      : new Worker(workerUrl, {workerData: settings})
    worker.on('message', (result: ArticleResult) => {
      const job = current.get(worker)
      current.delete(worker)
      idle.push(worker)
      job?.resolve(result)
      dispatch()
    })
    worker.on('error', (error) => {
      // A worker that dies fails its article's build, loudly.
      current.get(worker)?.reject(error)
      current.delete(worker)
    })
    idle.push(worker)
    return worker
  })

  return {
    run(task) {
      return new Promise((resolve, reject) => {
        queue.push({task, resolve, reject})
        dispatch()
      })
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()))
    }
  }
}
