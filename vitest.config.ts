import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // xmllint-wasm and jsonld expansion are slow to start on 2 cores.
    testTimeout: 30_000
  }
})
