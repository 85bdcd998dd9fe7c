// The validators of copydesk's own schemas (`schemas/*.schema.json`),
// compiled ahead of time by ajv (`schema-validators.ts`, from
// `npm run schema-types`), the mapping of ajv errors to
// "Unexpected X, expected Y" reasons, and the checks no schema can state
// (language tags read by a BCP 47 parser, output names a config clashes on).
import type {ErrorObject, ValidateFunction} from 'ajv'
import {parse} from 'bcp-47'
import {formatConfigProblems} from './emit/formats.js'
import {
  validateArticle,
  validateConfig,
  validateMeta
} from './generated/schema-validators.js'
import {adjustableRules, didYouMean} from './messages.js'
import {deskPatternFlags} from './rules/desk-rules.js'
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

/**
 * A problem a JSON Schema cannot state (a language tag BCP 47 refuses, two
 * outputs under one file name), found on the validated value and reported
 * at the value `pointer` names.
 */
export interface ValueProblem {
  /** JSON Pointer of the offending value (`/nitf/profiles/x/suffix`). */
  pointer: string
  reason: string
  ruleId: string
  /** Fatal problems stop the file; the others are warnings. */
  fatal: boolean
}

/** What the schema cannot say about a sidecar: its language tag. */
export function checkMeta(meta: Meta): ValueProblem[] {
  return languageProblems(meta.language, '/language')
}

/**
 * What the schema cannot say about the project config: its language tag,
 * and formats asked to write two outputs under one file name.
 */
export function checkConfig(config: Config): ValueProblem[] {
  return [
    ...languageProblems(config.language, '/language'),
    ...patternProblems(
      config.extraction?.boilerplate,
      '/extraction/boilerplate'
    ),
    ...patternProblems(config.extraction?.signatures, '/extraction/signatures'),
    ...ruleProblems(config.rules),
    ...formatConfigProblems(config).map((problem) => ({
      ...problem,
      fatal: true
    }))
  ]
}

/**
 * Rule ids in `rules` that name no warning or info: fatal, since a typo
 * would silently leave the rule on.
 */
function ruleProblems(
  rules: Readonly<Record<string, unknown>> | undefined
): ValueProblem[] {
  return Object.keys(rules ?? {}).flatMap((ruleId) =>
    adjustableRules.has(ruleId)
      ? []
      : [
          {
            pointer: `/rules/${ruleId.replace(/~/g, '~0').replace(/\//g, '~1')}`,
            reason: `Unexpected rule \`${ruleId}\`, expected the id of a warning or info rule (errors cannot be turned off)${didYouMean(ruleId, adjustableRules)}`,
            ruleId: 'unknown-rule',
            fatal: true
          }
        ]
  )
}

/**
 * Desk patterns that do not compile as the extractor compiles them
 * (case-insensitive, Unicode: stricter than the schema's `regex` format).
 */
function patternProblems(
  patterns: readonly string[] | undefined,
  pointer: string
): ValueProblem[] {
  return (patterns ?? []).flatMap((pattern, index) => {
    try {
      new RegExp(pattern, deskPatternFlags)
      return []
    } catch (error) {
      return [
        {
          pointer: `${pointer}/${index}`,
          reason: `Unexpected pattern \`${pattern}\` (${error instanceof Error ? error.message : String(error)}), expected a regular expression valid with the \`${deskPatternFlags}\` flags`,
          ruleId: 'invalid-pattern',
          fatal: true
        }
      ]
    }
  })
}

/**
 * A tag that is not well-formed BCP 47 (RFC 5646), read by `bcp-47`, or one
 * without a primary language (private use only): fatal, since every output
 * would carry it.
 */
function languageProblems(
  tag: string | undefined,
  pointer: string
): ValueProblem[] {
  if (tag === undefined) return []
  const warnings: string[] = []
  const schema = parse(tag, {
    warning: (reason) => {
      warnings.push(reason)
    }
  })
  if (schema.language !== null && warnings.length === 0) return []
  return [
    {
      pointer,
      reason: `Unexpected language tag \`${tag}\`${warnings.length > 0 ? ` (${warnings[0]?.replace(/\.$/, '').toLowerCase()})` : ''}, expected a well-formed BCP 47 tag with a language (\`en\`, \`en-GB\`, \`zh-Hant-TW\`)`,
      ruleId: 'language-tag',
      fatal: true
    }
  ]
}
