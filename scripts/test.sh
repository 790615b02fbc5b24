#!/usr/bin/env bash
# Runs the whole test suite. With a reachable Docker engine the tests start their own PostgreSQL and
# RabbitMQ through Testcontainers; without one this script installs (Debian packages) and starts local ones.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${BOUNCESERVICE_TEST_POSTGRES:-}" ] && ! docker info >/dev/null 2>&1; then
  bash scripts/start-services.sh
  export BOUNCESERVICE_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Database=app;Username=app;Password=app"
  export BOUNCESERVICE_TEST_RABBITMQ="amqp://app:app@127.0.0.1:5672/"
fi

log=$(mktemp)
set +e
dotnet test BounceService.sln --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One plain closing line over all test assemblies.
awk '/(Passed|Failed)! +- +Failed: /{gsub(",","");for(i=1;i<=NF;i++){if($i=="Failed:")f+=$(i+1);if($i=="Passed:")p+=$(i+1);if($i=="Skipped:")s+=$(i+1)}}
     END{printf "tests: %d passed, %d failed, %d skipped\n",p,f,s}' "$log"
rm -f "$log"
exit "$status"
