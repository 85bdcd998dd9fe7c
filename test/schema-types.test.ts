// The TypeScript types must not drift from the JSON Schemas ajv validates:
// pipeline/schema-types.ts must be exactly what the schemas generate.
import {readFile} from 'node:fs/promises'
import {expect, it} from 'vitest'
import {
  renderNinjsValidator,
  renderSchemaTypes,
  renderSchemaValidators
} from '../scripts/schema-types.js'

it('pipeline/schema-types.ts is generated from the current schemas (run `npm run schema-types`)', async () => {
  const committed = await readFile(
    new URL('../pipeline/schema-types.ts', import.meta.url),
    'utf8'
  )
  expect(committed).toBe(await renderSchemaTypes())
})

it('pipeline/schema-validators.ts is compiled from the current schemas (run `npm run schema-types`)', async () => {
  const committed = await readFile(
    new URL('../pipeline/schema-validators.ts', import.meta.url),
    'utf8'
  )
  expect(committed).toBe(await renderSchemaValidators())
})

it('pipeline/ninjs-validator.ts is compiled from the vendored ninjs schema (run `npm run schema-types`)', async () => {
  const committed = await readFile(
    new URL('../pipeline/ninjs-validator.ts', import.meta.url),
    'utf8'
  )
  expect(committed).toBe(await renderNinjsValidator())
})
