#!/usr/bin/env bash
# One command for the data-access benchmark: bash bench/run.sh [extra Maven/-Dbench.* arguments]
# Compiles bench/java only in the Maven profile `bench` and runs DataAccessBenchmark against the embedded lab
# (S3Proxy, PostgreSQL, Keycloak, LabGate: all on loopback). Results: stdout and target/bench/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench
{
  echo "== machine =="
  echo "date:  $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "nproc: $(nproc)"
  echo "RAM:   $(free -h | awk '/^Mem:/ {print $2}')"
  java -version 2>&1
} | tee target/bench/machine.txt
./mvnw -B -Pbench test -Dtest=DataAccessBenchmark -Dsurefire.failIfNoSpecifiedTests=false "$@" \
  | tee target/bench/run.log
echo
cat target/bench/machine.txt target/bench/results.md
