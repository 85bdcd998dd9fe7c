// Where a build's config is, found as the tools of the ecosystem find
// theirs (unified-engine, ESLint, Eleventy): `--config <file>` when given,
// else the first folder, from the first input upward, that holds
// `copydesk.config.json`, `.copydeskrc.json` or a `package.json` with a
// `copydesk` key. The search stops at the project folder (the current
// folder) when the input is inside it: a project never takes the config
// of the folder it sits in. No config is no error: the defaults apply.
import {readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import configSchema from '../../schemas/config.schema.json' with {type: 'json'}
import {configName} from '../emit/output-names.js'
import {checkConfig, validateConfigSchema} from '../json-schemas.js'
import {fail} from '../messages.js'
import type {Config} from '../types.js'
import {codeOf, toPosix} from './files.js'
import {defaultInputs, staticPrefix} from './inputs.js'
import {readJson} from './read-json.js'

/** The config files a folder may hold, in the order they are looked for. */
export const configNames = [configName, '.copydeskrc.json'] as const

/** A config file: its path, and the key of `package.json` that holds it. */
export interface ConfigFile {
  absolute: string
  /** `copydesk` for a `package.json`; none for a config file of its own. */
  key?: string
}

/**
 * Read and check the config file `found` (given with `--config` or found):
 * its report, and the config unless the report has a fatal message. What
 * a build and `copydesk worker --config` read their config with.
 */
export async function readConfigFile(
  cwd: string,
  found: ConfigFile,
  given: boolean
): Promise<{file: VFile; config: Config | undefined}> {
  const file = new VFile({path: toPosix(path.relative(cwd, found.absolute))})
  try {
    file.value = await readFile(found.absolute, 'utf8')
  } catch (error) {
    fail(
      file,
      `Unexpected unreadable config (${codeOf(error)}), expected a readable JSON file${given ? ' at the path `--config` gives' : ''}`,
      'read-error'
    )
    return {file, config: undefined}
  }
  const config = readJson(
    file,
    validateConfigSchema,
    'config-schema',
    checkConfig,
    {key: found.key, schema: configSchema}
  )
  return {file, config}
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
