// Golden fixtures: each folder of test/fixtures/ is a small project (input/,
// optional copydesk.config.json) whose build must produce exactly the files
// in its expected/ folder, report included. The seed article in the repo's
// own input/ is the `seed` case. Every NITF written is validated against the
// NITF 3.6 XSD and every JSON-LD is checked for strict schema.org terms.
// `UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts` rewrites expected/.
import {mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {checkJsonLdTerms} from './helpers/check-jsonld.js'
import {runCliIn} from './helpers/run-cli.js'
import {validateNitf} from './helpers/validate-nitf.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const fixtures = path.join(root, 'test', 'fixtures')
const update = process.env.UPDATE_GOLDEN === '1'
const temporary: string[] = []

const cases = [
  {name: 'seed', cwd: root},
  ...(await readdir(fixtures, {withFileTypes: true}))
    .filter((entry) => entry.isDirectory() && entry.name !== 'seed')
    .map((entry) => ({name: entry.name, cwd: path.join(fixtures, entry.name)}))
    .sort((a, b) => (a.name < b.name ? -1 : 1))
]

afterAll(async () => {
  for (const folder of temporary)
    await rm(folder, {recursive: true, force: true})
})

describe.each(cases)('golden: $name', ({name, cwd}) => {
  const expectedFolder = path.join(fixtures, name, 'expected')

  it('builds exactly the expected files, and valid ones', async () => {
    const output = await mkdtemp(path.join(tmpdir(), 'copydesk-golden-'))
    temporary.push(output)
    const run = await runCliIn(cwd, ['build', '--output', output])
    const written = (await readdir(output, {recursive: true}))
      .map(String)
      .filter((file) => /\.(jsonld|nitf\.xml|head\.html)$/.test(file))
      .sort()

    if (update) {
      await rm(expectedFolder, {recursive: true, force: true})
      for (const file of written) {
        const target = path.join(expectedFolder, file)
        await writeFileDeep(target, await readFile(path.join(output, file)))
      }
      await writeFileDeep(path.join(expectedFolder, 'report.txt'), run.stderr)
    }

    expect(run.code).toBe(0)
    expect(run.stderr).toBe(
      await readFile(path.join(expectedFolder, 'report.txt'), 'utf8')
    )
    const expected = (await readdir(expectedFolder, {recursive: true}))
      .map(String)
      .filter((file) => /\.(jsonld|nitf\.xml|head\.html)$/.test(file))
      .sort()
    expect(written).toEqual(expected)
    expect(written.length).toBeGreaterThan(0)

    for (const file of written) {
      const actual = await readFile(path.join(output, file), 'utf8')
      expect(actual, file).toBe(
        await readFile(path.join(expectedFolder, file), 'utf8')
      )
      if (file.endsWith('.nitf.xml')) {
        expect(await validateNitf(actual), file).toEqual([])
      } else if (file.endsWith('.jsonld')) {
        expect(await checkJsonLdTerms(JSON.parse(actual)), file).toEqual([])
      } else {
        // The head's script holds the same graph, and nothing that could end
        // the script or open a comment in an HTML parser.
        const script =
          /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(
            actual
          )?.[1] ?? ''
        expect(script, file).not.toMatch(/<\/script|<!--|[<>&\u2028\u2029]/i)
        const jsonld = file.replace(/\.head\.html$/, '.jsonld')
        expect(JSON.parse(script), file).toEqual(
          JSON.parse(await readFile(path.join(output, jsonld), 'utf8'))
        )
      }
    }
  })
})

async function writeFileDeep(target: string, value: string | Uint8Array) {
  const {mkdir} = await import('node:fs/promises')
  await mkdir(path.dirname(target), {recursive: true})
  await writeFile(target, value)
}
