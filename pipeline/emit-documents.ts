// Stage 6, emit: reads `file.data.article` and `file.data.context`, resolves
// the article's facts once (`emit/facts.ts`), and writes `file.data.outputs`:
// one file per row of the formats list (`emit/formats.ts`), keyed by the
// suffix each is written under; and `file.data.feedEntry`, what the
// whole-build feeds and news sitemap need.
// ruleIds: `nitf-profile-collision` (fatal: a config that gives two outputs
// one file name, when it did not come through the build's config check),
// `invalid-ninjs` (fatal: a copydesk bug).
import type {VFile} from 'vfile'
import {wantsFeedEntries} from './emit/channel-settings.js'
import {resolveFacts} from './emit/facts.js'
import {formatConfigProblems, outputFiles} from './emit/formats.js'
import {toFeedEntry} from './emit/to-feed-entry.js'
import {fail} from './messages.js'
import type {Outputs} from './types.js'

/** Serialize the validated article to every output format. */
export default function emitDocuments() {
  return (_tree: unknown, file: VFile): undefined => {
    const {article, context} = file.data
    if (!article || !context) return

    // The build refuses such a config once, on its file; an embedder that
    // passes one straight to `processArticle` hears of it here.
    const problems = formatConfigProblems(context.config)
    for (const problem of problems) fail(file, problem.reason, problem.ruleId)
    if (problems.length > 0) return

    const facts = resolveFacts(article, context)
    const outputs: Outputs = {}
    for (const output of outputFiles(context.config)) {
      const rendered = output.render(facts)
      if ('problem' in rendered) {
        fail(file, rendered.problem.reason, rendered.problem.ruleId)
        return
      }
      outputs[output.suffix] = rendered.value
    }
    file.data.outputs = outputs

    if (!wantsFeedEntries(context.config)) return
    const entry = toFeedEntry(facts, file.path)
    if (entry) file.data.feedEntry = entry
  }
}
