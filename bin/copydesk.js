#!/usr/bin/env node
// Entry point for `npx copydesk`: runs the TypeScript CLI through tsx.
import {register} from 'tsx/esm/api'

register()
const {runCli} = await import('../pipeline/cli.ts')
process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: process.stdout,
  stderr: process.stderr,
  color: process.stderr.isTTY === true
})
