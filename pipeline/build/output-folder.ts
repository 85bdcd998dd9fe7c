// A build owns its output folder: one build at a time (a lock a killed
// build cannot leave stuck), the folder checked writable up front, and a
// manifest of the outputs copydesk wrote, so that the outputs of an article
// whose input is gone are removed on the next build, and nothing copydesk
// did not write is ever touched. The lock and the manifest live in the
// build cache folder of that output folder, never in the output folder: a
// deploy publishes only what copydesk meant to publish.
// ruleIds: `output-locked`, `output-unwritable` (fatal: nothing is built),
// `removed-output` (info: one per file removed).
import {constants, readFileSync, rmdirSync, rmSync} from 'node:fs'
import {
  access,
  link,
  mkdir,
  readdir,
  rm,
  rmdir,
  stat,
  writeFile
} from 'node:fs/promises'
import {hostname} from 'node:os'
import path from 'node:path'
import {VFile} from 'vfile'
import {fail} from '../messages.js'
import {codeOf, toPosix, writeAtomic} from './files.js'

const source = 'copydesk'

/** Who holds an output folder. */
interface LockOwner {
  pid: number
  host: string
  /** When the build started, ISO 8601. */
  started: string
}

/** A held lock: release it when the build ends, however it ends. */
export interface OutputLock {
  release(): void
}

/**
 * Take the output folder for this build: check it can be written (it is
 * made only when something is written), then take the lock in
 * `stateFolder` (the output folder's build cache folder). A lock whose
 * process is gone is taken over. Returns the lock, or a fatal report that
 * names the folder or the process holding it. Released, the lock takes the
 * folders it made with it when they hold nothing else.
 */
export async function takeOutputFolder(options: {
  outputRoot: string
  stateFolder: string
  display: string
}): Promise<OutputLock | VFile> {
  const {outputRoot, stateFolder, display} = options
  const writable = await checkWritable(outputRoot, display, 'output folder')
  if (writable) return writable
  let made: string | undefined
  try {
    made = await mkdir(stateFolder, {recursive: true})
  } catch (error) {
    return unwritable(toPosix(stateFolder), 'cache folder', error)
  }
  const location = path.join(stateFolder, 'lock')
  const release = () => {
    heldHere.delete(location)
    rmSync(location, {force: true})
    if (made) removeEmptyFoldersSync(path.dirname(made), stateFolder)
  }
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    started: new Date().toISOString()
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await createWhole(location, JSON.stringify(owner))
      heldHere.add(location)
      return {release}
    } catch (error) {
      if (codeOf(error) !== 'EEXIST') {
        release()
        return unwritable(toPosix(stateFolder), 'cache folder', error)
      }
    }
    const holder = readOwner(location)
    if (holder && isRunning(holder, location)) {
      const file = new VFile({path: display})
      fail(
        file,
        `Unexpected build already running on \`${display}\` (process ${holder.pid} on ${holder.host}, started ${holder.started}), expected one build at a time per output folder; wait for it to end, or stop it`,
        'output-locked'
      )
      return file
    }
    // Its build was killed: the lock is stale.
    rmSync(location, {force: true})
  }
  const file = new VFile({path: display})
  fail(
    file,
    `Unexpected lock \`${toPosix(location)}\` that keeps coming back, expected to take it`,
    'output-locked'
  )
  return file
}

/**
 * A fatal report when `folder` cannot be written, or made: its nearest
 * existing part must be a folder copydesk may write. Nothing is made.
 */
async function checkWritable(
  folder: string,
  display: string,
  what: string
): Promise<VFile | undefined> {
  let current = folder
  for (;;) {
    try {
      const info = await stat(current)
      if (!info.isDirectory()) {
        return unwritable(display, what, {code: 'ENOTDIR'})
      }
      await access(current, constants.W_OK)
      return undefined
    } catch (error) {
      if (codeOf(error) !== 'ENOENT') return unwritable(display, what, error)
    }
    const parent = path.dirname(current)
    if (parent === current) return undefined
    current = parent
  }
}

function unwritable(display: string, what: string, error: unknown): VFile {
  const code =
    error && typeof error === 'object' && 'code' in error
      ? String(error.code)
      : String(error)
  const file = new VFile({path: display})
  fail(
    file,
    `Unexpected ${what} \`${display}\` that cannot be written (${code}), expected a folder copydesk may write; nothing built`,
    'output-unwritable'
  )
  return file
}

/** Remove `folder` and its parents up to `top` while they are empty. */
function removeEmptyFoldersSync(top: string, folder: string): void {
  let current = folder
  while (current !== top && current.startsWith(top)) {
    try {
      rmdirSync(current)
    } catch {
      // Not empty: the cache holds entries, or another build's state.
      return
    }
    current = path.dirname(current)
  }
}

function readOwner(location: string): LockOwner | undefined {
  try {
    return JSON.parse(readFileSync(location, 'utf8')) as LockOwner
  } catch {
    // Being written, or broken: a lock that names no one is stale.
    return undefined
  }
}

/**
 * Create `location` with `text`, failing with EEXIST when it exists: the
 * text is written to a temporary first and hard-linked into place, so that
 * no reader ever sees the lock without its owner.
 */
async function createWhole(location: string, text: string): Promise<void> {
  const temporary = `${location}.${process.pid}.${lockAttempts++}`
  await writeFile(temporary, text)
  try {
    await link(temporary, location)
  } finally {
    await rm(temporary, {force: true})
  }
}

let lockAttempts = 0

/** Locks this process holds: two builds of one embedder share its pid. */
const heldHere = new Set<string>()

/** Whether the process holding the lock at `location` is still running. */
function isRunning(owner: LockOwner, location: string): boolean {
  // Another machine's process cannot be checked: it holds the lock.
  if (owner.host !== hostname()) return true
  // This process: held while one of its builds runs, else a dead one's pid
  // that this process was given again.
  if (owner.pid === process.pid) return heldHere.has(location)
  try {
    process.kill(owner.pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, as another user.
    return codeOf(error) === 'EPERM'
  }
}

/**
 * The outputs copydesk wrote, by article stem, as `manifestEntry` names
 * them; the channels' files (feeds, news sitemap) under `channelsKey`.
 */
export type Manifest = Record<string, string[]>

// One string per suffix for the whole build: 100,000 articles hold four
// references each, not four paths (two manifests of full paths took about
// 100 MB of heap at that size).
const suffixes = new Map<string, string>()

/**
 * How the manifest names `output` (relative to the output folder) of the
 * article `stem`: its suffix (from a dot) when it is `<stem><suffix>`,
 * shared between articles, else `/` and the whole path (a report page, a
 * channel file).
 */
export function manifestEntry(stem: string, output: string): string {
  const suffix = output.slice(stem.length)
  // Only a suffix that starts with a dot: `report` and its page
  // `report/articles/report.html` share a start, not a suffix.
  if (stem === '' || !output.startsWith(stem) || !suffix.startsWith('.')) {
    return `/${output}`
  }
  let shared = suffixes.get(suffix)
  if (shared === undefined) {
    shared = suffix
    suffixes.set(suffix, suffix)
  }
  return shared
}

/** The output path a manifest entry of the article `stem` names. */
function outputOf(stem: string, entry: string): string {
  return entry.startsWith('/') ? entry.slice(1) : `${stem}${entry}`
}

/** The manifest's key for the channels' files: no article has an empty stem. */
export const channelsKey = ''

/**
 * The manifest's key for the report's whole-build files (its index and
 * stylesheet): no article's stem starts with `/`.
 */
export const reportKey = '/report'

const manifestVersion = 2

/** The manifest the last build of this output folder left; empty if none. */
export function readManifest(stateFolder: string): Manifest {
  try {
    const value = JSON.parse(
      readFileSync(path.join(stateFolder, 'manifest.json'), 'utf8')
    ) as {version: number; outputs: Manifest}
    if (value.version === 1) return fromFullPaths(value.outputs)
    if (value.version !== manifestVersion) return {}
    for (const [stem, entries] of Object.entries(value.outputs)) {
      value.outputs[stem] = entries.map((entry) =>
        manifestEntry(stem, outputOf(stem, entry))
      )
    }
    return value.outputs
  } catch {
    return {}
  }
}

/** A manifest of the first format, full paths, in today's names. */
function fromFullPaths(outputs: Manifest): Manifest {
  return Object.fromEntries(
    Object.entries(outputs).map(([stem, paths]) => [
      stem,
      paths.map((output) => manifestEntry(stem, output))
    ])
  )
}

/**
 * Record what this build left in the output folder; nothing when there is
 * nothing to record and nothing was recorded before.
 */
export function writeManifest(
  stateFolder: string,
  outputs: Manifest,
  before: Manifest
): void {
  const empty = (manifest: Manifest) =>
    Object.values(manifest).every((outputs) => outputs.length === 0)
  if (empty(outputs) && empty(before)) {
    return
  }
  writeAtomic(
    path.join(stateFolder, 'manifest.json'),
    JSON.stringify({version: manifestVersion, outputs})
  )
}

/**
 * Remove what the last build wrote and this one no longer accounts for:
 * the outputs of articles whose input is gone, and outputs an article no
 * longer has (a format turned off). Folders left empty go too. Returns a
 * report with one info per file removed, or none.
 */
export async function removeOrphans(options: {
  outputRoot: string
  display: string
  before: Manifest
  now: Manifest
}): Promise<{report?: VFile; removed: number}> {
  const {outputRoot, before, now} = options
  const file = new VFile({path: options.display})
  let removed = 0
  for (const [stem, outputs] of Object.entries(before)) {
    const kept = new Set(now[stem] ?? [])
    for (const entry of outputs) {
      if (kept.has(entry)) continue
      const output = outputOf(stem, entry)
      const absolute = path.join(outputRoot, output)
      try {
        rmSync(absolute)
      } catch (error) {
        // Gone already (removed by hand): nothing to do.
        if (codeOf(error) === 'ENOENT') continue
        throw error
      }
      removed++
      file.info(`Removed \`${output}\`, ${orphanOf(stem, now)}`, {
        ruleId: 'removed-output',
        source
      })
      await removeEmptyFolders(outputRoot, path.dirname(absolute))
    }
  }
  return removed > 0 ? {report: file, removed} : {removed}
}

/** What a removed output was, for its message. */
function orphanOf(stem: string, now: Manifest): string {
  if (stem === channelsKey) return 'a channel file this build no longer writes'
  if (stem === reportKey) return 'a file of the report, which is off'
  return stem in now
    ? `an output article \`${stem}\` no longer has`
    : `an output of article \`${stem}\`, whose input is gone`
}

/** Remove `folder` and its parents up to `root` while they are empty. */
async function removeEmptyFolders(root: string, folder: string): Promise<void> {
  let current = folder
  while (current.startsWith(`${root}${path.sep}`)) {
    const entries = await readdir(current).catch(() => ['?'])
    if (entries.length > 0) return
    await rmdir(current).catch(() => {})
    current = path.dirname(current)
  }
}
