// Stage 5b, recommended metadata: reads `file.data.article` and
// `file.data.context`, and warns when what search engines and partners
// expect is missing. Never fills anything in.
// ruleIds: `missing-date` (warning).
import type {VFile} from 'vfile'

const source = 'copydesk'

/** Warn about missing metadata the outputs would want. */
export default function checkRecommended() {
  return (_tree: unknown, file: VFile): undefined => {
    const context = file.data.context
    if (!file.data.article || !context) return
    if (!context.meta.datePublished) {
      file.message(
        'Unexpected missing `datePublished`, expected an ISO 8601 date-time with offset in the sidecar `.meta.json`; the outputs have no publication date',
        {ruleId: 'missing-date', source}
      )
    }
  }
}
