// Debian's Chromium, driven by playwright-core (which brings no browser of
// its own): `scripts/system-packages.sh` installs it for `npm test`.
// `CHROMIUM_PATH` names another binary.
import {existsSync} from 'node:fs'
import {type Browser, chromium} from 'playwright-core'

const candidates = [
  // Debian's real binary: `/usr/bin/chromium` is a shell script around it.
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/Applications/Chromium.app/Contents/MacOS/Chromium'
]

/** The Chromium binary to run, or an error that says how to get one. */
export function chromiumPath(): string {
  const named = process.env.CHROMIUM_PATH
  if (named) return named
  const found = candidates.find((candidate) => existsSync(candidate))
  if (found) return found
  throw new Error(
    'Unexpected missing Chromium, expected Debian’s `chromium` (run `bash scripts/system-packages.sh`, or set CHROMIUM_PATH)'
  )
}

/**
 * Start Chromium headless, with no network: every page the tests open is
 * a file, and a request to anywhere else fails.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      '--proxy-server=127.0.0.1:9',
      '--proxy-bypass-list=<-loopback>',
      '--no-first-run',
      '--disable-background-networking'
    ]
  })
}
