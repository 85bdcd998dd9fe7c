// The config of `copydesk worker --config <file>`: what article jobs that
// carry no config of their own are built with. Read and checked as a
// build reads its config; a fatal problem stops the worker before it takes
// a job.
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {VFile} from 'vfile'
import configSchema from '../../schemas/config.schema.json' with {type: 'json'}
import {codeOf, toPosix} from '../build/files.js'
import {readJson} from '../build/read-json.js'
import {checkConfig, validateConfigSchema} from '../json-schemas.js'
import {fail} from '../messages.js'
import type {Config} from '../types.js'

/** The worker's config (`{}` without `--config`), or its fatal report. */
export async function readWorkerConfig(
  cwd: string,
  name: string | undefined
): Promise<{config: Config} | {failed: VFile}> {
  if (name === undefined) return {config: {}}
  const absolute = path.resolve(cwd, name)
  const file = new VFile({path: toPosix(path.relative(cwd, absolute))})
  try {
    file.value = await readFile(absolute, 'utf8')
  } catch (error) {
    fail(
      file,
      `Unexpected unreadable config (${codeOf(error)}), expected a readable JSON file at the path \`--config\` gives`,
      'read-error'
    )
    return {failed: file}
  }
  const config = readJson(
    file,
    validateConfigSchema,
    'config-schema',
    checkConfig,
    {schema: configSchema}
  )
  return config ? {config} : {failed: file}
}
