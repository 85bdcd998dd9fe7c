// ninjs validation: checks a document against IPTC's official ninjs JSON
// Schema of its version (`schemas/ninjs/ninjs-schema_<version>.json`,
// vendored unmodified, with the GeoJSON schema 2.2 and 3.1 refer to) and
// returns every error as `/path: message`. The validators are compiled
// ahead of time (`npm run schema-types` writes
// `pipeline/generated/ninjs-validator.ts` for 2.2 and 3.1 and
// `pipeline/generated/ninjs-1.6-validator.ts`; a test fails when they drift
// from the schemas, and the tests also compile the vendored schemas
// themselves and check every document with both). Emits no messages.
import type {ErrorObject} from 'ajv/dist/2020.js'
import {validateNinjs16} from '../generated/ninjs-1.6-validator.js'
import {validateNinjs22, validateNinjs31} from '../generated/ninjs-validator.js'
import type {NinjsVersion} from '../generated/schema-types.js'

const validators: Record<NinjsVersion, NinjsValidator> = {
  '1.6': validateNinjs16,
  '2.2': validateNinjs22,
  '3.1': validateNinjs31
}

/**
 * Check `document` against the ninjs schema of `version` (2.2 unless
 * told): `[]` when it is valid.
 */
export function ninjsErrors(
  document: unknown,
  version: NinjsVersion = '2.2'
): string[] {
  return describeNinjsErrors(validators[version], document)
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
