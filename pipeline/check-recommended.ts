// Stage 5b, recommended metadata: reads `file.data.article`,
// `file.data.positions` and `file.data.context`, and warns when what search
// engines and partners expect is missing or off. Never fills anything in.
// ruleIds (warnings): `missing-date`, `long-headline`, `missing-image`,
// `small-image`, `author-without-url`.
import type {VFile} from 'vfile'
import {findAuthorEntry} from './emit/author-directory.js'

const source = 'copydesk'

/** The rules of this stage, so that tests of other stages can leave them out. */
export const recommendedRuleIds: ReadonlySet<string> = new Set([
  'missing-date',
  'long-headline',
  'missing-image',
  'small-image',
  'author-without-url'
])

/** Google's Article guidance: longer headlines are cut in results. */
export const maxHeadlineLength = 110
/** Google's minimum for article images: 50,000 pixels (width × height). */
export const minImagePixels = 50_000

/** Warn about missing metadata the outputs would want. */
export default function checkRecommended() {
  return (_tree: unknown, file: VFile): undefined => {
    const {article, context} = file.data
    const positions = file.data.positions ?? {}
    if (!article || !context) return
    const {meta, config} = context

    if (article.headline.length > maxHeadlineLength) {
      file.message(
        `Unexpected headline of ${article.headline.length} characters, expected at most ${maxHeadlineLength}; search results cut longer ones`,
        {place: positions['/headline'], ruleId: 'long-headline', source}
      )
    }
    // A date the text states in full is said by `date-from-text` instead.
    if (!meta.datePublished && !article.datePublished) {
      file.message(
        'Unexpected missing `datePublished`, expected an ISO 8601 date-time with offset in the sidecar `.meta.json`; the outputs have no publication date',
        {ruleId: 'missing-date', source}
      )
    }
    const images = meta.images ?? []
    if (images.length === 0) {
      file.message(
        'Unexpected article without image, expected `images` in the sidecar `.meta.json`; search engines show articles with images first',
        {ruleId: 'missing-image', source}
      )
    }
    images.forEach((image, index) => {
      if (image.width === undefined || image.height === undefined) return
      const pixels = image.width * image.height
      if (pixels >= minImagePixels) return
      file.message(
        `Unexpected small image \`/images/${index}\` (${image.width}×${image.height}, ${pixels} pixels), expected at least ${minImagePixels} pixels`,
        {ruleId: 'small-image', source}
      )
    })

    article.bylines.forEach((byline, bylineIndex) => {
      byline.authors.forEach((author, authorIndex) => {
        if (findAuthorEntry(config, author.name)?.url) return
        file.message(
          `Unexpected author \`${author.name}\` without URL, expected an entry with \`url\` in \`authors\` of \`copydesk.config.json\``,
          {
            place:
              positions[`/bylines/${bylineIndex}/authors/${authorIndex}/name`],
            ruleId: 'author-without-url',
            source
          }
        )
      })
    })
  }
}
