// A build owns its output folder: one build at a time, a lock a killed
// build cannot leave stuck, the folder checked writable up front, and the
// outputs of an article whose input is gone removed (and reported) on the
// next build, from a manifest of what copydesk wrote, never touching other
// files. Real processes, in a temporary project.
import {spawn} from 'node:child_process'
import {
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rm,
  writeFile
} from 'node:fs/promises'
import {hostname, tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {cacheFolderOf} from '../pipeline/build/build-cache.js'
import {runCliIn} from './helpers/run-cli.js'

let project: string

const article = (headline: string) =>
  `${headline}\n\nBy Ines Okafor\n\nPORT ELLIS, May 3 (Reuters) - A first paragraph about ${headline.toLowerCase()}.\n\nA second paragraph closes it.\n`

const dated = (day: number) =>
  JSON.stringify({
    datePublished: `2026-05-0${day}T08:00:00Z`,
    url: `https://courier.example/${day}`
  })

beforeEach(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'copydesk-output-'))
  await writeFile(
    path.join(project, 'copydesk.config.json'),
    JSON.stringify({
      publisher: {name: 'Courier', url: 'https://courier.example/'},
      language: 'en',
      rules: {'missing-image': 'off', 'author-without-url': 'off'}
    })
  )
})

afterEach(async () => {
  await rm(project, {recursive: true, force: true})
})

async function put(file: string, value: string) {
  await mkdir(path.dirname(path.join(project, file)), {recursive: true})
  await writeFile(path.join(project, file), value)
}

async function listOutput(): Promise<string[]> {
  const names = await readdir(path.join(project, 'output'), {
    recursive: true
  }).catch(() => [])
  return names.map((name) => name.split(path.sep).join('/')).sort()
}

const lockOf = () =>
  path.join(
    cacheFolderOf({cwd: project, outputRoot: path.join(project, 'output')}),
    'lock'
  )

/** A process that runs until killed, and its pid. */
function sleeper() {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'])
  return child
}

describe('deleted articles', () => {
  it('removes the outputs of an article whose input is gone, reports them, and drops it from the feeds', async () => {
    await put('input/a.txt', article('Kept story'))
    await put('input/a.meta.json', dated(1))
    await put('input/world/b.txt', article('Killed story'))
    await put('input/world/b.meta.json', dated(2))
    expect((await runCliIn(project, ['build'])).code).toBe(0)
    expect(await listOutput()).toContain('world/b.jsonld')
    expect(
      await readFile(path.join(project, 'output/feed.atom'), 'utf8')
    ).toContain('Killed story')
    // Files copydesk did not write are never touched.
    await put('output/robots.txt', 'User-agent: *\n')
    await put('output/world/index.html', '<p>hand made</p>\n')

    await rm(path.join(project, 'input/world'), {recursive: true})
    const run = await runCliIn(project, ['build', '--verbose'])
    expect(run.code).toBe(0)
    expect(await listOutput()).toEqual([
      'a.head.html',
      'a.jsonld',
      'a.ninjs.json',
      'a.nitf.xml',
      'feed.atom',
      'feed.json',
      'feed.rss',
      'news-sitemap.xml',
      'robots.txt',
      'world',
      'world/index.html'
    ])
    expect(run.stderr).toMatch(
      /info\s+Removed `world\/b\.jsonld`, an output of article `world\/b`, whose input is gone\s+removed-output/
    )
    expect(run.stderr).toMatch(/, 4 removed in \d+\.\d s\n$/)
    expect(
      await readFile(path.join(project, 'output/feed.atom'), 'utf8')
    ).not.toContain('Killed story')
  })

  it('removes the folder an article leaves empty, and the outputs of a format turned off', async () => {
    await put('input/deep/c.txt', article('Deep story'))
    await put('input/d.txt', article('Other story'))
    expect((await runCliIn(project, ['build'])).code).toBe(0)
    await rm(path.join(project, 'input/deep'), {recursive: true})
    await writeFile(
      path.join(project, 'copydesk.config.json'),
      JSON.stringify({ninjs: false})
    )
    expect((await runCliIn(project, ['build'])).code).toBe(0)
    expect(await listOutput()).toEqual([
      'd.head.html',
      'd.jsonld',
      'd.nitf.xml'
    ])
  })

  it('removes a channel file a build no longer writes, and only that', async () => {
    await put('input/a.txt', article('Feed story'))
    await put('input/a.meta.json', dated(1))
    expect((await runCliIn(project, ['build'])).code).toBe(0)
    expect(await listOutput()).toContain('feed.rss')
    await writeFile(
      path.join(project, 'copydesk.config.json'),
      JSON.stringify({
        publisher: {name: 'Courier', url: 'https://courier.example/'},
        language: 'en',
        feeds: {rss: false}
      })
    )
    const run = await runCliIn(project, ['build', '--verbose'])
    expect(run.code).toBe(0)
    expect(await listOutput()).toEqual([
      'a.head.html',
      'a.jsonld',
      'a.ninjs.json',
      'a.nitf.xml',
      'feed.atom',
      'feed.json',
      'news-sitemap.xml'
    ])
    expect(run.stderr).toMatch(
      /info\s+Removed `feed\.rss`, a channel file this build no longer writes\s+removed-output/
    )
  })

  it('keeps the outputs of an article that now fails', async () => {
    await put('input/e.txt', article('Good once'))
    expect((await runCliIn(project, ['build'])).code).toBe(0)
    await put('input/e.txt', '\n\n')
    expect((await runCliIn(project, ['build'])).code).toBe(1)
    expect(await listOutput()).toContain('e.jsonld')
    // And still after a build that succeeds on another article.
    await put('input/f.txt', article('Another'))
    await runCliIn(project, ['build'])
    expect(await listOutput()).toContain('e.jsonld')
  })
})

describe('one build at a time', () => {
  it('refuses to build while a running process holds the folder, naming it', async () => {
    await put('input/a.txt', article('Locked out'))
    const holder = sleeper()
    try {
      await mkdir(path.dirname(lockOf()), {recursive: true})
      await writeFile(
        lockOf(),
        JSON.stringify({
          pid: holder.pid,
          host: hostname(),
          started: '2026-12-03T10:00:00.000Z'
        })
      )
      const run = await runCliIn(project, ['build'])
      expect(run.code).toBe(1)
      expect(run.stderr).toContain(
        `Unexpected build already running on \`output\` (process ${holder.pid} on ${hostname()}, started 2026-12-03T10:00:00.000Z), expected one build at a time per output folder; wait for it to end, or stop it`
      )
      expect(await listOutput()).toEqual([])
    } finally {
      holder.kill()
    }
  })

  it('takes over the lock of a build that was killed, and releases its own', async () => {
    await put('input/a.txt', article('Taken over'))
    const gone = sleeper()
    const pid = gone.pid
    gone.kill('SIGKILL')
    await new Promise((resolve) => gone.once('exit', resolve))
    await mkdir(path.dirname(lockOf()), {recursive: true})
    await writeFile(
      lockOf(),
      JSON.stringify({pid, host: hostname(), started: '2026-12-03T10:00:00Z'})
    )
    expect((await runCliIn(project, ['build'])).code).toBe(0)
    expect(await listOutput()).toContain('a.jsonld')
    await expect(readFile(lockOf())).rejects.toThrow(/ENOENT/)
  })

  it('says once, up front, that the output folder cannot be written', async () => {
    await put('input/a.txt', article('One'))
    await put('input/b.txt', article('Two'))
    // A file where the folder should be: no user, root included, can write
    // into it.
    await put('output', 'not a folder\n')
    const run = await runCliIn(project, ['build'])
    expect(run.code).toBe(1)
    expect(run.stderr.match(/cannot be written/g)).toHaveLength(1)
    expect(run.stderr).toContain(
      'Unexpected output folder `output` that cannot be written (ENOTDIR), expected a folder copydesk may write; nothing built'
    )
    expect(await readFile(path.join(project, 'output'), 'utf8')).toBe(
      'not a folder\n'
    )
  })
})

describe('one build at a time, in one process', () => {
  it('refuses a build an embedder starts while another of its builds holds the folder', async () => {
    const {build} = await import('../pipeline/build/build.js')
    const {takeOutputFolder} = await import(
      '../pipeline/build/output-folder.js'
    )
    await put('input/a.txt', article('Held here'))
    const outputRoot = path.join(project, 'output')
    // What a build of this process does first: take the folder.
    const held = await takeOutputFolder({
      outputRoot,
      stateFolder: path.dirname(lockOf()),
      display: 'output'
    })
    if (!('release' in held)) throw new Error(held.messages.map(String).join())
    const options = {cwd: project, inputs: [], output: 'output'}
    const refused = await build(options)
    expect(
      refused.files.flatMap((file) =>
        file.messages.map((message) => message.ruleId)
      )
    ).toEqual(['output-locked'])
    expect(await listOutput()).toEqual([])
    held.release()
    const built = await build(options)
    expect(built.tally.built).toBe(1)
    await expect(readFile(lockOf())).rejects.toThrow(/ENOENT/)
  })
})

describe('the manifest', () => {
  it('names an output by its suffix when it is `<stem><suffix>`, else by its path', async () => {
    const {manifestEntry} = await import('../pipeline/build/output-folder.js')
    expect(manifestEntry('world/b', 'world/b.jsonld')).toBe('.jsonld')
    // The same string for every article: one suffix, shared.
    expect(manifestEntry('a', 'a.nitf.xml')).toBe(
      manifestEntry('c/d', 'c/d.nitf.xml')
    )
    expect(manifestEntry('report', 'report/articles/report.html')).toBe(
      '/report/articles/report.html'
    )
    expect(manifestEntry('', 'feed.atom')).toBe('/feed.atom')
  })

  it('still reads a manifest of full paths that an earlier version wrote', async () => {
    await put('input/a.txt', article('Kept story'))
    await put('input/gone.txt', article('Gone story'))
    expect((await runCliIn(project, ['build'])).code).toBe(0)
    await writeFile(
      path.join(path.dirname(lockOf()), 'manifest.json'),
      JSON.stringify({
        version: 1,
        outputs: {
          a: ['a.head.html', 'a.jsonld', 'a.ninjs.json', 'a.nitf.xml'],
          gone: [
            'gone.head.html',
            'gone.jsonld',
            'gone.ninjs.json',
            'gone.nitf.xml'
          ]
        }
      })
    )
    await rm(path.join(project, 'input/gone.txt'))
    expect((await runCliIn(project, ['build'])).code).toBe(0)
    expect(await listOutput()).toEqual([
      'a.head.html',
      'a.jsonld',
      'a.ninjs.json',
      'a.nitf.xml'
    ])
  })
})
