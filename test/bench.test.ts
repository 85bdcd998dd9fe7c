// The benchmark runs, with a tiny corpus, only to prove it works: its
// figures are printed, never asserted (timings belong to `npm run bench`).
import {execFile} from 'node:child_process'
import {fileURLToPath} from 'node:url'
import {promisify} from 'node:util'
import {expect, it} from 'vitest'

const run = promisify(execFile)
const root = fileURLToPath(new URL('..', import.meta.url))

it('npm run bench measures every step and prints the ratios', async () => {
  const {stdout} = await run(
    process.execPath,
    ['--import', 'tsx', 'scripts/bench.ts', '12', '--repeat', '1'],
    {cwd: root}
  )
  for (const step of ['(a)', '(b)', '(c)', '(d)', '(e)']) {
    expect(stdout).toContain(step)
  }
  expect(stdout).toMatch(/^b\/a\s+\d+\.\d+/m)
  expect(stdout).toMatch(/^c\/b\s+\d+\.\d+/m)
  expect(stdout).toMatch(/^d\/e\s+\d+\.\d+/m)
}, 120_000)
