import {configDefaults, defineConfig} from 'vitest/config'

// Suites that spawn builds or the CLI, kill processes, build whole corpora
// or pack and install the package: seconds to a minute each on 2 cores.
// `npm run test:fast` leaves them out; `vitest run` runs both projects.
const slow = [
  'test/bench.test.ts',
  'test/channels-readers.test.ts',
  'test/channels.test.ts',
  'test/crash.test.ts',
  'test/determinism.test.ts',
  'test/golden.test.ts',
  'test/hostile.test.ts',
  'test/incremental.test.ts',
  'test/package.test.ts'
]

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
          exclude: [...configDefaults.exclude, ...slow]
        }
      },
      {extends: true, test: {name: 'slow', include: slow}}
    ]
  }
})
