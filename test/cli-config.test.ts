// Configuration as the ecosystem does it: config discovery and `--config`,
// ignore files and patterns, case-insensitive `.txt`, rule levels, report
// levels and formats, clear outcomes (no inputs, a summary line, `--jobs`
// capped), through the CLI in a temporary project.
import {mkdir, mkdtemp, readdir, rm, writeFile} from 'node:fs/promises'
import {availableParallelism, tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {runCliIn} from './helpers/run-cli.js'

let project: string

const article = (headline: string) =>
  `${headline}\n\nBy Ines Okafor\n\nPORT ELLIS, May 3 (Reuters) - A first paragraph about ${headline.toLowerCase()}.\n\nA second paragraph closes it.\n`

beforeEach(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'copydesk-config-'))
})

afterEach(async () => {
  await rm(project, {recursive: true, force: true})
})

async function put(file: string, value: string) {
  await mkdir(path.dirname(path.join(project, file)), {recursive: true})
  await writeFile(path.join(project, file), value)
}

async function built(folder = 'output'): Promise<string[]> {
  const names = await readdir(path.join(project, folder), {
    recursive: true
  }).catch(() => [])
  return names
    .filter((name) => name.endsWith('.jsonld'))
    .map((name) => name.split(path.sep).join('/'))
    .sort()
}

/** The rule ids the report names, in order. */
function ruleIds(stderr: string): string[] {
  return [...stderr.matchAll(/\s([a-z]+(?:-[a-z]+)*)\s+copydesk$/gm)].map(
    (match) => match[1] as string
  )
}

// A publisher only the config gives: where a config was read, the JSON-LD
// names it.
const publisherConfig = (name: string) =>
  JSON.stringify({publisher: {name, url: 'https://courier.example/'}})

async function publisherOf(stem: string, folder = 'output'): Promise<unknown> {
  const {readFile} = await import('node:fs/promises')
  const graph = JSON.parse(
    await readFile(path.join(project, folder, `${stem}.jsonld`), 'utf8')
  )['@graph'] as Array<{'@type': string; name?: string}>
  return graph.find((node) => node['@type'] === 'NewsMediaOrganization')?.name
}

describe('config discovery', () => {
  it('finds .copydeskrc.json from the input folder upward', async () => {
    await put('site/.copydeskrc.json', publisherConfig('Rc Courier'))
    await put('site/stories/a.txt', article('Rc found'))
    const run = await runCliIn(project, ['build', 'site/stories'])
    expect(run.code).toBe(0)
    expect(await publisherOf('a')).toBe('Rc Courier')
  })

  it('reads the `copydesk` key of package.json, with positions in that file', async () => {
    await put(
      'package.json',
      `{\n  "name": "site",\n  "copydesk": {"language": "en_GB"}\n}\n`
    )
    await put('input/a.txt', article('Package config'))
    const run = await runCliIn(project, ['build'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      /^package\.json\n\s*3:28-3:35\s+error\s+Unexpected language tag `en_GB`/
    )
  })

  it('prefers copydesk.config.json in the same folder, and --config over all', async () => {
    await put('copydesk.config.json', publisherConfig('Main Courier'))
    await put('.copydeskrc.json', publisherConfig('Rc Courier'))
    await put('other.json', publisherConfig('Other Courier'))
    await put('input/a.txt', article('Which config'))
    expect((await runCliIn(project, ['build'])).code).toBe(0)
    expect(await publisherOf('a')).toBe('Main Courier')
    const run = await runCliIn(project, [
      'build',
      '--config',
      'other.json',
      '-o',
      'b'
    ])
    expect(run.code).toBe(0)
    expect(await publisherOf('a', 'b')).toBe('Other Courier')
  })

  it('refuses a --config file that cannot be read, naming it', async () => {
    await put('input/a.txt', article('Missing config'))
    const run = await runCliIn(project, ['build', '--config', 'nope.json'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(
      /^nope\.json\n\s*error\s+Unexpected unreadable config \(ENOENT\), expected a readable JSON file at the path `--config` gives/
    )
    expect(await built()).toEqual([])
  })

  it('suggests the key a typo in the config is closest to', async () => {
    await put(
      'copydesk.config.json',
      '{"publisher": {"name": "Courier", "ulr": "https://courier.example/"}}'
    )
    await put('input/a.txt', article('Typo'))
    const run = await runCliIn(project, ['build'])
    expect(run.stderr).toContain(
      'Unexpected unknown property `ulr` in `/publisher`, expected only known keys; did you mean `url`?; ignored'
    )
  })
})

describe('which files are inputs', () => {
  it('skips node_modules, hidden folders and what .copydeskignore and --ignore-pattern exclude', async () => {
    await put('input/keep.txt', article('Kept'))
    await put('input/node_modules/pkg/readme.txt', article('Dependency'))
    await put('input/.drafts/draft.txt', article('Hidden draft'))
    await put('input/archive/old.txt', article('Archived'))
    await put('input/spiked/no.txt', article('Spiked'))
    await put('.copydeskignore', '# archived stories\ninput/archive/\n')
    const run = await runCliIn(project, [
      'build',
      '--ignore-pattern',
      'input/spiked/**'
    ])
    expect(run.code).toBe(0)
    expect(await built()).toEqual(['keep.jsonld'])
  })

  it('builds a file named on its own even when ignored', async () => {
    await put('input/archive/old.txt', article('Archived'))
    await put('.copydeskignore', 'input/archive/\n')
    const run = await runCliIn(project, ['build', 'input/archive/old.txt'])
    expect(run.code).toBe(0)
    expect(await built()).toEqual(['old.jsonld'])
  })

  it('takes .TXT as .txt in folders', async () => {
    await put('input/LOUD.TXT', article('Upper case name'))
    await put('input/quiet.txt', article('Lower case name'))
    expect((await runCliIn(project, ['build'])).code).toBe(0)
    expect(await built()).toEqual(['LOUD.jsonld', 'quiet.jsonld'])
  })

  it('reports a folder without articles as an error naming what was searched', async () => {
    await put('input/notes.md', '# not an article\n')
    const run = await runCliIn(project, ['build'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      'Unexpected folder `input` without articles, expected `.txt` files in it (searched `input/**/*.txt`, skipping `node_modules`, hidden folders and what `.copydeskignore` or `--ignore-pattern` exclude)'
    )
  })
})

describe('rule levels', () => {
  it('turns warnings off or down to info, as the config says', async () => {
    await put('input/a.txt', article('Levels'))
    const before = await runCliIn(project, ['build'])
    expect(ruleIds(before.stderr)).toEqual([
      'missing-date',
      'missing-image',
      'author-without-url'
    ])
    await put(
      'copydesk.config.json',
      JSON.stringify({
        rules: {'missing-image': 'off', 'author-without-url': 'info'}
      })
    )
    const after = await runCliIn(project, ['build', '--force'])
    expect(after.code).toBe(0)
    expect(ruleIds(after.stderr)).toEqual(['missing-date'])
    const verbose = await runCliIn(project, ['build', '--force', '--verbose'])
    expect(verbose.stderr).toMatch(/info\s+Unexpected author `Ines Okafor`/)
    expect(verbose.stderr).not.toContain('missing-image')
  })

  it('refuses an unknown rule, with the id it is closest to', async () => {
    await put('input/a.txt', article('Unknown rule'))
    await put(
      'copydesk.config.json',
      '{"rules": {"missing-imag": "off", "missing-headline": "off"}}'
    )
    const run = await runCliIn(project, ['build'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      'Unexpected rule `missing-imag`, expected the id of a warning or info rule (errors cannot be turned off); did you mean `missing-image`?'
    )
    expect(run.stderr).toContain('Unexpected rule `missing-headline`')
    expect(await built()).toEqual([])
  })
})

describe('report levels and formats', () => {
  beforeEach(async () => {
    await put('input/good.txt', article('Good'))
    await put('input/empty.txt', '\n\n')
  })

  it('--silent reports errors only', async () => {
    const run = await runCliIn(project, ['build', '--silent'])
    expect(run.code).toBe(1)
    expect(ruleIds(run.stderr)).toEqual(['missing-headline'])
    expect(run.stderr).not.toContain('copydesk: 2 articles')
  })

  it('--quiet leaves out the summary lines', async () => {
    const run = await runCliIn(project, ['build', '--quiet'])
    expect(ruleIds(run.stderr)).toContain('missing-headline')
    expect(run.stderr).not.toMatch(/error.*warning|copydesk: 2 articles/)
  })

  it('--reporter json prints vfile-reporter-json', async () => {
    const run = await runCliIn(project, ['build', '--reporter', 'json'])
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stderr) as Array<{
      path: string
      messages: Array<{ruleId: string; fatal: boolean | null}>
    }>
    // Infos too: the channels say why the articles are in no feed.
    expect(report.map((file) => file.path)).toEqual([
      'input/empty.txt',
      'input/good.txt',
      'output'
    ])
    expect(report[0]?.messages.map((message) => message.ruleId)).toEqual([
      'missing-headline'
    ])
  })

  it('ends a build with one summary line', async () => {
    const run = await runCliIn(project, ['build'])
    expect(run.stderr).toMatch(
      /\ncopydesk: 2 articles \(1 built, 0 unchanged, 1 failed\), 4 files written in \d+\.\d s\n$/
    )
    const again = await runCliIn(project, ['build'])
    expect(again.stderr).toMatch(
      /\ncopydesk: 2 articles \(0 built, 1 unchanged, 1 failed\), 0 files written in \d+\.\d s\n$/
    )
  })
})

describe('--jobs', () => {
  it('caps --jobs at the number of cores, with a notice', async () => {
    await put('input/a.txt', article('Jobs'))
    const cores = availableParallelism()
    const run = await runCliIn(project, ['build', '--jobs', String(cores + 62)])
    expect(run.code).toBe(0)
    expect(run.stderr.split('\n')[0]).toBe(
      `copydesk: \`--jobs ${cores + 62}\` is more than the ${cores} cores of this machine; building on ${cores}`
    )
  })
})
