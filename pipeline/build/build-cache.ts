// The incremental build cache. An article is served from it, not rebuilt,
// when the key of what it was built from is unchanged and its outputs are
// on disk as they were written. The key hashes copydesk's own code (every
// module, schema and installed dependency, so any change to copydesk
// misses), the validated
// config and output suffixes, the input's path, its bytes and its sidecar's
// text: changed input can never be served. Outputs are checked by size and
// modification time, so an output edited or deleted by hand is rebuilt.
// The cache keeps each article's report, so a rebuild reports the same.
// One small file per article, under `<cache folder>/<output folder
// hash>/` (`node_modules/.cache/copydesk` by default), written atomically: memory does not grow with the
// archive, and an entry that cannot be read is a miss.
import {createHash} from 'node:crypto'
import {readFileSync, rmSync, statSync} from 'node:fs'
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import type {ArticleResult, ArticleTask, WrittenFile} from './article-task.js'
import {toPosix, writeAtomic} from './files.js'
import type {PlainFile} from './vfile-transfer.js'

const formatVersion = 3

interface Entry extends ArticleResult {
  version: number
  key: string
  /** The key of the article's and sidecar's stamps, when recorded. */
  stampKey?: string | undefined
}

/** Where the cache lives unless told, relative to the project. */
export const defaultCacheFolder = 'node_modules/.cache/copydesk'

export interface CacheOptions {
  cwd: string
  /** Cache folder, relative to `cwd` (default: `defaultCacheFolder`). */
  folder?: string | undefined
  outputRoot: string
  /** Everything besides the article that decides its outputs. */
  settingsKey: string
  /** Serve nothing (still records what this build writes). */
  force: boolean
}

export interface BuildCache {
  keyOf(task: ArticleTask): string
  /** The entry for `stem` when its key matches and its outputs are intact. */
  lookup(stem: string, key: string): ArticleResult | undefined
  /**
   * The key of an article's files' stamps (see `read-article`): like
   * `keyOf`, with the stamps in place of the bytes.
   */
  stampKeyOf(
    task: Pick<ArticleTask, 'relative' | 'display'>,
    stamp: string
  ): string
  /**
   * The entry for `stem` when it was recorded with `stampKey` and its
   * outputs are intact: served without reading the article.
   */
  lookupStamp(stem: string, stampKey: string): ArticleResult | undefined
  /** Where the entry of `stem` lives: the worker that builds it writes it. */
  locationOf(stem: string): string
  /**
   * The channels' report when `state` (what they are written from) is the
   * one they were last written from and their files are as written then.
   */
  lookupChannels(
    state: string
  ): {files: PlainFile[]; names: string[]} | undefined
  /** Record the channels written from `state`: their report and files. */
  recordChannels(state: string, files: PlainFile[], names: string[]): void
}

/** What the channels were last written from, and what that gave. */
interface ChannelsEntry {
  version: number
  key: string
  files: PlainFile[]
  written: WrittenFile[]
}

/**
 * The cache folder of one output folder: its articles' entries, and the
 * lock and manifest of the builds that write that output folder.
 */
export function cacheFolderOf(
  options: Pick<CacheOptions, 'cwd' | 'folder' | 'outputRoot'>
): string {
  return path.join(
    path.resolve(options.cwd, options.folder ?? defaultCacheFolder),
    hash(options.outputRoot).slice(0, 16)
  )
}

export async function openCache(options: CacheOptions): Promise<BuildCache> {
  const folder = cacheFolderOf(options)
  const base = hash(`${await codeFingerprint()}\0${options.settingsKey}`)
  const channelsLocation = path.join(folder, 'channels.json')
  /** Whether every file is on disk as it was written. */
  const intact = (written: readonly WrittenFile[]) =>
    written.every((file) => {
      try {
        const info = statSync(path.join(options.outputRoot, file.path), {
          throwIfNoEntry: false
        })
        return info?.size === file.size && info.mtimeMs === file.mtimeMs
      } catch {
        // Not a folder on the way (ENOTDIR), no access: rebuild.
        return false
      }
    })
  const locationOf = (stem: string) => {
    const name = hash(stem)
    return path.join(folder, name.slice(0, 2), `${name.slice(2, 32)}.json`)
  }
  // A miss by stamp is followed by a lookup by key: one read for both.
  let last: {stem: string; entry: Entry | undefined} | undefined
  const lastRead = (stem: string) => {
    if (last?.stem !== stem) {
      last = {stem, entry: readEntry<Entry>(locationOf(stem))}
    }
    return last.entry
  }

  return {
    keyOf(task) {
      return createHash('sha256')
        .update(base)
        .update('\0')
        .update(task.relative)
        .update('\0')
        .update(task.display)
        .update('\0')
        .update(task.sidecar ? `1${task.sidecar.text}` : '0')
        .update('\0')
        .update(task.bytes)
        .digest('hex')
    },
    lookup(stem, key) {
      if (options.force) return undefined
      const entry = lastRead(stem)
      if (entry?.key !== key || !intact(entry.written)) return undefined
      return entry
    },
    stampKeyOf(task, stamp) {
      return hash(`${base}\0${task.relative}\0${task.display}\0${stamp}`)
    },
    lookupStamp(stem, stampKey) {
      if (options.force) return undefined
      const entry = lastRead(stem)
      if (entry?.stampKey !== stampKey || !intact(entry.written)) {
        return undefined
      }
      return entry
    },
    lookupChannels(state) {
      if (options.force) return undefined
      const entry = readEntry<ChannelsEntry>(channelsLocation)
      if (entry?.key !== hash(`${base}\0${state}`)) return undefined
      return intact(entry.written)
        ? {files: entry.files, names: entry.written.map((file) => file.path)}
        : undefined
    },
    recordChannels(state, files, names) {
      try {
        const written = names.map((name) => {
          const info = statSync(path.join(options.outputRoot, name))
          return {path: name, size: info.size, mtimeMs: info.mtimeMs}
        })
        const entry: ChannelsEntry = {
          version: formatVersion,
          key: hash(`${base}\0${state}`),
          files,
          written
        }
        writeAtomic(channelsLocation, JSON.stringify(entry))
      } catch {
        // A cache that cannot be written only makes the next build slower.
      }
    },
    locationOf
  }
}

/**
 * Record what building an article gave, at `location`, under `key`; a
 * fatal article is forgotten instead. Called where the article was built
 * (a worker thread), after its outputs were written.
 */
export function recordEntry(
  location: string,
  key: string,
  result: ArticleResult,
  stampKey?: string | undefined
): void {
  try {
    if (result.fatal) {
      rmSync(location, {force: true})
      return
    }
    const entry: Entry = {version: formatVersion, key, stampKey, ...result}
    writeAtomic(location, JSON.stringify(entry))
  } catch {
    // A cache that cannot be written only makes the next build slower.
  }
}

/** The entry at `location` in this format, or none. */
function readEntry<Kind extends {version: number}>(
  location: string
): Kind | undefined {
  try {
    const entry = JSON.parse(readFileSync(location, 'utf8')) as Kind
    return entry.version === formatVersion ? entry : undefined
  } catch {
    return undefined
  }
}

function hash(value: string): string {
  return createHash('sha256').update(value).digest('hex')
}

let fingerprint: Promise<string> | undefined

/**
 * A hash of copydesk's own code: every module of the pipeline (the
 * TypeScript sources in development, the bundle when installed), the
 * schemas and the installed dependencies.
 */
export function codeFingerprint(): Promise<string> {
  fingerprint ??= (async () => {
    const hash = createHash('sha256')
    const here = path.dirname(fileURLToPath(import.meta.url))
    // Sources: `pipeline/build/`, under `pipeline/`; the bundle: `dist/`.
    const code = import.meta.url.endsWith('.ts') ? path.dirname(here) : here
    const packageRoot = path.dirname(code)
    // The dependencies too: an updated retext changes outputs. npm records
    // the installed tree in `node_modules/.package-lock.json`: ours in a
    // clone, the project's when copydesk is installed (its dependencies
    // are hoisted beside it, in the `node_modules` it sits in).
    const installedIn = path.dirname(packageRoot)
    for (const lock of [
      path.join(packageRoot, 'package-lock.json'),
      path.join(packageRoot, 'node_modules', '.package-lock.json'),
      ...(path.basename(installedIn) === 'node_modules'
        ? [path.join(installedIn, '.package-lock.json')]
        : [])
    ]) {
      hash.update(await readFile(lock).catch(() => '')).update('\0')
    }
    for (const folder of [code, path.join(packageRoot, 'schemas')]) {
      const names = await readdir(folder, {recursive: true}).catch(
        () => [] as string[]
      )
      for (const name of names.sort()) {
        if (!/\.(?:[cm]?js|ts|json)$/.test(name)) continue
        hash.update(toPosix(name)).update('\0')
        hash.update(await readFile(path.join(folder, name))).update('\0')
      }
    }
    return hash.digest('hex')
  })()
  return fingerprint
}
