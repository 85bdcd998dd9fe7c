// The incremental build cache. An article is served from it, not rebuilt,
// when the key of what it was built from is unchanged and its outputs are
// on disk as they were written. The key hashes copydesk's own code (every
// module and schema, so any change to copydesk misses), the validated
// config and output suffixes, the input's path, its bytes and its sidecar's
// text: changed input can never be served. Outputs are checked by size and
// modification time, so an output edited or deleted by hand is rebuilt.
// The cache keeps each article's report, so a rebuild reports the same.
// It lives in `node_modules/.cache/copydesk/`, one file per output folder,
// written atomically; a cache that cannot be read is ignored.
import {createHash} from 'node:crypto'
import {statSync} from 'node:fs'
import {mkdir, readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import writeFileAtomic from 'write-file-atomic'
import type {ArticleResult, ArticleTask, WrittenFile} from './build-article.js'
import type {PlainFile} from './vfile-transfer.js'

const formatVersion = 1

interface Entry {
  key: string
  files: PlainFile[]
  written: WrittenFile[]
}

interface CacheFile {
  version: number
  entries: Record<string, Entry>
}

export interface CacheOptions {
  cwd: string
  outputRoot: string
  /** Everything besides the article that decides its outputs. */
  settingsKey: string
  /** Serve nothing (still records what this build writes). */
  force: boolean
}

export interface BuildCache {
  keyOf(relative: string, task: ArticleTask): string
  /** The entry for `stem` when its key matches and its outputs are intact. */
  lookup(stem: string, key: string): Promise<Entry | undefined>
  store(stem: string, key: string, result: ArticleResult): void
  forget(stem: string): void
  save(): Promise<void>
}

export async function openCache(options: CacheOptions): Promise<BuildCache> {
  const folder = path.join(options.cwd, 'node_modules', '.cache', 'copydesk')
  const name = createHash('sha256')
    .update(options.outputRoot)
    .digest('hex')
    .slice(0, 16)
  const location = path.join(folder, `${name}.json`)
  const entries: Record<string, Entry> = options.force
    ? Object.create(null)
    : await readEntries(location)
  const base = createHash('sha256')
    .update(await codeFingerprint())
    .update('\0')
    .update(options.settingsKey)
    .digest('hex')
  let changed = false

  return {
    keyOf(relative, task) {
      return createHash('sha256')
        .update(base)
        .update('\0')
        .update(relative)
        .update('\0')
        .update(task.display)
        .update('\0')
        .update(task.sidecar ? `1${task.sidecar.text}` : '0')
        .update('\0')
        .update(task.bytes)
        .digest('hex')
    },
    async lookup(stem, key) {
      const entry = entries[stem]
      if (!entry || entry.key !== key) return undefined
      for (const file of entry.written) {
        const info = statSync(path.join(options.outputRoot, file.path), {
          throwIfNoEntry: false
        })
        if (!info || info.size !== file.size || info.mtimeMs !== file.mtimeMs) {
          return undefined
        }
      }
      return entry
    },
    store(stem, key, result) {
      entries[stem] = {key, files: result.files, written: result.written}
      changed = true
    },
    forget(stem) {
      if (stem in entries) {
        delete entries[stem]
        changed = true
      }
    },
    async save() {
      if (!changed) return
      const data: CacheFile = {version: formatVersion, entries}
      try {
        await mkdir(folder, {recursive: true})
        await writeFileAtomic(location, JSON.stringify(data))
      } catch {
        // A cache that cannot be written only makes the next build slower.
      }
    }
  }
}

async function readEntries(location: string): Promise<Record<string, Entry>> {
  try {
    const data = JSON.parse(await readFile(location, 'utf8')) as CacheFile
    if (data.version !== formatVersion || typeof data.entries !== 'object') {
      return {}
    }
    // No prototype: a stem such as `__proto__` is an ordinary key.
    return Object.assign(Object.create(null), data.entries)
  } catch {
    return {}
  }
}

let fingerprint: Promise<string> | undefined

/**
 * A hash of copydesk's own code: the modules next to this one (TypeScript
 * sources in development, the bundle when installed) and the schemas.
 */
function codeFingerprint(): Promise<string> {
  fingerprint ??= (async () => {
    const hash = createHash('sha256')
    const here = path.dirname(fileURLToPath(import.meta.url))
    for (const folder of [here, path.join(here, '..', 'schemas')]) {
      const names = await readdir(folder).catch(() => [] as string[])
      for (const name of names.sort()) {
        if (!/\.(?:[cm]?js|ts|json)$/.test(name)) continue
        hash.update(name).update('\0')
        hash.update(await readFile(path.join(folder, name))).update('\0')
      }
    }
    return hash.digest('hex')
  })()
  return fingerprint
}
