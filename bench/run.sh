#!/usr/bin/env bash
# One command per benchmark:
#   bash bench/run.sh [data-access] [extra Maven/-Dbench.* arguments]   streaming and link issuance (the default)
#   bash bench/run.sh report [extra Maven/-Dbench.* arguments]          10 million usage events, the year's report
# Compiles bench/java only in the Maven profile `bench` and runs the benchmark class against the embedded lab
# (S3Proxy, PostgreSQL, Keycloak, LabGate: all on loopback). Results: stdout and target/bench/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
benchmark=DataAccessBenchmark
case "${1:-}" in
  report) benchmark=ReportBenchmark; shift ;;
  data-access) shift ;;
esac
mkdir -p target/bench
{
  echo "== machine =="
  echo "date:  $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc: $(nproc)"
  echo "RAM:   $(free -h | awk '/^Mem:/ {print $2}')"
  java -version 2>&1
} | tee target/bench/machine.txt
./mvnw -B -q package -DskipTests  # the packaged jar, for the start-up phase
./mvnw -B -Pbench test -Dtest="$benchmark" -Dsurefire.failIfNoSpecifiedTests=false "$@" \
  | tee target/bench/run.log
echo
cat target/bench/machine.txt target/bench/results.md
