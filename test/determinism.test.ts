// Same input, same bytes: two builds in separate processes, under different
// time zones and locales, write byte-identical outputs.
import {execFile} from 'node:child_process'
import {mkdtemp, readdir, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import {afterAll, expect, it} from 'vitest'

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
  await run(process.execPath, [bin, 'build', '--output', output], {
    cwd: project,
    env: {...process.env, ...environment}
  })
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
    'bridge-vote.nitf.xml'
  ])
  expect(second).toEqual(first)
})
