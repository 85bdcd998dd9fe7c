// Golden fixtures: each folder of test/fixtures/ is a small project (input/,
// optional copydesk.config.json) whose build must produce exactly the files
// in its expected/ folder, report included. The seed article in the repo's
// own input/ is the `seed` case. Every NITF written is validated against the
// NITF 3.6 XSD (a bare-root partner profile as a namespaced copy), every
// JSON-LD is checked for strict schema.org terms, every ninjs against IPTC's
// schema, the Atom feed with jing and the news sitemap against the
// sitemaps.org XSD and copydesk's news.xsd (`helpers/channel-checks.ts`). Files are compared as
// bytes: a partner profile may be written in ISO-8859-1 or US-ASCII.
// `UPDATE_GOLDEN=1 npx vitest run test/golden.test.ts` rewrites expected/.
import {mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {afterAll, describe, expect, it} from 'vitest'
import {nitfProfiles} from '../pipeline/emit/nitf-profile.js'
import type {Config} from '../pipeline/types.js'
import {checkOutputFile} from './helpers/channel-checks.js'
import {checkJsonLdTerms} from './helpers/check-jsonld.js'
import {runCliIn} from './helpers/run-cli.js'
import {validateBareNitf, validateNitf} from './helpers/validate-nitf.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const fixtures = path.join(root, 'test', 'fixtures')
const update = process.env.UPDATE_GOLDEN === '1'
/** The files a build writes (not the cache). */
const outputName =
  /\.(jsonld|nitf\.xml|head\.html|ninjs\.json)$|^(feed\.(atom|rss|json)|news-sitemap(-\d+)?\.xml)$/
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

/** The report without the one thing that varies: the build's time. */
function stableReport(report: string): string {
  return report.replace(/ written in \d+\.\d s$/m, ' written in T s')
}

describe.each(cases)('golden: $name', ({name, cwd}) => {
  const expectedFolder = path.join(fixtures, name, 'expected')

  it('builds exactly the expected files, and valid ones', async () => {
    const output = await mkdtemp(path.join(tmpdir(), 'copydesk-golden-'))
    temporary.push(output)
    // A fresh cache: every golden build builds, and nothing is left behind.
    const run = await runCliIn(cwd, [
      'build',
      '--output',
      output,
      '--cache-dir',
      path.join(output, '.cache')
    ])
    const written = (await readdir(output, {recursive: true}))
      .map(String)
      .filter((file) => !file.startsWith('.cache'))
      .filter((file) => outputName.test(file))
      .sort()

    if (update) {
      await rm(expectedFolder, {recursive: true, force: true})
      for (const file of written) {
        const target = path.join(expectedFolder, file)
        await writeFileDeep(target, await readFile(path.join(output, file)))
      }
      await writeFileDeep(
        path.join(expectedFolder, 'report.txt'),
        stableReport(run.stderr)
      )
    }

    expect(run.code).toBe(0)
    expect(stableReport(run.stderr)).toBe(
      await readFile(path.join(expectedFolder, 'report.txt'), 'utf8')
    )
    const expected = (await readdir(expectedFolder, {recursive: true}))
      .map(String)
      .filter((file) => !file.startsWith('.cache'))
      .filter((file) => outputName.test(file))
      .sort()
    expect(written).toEqual(expected)
    expect(written.length).toBeGreaterThan(0)

    // Longest suffix first: `.kindle.nitf.xml` before the default `.nitf.xml`.
    const profiles = nitfProfiles(await readConfig(cwd)).sort(
      (a, b) => b.suffix.length - a.suffix.length
    )
    for (const file of written) {
      const bytes = await readFile(path.join(output, file))
      const expectedBytes = await readFile(path.join(expectedFolder, file))
      const profile = profiles.find((each) => file.endsWith(each.suffix))
      // Latin-1 maps bytes one to one: a readable diff that misses no byte.
      const encoding =
        profile?.encoding === 'utf-8' || !profile ? 'utf8' : 'latin1'
      expect(bytes.toString(encoding), file).toBe(
        expectedBytes.toString(encoding)
      )
      expect(bytes.equals(expectedBytes), file).toBe(true)
      const actual = bytes.toString('utf8')
      if (file.endsWith('.nitf.xml')) {
        const validate =
          profile?.namespace === 'bare' ? validateBareNitf : validateNitf
        expect(await validate(bytes), file).toEqual([])
      } else if (file.endsWith('.jsonld')) {
        expect(await checkJsonLdTerms(JSON.parse(actual)), file).toEqual([])
      } else if (!file.endsWith('.head.html')) {
        expect(await checkOutputFile(file, actual), file).toEqual([])
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

/** The fixture's `copydesk.config.json`, or none. */
async function readConfig(cwd: string): Promise<Config> {
  const text = await readFile(
    path.join(cwd, 'copydesk.config.json'),
    'utf8'
  ).catch(() => '{}')
  return JSON.parse(text) as Config
}

async function writeFileDeep(target: string, value: string | Uint8Array) {
  const {mkdir} = await import('node:fs/promises')
  await mkdir(path.dirname(target), {recursive: true})
  await writeFile(target, value)
}
