// `copydesk build --watch`: build, then rebuild whenever an input, a
// sidecar or the config changes, until stopped. Each rebuild goes through
// the build cache, so only what changed is processed again. Watches the
// input folders (recursively), the folders of named files and globs, and
// the project folder for the config; never the output folder.
import {type FSWatcher, watch} from 'node:fs'
import {stat} from 'node:fs/promises'
import path from 'node:path'
import {isDynamicPattern} from 'tinyglobby'
import {isInside} from '../build/files.js'
import {defaultInputs, staticPrefix} from '../build/inputs.js'

/** What to watch: the folders, each with or without its subfolders. */
export async function watchTargets(
  cwd: string,
  inputs: readonly string[]
): Promise<Array<{folder: string; recursive: boolean}>> {
  const targets = new Map<string, boolean>([[cwd, false]])
  for (const pattern of inputs.length > 0 ? inputs : defaultInputs) {
    let folder: string
    let recursive = true
    if (isDynamicPattern(pattern)) {
      folder = path.resolve(cwd, staticPrefix(pattern))
    } else {
      const absolute = path.resolve(cwd, pattern)
      const info = await stat(absolute).catch(() => undefined)
      if (info?.isDirectory()) {
        folder = absolute
      } else {
        folder = path.dirname(absolute)
        recursive = false
      }
    }
    targets.set(folder, (targets.get(folder) ?? false) || recursive)
  }
  return [...targets].map(([folder, recursive]) => ({folder, recursive}))
}

export interface WatchOptions {
  cwd: string
  inputs: readonly string[]
  /** Absolute output folder: changes in it never trigger a build. */
  outputRoot: string
  /** Run one build; resolves when it is done and reported. */
  rebuild: () => Promise<void>
  /** Stops watching. */
  signal: AbortSignal
  /** Quiet time after a change before building, in milliseconds. */
  delay?: number
}

/** Build once, then again after every batch of changes, until aborted. */
export async function watchBuilds(options: WatchOptions): Promise<void> {
  const {signal} = options
  const targets = await watchTargets(options.cwd, options.inputs)
  let timer: NodeJS.Timeout | undefined
  let building: Promise<void> | undefined
  let again = false

  const run = async () => {
    if (building) {
      again = true
      return
    }
    do {
      again = false
      building = options.rebuild()
      await building
      building = undefined
    } while (again && !signal.aborted)
  }

  const changed = (folder: string, name: string | null) => {
    if (signal.aborted || name === null) return
    if (!isBuildInput(options.outputRoot, path.join(folder, name))) return
    clearTimeout(timer)
    timer = setTimeout(run, options.delay ?? 100)
  }

  const watchers = watchFolders(targets, changed)
  await run()
  await untilAborted(signal)
  clearTimeout(timer)
  for (const watcher of watchers) watcher.close()
  await building
}

/**
 * Whether a change to `absolute` may change a build: an article, a
 * sidecar or the config, outside the output folder and `node_modules`.
 */
function isBuildInput(outputRoot: string, absolute: string): boolean {
  const inOutput = absolute === outputRoot || isInside(outputRoot, absolute)
  if (inOutput || absolute.includes(`${path.sep}node_modules${path.sep}`)) {
    return false
  }
  return /\.(?:txt|json)$/.test(absolute)
}

/** Watch each folder that exists, calling `changed` with the name changed. */
function watchFolders(
  targets: ReadonlyArray<{folder: string; recursive: boolean}>,
  changed: (folder: string, name: string | null) => void
): FSWatcher[] {
  const watchers: FSWatcher[] = []
  for (const {folder, recursive} of targets) {
    try {
      const watcher = watch(folder, {recursive}, (_event, name) =>
        changed(folder, name?.toString() ?? null)
      )
      // A watched folder deleted (EPERM on Windows) ends that watch, not
      // the process; recreate it and restart `--watch` to watch it again.
      watcher.on('error', () => watcher.close())
      watchers.push(watcher)
    } catch {
      // A folder that does not exist yet cannot be watched; its absence
      // is reported by the build.
    }
  }
  return watchers
}

/** Resolves when `signal` is aborted. */
function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    if (signal.aborted) resolve()
    else signal.addEventListener('abort', () => resolve(), {once: true})
  })
}
