#!/usr/bin/env bash
# Copied from the project brief's reference script; kept here so that a clean checkout (and CI) can run it.
# Idempotent: installs (if missing) and starts PostgreSQL + RabbitMQ as root WITHOUT systemd,
# then waits until both are ready. Safe to run any number of times.
#   Postgres : 127.0.0.1:5432  user/password/db from PG_USER/PG_PASSWORD/PG_DB (default app/app/app), scram-sha-256
#   RabbitMQ : 127.0.0.1:5672  user/password RMQ_USER/RMQ_PASSWORD (default app/app, administrator, vhost "/")
#              (guest/guest also works, loopback only); management UI/API on 127.0.0.1:15672 if RMQ_MANAGEMENT=1
set -euo pipefail

PG_USER="${PG_USER:-app}"; PG_PASSWORD="${PG_PASSWORD:-app}"; PG_DB="${PG_DB:-app}"
RMQ_USER="${RMQ_USER:-app}"; RMQ_PASSWORD="${RMQ_PASSWORD:-app}"
RMQ_MANAGEMENT="${RMQ_MANAGEMENT:-1}"
export DEBIAN_FRONTEND=noninteractive

log() { echo "[start-services] $*"; }

# ---------- 1. install if missing ----------
need=()
dpkg -s postgresql >/dev/null 2>&1 || need+=(postgresql)
dpkg -s rabbitmq-server >/dev/null 2>&1 || need+=(rabbitmq-server)
if ((${#need[@]})); then
  log "installing ${need[*]}"
  # policy-rc.d denies the postinst service start in this sandbox; that is expected and harmless.
  apt-get install -y -q "${need[@]}" >/tmp/start-services-apt.log 2>&1 \
    || { apt-get update -q >/dev/null 2>&1; apt-get install -y -q "${need[@]}" >/tmp/start-services-apt.log 2>&1; }
fi

# ---------- 2. PostgreSQL ----------
PGVER="$(ls /usr/lib/postgresql | sort -V | tail -1)"
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$PGVER main"; then
  log "creating cluster $PGVER/main"
  pg_createcluster "$PGVER" main >/dev/null
fi
if ! pg_lsclusters -h | awk -v v="$PGVER" '$1==v && $2=="main" {print $4}' | grep -q online; then
  log "starting postgres $PGVER/main"
  pg_ctlcluster "$PGVER" main start
fi
for _ in $(seq 1 300); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 0.1; done
pg_isready -h 127.0.0.1 -p 5432 >/dev/null || { log "postgres not ready"; tail -n 30 "/var/log/postgresql/postgresql-$PGVER-main.log"; exit 1; }

# role + database (password stored as scram-sha-256, the PG15 default; pg_hba already requires scram for host 127.0.0.1)
su postgres -c "psql -v ON_ERROR_STOP=1 -qAt" <<SQL
SET password_encryption = 'scram-sha-256';
DO \$\$BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${PG_USER}') THEN
    CREATE ROLE "${PG_USER}" LOGIN CREATEDB PASSWORD '${PG_PASSWORD}';
  ELSE
    ALTER ROLE "${PG_USER}" LOGIN CREATEDB PASSWORD '${PG_PASSWORD}';
  END IF;
END\$\$;
SELECT 'CREATE DATABASE "${PG_DB}" OWNER "${PG_USER}"'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '${PG_DB}')\gexec
SQL
PGPASSWORD="$PG_PASSWORD" psql -h 127.0.0.1 -U "$PG_USER" -d "$PG_DB" -qAtc 'select 1' >/dev/null
log "postgres ready: Host=127.0.0.1;Port=5432;Database=$PG_DB;Username=$PG_USER;Password=***"

# ---------- 3. RabbitMQ ----------
# Fixed node name so the Erlang node never depends on the machine's hostname resolving.
install -d -o rabbitmq -g rabbitmq /etc/rabbitmq /var/lib/rabbitmq /var/log/rabbitmq
cat >/etc/rabbitmq/rabbitmq-env.conf <<'EOF'
NODENAME=rabbit@localhost
NODE_IP_ADDRESS=127.0.0.1
EOF
cat >/etc/rabbitmq/rabbitmq.conf <<'EOF'
listeners.tcp.default = 127.0.0.1:5672
management.tcp.ip = 127.0.0.1
management.tcp.port = 15672
EOF
chown rabbitmq:rabbitmq /etc/rabbitmq/rabbitmq-env.conf /etc/rabbitmq/rabbitmq.conf
if [ "$RMQ_MANAGEMENT" = 1 ]; then
  grep -q rabbitmq_management /etc/rabbitmq/enabled_plugins 2>/dev/null \
    || rabbitmq-plugins enable --offline rabbitmq_management >/dev/null
fi

if ! rabbitmq-diagnostics -q ping >/dev/null 2>&1; then
  log "starting rabbitmq"
  rabbitmq-server -detached      # as root this su's to the rabbitmq user itself
  for _ in $(seq 1 300); do rabbitmq-diagnostics -q ping >/dev/null 2>&1 && break; sleep 0.2; done
fi
# await_startup fails (rc 69) if called before the node registered with epmd, hence the ping loop above.
rabbitmqctl -q --timeout 120 await_startup || { log "rabbitmq not ready"; tail -n 30 /var/log/rabbitmq/rabbit@localhost.log; exit 1; }

if ! rabbitmqctl -q list_users | awk '{print $1}' | grep -qx "$RMQ_USER"; then
  rabbitmqctl -q add_user "$RMQ_USER" "$RMQ_PASSWORD" >/dev/null
fi
rabbitmqctl -q change_password "$RMQ_USER" "$RMQ_PASSWORD" >/dev/null
rabbitmqctl -q set_user_tags "$RMQ_USER" administrator >/dev/null
rabbitmqctl -q set_permissions -p / "$RMQ_USER" '.*' '.*' '.*' >/dev/null
log "rabbitmq ready: amqp://$RMQ_USER:***@127.0.0.1:5672/ (node rabbit@localhost)"
