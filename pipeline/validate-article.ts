// Stage 5, validate: checks `file.data.article` against
// `schemas/article.schema.json` with ajv; each error becomes a fatal vfile
// message placed at the source position of the offending field (from
// `file.data.positions`, the nearest enclosing field when the field itself
// has none). ruleIds: `article-schema` (fatal).
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {describeSchemaError, validateArticleSchema} from './json-schemas.js'
import {fail} from './messages.js'
import type {FieldPositions} from './types.js'

/** Validate the extracted article; every error is fatal for the file. */
export default function validateArticle() {
  return (_tree: unknown, file: VFile): undefined => {
    const article = file.data.article
    if (!article || validateArticleSchema(article)) return
    const positions = file.data.positions ?? {}
    let last: VFileMessage | undefined
    for (const error of validateArticleSchema.errors ?? []) {
      const place = positionOf(positions, error.instancePath)
      last = fail(file, describeSchemaError(error), 'article-schema', place)
    }
    if (last) throw last
  }
}

/** The position of `pointer`, or of its nearest ancestor that has one. */
export function positionOf(positions: FieldPositions, pointer: string) {
  let current = pointer
  while (current !== '') {
    const found = positions[current]
    if (found) return found
    current = current.slice(0, current.lastIndexOf('/'))
  }
  return positions['/headline']
}
