// ninjs validation: checks a document against IPTC's official ninjs 2.2
// JSON Schema (`schemas/ninjs/ninjs-schema_2.2.json`, vendored unmodified,
// with the GeoJSON schema its `places[].geojson` refers to) and returns
// every error as `/path: message`. The validator is compiled ahead of time
// (`npm run schema-types` writes `pipeline/generated/ninjs-validator.ts`; a test fails
// when it drifts from the schema, and the tests also compile the vendored
// schema itself and check every document with both). Emits no messages.
import type {ErrorObject} from 'ajv/dist/2020.js'
import {validateNinjs} from '../generated/ninjs-validator.js'

/** Check `document` against the ninjs 2.2 schema: `[]` when it is valid. */
export function ninjsErrors(document: unknown): string[] {
  return describeNinjsErrors(validateNinjs, document)
}

/** A validator as ajv compiles it, ahead of time or at run time. */
export interface NinjsValidator {
  (document: unknown): boolean
  errors?: ErrorObject[] | null | undefined
}

/** Run `validate` on `document` and describe its errors, one line each. */
export function describeNinjsErrors(
  validate: NinjsValidator,
  document: unknown
): string[] {
  if (validate(document)) return []
  // The root and its `$ref` both say `type: object`: one line for the two.
  return [...new Set((validate.errors ?? []).map(describeNinjsError))]
}

/** `/bodies/0/value: must be string`, naming the offending key or values. */
function describeNinjsError(error: ErrorObject): string {
  const path = error.instancePath === '' ? '/' : error.instancePath
  const params = error.params as Record<string, unknown>
  let detail = ''
  if (error.keyword === 'unevaluatedProperties') {
    detail = ` \`${String(params.unevaluatedProperty)}\``
  } else if (error.keyword === 'additionalProperties') {
    detail = ` \`${String(params.additionalProperty)}\``
  } else if (error.keyword === 'enum') {
    const allowed = params.allowedValues as unknown[]
    detail = `: ${allowed.map((value) => `\`${String(value)}\``).join(', ')}`
  }
  return `${path}: ${error.message ?? 'is not valid'}${detail}`
}
