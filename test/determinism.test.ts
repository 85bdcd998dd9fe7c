// Same input, same bytes: two builds in separate processes, under different
// time zones and locales, write byte-identical outputs, the build report's
// pages included (its index but for the line that says how long the run
// took); inputs named or listed in any order give the same outputs and the
// same report.
import {execFile} from 'node:child_process'
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  writeFile
} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import {afterAll, expect, it} from 'vitest'
import {runCliIn} from './helpers/run-cli.js'

const run = promisify(execFile)
const root = fileURLToPath(new URL('..', import.meta.url))
const bin = path.join(root, 'bin', 'copydesk.js')
const project = path.join(root, 'test', 'fixtures', 'web-copy')
const folders: string[] = []

afterAll(async () => {
  for (const folder of folders) await rm(folder, {recursive: true, force: true})
})

async function buildWith(environment: Record<string, string>) {
  const output = await mkdtemp(path.join(tmpdir(), 'copydesk-determinism-'))
  folders.push(output)
  await run(
    process.execPath,
    [bin, 'build', '--output', output, '--cache-dir', `${output}.cache`],
    {
      cwd: project,
      env: {...process.env, ...environment}
    }
  )
  folders.push(`${output}.cache`)
  const files = (await readdir(output)).sort()
  return Promise.all(
    files.map(async (file) => [file, await readFile(path.join(output, file))])
  )
}

it('writes the same bytes whatever the time zone and locale', async () => {
  const first = await buildWith({TZ: 'Pacific/Chatham', LC_ALL: 'de_DE.UTF-8'})
  const second = await buildWith({TZ: 'America/Los_Angeles', LC_ALL: 'C'})
  expect(first.map(([file]) => file)).toEqual([
    'bridge-vote.head.html',
    'bridge-vote.jsonld',
    'bridge-vote.ninjs.json',
    'bridge-vote.nitf.xml',
    'feed.atom',
    'feed.json',
    'feed.rss',
    'news-sitemap.xml'
  ])
  expect(second).toEqual(first)
})

it('writes the same bytes and report whatever order the inputs come in', async () => {
  const folder = await mkdtemp(path.join(tmpdir(), 'copydesk-order-'))
  folders.push(folder)
  const names = ['z/last.txt', 'a.txt', 'm/Middle.txt', 'b.txt', 'm/c.txt']
  // Created in one order, named in others: only sorting makes them agree.
  for (const name of [...names].reverse()) {
    await mkdir(path.dirname(path.join(folder, 'input', name)), {
      recursive: true
    })
    await writeFile(
      path.join(folder, 'input', name),
      `Story from ${name}\n\nThe body of ${name}, with a warning or two.\n`
    )
  }
  const builds: Array<{stderr: string; files: unknown[]}> = []
  for (const order of [names, [...names].reverse(), [...names].sort()]) {
    const output: string = `out-${builds.length}`
    const result = await runCliIn(folder, [
      'build',
      ...order.map((name) => `input/${name}`),
      '-o',
      output
    ])
    const files = (await readdir(path.join(folder, output), {recursive: true}))
      .map(String)
      .sort()
    builds.push({
      // All but the build's time, which no two builds share.
      stderr: result.stderr.replace(/ written in \d+\.\d s$/m, ''),
      files: await Promise.all(
        files.map(async (file) => [
          file,
          await readFile(path.join(folder, output, file)).catch(() => 'folder')
        ])
      )
    })
  }
  expect(builds[0]?.files).toHaveLength(5 * 4)
  expect(builds[0]?.stderr).toMatch(
    /^input\/a\.txt\n[\s\S]*input\/z\/last\.txt\n/
  )
  expect(builds[1]).toEqual(builds[0])
  expect(builds[2]).toEqual(builds[0])
})

it('writes the same report whatever the time zone and locale, but for the run’s time', async () => {
  const builds: Array<Array<[string, string]>> = []
  for (const environment of [
    {TZ: 'Pacific/Chatham', LC_ALL: 'de_DE.UTF-8'},
    {TZ: 'America/Los_Angeles', LC_ALL: 'C'}
  ]) {
    const output = await mkdtemp(path.join(tmpdir(), 'copydesk-report-'))
    folders.push(output, `${output}.cache`)
    await run(
      process.execPath,
      [
        bin,
        'build',
        '--report',
        '-o',
        output,
        '--cache-dir',
        `${output}.cache`
      ],
      {cwd: project, env: {...process.env, ...environment}}
    )
    const names = (
      await readdir(path.join(output, 'report'), {recursive: true})
    )
      .map(String)
      .filter((name) => name.includes('.'))
      .sort()
    builds.push(
      await Promise.all(
        names.map(
          async (name): Promise<[string, string]> => [
            name,
            (await readFile(path.join(output, 'report', name), 'utf8')).replace(
              /<p id="run"[\s\S]*?<\/p>/,
              '<p id="run"></p>'
            )
          ]
        )
      )
    )
  }
  expect(builds[0]?.map(([name]) => name.split(path.sep).join('/'))).toEqual([
    'articles/bridge-vote.html',
    'index.html',
    'report.css'
  ])
  expect(builds[1]).toEqual(builds[0])
})
