// IPTC's ninjs 2.2 schema compiled at test time from the vendored files, with
// the options the pipeline's precompiled validator uses: the tests check each
// document with this one too, so a stale or wrong generated validator cannot
// hide an invalid document.
import {Ajv2020} from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import {
  describeNinjsErrors,
  type NinjsValidator
} from '../../pipeline/emit/validate-ninjs.js'
import geoJsonSchema from '../../schemas/ninjs/GeoJSON-schema.json' with {
  type: 'json'
}
import ninjsSchema from '../../schemas/ninjs/ninjs-schema_2.2.json' with {
  type: 'json'
}
import {ninjsOptions} from '../../scripts/schema-types.js'

let validate: NinjsValidator | undefined

/** Errors of `document` against the official schema, compiled once. */
export function officialNinjsErrors(document: unknown): string[] {
  if (!validate) {
    const ajv = new Ajv2020(ninjsOptions)
    addFormats.default(ajv)
    ajv.addSchema(geoJsonSchema)
    validate = ajv.compile(ninjsSchema)
  }
  return describeNinjsErrors(validate, document)
}
