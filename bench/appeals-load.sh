#!/usr/bin/env bash
# B5: appeal create + read over HTTP on loopback with wrk (Debian package `wrk`). Starts the platform in demo
# mode — on PostgreSQL when SIBAO_BENCH_PG_URL/USER/PASSWORD are set (the database is emptied first), else on
# a fresh embedded H2 — with -Xmx1g, files appeals as the demo enterprise user of 新郑 and reads them back.
# Prints requests/s and latency percentiles and writes target/bench/b5-appeals.json. Target: >= 1000 req/s,
# p99 <= 50 ms. Usage: bench/appeals-load.sh [seconds] [connections]   (defaults 30 s, 16). Uses port 8080.
set -euo pipefail

cd "$(dirname "$0")/.."
seconds=${1:-30}
connections=${2:-16}
port=8080
base="http://localhost:$port"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
if curl -fsS -o /dev/null "$base/actuator/health" 2>/dev/null; then
  echo "port $port is already serving: stop that application first" >&2
  exit 1
fi

mvn -q -B -DskipTests package
jar=$(realpath "$(ls target/sibao-*.jar | grep -v -- '-plain\.jar$' | head -n1)")
work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill "$pid" && wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

args=(--server.port=$port --spring.profiles.active=demo --logging.level.root=WARN)
database="embedded H2"
if [ -n "${SIBAO_BENCH_PG_URL:-}" ]; then
  PGPASSWORD="$SIBAO_BENCH_PG_PASSWORD" psql -q "${SIBAO_BENCH_PG_URL#jdbc:}" -U "$SIBAO_BENCH_PG_USER" \
    -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' >/dev/null
  args+=(--spring.datasource.url="$SIBAO_BENCH_PG_URL" --spring.datasource.username="$SIBAO_BENCH_PG_USER"
         --spring.datasource.password="$SIBAO_BENCH_PG_PASSWORD")
  database="PostgreSQL"
fi
(cd "$work" && exec java -Xmx1g -jar "$jar" "${args[@]}" >"$work/app.log" 2>&1) &
pid=$!
until curl -fsS "$base/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
  kill -0 "$pid" 2>/dev/null || { tail -n 30 "$work/app.log" >&2; exit 1; }
  sleep 0.2
done
sleep 2

token=$(curl -fsS -X POST "$base/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"ent_xz","password":"Demo@2022"}' | sed -E 's/.*"accessToken":"([^"]+)".*/\1/')
enterprise=$(curl -fsS "$base/api/v1/me" -H "Authorization: Bearer $token" | sed -E 's/.*"enterpriseId":"([^"]+)".*/\1/')

# a short warm-up so that the JIT has compiled the request path, then the measured run
SIBAO_BENCH_TOKEN=$token SIBAO_BENCH_ENTERPRISE=$enterprise wrk -t2 -c"$connections" -d10s -s bench/appeals.lua "$base" >/dev/null
if [ -n "${SIBAO_BENCH_PG_URL:-}" ]; then
  # The warm-up grew the appeal tables from the demo's few dozen rows to thousands. Autovacuum re-analyzes them
  # within a minute, and until then the plans made for a few dozen rows (sequential scans) stay cached; a
  # production database has current statistics, so the measured run starts from them too.
  PGPASSWORD="$SIBAO_BENCH_PG_PASSWORD" psql -q "${SIBAO_BENCH_PG_URL#jdbc:}" -U "$SIBAO_BENCH_PG_USER" -c 'ANALYZE' >/dev/null
fi
out=$(SIBAO_BENCH_TOKEN=$token SIBAO_BENCH_ENTERPRISE=$enterprise \
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -s bench/appeals.lua "$base")
echo "$out"

rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
to_ms() { awk -v v="$1" 'BEGIN { if (v ~ /us$/) {sub(/us$/,"",v); print v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v); print v+0} else {sub(/s$/,"",v); print v*1000} }'; }
p50=$(to_ms "$(echo "$out" | awk '$1=="50%" {print $2}')")
p99=$(to_ms "$(echo "$out" | awk '$1=="99%" {print $2}')")
errors=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
printf '\n| figure | value | target |\n|---|---|---|\n| B5 requests/s (%s, %s connections) | %s | >= 1000 |\n| B5 p50 latency | %s ms | |\n| B5 p99 latency | %s ms | <= 50 ms |\n' \
  "$database" "$connections" "$rps" "$p50" "$p99"
mkdir -p target/bench
printf '{"benchmark":"B5","database":"%s","connections":%s,"seconds":%s,"requestsPerSecond":%s,"p50Ms":%s,"p99Ms":%s,"non2xx":%s}\n' \
  "$database" "$connections" "$seconds" "$rps" "$p50" "$p99" "${errors:-0}" > target/bench/b5-appeals.json
