#!/usr/bin/env bash
# Every benchmark of BENCHMARKS.md in one run, then one table (target/bench/summary.md) and the same as JSON
# (target/bench/summary.json). Needs PostgreSQL with a disposable database that the given user owns (its public
# schema is emptied and rebuilt several times), wrk (apt-get install -y wrk) and port 8080 free.
#
#   bench/run-all.sh [full|tenth]     full: 1,000,000 employees and 50,000 subjects (default); tenth: 1/10
#
# PostgreSQL from SIBAO_BENCH_PG_HOST (localhost), SIBAO_BENCH_PG_PORT (5432), SIBAO_BENCH_PG_DB (sibao_bench),
# SIBAO_BENCH_PG_USER (sibao), SIBAO_BENCH_PG_PASSWORD (sibao). Takes about 15 minutes at full scale on 2 cores.
set -euo pipefail

cd "$(dirname "$0")/.."
scale=${1:-full}
case "$scale" in
  full) employees=1000000; subjects=50000 ;;
  tenth) employees=100000; subjects=5000 ;;
  *) echo "usage: bench/run-all.sh [full|tenth]" >&2; exit 2 ;;
esac
host=${SIBAO_BENCH_PG_HOST:-localhost}
port=${SIBAO_BENCH_PG_PORT:-5432}
db=${SIBAO_BENCH_PG_DB:-sibao_bench}
user=${SIBAO_BENCH_PG_USER:-sibao}
password=${SIBAO_BENCH_PG_PASSWORD:-sibao}
url="jdbc:postgresql://$host:$port/$db"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 1; }
command -v psql >/dev/null || { echo "psql is not installed (apt-get install -y postgresql-client)" >&2; exit 1; }
export PGPASSWORD="$password"
psql -q -h "$host" -p "$port" -U "$user" -d "$db" -c 'SELECT 1' >/dev/null \
  || { echo "cannot reach PostgreSQL database $db at $host:$port as $user" >&2; exit 1; }
empty() { psql -q -h "$host" -p "$port" -U "$user" -d "$db" -c 'DROP SCHEMA public CASCADE; CREATE SCHEMA public;' >/dev/null 2>&1; }

mkdir -p target/bench
rm -f target/bench/*.json target/bench/*.md
mvn -q -B -DskipTests package
jar=$(realpath "$(ls target/sibao-*.jar | grep -v -- '-plain\.jar$' | head -n1)")

echo "== B7 start time (embedded database)"
bench/start-time.sh 3

echo "== B3 dashboard (PostgreSQL, demo data)"
empty
work=$(mktemp -d)
(cd "$work" && exec java -Xmx1g -jar "$jar" --server.port=8080 --spring.profiles.active=demo --logging.level.root=WARN \
  --spring.datasource.url="$url" --spring.datasource.username="$user" --spring.datasource.password="$password" \
  >"$work/app.log" 2>&1) &
app=$!
until curl -fsS http://localhost:8080/actuator/health 2>/dev/null | grep -q '"status":"UP"'; do
  kill -0 "$app" 2>/dev/null || { tail -n 30 "$work/app.log" >&2; exit 1; }
  sleep 0.5
done
bench/dashboard-load.sh http://localhost:8080 15 16 || true
kill "$app"; wait "$app" 2>/dev/null || true
rm -rf "$work"

echo "== B5 appeals (PostgreSQL)"
empty
SIBAO_BENCH_PG_URL="$url" SIBAO_BENCH_PG_USER="$user" SIBAO_BENCH_PG_PASSWORD="$password" bench/appeals-load.sh 30 16

echo "== B4 policy rematch (PostgreSQL, $subjects subjects x 500 policies)"
empty
SIBAO_BENCH_PG_URL="$url" SIBAO_BENCH_PG_USER="$user" SIBAO_BENCH_PG_PASSWORD="$password" \
  bench/policy-rematch.sh "$subjects" 500 3

echo "== B1 ingest, B2 sweep, B3 dashboard at scale, B6 emergency switch (PostgreSQL, $employees employees)"
empty
SIBAO_TEST_PG_URL="$url" SIBAO_TEST_PG_USER="$user" SIBAO_TEST_PG_PASSWORD="$password" \
  mvn -q -B test -Dtest=EpidemicBenchmark -Dsibao.bench=true -Dsibao.bench.employees="$employees" \
  -Dsurefire.failIfNoSpecifiedTests=false

# --- one table from the JSON each benchmark wrote
num() { # file key [object]: a number from a JSON object (pretty-printed or not), or from a nested one
  local text value
  text=$(tr -d ' \n' 2>/dev/null < "target/bench/$1") || { echo "n/a"; return; }
  if [ -n "${3:-}" ]; then text=$(echo "$text" | sed -E "s/.*\"$3\":\{([^}]*)\}.*/\1/"); fi
  value=$(echo "$text" | grep -oE "\"$2\":[-0-9.eE]+" | head -n1 | cut -d: -f2)
  if [ -z "$value" ]; then echo "n/a"; return; fi
  awk -v v="$value" 'BEGIN { if (v >= 1000) printf "%.0f\n", v; else if (v >= 10) printf "%.1f\n", v; else printf "%.3g\n", v }'
}
rows=(
  "B1|test-result ingest, rows/s|$(num epidemic.json b1RowsPerSecond)|>= 50000"
  "B1|ratio to psql \\copy into a bare table|$(num epidemic.json b1Ratio)|>= 0.5"
  "B2|sentinel sweep, ms|$(num epidemic.json b2SweepMs)|<= 3000"
  "B3|dashboard p95, province, ms|$(num b3-dashboard.json p95Ms province)|<= 50"
  "B3|dashboard p95, county, ms|$(num b3-dashboard.json p95Ms county)|<= 50"
  "B3|dashboard p95 at $scale scale, province (sector drill-down), ms|$(num epidemic.json b3WarmProvinceP95Ms)|<= 50"
  "B3|dashboard p95 at $scale scale, county, ms|$(num epidemic.json b3WarmCountyP95Ms)|<= 50"
  "B3|dashboard snapshot computed cold at $scale scale, province, ms|$(num epidemic.json b3ColdProvinceMs)|"
  "B4|full policy rematch, s|$(num b4-policy-rematch.json fullRematchMedianSeconds)|<= 30"
  "B4|one subject's matches, ms|$(num b4-policy-rematch.json oneSubjectMedianMillis)|<= 5"
  "B5|appeal create + read, requests/s|$(num b5-appeals.json requestsPerSecond)|>= 1000"
  "B5|appeal create + read p99, ms|$(num b5-appeals.json p99Ms)|<= 50"
  "B6|emergency switch of 5,000 subjects, ms|$(num epidemic.json b6SwitchMs)|<= 1000"
  "B7|demo start to serving, s|$(num b7-start-time.json median)|<= 20"
)
{
  echo "Sibao benchmarks, scale $scale ($employees employees), $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "| # | figure | value | target |"
  echo "|---|---|---|---|"
  for r in "${rows[@]}"; do IFS='|' read -r id what value target <<<"$r"; echo "| $id | $what | $value | $target |"; done
} > target/bench/summary.md
{
  printf '{"scale":"%s","employees":%s,"results":[' "$scale" "$employees"
  sep=
  for r in "${rows[@]}"; do
    IFS='|' read -r id what value target <<<"$r"
    [ "$value" = "n/a" ] && value=null
    printf '%s{"benchmark":"%s","figure":"%s","value":%s,"target":"%s"}' "$sep" "$id" "${what//\\/\\\\}" "$value" "$target"
    sep=,
  done
  printf ']}\n'
} > target/bench/summary.json
echo
cat target/bench/summary.md
