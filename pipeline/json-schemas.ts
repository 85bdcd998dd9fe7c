// The validators of copydesk's own schemas (`schemas/*.schema.json`),
// compiled ahead of time by ajv (`schema-validators.ts`, from
// `npm run schema-types`), and the mapping of ajv errors to
// "Unexpected X, expected Y" reasons.
import type {ErrorObject, ValidateFunction} from 'ajv'
import {
  validateArticle,
  validateConfig,
  validateMeta
} from './generated/schema-validators.js'
import type {Article, Config, Meta} from './types.js'

export const validateArticleSchema =
  validateArticle as ValidateFunction<Article>
export const validateMetaSchema = validateMeta as ValidateFunction<Meta>
export const validateConfigSchema = validateConfig as ValidateFunction<Config>

/** Say what an ajv error found and what the schema expected. */
export function describeSchemaError(error: ErrorObject): string {
  const at =
    error.instancePath === '' ? 'the document' : `\`${error.instancePath}\``
  const params = error.params as Record<string, unknown>
  if (error.propertyName !== undefined) {
    // The name of a property failed, not its value (`propertyNames`).
    const expected =
      error.keyword === 'pattern'
        ? `a name matching \`${String(params.pattern)}\``
        : 'a valid name'
    return `Unexpected name \`${error.propertyName}\` in ${at}, expected ${expected}`
  }
  // The shared date-time definition: one reason for its format and pattern.
  if (error.schemaPath.startsWith('#/$defs/dateTime/')) {
    return `Unexpected value at ${at}, expected an ISO 8601 date-time with seconds and an offset of at most 14 hours (\`2026-11-28T09:00:00+09:00\`)`
  }
  switch (error.keyword) {
    case 'additionalProperties':
      return `Unexpected property \`${String(params.additionalProperty)}\` in ${at}, expected only the properties the schema defines`
    case 'required':
      return `Unexpected missing property \`${String(params.missingProperty)}\` in ${at}, expected it to be present`
    case 'type':
      return `Unexpected value at ${at}, expected ${article(String(params.type))}`
    case 'format':
      return `Unexpected value at ${at}, expected a valid \`${String(params.format)}\``
    case 'pattern':
      return `Unexpected value at ${at}, expected text matching \`${String(params.pattern)}\``
    case 'enum':
      return `Unexpected value at ${at}, expected one of ${(params.allowedValues as unknown[]).map((value) => `\`${String(value)}\``).join(', ')}`
    case 'minItems':
      return `Unexpected empty list at ${at}, expected at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}`
    case 'minLength':
      return `Unexpected empty text at ${at}, expected at least ${String(params.limit)} character${params.limit === 1 ? '' : 's'}`
    default:
      return `Unexpected value at ${at}, expected it to ${error.message ?? 'match the schema'}`
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`
}
