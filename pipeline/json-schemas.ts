// The ajv instance and the compiled validators for copydesk's own schemas
// (`schemas/*.schema.json`), compiled once per process, and the mapping of
// ajv errors to "Unexpected X, expected Y" reasons.
import {Ajv2020, type ErrorObject} from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import articleSchema from '../schemas/article.schema.json' with {type: 'json'}
import configSchema from '../schemas/config.schema.json' with {type: 'json'}
import metaSchema from '../schemas/meta.schema.json' with {type: 'json'}
import type {Article, Config, Meta} from './types.js'

const ajv = new Ajv2020({allErrors: true, strict: true})
addFormats.default(ajv)

export const validateArticleSchema = ajv.compile<Article>(articleSchema)
export const validateMetaSchema = ajv.compile<Meta>(metaSchema)
export const validateConfigSchema = ajv.compile<Config>(configSchema)

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
