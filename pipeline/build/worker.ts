// A build worker thread: builds the articles the pool sends, one at a time,
// with the settings it was started with, and answers each with its result.
import {parentPort, workerData} from 'node:worker_threads'
import type {ArticleTask, BuildSettings} from './article-task.js'
import {buildArticle} from './build-article.js'

const settings = workerData as BuildSettings

parentPort?.on('message', async (task: ArticleTask) => {
  parentPort?.postMessage(await buildArticle(task, settings))
})
