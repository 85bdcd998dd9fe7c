// Build articles on worker threads: each worker takes the next task when it
// is done with one, so a slow article does not hold the others up. Results
// come back in task order, whatever the scheduling.
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

/**
 * Build `tasks` on `jobs` worker threads. `next` pulls tasks lazily, so that
 * only a few articles are in memory at once; `done` is called with each
 * result in task order.
 */
export async function runPool(
  jobs: number,
  settings: BuildSettings,
  next: () => Promise<ArticleTask | undefined>,
  done: (result: ArticleResult) => void
): Promise<void> {
  const workers = Array.from({length: jobs}, () =>
    fromSource
      ? // Node 20 loads a worker's entry before `--import` hooks apply:
        // register tsx in the worker, then import the TypeScript entry.
        new Worker(
          `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({register}) => { register(); return import(${JSON.stringify(workerUrl.href)}) })`,
          {eval: true, workerData: settings}
        )
      : new Worker(workerUrl, {workerData: settings})
  )
  // Results by task index, handed on in order.
  const pending = new Map<number, ArticleResult>()
  let handed = 0
  let issued = 0
  const handOn = () => {
    for (
      let result = pending.get(handed);
      result;
      result = pending.get(handed)
    ) {
      pending.delete(handed)
      handed++
      done(result)
    }
  }

  try {
    await Promise.all(
      workers.map(async (worker) => {
        for (;;) {
          const task = await next()
          if (!task) return
          const index = issued++
          const result = await new Promise<ArticleResult>((resolve, reject) => {
            const onError = (error: Error) => {
              worker.off('message', onMessage)
              reject(error)
            }
            const onMessage = (value: ArticleResult) => {
              worker.off('error', onError)
              resolve(value)
            }
            worker.once('message', onMessage)
            worker.once('error', onError)
            worker.postMessage(task)
          })
          pending.set(index, result)
          handOn()
        }
      })
    )
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()))
  }
}
