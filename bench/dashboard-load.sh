#!/usr/bin/env bash
# B3: p95 of GET /api/v1/dashboard, warm, for the province (410000, as hq_hn) and a county (410184 新郑, as
# hq_xz), with wrk (Debian package `wrk`) against an application that is already running (demo users needed).
# Each region gets a 10 s warm-up (JIT, the dashboard's snapshot cache) and then the measured run.
# Prints a table and writes target/bench/b3-dashboard.json. Target: p95 <= 50 ms.
# Usage: bench/dashboard-load.sh [base-url] [seconds] [connections]   (defaults http://localhost:8080, 20 s, 16)
set -euo pipefail

cd "$(dirname "$0")/.."
base=${1:-http://localhost:8080}
seconds=${2:-20}
connections=${3:-16}
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
curl -fsS -o /dev/null "$base/actuator/health" || { echo "nothing serving at $base: start the application first" >&2; exit 1; }

token() {
  curl -fsS -X POST "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"username\":\"$1\",\"password\":\"Demo@2022\"}" | sed -E 's/.*"accessToken":"([^"]+)".*/\1/'
}

run() { # name user path -> prints "p95 p50 p99 rps"
  local tok
  tok=$(token "$2")
  curl -fsS -o /dev/null "$base$3" -H "Authorization: Bearer $tok"
  SIBAO_BENCH_TOKEN=$tok SIBAO_BENCH_PATH=$3 wrk -t2 -c"$connections" -d10s -s bench/dashboard.lua "$base" >/dev/null
  local out
  out=$(SIBAO_BENCH_TOKEN=$tok SIBAO_BENCH_PATH=$3 wrk -t2 -c"$connections" -d"${seconds}s" -s bench/dashboard.lua "$base")
  echo "$out" >&2
  local errors
  errors=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  [ -z "$errors" ] || { echo "$1: $errors non-2xx answers" >&2; exit 1; }
  echo "$(echo "$out" | awk '$1=="p95_ms" {print $2}') $(echo "$out" | awk '$1=="p50_ms" {print $2}') \
$(echo "$out" | awk '$1=="p99_ms" {print $2}') $(echo "$out" | awk '$1=="rps" {print $2}')"
}

read -r pp95 pp50 pp99 prps <<<"$(run province hq_hn '/api/v1/dashboard?regionCode=410000')"
read -r cp95 cp50 cp99 crps <<<"$(run county hq_xz '/api/v1/dashboard?regionCode=410184')"

printf '\n| figure | p50 | p95 | p99 | requests/s | target |\n|---|---|---|---|---|---|\n'
printf '| B3 dashboard, province 410000 | %s ms | %s ms | %s ms | %s | p95 <= 50 ms |\n' "$pp50" "$pp95" "$pp99" "$prps"
printf '| B3 dashboard, county 410184 | %s ms | %s ms | %s ms | %s | p95 <= 50 ms |\n' "$cp50" "$cp95" "$cp99" "$crps"
mkdir -p target/bench
printf '{"benchmark":"B3","base":"%s","connections":%s,"seconds":%s,"province":{"p50Ms":%s,"p95Ms":%s,"p99Ms":%s,"requestsPerSecond":%s},"county":{"p50Ms":%s,"p95Ms":%s,"p99Ms":%s,"requestsPerSecond":%s}}\n' \
  "$base" "$connections" "$seconds" "$pp50" "$pp95" "$pp99" "$prps" "$cp50" "$cp95" "$cp99" "$crps" > target/bench/b3-dashboard.json
