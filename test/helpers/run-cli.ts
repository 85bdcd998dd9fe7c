// Run the CLI in-process with captured streams, as a user would run it.
import {runCli} from '../../pipeline/cli/cli.js'

/** What one CLI run printed and returned. */
export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Run `copydesk <argv>` in `cwd`, capturing stdout and stderr. */
export async function runCliIn(
  cwd: string,
  argv: readonly string[]
): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(argv, {
    cwd,
    stdout: {write: (chunk: string) => (stdout += chunk)},
    stderr: {write: (chunk: string) => (stderr += chunk)}
  })
  return {code, stdout, stderr}
}
