// A real Redis for the queue tests: Debian's `redis-server`, which
// `scripts/system-packages.sh` installs for `npm test`, started on a free
// loopback port with no persistence (a restart loses every job, as the
// tests want) and stopped by its process id. `REDIS_SERVER` names another
// binary.
import {type ChildProcess, spawn} from 'node:child_process'
import {existsSync} from 'node:fs'
import {createServer} from 'node:net'

/** A Redis server of the tests. */
export interface RedisServer {
  port: number
  url: string
  /** Stop it (SIGKILL: nothing is saved anyway). */
  stop(): Promise<void>
  /** Start it again on the same port, empty. */
  start(): Promise<void>
}

/** The `redis-server` binary, or an error that says how to get one. */
export function redisServerPath(): string {
  const named = process.env.REDIS_SERVER
  if (named) return named
  for (const candidate of ['/usr/bin/redis-server', '/usr/sbin/redis-server']) {
    if (existsSync(candidate)) return candidate
  }
  throw new Error(
    'Unexpected missing `redis-server`, expected Debian’s `redis-server` (run `bash scripts/system-packages.sh`, or set REDIS_SERVER)'
  )
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** Start a Redis server on a free loopback port; stop it when done. */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort()
  let child: ChildProcess | undefined
  const start = () =>
    new Promise<void>((resolve, reject) => {
      const started = spawn(
        redisServerPath(),
        [
          '--bind',
          '127.0.0.1',
          '--port',
          String(port),
          '--save',
          '',
          '--appendonly',
          'no'
        ],
        {stdio: ['ignore', 'pipe', 'pipe']}
      )
      child = started
      let output = ''
      const timer = setTimeout(() => {
        started.kill('SIGKILL')
        reject(new Error(`redis-server did not start: ${output}`))
      }, 10_000)
      started.stdout?.setEncoding('utf8')
      started.stdout?.on('data', (chunk: string) => {
        output += chunk
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer)
          resolve()
        }
      })
      started.once('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`redis-server exited with ${code}: ${output}`))
      })
    })
  const stop = () =>
    new Promise<void>((resolve) => {
      const running = child
      child = undefined
      if (!running || running.exitCode !== null || running.pid === undefined) {
        resolve()
        return
      }
      running.once('exit', () => resolve())
      process.kill(running.pid, 'SIGKILL')
    })
  await start()
  return {port, url: `redis://127.0.0.1:${port}`, stop, start}
}
