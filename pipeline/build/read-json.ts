// Reading a JSON file (sidecar or config) for its schema: syntax errors and
// schema errors become vfile messages placed at the line and column of the
// offending value. ruleIds: `json-syntax`, `<name>-schema` (fatal), and
// `unknown-property` (warning: the key is ignored), `illegal-character`
// (warning: the character is removed).
import type {ErrorObject, ValidateFunction} from 'ajv'
import {
  findNodeAtLocation,
  getNodeValue,
  type Node,
  type ParseError,
  parseTree,
  printParseErrorCode
} from 'jsonc-parser'
import type {VFile} from 'vfile'
import {location} from 'vfile-location'
import {
  xmlIllegalCharacter,
  xmlIllegalCodePoints
} from '../emit/xml-characters.js'
import {describeSchemaError, type ValueProblem} from '../json-schemas.js'
import {didYouMean, fail} from '../messages.js'

const source = 'copydesk'

/** Checks beyond the schema, run once on the validated value. */
export type ValueCheck<T> = (value: T) => ValueProblem[]

/** Where the value sits, and what to suggest for unknown keys. */
export interface ReadOptions {
  /** The value is this key of the file's top object (`copydesk` in `package.json`). */
  key?: string | undefined
  /** The schema `validate` was compiled from: unknown keys get a "did you mean". */
  schema?: object | undefined
}

/**
 * Parse and validate `file` (its value is the JSON text) with `validate`,
 * then run `check` on the valid value. Returns the value, or `undefined`
 * after a fatal message.
 */
export function readJson<T>(
  file: VFile,
  validate: ValidateFunction<T>,
  ruleId: string,
  check?: ValueCheck<T>,
  options: ReadOptions = {}
): T | undefined {
  const value = readValid(file, validate, ruleId, options)
  if (value === undefined || !check) return value
  const problems = check(value)
  if (problems.length === 0) return value
  const place = location(file)
  const tree = valueNode(parseTree(String(file.value)), options.key)
  let fatal = false
  for (const problem of problems) {
    const node = tree && findNodeAtLocation(tree, pathOf(problem.pointer))
    const at = pointOf(place, node)
    if (problem.fatal) {
      fail(file, problem.reason, problem.ruleId, at)
      fatal = true
    } else {
      file.message(problem.reason, {place: at, ruleId: problem.ruleId, source})
    }
  }
  return fatal ? undefined : value
}

/** The node of the value: the whole tree, or its top object's `key`. */
function valueNode(
  tree: Node | undefined,
  key: string | undefined
): Node | undefined {
  return key === undefined || !tree ? tree : findNodeAtLocation(tree, [key])
}

function readValid<T>(
  file: VFile,
  validate: ValidateFunction<T>,
  ruleId: string,
  options: ReadOptions
): T | undefined {
  const text = String(file.value)
  const place = location(file)
  const errors: ParseError[] = []
  const whole = parseTree(text, errors, {
    allowTrailingComma: false,
    disallowComments: true
  })
  const tree = errors.length > 0 ? whole : valueNode(whole, options.key)
  const syntaxError = errors[0]
  if (syntaxError || !tree) {
    const offset = syntaxError?.offset ?? 0
    const code = syntaxError ? printParseErrorCode(syntaxError.error) : 'empty'
    fail(file, describeSyntax(code), 'json-syntax', place.toPoint(offset))
    return undefined
  }

  reportIllegalCharacters(file, tree, place)
  const value = getNodeValue(tree) as unknown
  if (validate(value)) return withoutIllegalCharacters(value)

  const schemaErrors = validate.errors ?? []
  const unknown = schemaErrors.filter(isUnknownProperty)
  // `propertyNames` only sums up the error about the name, reported itself.
  const fatal = schemaErrors.filter(
    (error) => !isUnknownProperty(error) && error.keyword !== 'propertyNames'
  )
  for (const error of unknown) {
    const name = String(error.params.additionalProperty)
    const node = findNodeAtLocation(tree, pathOf(error.instancePath))
    const property = node?.children?.find(
      (child) => child.children?.[0]?.value === name
    )
    const known = knownKeys(options.schema, error.schemaPath)
    file.message(
      `Unexpected unknown property \`${name}\`${error.instancePath ? ` in \`${error.instancePath}\`` : ''}, expected only known keys${didYouMean(name, known)}; ignored`,
      {
        place: pointOf(place, property ?? node),
        ruleId: 'unknown-property',
        source
      }
    )
  }
  // One message per value and reason: a date that fails both `format` and
  // `pattern` is one mistake.
  const said = new Set<string>()
  for (const error of withoutBranchNoise(fatal)) {
    const reason = describeSchemaError(error)
    if (said.has(reason)) continue
    said.add(reason)
    const node = findNodeAtLocation(tree, pathOf(error.instancePath))
    fail(file, reason, ruleId, pointOf(place, node))
  }
  if (fatal.length > 0) return undefined

  // Only unknown keys: drop them and use the rest.
  const cleaned = structuredClone(value) as Record<string, unknown>
  for (const error of unknown) {
    const parent = getAt(cleaned, pathOf(error.instancePath))
    if (parent && typeof parent === 'object') {
      delete (parent as Record<string, unknown>)[
        String(error.params.additionalProperty)
      ]
    }
  }
  return validate(cleaned) ? withoutIllegalCharacters(cleaned) : undefined
}

/** A copy of `value` whose strings hold no character XML 1.0 forbids. */
function withoutIllegalCharacters<T>(value: T): T {
  return JSON.parse(JSON.stringify(value), (_key, item: unknown) =>
    typeof item === 'string' ? item.replace(xmlIllegalCharacter, '') : item
  ) as T
}

/**
 * Warn about strings holding characters XML 1.0 forbids (escaped as `\u0001`
 * in JSON); `withoutIllegalCharacters` then removes them.
 */
function reportIllegalCharacters(
  file: VFile,
  node: Node,
  place: ReturnType<typeof location>
): void {
  if (node.type === 'string' && typeof node.value === 'string') {
    for (const code of xmlIllegalCodePoints(node.value)) {
      file.message(
        `Unexpected character \`${code}\`, expected text that XML 1.0 allows; removed`,
        {place: pointOf(place, node), ruleId: 'illegal-character', source}
      )
    }
  }
  for (const child of node.children ?? []) {
    reportIllegalCharacters(file, child, place)
  }
}

/**
 * The keys the schema allows where `schemaPath` (`#/$defs/x/additionalProperties`)
 * refused one: the `properties` of that schema object.
 */
function knownKeys(schema: object | undefined, schemaPath: string): string[] {
  if (!schema) return []
  const segments = pathOf(
    schemaPath.replace(/^#/, '').replace(/\/additionalProperties$/, '')
  )
  const object = getAt(schema, segments.map(String))
  const properties =
    object && typeof object === 'object' && 'properties' in object
      ? object.properties
      : undefined
  return properties && typeof properties === 'object'
    ? Object.keys(properties)
    : []
}

/**
 * Leave out what a `oneOf` says about its branches (`expected a boolean`,
 * `must match exactly one schema`) when an error inside the value says
 * what is wrong (`ninjs: {profiles: {x: {version: "4"}}}`).
 */
function withoutBranchNoise(errors: readonly ErrorObject[]): ErrorObject[] {
  const deeper = (error: ErrorObject) =>
    errors.some((other) =>
      other.instancePath.startsWith(`${error.instancePath}/`)
    )
  return errors.filter(
    (error) =>
      !(
        (error.keyword === 'oneOf' ||
          (error.keyword === 'type' && error.schemaPath.includes('/oneOf/'))) &&
        deeper(error)
      )
  )
}

function isUnknownProperty(error: ErrorObject): boolean {
  return error.keyword === 'additionalProperties'
}

function pathOf(pointer: string): Array<string | number> {
  if (pointer === '') return []
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment))
}

function getAt(value: unknown, path: Array<string | number>): unknown {
  let current = value
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string | number, unknown>)[key]
  }
  return current
}

function pointOf(place: ReturnType<typeof location>, node: Node | undefined) {
  if (!node) return undefined
  const start = place.toPoint(node.offset)
  const end = place.toPoint(node.offset + node.length)
  return start && end ? {start, end} : start
}

function describeSyntax(code: string): string {
  const reasons: Record<string, string> = {
    InvalidSymbol: 'Unexpected character, expected valid JSON',
    InvalidNumberFormat: 'Unexpected number format, expected a JSON number',
    PropertyNameExpected:
      'Unexpected token, expected a property name in double quotes',
    ValueExpected: 'Unexpected token, expected a JSON value',
    ColonExpected: 'Unexpected token, expected `:`',
    CommaExpected: 'Unexpected token, expected `,`',
    CloseBraceExpected: 'Unexpected token, expected `}`',
    CloseBracketExpected: 'Unexpected token, expected `]`',
    EndOfFileExpected:
      'Unexpected content after the JSON value, expected the end of the file',
    InvalidCommentToken: 'Unexpected comment, expected JSON without comments',
    UnexpectedEndOfString: 'Unexpected end of string, expected a closing `"`',
    InvalidEscapeCharacter:
      'Unexpected escape in a string, expected a JSON escape',
    InvalidCharacter:
      'Unexpected control character in a string, expected it escaped',
    empty: 'Unexpected empty file, expected a JSON object'
  }
  return reasons[code] ?? `Unexpected \`${code}\`, expected valid JSON`
}
