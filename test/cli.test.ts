// The CLI as users run it: exit codes, the report on stderr, the files
// written, in a temporary project folder.
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  utimes,
  writeFile
} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {VFile} from 'vfile'
import {reporter} from 'vfile-reporter'
import {statistics} from 'vfile-statistics'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {formatSummary, usage} from '../pipeline/cli/cli.js'
import {runCliIn} from './helpers/run-cli.js'

const root = fileURLToPath(new URL('..', import.meta.url))
let project: string

const article = (headline: string) =>
  `${headline}\n\nBy Mina Kowalczyk\n\nVALLETTA, June 2 (Reuters) - A first paragraph about ${headline.toLowerCase()}.\n\nA second paragraph closes it.\n`

// Metadata the recommended-field warnings ask for, so reports show only what
// a test is about.
const image =
  '{"url": "https://news.example/i.jpg", "width": 1200, "height": 800}'
const config = `{"authors": [{"name": "Mina Kowalczyk", "url": "https://news.example/staff/mina"}]}\n`

beforeEach(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'copydesk-cli-'))
  await mkdir(path.join(project, 'input'))
  await writeFile(path.join(project, 'copydesk.config.json'), config)
})

afterEach(async () => {
  await rm(project, {recursive: true, force: true})
})

async function put(file: string, value: string | Uint8Array) {
  await mkdir(path.dirname(path.join(project, file)), {recursive: true})
  await writeFile(path.join(project, file), value)
}

/**
 * The report with vfile-reporter's column padding folded to one space, and
 * the time of the build's summary line as `T`.
 */
function squash(report: string): string {
  return report
    .split('\n')
    .map((line) => line.trim().replace(/ {2,}/g, ' '))
    .join('\n')
    .replace(/ written in \d+\.\d s$/gm, ' written in T s')
}

/** The line a build ends with, its time as `squash` gives it. */
function tally(
  built: number,
  unchanged: number,
  failed: number,
  written: number
) {
  const articles = built + unchanged + failed
  return `copydesk: ${articles} article${articles === 1 ? '' : 's'} (${built} built, ${unchanged} unchanged, ${failed} failed), ${written} file${written === 1 ? '' : 's'} written in T s\n`
}

async function listOutput(folder = 'output'): Promise<string[]> {
  const files = await readdir(path.join(project, folder), {
    recursive: true
  }).catch(() => [])
  return files.map(String).sort()
}

describe('copydesk CLI', () => {
  it('prints help on stdout and exits 0', async () => {
    const run = await runCliIn(project, ['--help'])
    expect(run).toEqual({code: 0, stdout: usage, stderr: ''})
  })

  it('prints the version in package.json on stdout and exits 0', async () => {
    const {version} = JSON.parse(
      await readFile(path.join(root, 'package.json'), 'utf8')
    )
    for (const flag of ['--version', '-v']) {
      expect(await runCliIn(project, [flag])).toEqual({
        code: 0,
        stdout: `${version}\n`,
        stderr: ''
      })
    }
  })

  it('exits 2 on an unknown option, in one line with a pointer to --help', async () => {
    const run = await runCliIn(project, ['build', '--fast'])
    expect(run).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'copydesk: unknown option `--fast`\nTry `copydesk --help` for the options.\n'
    })
  })

  it('suggests the option a typo is closest to', async () => {
    for (const [argv, line] of [
      [
        ['build', '--outptu', 'x'],
        'unknown option `--outptu`; did you mean `--output`?'
      ],
      [
        ['build', '--verbos'],
        'unknown option `--verbos`; did you mean `--verbose`?'
      ],
      [
        ['build', '--reporter', 'jsno'],
        'unexpected `--reporter jsno`, expected `text` or `json`; did you mean `json`?'
      ],
      [
        ['build', '--jobs', '-3'],
        'unexpected value after `--jobs` that starts with `-`, expected --jobs=<value> for such a value'
      ],
      [
        ['build', '--jobs=-3'],
        'unexpected `--jobs -3`, expected a whole number of 1 or more'
      ],
      [
        ['build', '--jobs', '1.5'],
        'unexpected `--jobs 1.5`, expected a whole number of 1 or more'
      ],
      [['build', '-x'], 'unknown option `-x`']
    ] as const) {
      const run = await runCliIn(project, [...argv])
      expect(run.code).toBe(2)
      expect(run.stderr).toBe(
        `copydesk: ${line}\nTry \`copydesk --help\` for the options.\n`
      )
    }
  })

  it('exits 2 on a missing or unknown command', async () => {
    expect((await runCliIn(project, [])).code).toBe(2)
    const run = await runCliIn(project, ['publish'])
    expect(run.code).toBe(2)
    expect(run.stderr.split('\n')[0]).toBe(
      'copydesk: unknown command `publish`, expected `build` or `worker`'
    )
  })

  it('stops a worker whose --config cannot be read or is invalid, before it connects', async () => {
    // Port 1 on loopback: a worker that got as far as Redis would say so.
    const queue = ['worker', '--queue', 'redis://127.0.0.1:1']
    const missing = await runCliIn(project, [...queue, '-c', 'none.json'])
    expect(missing.code).toBe(1)
    expect(missing.stderr.split('\n')[0]).toBe('none.json')
    expect(squash(missing.stderr)).toContain(
      'error Unexpected unreadable config (ENOENT), expected a readable JSON file at the path `--config` gives read-error'
    )
    await put('bad.json', '{"baseUrl": 5}\n')
    const invalid = await runCliIn(project, [...queue, '-c', 'bad.json'])
    expect(invalid.code).toBe(1)
    expect(invalid.stderr).toContain('bad.json')
    expect(invalid.stderr).toContain('config-schema')
    expect(invalid.stderr).not.toContain('redis://')
  })

  it('builds input/ into output/ with nested folders kept', async () => {
    await put('input/world/one.txt', article('Harbour reopens'))
    await put(
      'input/world/one.meta.json',
      `{"datePublished": "2024-06-02T08:00:00+02:00", "images": [${image}]}\n`
    )
    const run = await runCliIn(project, ['build'])
    expect({...run, stderr: squash(run.stderr)}).toEqual({
      code: 0,
      stdout: '',
      stderr: tally(1, 0, 0, 4)
    })
    expect(await listOutput()).toEqual([
      'world',
      'world/one.head.html',
      'world/one.jsonld',
      'world/one.ninjs.json',
      'world/one.nitf.xml'
    ])
    const document = JSON.parse(
      await readFile(path.join(project, 'output/world/one.jsonld'), 'utf8')
    )
    const [newsArticle] = document['@graph']
    expect(newsArticle.headline).toBe('Harbour reopens')
    expect(newsArticle.datePublished).toBe('2024-06-02T08:00:00+02:00')
    expect(newsArticle.dateline).toBe('VALLETTA, June 2 (Reuters) -')
  })

  it('takes files, folders and globs, and --output', async () => {
    await put('a/one.txt', article('One'))
    await put('b/two.txt', article('Two'))
    await put('b/deeper/three.txt', article('Three'))
    const run = await runCliIn(project, [
      'build',
      'a/one.txt',
      'b/**/*.txt',
      '-o',
      'site'
    ])
    expect(run.code).toBe(0)
    expect(
      (await listOutput('site')).filter((file) => file.endsWith('.jsonld'))
    ).toEqual(['deeper/three.jsonld', 'one.jsonld', 'two.jsonld'])
  })

  it('reports a path that matches nothing and exits 1', async () => {
    const run = await runCliIn(project, ['build', 'missing.txt'])
    expect(run.code).toBe(1)
    expect(squash(run.stderr)).toContain(
      'missing.txt\nerror Unexpected path `missing.txt` that matches no file, expected an article file, a folder or a glob'
    )
  })

  it('writes nothing for a fatal file, builds the others, exits 1', async () => {
    await put('input/good.txt', article('Good news'))
    await put('input/empty.txt', '  \n\n')
    const run = await runCliIn(project, ['build'])
    expect(run.code).toBe(1)
    expect(squash(run.stderr)).toBe(
      'input/empty.txt\nerror Unexpected empty text, expected a headline followed by body paragraphs missing-headline copydesk\n\n' +
        'input/good.txt\nwarning Unexpected missing `datePublished`, expected an ISO 8601 date-time with offset in the sidecar `.meta.json`; the outputs have no publication date missing-date copydesk\n' +
        'warning Unexpected article without image, expected `images` in the sidecar `.meta.json`; search engines show articles with images first missing-image copydesk\n\n' +
        `3 messages (✖ 1 error, ⚠ 2 warnings)\n${tally(1, 0, 1, 4)}`
    )
    expect(await listOutput()).toEqual([
      'good.head.html',
      'good.jsonld',
      'good.ninjs.json',
      'good.nitf.xml'
    ])
  })

  it('places a sidecar syntax error, skips that article, builds the rest', async () => {
    await put('input/good.txt', article('Good news'))
    await put('input/bad.txt', article('Bad sidecar'))
    await put(
      'input/bad.meta.json',
      '{\n  "url": "https://x.example/a",\n  "section" "World"\n}\n'
    )
    const run = await runCliIn(project, ['build'])
    expect(run.code).toBe(1)
    expect(squash(run.stderr)).toContain(
      'input/bad.meta.json\n3:13 error Unexpected token, expected `:` json-syntax copydesk'
    )
    expect(squash(run.stderr)).toContain(
      'input/bad.txt\nerror Unexpected invalid sidecar `bad.meta.json`, expected metadata valid against `schemas/meta.schema.json`; nothing written for this article invalid-sidecar copydesk'
    )
    expect(await listOutput()).toEqual([
      'good.head.html',
      'good.jsonld',
      'good.ninjs.json',
      'good.nitf.xml'
    ])
  })

  it('places a sidecar type error at the offending value', async () => {
    await put('input/bad.txt', article('Bad types'))
    await put(
      'input/bad.meta.json',
      '{\n  "keywords": "ports",\n  "url": "javascript:alert(1)",\n  "datePublished": "2024-06-02T08:00:00"\n}\n'
    )
    const run = await runCliIn(project, ['build'])
    expect(run.code).toBe(1)
    const lines = squash(run.stderr).split('\n')
    expect(lines).toContain(
      '2:15-2:22 error Unexpected value at `/keywords`, expected an array meta-schema copydesk'
    )
    expect(
      lines.some((line) =>
        line.startsWith('3:10-3:31 error Unexpected value at `/url`')
      )
    ).toBe(true)
    expect(
      lines.some((line) =>
        line.startsWith('4:20-4:41 error Unexpected value at `/datePublished`')
      )
    ).toBe(true)
    expect(await listOutput()).toEqual([])
  })

  it('warns about an unknown sidecar key and builds anyway', async () => {
    await put('input/a.txt', article('Extra key'))
    await put(
      'input/a.meta.json',
      `{"datePublished": "2024-06-02T08:00:00Z", "images": [${image}], "sectoin": "World"}\n`
    )
    const run = await runCliIn(project, ['build'])
    expect(run.code).toBe(0)
    expect(squash(run.stderr)).toBe(
      `input/a.meta.json\n1:124-1:142 warning Unexpected unknown property \`sectoin\`, expected only known keys; did you mean \`section\`?; ignored unknown-property copydesk\n\n⚠ 1 warning\n${tally(1, 0, 0, 4)}`
    )
    expect((await runCliIn(project, ['build', '--frail'])).code).toBe(1)
  })

  it('refuses two inputs that would write one output, naming both', async () => {
    await put('input/story.txt', article('One'))
    await put('other/story.txt', article('Two'))
    const run = await runCliIn(project, ['build', 'input', 'other'])
    expect(run.code).toBe(1)
    expect(squash(run.stderr)).toContain(
      'input/story.txt\nerror Unexpected second input for the outputs of `story` (also from `other/story.txt`), expected one input per output file; rename one of them output-collision copydesk'
    )
    expect(await listOutput()).toEqual([])
  })

  it('shows why lines moved with --verbose', async () => {
    await put('input/a.txt', `${article('Moved lines')}\nReuter\n`)
    const quiet = await runCliIn(project, ['build'])
    expect(quiet.stderr).not.toContain('signature')
    const verbose = await runCliIn(project, ['build', '--verbose'])
    expect(squash(verbose.stderr)).toContain(
      '9:1-9:7 info Dropped end signature `Reuter` signature copydesk'
    )
  })

  it('builds the seed as the issue describes', async () => {
    const output = path.join(project, 'seed-output')
    const run = await runCliIn(root, ['build', '--output', output])
    expect(run.code).toBe(0)
    const graph = JSON.parse(
      await readFile(
        path.join(output, 'korea-russia-ties-hit-new-low.jsonld'),
        'utf8'
      )
    )['@graph']
    const node = (id: string) =>
      graph.find((candidate: {'@id': string}) => candidate['@id'] === id)
    const document = graph[0]
    expect(document['@type']).toBe('NewsArticle')
    expect(document.headline).toBe(
      'S. Korea-Russia ties hit new low following minister’s remarks'
    )
    expect(
      document.author.map((author: {'@id': string}) => node(author['@id']))
    ).toEqual([
      {
        '@type': 'Person',
        '@id': 'https://www.koreatimes.co.kr/#/person/lee-hyo-jin',
        name: 'Lee Hyo-jin',
        email: 'lhj@koreatimes.co.kr'
      }
    ])
    expect(node(document.publisher['@id'])).toEqual({
      '@type': 'NewsMediaOrganization',
      '@id': 'https://www.koreatimes.co.kr/#publisher',
      name: 'The Korea Times',
      url: 'https://www.koreatimes.co.kr'
    })
    expect(document.inLanguage).toBe('en')
    expect(document.datePublished).toBeUndefined()
    const paragraphs = document.articleBody.split('\n\n')
    expect(paragraphs).toHaveLength(10)
    expect(document.articleBody).not.toContain('Newspapers')
    expect(document.wordCount).toBe(
      document.articleBody
        .split(/\s+/)
        .filter((token: string) => /[\p{L}\p{N}]/u.test(token)).length
    )
  })

  it('removes stale temporaries of a partner profile suffix too', async () => {
    await writeFile(
      path.join(project, 'copydesk.config.json'),
      '{"nitf": {"profiles": {"kindle": {"suffix": ".kindle.xml"}}}}\n'
    )
    await put('input/a.txt', article('Profiled'))
    await put('output/a.kindle.xml.123456', '<nitf')
    const old = new Date('2020-01-01T00:00:00Z')
    await utimes(path.join(project, 'output/a.kindle.xml.123456'), old, old)
    await runCliIn(project, ['build'])
    expect(await listOutput()).not.toContain('a.kindle.xml.123456')
    expect(await listOutput()).toContain('a.kindle.xml')
  })

  it('removes every temporary an interrupted build left, however young, and nothing else', async () => {
    await put('input/a.txt', article('Left behind'))
    await put('output/a.jsonld.3141592653', '{"half": ')
    await put('output/a.nitf.xml.27182818', '<nitf')
    await put('output/notes.txt.12345', 'not ours')
    const old = new Date('2020-01-01T00:00:00Z')
    await utimes(path.join(project, 'output/a.jsonld.3141592653'), old, old)
    await utimes(path.join(project, 'output/notes.txt.12345'), old, old)
    expect((await runCliIn(project, ['build'])).code).toBe(0)
    // The build holds the folder's lock: a young temporary is a dead
    // build's too. `notes.txt.12345` is no output of copydesk's.
    expect(await listOutput()).toEqual([
      'a.head.html',
      'a.jsonld',
      'a.ninjs.json',
      'a.nitf.xml',
      'notes.txt.12345'
    ])
  })

  it('refuses an input whose outputs a partner profile of another would overwrite', async () => {
    await writeFile(
      path.join(project, 'copydesk.config.json'),
      '{"nitf": {"profiles": {"feed": {}}}}\n'
    )
    await put('input/a.txt', article('One'))
    await put('input/a.feed.txt', article('Two'))
    await put('input/b.txt', article('Three'))
    const run = await runCliIn(project, ['build'])
    expect(run.code).toBe(1)
    // `a.txt` writes `a.feed.nitf.xml` for the profile, `a.feed.txt` for the default.
    expect(squash(run.stderr)).toContain(
      'input/a.feed.txt\nerror Unexpected second input for the outputs of `a.feed` (also from `input/a.txt`), expected one input per output file; rename one of them output-collision copydesk'
    )
    expect(squash(run.stderr)).toContain(
      'input/a.txt\nerror Unexpected second input for the outputs of `a` (also from `input/a.feed.txt`), expected one input per output file; rename one of them output-collision copydesk'
    )
    expect((await listOutput()).filter((file) => file.startsWith('a'))).toEqual(
      []
    )
    expect(await listOutput()).toContain('b.feed.nitf.xml')
  })

  it('removes characters XML forbids from sidecar values, with a warning', async () => {
    await put('input/a.txt', article('Clean keywords'))
    await put(
      'input/a.meta.json',
      `{"datePublished": "2024-06-02T08:00:00Z", "images": [${image}], "keywords": ["port\\u0001s"]}\n`
    )
    const run = await runCliIn(project, ['build'])
    expect(run.code).toBe(0)
    expect(squash(run.stderr)).toBe(
      `input/a.meta.json\n1:137-1:150 warning Unexpected character \`U+0001\`, expected text that XML 1.0 allows; removed illegal-character copydesk\n\n⚠ 1 warning\n${tally(1, 0, 0, 4)}`
    )
    const graph = JSON.parse(
      await readFile(path.join(project, 'output/a.jsonld'), 'utf8')
    )['@graph']
    expect(graph[0].keywords).toEqual(['ports'])
  })

  it('refuses, once and at its place, a partner profile that writes another output', async () => {
    await writeFile(
      path.join(project, 'copydesk.config.json'),
      '{\n  "nitf": {"profiles": {"kindle": {"suffix": ".nitf.xml"}}}\n}\n'
    )
    await put('input/a.txt', article('Never built'))
    await put('input/b.txt', article('Nor this one'))
    const run = await runCliIn(project, ['build'])
    expect(run.code).toBe(1)
    expect(squash(run.stderr)).toBe(
      `copydesk.config.json\n2:46-2:57 error Unexpected NITF profile \`kindle\` writing \`<stem>.nitf.xml\`, which profile \`default\` writes too, expected one output per file name; give the profile another \`suffix\` in \`copydesk.config.json\` nitf-profile-collision copydesk\n\n✖ 1 error\n${tally(0, 0, 0, 0)}`
    )
    expect(await listOutput()).toEqual([])
  })

  it('refuses a config language tag that is not BCP 47, at its place', async () => {
    await writeFile(
      path.join(project, 'copydesk.config.json'),
      '{"language": "en_US"}\n'
    )
    await put('input/a.txt', article('Never built'))
    const run = await runCliIn(project, ['build'])
    expect(run.code).toBe(1)
    expect(squash(run.stderr)).toBe(
      `copydesk.config.json\n1:14-1:21 error Unexpected language tag \`en_US\` (found superfluous content after tag), expected a well-formed BCP 47 tag with a language (\`en\`, \`en-GB\`, \`zh-Hant-TW\`) language-tag copydesk\n\n✖ 1 error\n${tally(0, 0, 0, 0)}`
    )
    expect(await listOutput()).toEqual([])
  })

  it('refuses a desk pattern that does not compile, at its place', async () => {
    await writeFile(
      path.join(project, 'copydesk.config.json'),
      '{"extraction": {"boilerplate": ["^Subscribe", "^\\\\p$"]}}\n'
    )
    await writeFile(path.join(project, 'input', 'a.txt'), article('Harbour'))
    const run = await runCliIn(project, ['build'])
    expect(run.code).toBe(1)
    expect(squash(run.stderr)).toMatch(
      /^copydesk\.config\.json\n1:47-1:54 error Unexpected pattern `\^\\p\$` \(.+\), expected a regular expression valid with the `iu` flags invalid-pattern copydesk\n\n✖ 1 error\ncopydesk: 0 articles \(0 built, 0 unchanged, 0 failed\), 0 files written in T s\n$/
    )
    expect(await listOutput()).toEqual([])
  })

  it('refuses a sidecar language tag that is not BCP 47, at its place', async () => {
    await put('input/a.txt', article('Never built'))
    await put('input/a.meta.json', '{"language": "en-"}\n')
    const run = await runCliIn(project, ['build'])
    expect(run.code).toBe(1)
    expect(squash(run.stderr)).toBe(
      'input/a.meta.json\n1:14-1:19 error Unexpected language tag `en-` (found superfluous content after tag), expected a well-formed BCP 47 tag with a language (`en`, `en-GB`, `zh-Hant-TW`) language-tag copydesk\n\n' +
        'input/a.txt\nerror Unexpected invalid sidecar `a.meta.json`, expected metadata valid against `schemas/meta.schema.json`; nothing written for this article invalid-sidecar copydesk\n\n' +
        '✖ 2 errors\n' +
        tally(0, 0, 1, 0)
    )
    expect(await listOutput()).toEqual([])
  })

  it('names a bad partner profile name in the config, at its place', async () => {
    await writeFile(
      path.join(project, 'copydesk.config.json'),
      '{"nitf": {"profiles": {"Bad Name": {}}}}\n'
    )
    await put('input/a.txt', article('Never built'))
    const run = await runCliIn(project, ['build'])
    expect(run.code).toBe(1)
    expect(squash(run.stderr)).toBe(
      `copydesk.config.json\n1:23-1:39 error Unexpected name \`Bad Name\` in \`/nitf/profiles\`, expected a name matching \`^[a-z0-9][a-z0-9_-]{0,63}$\` config-schema copydesk\n\n✖ 1 error\n${tally(0, 0, 0, 0)}`
    )
    expect(await listOutput()).toEqual([])
  })
})

describe('formatSummary', () => {
  it('words the summary as vfile-reporter does, and only with errors or warnings', () => {
    /** A file with one message of each kind given (`null`: info). */
    const fileWith = (kinds: Array<boolean | null>) => {
      const file = new VFile({path: 'a.txt'})
      for (const fatal of kinds) {
        file.message('Unexpected thing, expected another').fatal =
          fatal ?? undefined
      }
      return file
    }
    const cases: Array<[Array<boolean | null>, string]> = [
      [[null, null, null], ''],
      [[true], '✖ 1 error'],
      [[false, false], '⚠ 2 warnings'],
      [
        [true, true, false, null, null, null, null],
        '7 messages (✖ 2 errors, ⚠ 1 warning)'
      ],
      [[true, null], '2 messages (✖ 1 error)']
    ]
    for (const [kinds, expected] of cases) {
      const file = fileWith(kinds)
      expect(formatSummary(statistics([file]))).toBe(expected)
      for (const color of [false, true]) {
        // vfile-reporter's own last line, when it prints a summary.
        const report = reporter([file], {color})
        const last = expected ? report.slice(report.lastIndexOf('\n') + 1) : ''
        expect(formatSummary(statistics([file]), color)).toBe(last)
      }
    }
  })
})
