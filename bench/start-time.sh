#!/usr/bin/env bash
# B7: seconds from `java -jar` to serving (actuator health UP) in demo mode on a fresh install — embedded
# database created, migrations applied, demo data seeded. Target ≤ 20 s.
# Usage: bench/start-time.sh [runs]   (default 1; prints each run and the median, and writes
# target/bench/b7-start-time.json). Uses port 8080.
set -euo pipefail

cd "$(dirname "$0")/.."
runs=${1:-1}
port=8080
url="http://localhost:$port/actuator/health"

if curl -fsS -o /dev/null "$url" 2>/dev/null; then
  echo "port $port is already serving: stop that application first" >&2
  exit 1
fi

mvn -q -B -DskipTests package
jar=$(ls target/sibao-*.jar | grep -v -- '-plain\.jar$' | head -n1)
jar=$(realpath "$jar")

work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" && wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

times=()
for run in $(seq 1 "$runs"); do
  rm -rf "$work/data"
  start=$(date +%s%N)
  (cd "$work" && exec java -Xmx512m -jar "$jar" --server.port=$port >"$work/app.log" 2>&1) &
  pid=$!
  until curl -fsS "$url" 2>/dev/null | grep -q '"status":"UP"'; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the application exited before serving; last log lines:" >&2
      tail -n 30 "$work/app.log" >&2
      exit 1
    fi
    if (( $(date +%s%N) - start > 120000000000 )); then
      echo "not serving after 120 s" >&2
      exit 1
    fi
    sleep 0.1
  done
  millis=$(( ($(date +%s%N) - start) / 1000000 ))
  seconds=$(awk -v ms="$millis" 'BEGIN {printf "%.1f", ms / 1000}')
  echo "run $run: $seconds s to serving"
  times+=("$seconds")
  kill "$pid" && wait "$pid" 2>/dev/null || true
  pid=
done

median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}')
echo "B7 demo start to serving: median $median s over $runs run(s) (target <= 20 s)"
mkdir -p target/bench
printf '{"benchmark":"B7","what":"demo start to serving","unit":"s","median":%s,"runs":[%s],"target":20}\n' \
  "$median" "$(IFS=,; echo "${times[*]}")" > target/bench/b7-start-time.json
