// Where a build's config is, found as the tools of the ecosystem find
// theirs (unified-engine, ESLint, Eleventy): `--config <file>` when given,
// else the first folder, from the first input upward, that holds
// `copydesk.config.json`, `.copydeskrc.json` or a `package.json` with a
// `copydesk` key. The search stops at the project folder (the current
// folder) when the input is inside it: a project never takes the config
// of the folder it sits in. No config is no error: the defaults apply.
import {readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {configName} from '../emit/output-names.js'
import {defaultInputs, staticPrefix} from './inputs.js'

/** The config files a folder may hold, in the order they are looked for. */
export const configNames = [configName, '.copydeskrc.json'] as const

/** A config file: its path, and the key of `package.json` that holds it. */
export interface ConfigFile {
  absolute: string
  /** `copydesk` for a `package.json`; none for a config file of its own. */
  key?: string
}

/**
 * The config file of a build over `inputs` (files, folders, globs; empty
 * means `input/`) in `cwd`; `undefined` when there is none.
 */
export async function findConfigFile(
  cwd: string,
  inputs: readonly string[]
): Promise<ConfigFile | undefined> {
  const first = inputs[0] ?? defaultInputs[0] ?? '.'
  let folder = await folderOf(path.resolve(cwd, staticPrefix(first)))
  const inside = isWithin(cwd, folder)
  for (;;) {
    for (const name of configNames) {
      const absolute = path.join(folder, name)
      if (await isFile(absolute)) return {absolute}
    }
    const manifest = path.join(folder, 'package.json')
    if (await hasKey(manifest, 'copydesk')) {
      return {absolute: manifest, key: 'copydesk'}
    }
    const parent = path.dirname(folder)
    if (parent === folder || (inside && folder === path.resolve(cwd))) {
      return undefined
    }
    folder = parent
  }
}

/** Whether `folder` is `root` or inside it. */
function isWithin(root: string, folder: string): boolean {
  const relative = path.relative(path.resolve(root), folder)
  return (
    relative === '' ||
    (!relative.startsWith(`..${path.sep}`) &&
      relative !== '..' &&
      !path.isAbsolute(relative))
  )
}

/** `absolute` when it is a folder, else the folder it is in. */
async function folderOf(absolute: string): Promise<string> {
  const info = await stat(absolute).catch(() => undefined)
  return info?.isDirectory() ? absolute : path.dirname(absolute)
}

async function isFile(absolute: string): Promise<boolean> {
  const info = await stat(absolute).catch(() => undefined)
  return info?.isFile() ?? false
}

/** Whether the JSON object in `absolute` has `key`; false when unreadable. */
async function hasKey(absolute: string, key: string): Promise<boolean> {
  if (!(await isFile(absolute))) return false
  try {
    const value: unknown = JSON.parse(await readFile(absolute, 'utf8'))
    return value !== null && typeof value === 'object' && key in value
  } catch {
    // A broken package.json is npm's to report; it holds no config here.
    return false
  }
}
