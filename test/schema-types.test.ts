// The TypeScript types must not drift from the JSON Schemas ajv validates:
// pipeline/generated/schema-types.ts must be exactly what the schemas
// generate, and the precompiled validators what ajv compiles from them.
import {readFile} from 'node:fs/promises'
import {expect, it} from 'vitest'
import {
  renderNinjs16Validator,
  renderNinjsValidator,
  renderSchemaTypes,
  renderSchemaValidators
} from '../scripts/schema-types.js'

it('pipeline/generated/schema-types.ts is generated from the current schemas (run `npm run schema-types`)', async () => {
  const committed = await readFile(
    new URL('../pipeline/generated/schema-types.ts', import.meta.url),
    'utf8'
  )
  expect(committed).toBe(await renderSchemaTypes())
})

it('pipeline/generated/schema-validators.ts is compiled from the current schemas (run `npm run schema-types`)', async () => {
  const committed = await readFile(
    new URL('../pipeline/generated/schema-validators.ts', import.meta.url),
    'utf8'
  )
  expect(committed).toBe(await renderSchemaValidators())
})

it('pipeline/generated/ninjs-validator.ts is compiled from the vendored ninjs 2.2 and 3.1 schemas (run `npm run schema-types`)', async () => {
  const committed = await readFile(
    new URL('../pipeline/generated/ninjs-validator.ts', import.meta.url),
    'utf8'
  )
  expect(committed).toBe(await renderNinjsValidator())
})

it('pipeline/generated/ninjs-1.6-validator.ts is compiled from the vendored ninjs 1.6 schema (run `npm run schema-types`)', async () => {
  const committed = await readFile(
    new URL('../pipeline/generated/ninjs-1.6-validator.ts', import.meta.url),
    'utf8'
  )
  expect(committed).toBe(await renderNinjs16Validator())
})
