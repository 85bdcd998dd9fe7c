// Crash safety of the output folder, with the CLI as users run it (a
// subprocess through `bin/copydesk.js`) in a temporary project: a build
// killed with SIGKILL at any moment leaves every output either complete or
// absent (plus, at most, the temporaries of atomic writes), the next build,
// started at once, takes over the killed build's lock, completes in the same
// folder and leaves no temporary; and of two builds started on one output
// folder at once, one builds and the other says which process holds it.
import {spawn} from 'node:child_process'
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
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = path.join(root, 'bin', 'copydesk.js')
const articleCount = 150

// An output name, and a temporary an atomic write writes next to one
// (`<output name>.<32-bit number>`) before renaming it over the output.
const outputName = /\.(?:jsonld|nitf\.xml|head\.html|ninjs\.json)$/
const temporaryName =
  /^(.+\.(?:jsonld|nitf\.xml|head\.html|ninjs\.json))\.\d{1,10}$/

let project: string
/** Every output of a build that ran to the end, by `/`-separated path. */
let reference: Map<string, Buffer>
/** The report of that build. */
let referenceReport: string
/** How long that build took, start to exit, in milliseconds. */
let referenceMilliseconds: number
/** How long the CLI takes to start and exit without building. */
let startupMilliseconds: number

/** How one build subprocess ended. */
interface Run {
  code: number | null
  signal: NodeJS.Signals | null
  stderr: string
  milliseconds: number
}

/**
 * Run `copydesk build input -o <output>` in the project as a subprocess;
 * with `killAfter`, send it SIGKILL after that many milliseconds.
 */
function runBuild(output: string, killAfter?: number): Promise<Run> {
  // Verbose: articles served from the build cache are reported in full, so
  // every build that completes prints the reference report.
  return runCopydesk(['build', 'input', '-o', output, '--verbose'], killAfter)
}

/** Run `copydesk <argv>` in the project as a subprocess. */
function runCopydesk(
  argv: readonly string[],
  killAfter?: number
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const child = spawn(process.execPath, [bin, ...argv], {
      cwd: project,
      stdio: ['ignore', 'ignore', 'pipe']
    })
    let stderr = ''
    child.stderr.setEncoding('utf8')
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk
    })
    const timer =
      killAfter === undefined
        ? undefined
        : setTimeout(() => child.kill('SIGKILL'), killAfter)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({
        code,
        signal,
        stderr,
        milliseconds: performance.now() - started
      })
    })
  })
}

/** Every file below `folder`, as `/`-separated relative paths, sorted. */
async function listFiles(folder: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(folder, {withFileTypes: true}).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return []
      throw error
    }
  )
  const files: string[] = []
  for (const entry of entries) {
    const relative = prefix + entry.name
    if (entry.isDirectory()) {
      files.push(
        ...(await listFiles(path.join(folder, entry.name), `${relative}/`))
      )
    } else {
      files.push(relative)
    }
  }
  return files.sort()
}

/** The files of an output folder, read as bytes. */
async function readOutputs(folder: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>()
  for (const file of await listFiles(folder)) {
    files.set(file, await readFile(path.join(folder, file)))
  }
  return files
}

/**
 * What a build, finished or not, may leave: every output-named file is the
 * reference file byte for byte (never torn, never truncated), every other
 * file is a temporary of a reference output. Returns the temporaries.
 */
async function expectCompleteOrAbsent(folder: string): Promise<string[]> {
  const temporaries: string[] = []
  for (const [file, bytes] of await readOutputs(folder)) {
    if (outputName.test(file)) {
      expect(reference.has(file), `unexpected output ${file}`).toBe(true)
      // Compared as bytes; the message names the file and both lengths.
      expect(
        Buffer.compare(bytes, reference.get(file) ?? Buffer.alloc(0)),
        `${file} (${bytes.length} bytes) differs from the reference (${reference.get(file)?.length} bytes)`
      ).toBe(0)
      continue
    }
    const match = temporaryName.exec(file)
    expect(match, `${file} is neither an output nor a temporary`).not.toBe(null)
    expect(
      reference.has(match?.[1] ?? ''),
      `${file} is a temporary of no output`
    ).toBe(true)
    temporaries.push(file)
  }
  return temporaries
}

/** The outputs of a finished build: exactly the reference, byte for byte. */
async function expectReference(folder: string): Promise<void> {
  const outputs = await readOutputs(folder)
  const built = [...outputs.keys()].filter((file) => outputName.test(file))
  expect(built).toEqual([...reference.keys()])
  for (const file of built) {
    expect(
      outputs.get(file)?.equals(reference.get(file) ?? Buffer.alloc(0)),
      `${file} differs from the reference`
    ).toBe(true)
  }
}

/**
 * A report as if built into `reference`: the channels' message is on the
 * output folder, named as given.
 */
function asReference(report: string, folder: string): string {
  return (
    report
      .replace(new RegExp(`^${folder}$`, 'm'), 'reference')
      // How much was built or served from the cache depends on the kills.
      .replace(
        /^copydesk: 150 articles \(\d+ built, \d+ unchanged, 0 failed\), \d+ files written in \d+\.\d s$/m,
        'copydesk: 150 articles, none failed'
      )
  )
}

/** `    at …` lines of a Node stack trace. */
const stackTrace = /^ {4}at /m

beforeAll(async () => {
  project = await mkdtemp(path.join(tmpdir(), 'copydesk-crash-'))
  // Partner profiles: six outputs per article, one of them ISO-8859-1.
  await writeFile(
    path.join(project, 'copydesk.config.json'),
    await readFile(
      path.join(root, 'test/fixtures/partner-profiles/copydesk.config.json')
    )
  )

  // The corpus-free texts of the repo: the golden fixtures and the seed.
  const sources: Buffer[] = []
  const fixtures = path.join(root, 'test', 'fixtures')
  const folders = [
    ...(await readdir(fixtures))
      .sort()
      .map((name) => path.join(fixtures, name, 'input')),
    path.join(root, 'input')
  ]
  for (const folder of folders) {
    const names = await readdir(folder).catch(() => [])
    for (const name of names.sort()) {
      if (name.endsWith('.txt')) {
        sources.push(await readFile(path.join(folder, name)))
      }
    }
  }
  expect(sources.length).toBeGreaterThanOrEqual(5)

  // Distinct articles: the number goes into the headline (the first line of
  // 30 characters or more in every one of these texts, after any masthead),
  // and the files are spread over a few nested folders.
  for (let index = 0; index < articleCount; index++) {
    const source = sources[index % sources.length] ?? Buffer.alloc(0)
    const text = source
      .toString('utf8')
      .replace(/^[^\r\n]{30,}/m, (headline) => `${headline} ${index + 1}`)
    const file = path.join(
      project,
      'input',
      `desk-${index % 4}`,
      `story-${String(index + 1).padStart(3, '0')}.txt`
    )
    await mkdir(path.dirname(file), {recursive: true})
    await writeFile(file, text)
  }

  const startup = await runCopydesk(['--version'])
  expect(startup.code).toBe(0)
  startupMilliseconds = startup.milliseconds

  const run = await runBuild('reference')
  expect(run.signal).toBe(null)
  expect(run.code, run.stderr).toBe(0)
  expect(run.stderr).not.toMatch(stackTrace)
  referenceReport = asReference(run.stderr, 'reference')
  referenceMilliseconds = run.milliseconds
  reference = await readOutputs(path.join(project, 'reference'))

  // The reference is what the test expects it to be: six outputs for each
  // article, no temporary, and every article its own headline.
  expect(reference.size).toBe(articleCount * 6)
  expect([...reference.keys()].every((file) => outputName.test(file))).toBe(
    true
  )
  const headlines = new Set(
    [...reference]
      .filter(([file]) => file.endsWith('.jsonld'))
      .map(
        ([, bytes]) => JSON.parse(bytes.toString('utf8'))['@graph'][0].headline
      )
  )
  expect(headlines.size).toBe(articleCount)
}, 60_000)

afterAll(async () => {
  if (project) await rm(project, {recursive: true, force: true})
})

describe('builds that crash or overlap', () => {
  it('a build killed with SIGKILL leaves every output complete or absent, and the next build, started at once, completes and leaves no temporary', async () => {
    const output = path.join(project, 'out')
    // One output folder for every round: a folder a killed build left is
    // fine to build into again, and to kill a build in again. The kills are
    // spread over the build after the CLI has started, when it reads,
    // processes and writes; timing decides only when a kill comes, never
    // what is asserted.
    const working = Math.max(referenceMilliseconds - startupMilliseconds, 0)
    for (const fraction of [0.1, 0.3, 0.5, 0.7, 0.9]) {
      const run = await runBuild(
        'out',
        Math.round(startupMilliseconds + working * fraction)
      )
      // Killed, or done before the kill came: never another ending.
      if (run.signal === null) {
        expect(run.code, run.stderr).toBe(0)
      } else {
        expect(run.signal).toBe('SIGKILL')
      }
      expect(run.stderr).not.toMatch(stackTrace)
      await expectCompleteOrAbsent(output)
    }

    // Killed once more, then built again at once: the killed build's lock
    // is taken over, and none of its temporaries, however young, is left.
    const killed = await runBuild(
      'out',
      Math.round(startupMilliseconds + working * 0.5)
    )
    expect(killed.stderr).not.toMatch(stackTrace)
    await writeFile(path.join(output, 'x.jsonld.123456'), '{"half": ')
    await writeFile(
      path.join(output, 'desk-1', 'story-002.nitf.xml.4294967295'),
      '<nitf'
    )
    const finished = await runBuild('out')
    expect(finished.signal).toBe(null)
    expect(finished.code, finished.stderr).toBe(0)
    expect(asReference(finished.stderr, 'out')).toBe(referenceReport)
    expect(await expectCompleteOrAbsent(output)).toEqual([])
    await expectReference(output)
  }, 120_000)

  it('of two builds on one output folder at once, one builds and the other names the process holding it', async () => {
    // Started together, and the second halfway through the first's work;
    // each pair into a fresh folder. Whichever takes the lock first builds;
    // the other, unless the first has ended, writes nothing and says why.
    const working = Math.max(referenceMilliseconds - startupMilliseconds, 0)
    const offsets = [0, Math.round(startupMilliseconds + working * 0.5)]
    for (const [index, offset] of offsets.entries()) {
      const folder = `shared-${index}`
      const runs = await Promise.all([
        runBuild(folder),
        new Promise<void>((resolve) => setTimeout(resolve, offset)).then(() =>
          runBuild(folder)
        )
      ])
      const built = runs.filter((run) => run.code === 0)
      expect(built.length).toBeGreaterThanOrEqual(1)
      for (const run of runs) {
        expect(run.signal).toBe(null)
        expect(run.stderr).not.toMatch(stackTrace)
        if (run.code === 0) {
          expect(asReference(run.stderr, folder)).toBe(referenceReport)
        } else {
          expect(run.code).toBe(1)
          expect(run.stderr).toMatch(
            new RegExp(
              `Unexpected build already running on \`${folder}\` \\(process \\d+ on `
            )
          )
        }
      }
      const output = path.join(project, folder)
      expect(await expectCompleteOrAbsent(output)).toEqual([])
      await expectReference(output)
    }
  }, 120_000)
})
