#!/usr/bin/env bash
# Runs BounceService on this machine: installs (Debian packages) and starts PostgreSQL and RabbitMQ if
# needed, builds, applies the migrations, then starts Ingest (:8080), SubscriberState (:8081) and
# WebhookDispatch (:8082) in the background and waits until each answers /health.
#   scripts/run.sh          start, or restart the three services (idempotent)
#   scripts/run.sh stop     stop the three services (PostgreSQL and RabbitMQ keep running)
# CRM endpoints come from the environment, e.g. Webhooks__Endpoints__0__Url=https://crm.example/hooks.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
run="$root/.run"
services=(SubscriberState:8081 WebhookDispatch:8082 Ingest:8080)

stop() {
  for entry in "${services[@]}"; do
    pidfile="$run/${entry%%:*}.pid"
    if [ -f "$pidfile" ]; then kill "$(cat "$pidfile")" 2>/dev/null || true; rm -f "$pidfile"; fi
  done
}
if [ "${1:-}" = stop ]; then stop; echo "stopped"; exit 0; fi

bash scripts/start-services.sh
export ConnectionStrings__Postgres="${ConnectionStrings__Postgres:-Host=127.0.0.1;Port=5432;Database=app;Username=app;Password=app}"
export ConnectionStrings__RabbitMq="${ConnectionStrings__RabbitMq:-amqp://app:app@127.0.0.1:5672/}"

echo "[run] building"
mkdir -p "$run"
for entry in "${services[@]}"; do
  dotnet build "services/BounceService.${entry%%:*}" -c Release --nologo >"$run/build.log" 2>&1 \
    || { tail -n 30 "$run/build.log"; exit 1; }
done
bin() { echo "$root/services/BounceService.$1/bin/Release/net10.0"; }

echo "[run] migrating"
(cd "$(bin SubscriberState)" && dotnet BounceService.SubscriberState.dll migrate)
(cd "$(bin WebhookDispatch)" && dotnet BounceService.WebhookDispatch.dll migrate)

stop
for entry in "${services[@]}"; do
  name=${entry%%:*}; port=${entry##*:}
  (cd "$(bin "$name")" && { ASPNETCORE_URLS="http://0.0.0.0:$port" nohup dotnet "BounceService.$name.dll" >"$run/$name.log" 2>&1 & echo $! >"$run/$name.pid"; })
done
for entry in "${services[@]}"; do
  name=${entry%%:*}; port=${entry##*:}
  for _ in $(seq 1 120); do
    [ "$(curl -s "http://127.0.0.1:$port/health" || true)" = Healthy ] && break
    sleep 0.5
  done
  [ "$(curl -s "http://127.0.0.1:$port/health" || true)" = Healthy ] \
    || { echo "[run] $name did not become healthy; last log lines:"; tail -n 30 "$run/$name.log"; exit 1; }
  echo "[run] $name ready on http://127.0.0.1:$port (log: .run/$name.log)"
done
