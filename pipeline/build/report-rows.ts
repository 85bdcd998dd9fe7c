// Collects, as the build goes, what the report's index lists: one row per
// article in input order (built, served from the cache or refused), with
// its messages' levels and rule ids (the reasons of its errors only), its
// outputs and what its page says of it; and the reports of the build's
// other files (the config, the channels, the output folder). Light: the
// main thread loads it for every build with the report on.
import type {IndexRow} from '../report/index-page.js'
import type {ReportMessage} from '../report/page-parts.js'
import {reportPageName} from '../report/report-names.js'
import type {ArticleResult} from './article-task.js'

/** A file's messages, as a VFile or kept as plain data has them. */
interface MessagesOf {
  path: string
  messages: readonly ReportMessage[]
}

export interface ReportRows {
  /** An article of the build, in input order: its result when it was built or served. */
  add(article: {
    display: string
    stem: string
    files: readonly MessagesOf[]
    result?: ArticleResult | undefined
  }): void
  /** A report that is no article's: the config, a channel, the output folder. */
  addFile(file: MessagesOf): void
  rows: IndexRow[]
  files: Array<{path: string; messages: ReportMessage[]}>
}

/** Start collecting the index's rows. */
export function collectReportRows(): ReportRows {
  const rows: IndexRow[] = []
  const files: ReportRows['files'] = []
  return {
    rows,
    files,
    add({display, stem, files: reported, result}) {
      const failed = !result || result.fatal
      const page = reportPageName(stem)
      const written = failed ? [] : result.written.map((file) => file.path)
      rows.push({
        path: display,
        stem,
        failed,
        summary: failed ? undefined : result.summary,
        messages: reported.flatMap((file) => file.messages.map(slim)),
        page: written.includes(page) ? page : undefined,
        outputs: written.filter((name) => name !== page),
        inFeeds: false,
        inNewsSitemap: false
      })
    },
    addFile(file) {
      if (file.messages.length === 0) return
      files.push({
        path: file.path,
        messages: file.messages.map((message) => ({
          reason: message.reason,
          ruleId: message.ruleId,
          fatal: message.fatal ?? null
        }))
      })
    }
  }
}

/**
 * What the index needs of a message: its level and rule id, and the
 * reason of an error (a failed article has no page to give it).
 */
function slim(message: ReportMessage): ReportMessage {
  return {
    reason: message.fatal === true ? message.reason : '',
    ruleId: message.ruleId,
    fatal: message.fatal ?? null
  }
}
