#!/usr/bin/env bash
# Runs every benchmark and rewrites docs/benchmarks.md (about 24 minutes on 2 cores).
#   bench/run.sh [--runs N] [--only 1,2,...] [--wrk-threads T] [--wrk-connections C] [--provisional TEXT]
# Installs what a fresh Debian machine lacks, builds the service jar and the harness, then runs
# bench/target/bench.jar, which starts its own redis-server and stand-in image provider on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo_if_needed() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
command -v redis-server >/dev/null || missing+=(redis-server)
command -v wrk >/dev/null || missing+=(wrk)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
command -v java >/dev/null || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || missing+=(maven)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "[bench] installing ${missing[*]}"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -f bench/node/node_modules/bullmq/package.json ] || [ ! -f bench/node/node_modules/ioredis/package.json ]; then
  echo "[bench] installing bullmq and ioredis into bench/node"
  # npm install (which honours the lock file): npm 11's "npm ci" rejects this lock over optional
  # platform packages of msgpackr-extract that it never installs on linux-x64
  # --no-save keeps the lock file as committed (npm rewrites it otherwise, for example when the npm
  # version differs); the copy restores it should an npm version write it anyway, so a bench run leaves
  # the work tree clean
  lock_copy="$(mktemp)"
  cp bench/node/package-lock.json "$lock_copy"
  (cd bench/node && npm install --no-audit --no-fund --no-save)
  cp "$lock_copy" bench/node/package-lock.json
  rm -f "$lock_copy"
fi

echo "[bench] building the service jar and the harness"
mvn -B -q -DskipTests -DbenchJar -pl bootstrap,bench -am package

exec java -jar bench/target/bench.jar run "$@"
