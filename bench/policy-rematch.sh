#!/usr/bin/env bash
# B4: full policy rematch (50,000 subjects x 500 policies in force) and one subject's matches.
# Usage: bench/policy-rematch.sh [subjects] [policies] [rounds]
#   On PostgreSQL: SIBAO_BENCH_PG_URL=jdbc:postgresql://localhost:5432/sibao_bench SIBAO_BENCH_PG_USER=sibao \
#                  SIBAO_BENCH_PG_PASSWORD=sibao bench/policy-rematch.sh   (use an empty, disposable database)
#   Without it: an in-memory H2 database. Writes target/bench/b4-policy-rematch.json.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
cp=$(mvn -q -B dependency:build-classpath -Dmdep.outputFile=/dev/stdout)
exec java -Xmx1g -cp "target/classes:target/test-classes:$cp" org.sibao.policy.internal.PolicyRematchBenchmark "$@"
