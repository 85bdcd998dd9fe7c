import {configDefaults, defineConfig} from 'vitest/config'

// Suites that spawn builds or the CLI, kill processes, build whole corpora
// or pack and install the package: seconds to a minute each on 2 cores.
// `npm run test:fast` leaves them out; `vitest run` runs every project.
const slow = [
  'test/bench.test.ts',
  'test/channels-readers.test.ts',
  'test/channels.test.ts',
  'test/crash.test.ts',
  'test/determinism.test.ts',
  'test/golden.test.ts',
  'test/hostile.test.ts',
  'test/incremental.test.ts',
  'test/package.test.ts',
  'test/queue.test.ts'
]

// Slow too, and heavy: Chromium rasterizing pages beside the crash test
// skews the timing of its kills. It runs alone, after the other projects.
const browser = ['test/report-browser.test.ts']

export default defineConfig({
  test: {
    // xmllint-wasm and jsonld expansion are slow to start on 2 cores.
    testTimeout: 30_000,
    // `extends: true` gives each project the options above. The includes sit
    // in the projects only: merged configs concatenate arrays.
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...slow, ...browser],
          sequence: {groupOrder: 0}
        }
      },
      {
        extends: true,
        test: {name: 'slow', include: slow, sequence: {groupOrder: 0}}
      },
      {
        extends: true,
        test: {
          name: 'slow-browser',
          include: browser,
          sequence: {groupOrder: 1}
        }
      }
    ]
  }
})
