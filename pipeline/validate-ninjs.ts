// ninjs validation: checks a document against IPTC's official ninjs 2.2
// JSON Schema (`schemas/ninjs/ninjs-schema_2.2.json`, vendored unmodified,
// with the GeoJSON schema its `places[].geojson` refers to) and returns
// every error as `/path: message`. The schemas are imported as JSON, so the
// bundle (`scripts/bundle.ts`, esbuild) inlines them and reads no file at
// run time. Compiled once per process, on first use (the only state kept);
// emits no messages.
import {
  Ajv2020,
  type ErrorObject,
  type ValidateFunction
} from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import geoJsonSchema from '../schemas/ninjs/GeoJSON-schema.json' with {
  type: 'json'
}
import ninjsSchema from '../schemas/ninjs/ninjs-schema_2.2.json' with {
  type: 'json'
}

let validateNinjs: ValidateFunction | undefined

/** Check `document` against the ninjs 2.2 schema: `[]` when it is valid. */
export function ninjsErrors(document: unknown): string[] {
  validateNinjs ??= compileNinjs()
  if (validateNinjs(document)) return []
  // The root and its `$ref` both say `type: object`: one line for the two.
  return [...new Set((validateNinjs.errors ?? []).map(describeNinjsError))]
}

function compileNinjs(): ValidateFunction {
  const ajv = new Ajv2020({
    // Everything strict (unknown keywords, types, tuples throw rather than
    // log) but `strictRequired`, which refuses the official schema: its root
    // and `associations` items require `uri`, declared only behind their
    // `$ref`, and the `oneOf` of `contactinfoType` requires `value` or
    // `address`, declared in the parent schema.
    strict: true,
    strictRequired: false,
    allErrors: true
  })
  addFormats.default(ajv)
  // `places[].geojson` refers to `https://geojson.org/schema/GeoJSON.json#`:
  // without this schema added first, compiling fails with a MissingRefError.
  ajv.addSchema(geoJsonSchema)
  return ajv.compile(ninjsSchema)
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
