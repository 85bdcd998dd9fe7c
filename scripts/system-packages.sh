#!/usr/bin/env bash
# Run by `npm test` (as `pretest`) and so by `.ci/run`: the tests validate
# Atom feeds against RFC 4287's RELAX NG schema with jing, a Debian package.
# Installs it when missing, as root on Debian; anywhere else, says what to
# install and stops.
set -euo pipefail
command -v jing >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  echo 'copydesk tests: installing jing (apt-get install jing)' >&2
  if ! apt-get install -y -qq --no-install-recommends jing >/dev/null; then
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends jing >/dev/null
  fi
  command -v jing >/dev/null 2>&1 && exit 0
fi
cat >&2 <<'TEXT'
copydesk tests need jing, the RELAX NG validator, to check Atom feeds.
Install it, then run `npm test` again:
  Debian or Ubuntu: sudo apt-get install jing
  macOS (Homebrew): brew install jing-trang
TEXT
exit 1
