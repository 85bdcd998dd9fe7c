#!/usr/bin/env bash
# Run by `npm test` (as `pretest`) and so by `.ci/run`: the tests need three
# Debian packages. jing validates Atom feeds against RFC 4287's RELAX NG
# schema; chromium opens the build report in a real browser (through
# playwright-core, which downloads no browser of its own); redis-server is
# the queue of the distributed-build tests (started by them on a free port,
# never as a service). Installs what is missing, as root on Debian;
# anywhere else, says what to install and stops.
set -euo pipefail

has_chromium() {
  [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ] && return 0
  for candidate in /usr/lib/chromium/chromium /usr/bin/chromium \
    /usr/bin/chromium-browser; do
    [ -x "$candidate" ] && return 0
  done
  command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1
}

has_redis() {
  [ -n "${REDIS_SERVER:-}" ] && [ -x "$REDIS_SERVER" ] && return 0
  [ -x /usr/bin/redis-server ] || command -v redis-server >/dev/null 2>&1
}

missing=()
command -v jing >/dev/null 2>&1 || missing+=(jing)
has_chromium || missing+=(chromium)
has_redis || missing+=(redis-server)
[ "${#missing[@]}" = 0 ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  echo "copydesk tests: installing ${missing[*]} (apt-get install ${missing[*]})" >&2
  if ! apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null; then
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  command -v jing >/dev/null 2>&1 && has_chromium && has_redis && exit 0
fi
cat >&2 <<TEXT
copydesk tests need ${missing[*]}: jing, the RELAX NG validator, checks Atom
feeds; chromium opens the build report; redis-server is the queue of the
distributed builds. Install them, then run \`npm test\` again:
  Debian or Ubuntu: sudo apt-get install ${missing[*]}
  macOS (Homebrew): brew install jing-trang redis; brew install --cask chromium
  (or set CHROMIUM_PATH to a Chromium or Chrome binary, REDIS_SERVER to a
  redis-server binary)
TEXT
exit 1
