// Connections to the Redis a queue lives on, from a `redis://` URL. BullMQ
// is given constructed ioredis clients, never connection options: its ESM
// build cannot load ioredis itself. Blocking connections (a worker's, the
// coordinator's event reader) retry every command until Redis is back
// (`maxRetriesPerRequest: null`, which BullMQ requires of them); the
// coordinator's own commands fail fast, so that a lost Redis is noticed.
import {Redis} from 'ioredis'

/** A queue that cannot be used: said in one line, never a stack. */
export class QueueError extends Error {
  override name = 'QueueError'
}

/** Check the URL: `redis://` or `rediss://`, with a host. */
export function checkQueueUrl(url: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return `unexpected \`--queue ${url}\`, expected a Redis URL such as \`redis://127.0.0.1:6379\``
  }
  if (!/^rediss?:$/.test(parsed.protocol) || parsed.hostname === '') {
    return `unexpected \`--queue ${url}\`, expected a Redis URL such as \`redis://127.0.0.1:6379\``
  }
  return undefined
}

/** The URL as messages give it: without a password. */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.href.replace(/\/$/, '')
  } catch {
    return url
  }
}

/** A client for commands that should fail while Redis is away. */
export function commandClient(url: string): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: 2,
    lazyConnect: true,
    retryStrategy
  })
}

/** A client for BullMQ's blocking connections: a worker's, event readers. */
export function blockingClient(url: string): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    lazyConnect: true,
    retryStrategy
  })
}

/** Reconnect every second at most: a restarted Redis is found again at once. */
const retryStrategy = (times: number) => Math.min(times * 100, 1000)

/**
 * Connect once, without retrying, and say clearly why that failed: the
 * first thing a build or a worker does, so that a wrong URL or a Redis
 * that is not running is one line, not a hang.
 */
export async function probeQueue(url: string): Promise<void> {
  const probe = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    connectTimeout: 5000,
    retryStrategy: () => null
  })
  // The first error says why (`ECONNREFUSED`); the rejection only that
  // the connection closed.
  let cause: unknown
  probe.on('error', (error) => {
    cause ??= error
  })
  try {
    await probe.connect()
    await probe.ping()
  } catch (error) {
    throw new QueueError(
      `Unexpected unreachable queue \`${displayUrl(url)}\` (${describeRedisError(cause ?? error)}), expected a running Redis server (5.0 or later) at that URL`
    )
  } finally {
    probe.disconnect()
  }
}

/** An ioredis error in a few words: its code, else its message. */
export function describeRedisError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as {code?: unknown}).code
    return typeof code === 'string' ? code : error.message
  }
  return String(error)
}
