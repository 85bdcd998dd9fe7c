// Incremental builds, worker threads and progress: a rebuild with nothing
// changed writes nothing and reports the same; any change to an article,
// its sidecar, the config or an output rebuilds exactly what it touches;
// `--force` rebuilds everything; `--jobs` changes neither outputs nor report.
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  stat,
  utimes,
  writeFile
} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {build} from '../pipeline/build/build.js'
import {formatReport, runCli} from '../pipeline/cli/cli.js'

let project: string

const story = (index: number) =>
  `Council vote number ${index} on the bridge\n\nBy Mina Kowalczyk\n\nVALLETTA, June 2 (Reuters) - The council voted ${index} times on the plan.\n\nA second paragraph closes story ${index}.\n`

beforeEach(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'copydesk-incremental-'))
  for (let index = 0; index < 40; index++) {
    const name = `input/desk-${index % 3}/story-${index}.txt`
    await mkdir(path.dirname(path.join(project, name)), {recursive: true})
    await writeFile(path.join(project, name), story(index))
  }
})

afterEach(async () => {
  await rm(project, {recursive: true, force: true})
})

const run = (options: {jobs?: number; force?: boolean} = {}) =>
  build({cwd: project, inputs: [], output: 'output', jobs: 1, ...options})

const report = (files: Awaited<ReturnType<typeof run>>['files']) =>
  formatReport(files, {verbose: true})

async function snapshot(folder = 'output') {
  const names = (
    await readdir(path.join(project, folder), {recursive: true})
  ).map(String)
  const files = await Promise.all(
    names
      .sort()
      .map(async (name) => [
        name,
        await readFile(path.join(project, folder, name)).catch(() => 'folder')
      ])
  )
  return files
}

describe('the build cache', () => {
  it('rebuilds nothing when nothing changed, and reports the same', async () => {
    const first = await run()
    expect(first.written).toHaveLength(40 * 4)
    const before = await snapshot()
    const second = await run()
    expect(second.written).toEqual([])
    expect(report(second.files)).toBe(report(first.files))
    expect(await snapshot()).toEqual(before)
  })

  it('rebuilds an article whose text changed, and only it', async () => {
    await run()
    const file = path.join(project, 'input/desk-1/story-4.txt')
    // Same length, one letter changed: a content hash sees it.
    await writeFile(file, story(4).replace('bridge', 'bridgE'))
    const second = await run()
    expect(second.written).toEqual([
      'output/desk-1/story-4.head.html',
      'output/desk-1/story-4.jsonld',
      'output/desk-1/story-4.ninjs.json',
      'output/desk-1/story-4.nitf.xml'
    ])
    const jsonld = await readFile(
      path.join(project, 'output/desk-1/story-4.jsonld'),
      'utf8'
    )
    expect(jsonld).toContain('on the bridgE')
  })

  it('rebuilds an article whose sidecar appeared, changed or went', async () => {
    await run()
    const sidecar = path.join(project, 'input/desk-0/story-3.meta.json')
    await writeFile(sidecar, '{"section": "City"}\n')
    expect((await run()).written).toHaveLength(4)
    await writeFile(sidecar, '{"section": "Sport"}\n')
    expect((await run()).written).toHaveLength(4)
    expect(
      await readFile(path.join(project, 'output/desk-0/story-3.jsonld'), 'utf8')
    ).toContain('"articleSection": "Sport"')
    await rm(sidecar)
    expect((await run()).written).toHaveLength(4)
    expect((await run()).written).toEqual([])
  })

  it('rebuilds everything when the config changes', async () => {
    await run()
    await writeFile(
      path.join(project, 'copydesk.config.json'),
      '{"publisher": {"name": "The Valletta Ledger"}}\n'
    )
    expect((await run()).written).toHaveLength(40 * 4)
  })

  it('rebuilds an output that was deleted or edited by hand', async () => {
    await run()
    await rm(path.join(project, 'output/desk-2/story-5.nitf.xml'))
    await writeFile(path.join(project, 'output/desk-0/story-0.jsonld'), '{}')
    const second = await run()
    expect(
      second.written.filter((file) => file.includes('story-5.'))
    ).toHaveLength(4)
    expect(
      second.written.filter((file) => file.includes('story-0.'))
    ).toHaveLength(4)
    expect(second.written).toHaveLength(8)
  })

  it('rebuilds everything with `force`', async () => {
    await run()
    expect((await run({force: true})).written).toHaveLength(40 * 4)
  })

  it('never caches a fatal article', async () => {
    await writeFile(path.join(project, 'input/desk-0/story-0.txt'), '')
    const first = await run()
    expect(report(first.files)).toMatch(/story-0\.txt\n.*error/)
    const second = await run()
    expect(report(second.files)).toBe(report(first.files))
  })
})

describe('articles served by their stamp, without being read', () => {
  /** The cache entries that recorded their files' stamps. */
  async function stamped() {
    const folder = path.join(project, 'node_modules/.cache/copydesk')
    const names = (await readdir(folder, {recursive: true})).map(String)
    let count = 0
    for (const name of names.filter((name) =>
      /\/[0-9a-f]{30}\.json$/.test(name)
    )) {
      const entry = JSON.parse(await readFile(path.join(folder, name), 'utf8'))
      if (typeof entry.stampKey === 'string') count++
    }
    return count
  }
  const settle = () => new Promise((resolve) => setTimeout(resolve, 2100))

  it('records no stamp for a file written in the last two seconds', async () => {
    await run()
    expect(await stamped()).toBe(0)
  })

  it('sees a rewrite of the same size whose time was put back', async () => {
    const file = path.join(project, 'input/desk-1/story-4.txt')
    // A whole second, which \`utimes\` can put back exactly.
    const time = new Date('2026-01-02T03:04:05Z')
    await utimes(file, time, time)
    await settle()
    const first = await run()
    expect(first.written).toHaveLength(40 * 4)
    expect(await stamped()).toBe(40)
    const served = await run()
    expect(served.written).toEqual([])
    expect(report(served.files)).toBe(report(first.files))

    // Same length, one letter changed, modification time restored: only
    // the change time (which no one can set) tells.
    await writeFile(file, story(4).replace('bridge', 'bridgE'))
    await utimes(file, time, time)
    expect((await stat(file)).mtimeMs).toBe(time.getTime())
    await settle()
    const later = await run()
    expect(later.written).toEqual([
      'output/desk-1/story-4.head.html',
      'output/desk-1/story-4.jsonld',
      'output/desk-1/story-4.ninjs.json',
      'output/desk-1/story-4.nitf.xml'
    ])
    expect(
      await readFile(path.join(project, 'output/desk-1/story-4.jsonld'), 'utf8')
    ).toContain('bridgE')
  })
})

describe('worker threads', () => {
  it('write the same outputs and report as one thread', async () => {
    const one = await build({cwd: project, inputs: [], output: 'one', jobs: 1})
    const two = await build({cwd: project, inputs: [], output: 'two', jobs: 2})
    expect(two.written).toHaveLength(40 * 4)
    // The channels' message is on the output folder, named as it is.
    expect(report(two.files).replace(/^two$/m, 'one')).toBe(report(one.files))
    expect(await snapshot('two')).toEqual(await snapshot('one'))
  }, 60_000)
})

describe('the command line', () => {
  const cli = async (argv: string[], progress: boolean) => {
    let stderr = ''
    const code = await runCli(argv, {
      cwd: project,
      stdout: {write: () => true},
      stderr: {write: (chunk: string) => (stderr += chunk)},
      progress
    })
    return {code, stderr}
  }

  it('draws a progress bar on a terminal only, and not with --no-progress', async () => {
    // Slow enough to need a bar: the bar waits half a second.
    for (let index = 40; index < 400; index++) {
      await writeFile(
        path.join(project, `input/more-${index}.txt`),
        story(index)
      )
    }
    const shown = await cli(['build', '-j', '1', '-o', 'a'], true)
    expect(shown.code).toBe(0)
    expect(shown.stderr).toMatch(/\r\[#* *\] \d+\/400 articles/)
    const off = await cli(
      ['build', '-j', '1', '-o', 'b', '--no-progress'],
      true
    )
    expect(off.stderr).not.toContain('\r[')
    const piped = await cli(['build', '-j', '1', '-o', 'c'], false)
    expect(piped.stderr).not.toContain('\r[')
  }, 60_000)

  it('refuses a --jobs that is not a whole number of 1 or more', async () => {
    for (const value of ['0', '-1', 'two', '1.5']) {
      const result = await cli(['build', `--jobs=${value}`], false)
      expect(result.code).toBe(2)
      expect(result.stderr).toContain(`unexpected \`--jobs ${value}\``)
    }
  })
})

describe('--watch', () => {
  it('builds, rebuilds only what changed, and stops when asked', async () => {
    let stderr = ''
    const stop = new AbortController()
    const builds: string[] = []
    const running = runCli(['build', '--watch', '-j', '1'], {
      cwd: project,
      stdout: {write: () => true},
      stderr: {
        write(chunk: string) {
          stderr += chunk
          if (chunk.startsWith('copydesk: watching')) builds.push(stderr)
          return true
        }
      },
      signal: stop.signal
    })
    const waitFor = async (count: number) => {
      for (let tries = 0; builds.length < count && tries < 200; tries++) {
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      expect(builds).toHaveLength(count)
    }
    await waitFor(1)
    const jsonld = path.join(project, 'output/desk-1/story-7.jsonld')
    expect(await readFile(jsonld, 'utf8')).toContain('voted 7 times')

    await writeFile(
      path.join(project, 'input/desk-1/story-7.txt'),
      story(7).replace('voted 7 times', 'voted seven times')
    )
    await waitFor(2)
    expect(await readFile(jsonld, 'utf8')).toContain('voted seven times')
    // The rebuild built the changed article and served the other 39.
    expect(builds[1]?.slice(builds[0]?.length)).toContain(
      '39 articles unchanged since the last build'
    )

    stop.abort()
    expect(await running).toBe(0)
  }, 30_000)
})
