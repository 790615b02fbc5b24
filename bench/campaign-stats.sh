#!/usr/bin/env bash
# Campaign stats from the counters (campaign_outcome_counts) against a GROUP BY over the campaign's bounce-log
# rows, and what the counting trigger costs a bounce-log insert (one row per transaction, as the consumer writes,
# all clients on one campaign: the counter rows are as hot as they get).
# Usage: bench/campaign-stats.sh [ROWS] [SECONDS]   (psql and pgbench; PGHOST/PGUSER/PGPASSWORD/PGDATABASE, else
# the dev defaults). Writes ROWS rows of a throw-away campaign dated 2000-01-01 (outside every report window) into
# subscriber_state.bounce_log, and removes them, their counters and its scratch table at the end. Bounce-log writes
# wait while it seeds: run it on a scratch or dev database.
set -euo pipefail
rows=${1:-1000000}
seconds=${2:-10}
export PGHOST=${PGHOST:-127.0.0.1} PGUSER=${PGUSER:-app} PGPASSWORD=${PGPASSWORD:-app} PGDATABASE=${PGDATABASE:-app}
campaign="bench-$(date +%s)"
script=$(mktemp)
cleanup() {
    psql -X -q -c "DELETE FROM subscriber_state.bounce_log WHERE campaign_uid = '$campaign'" \
        -c "DELETE FROM subscriber_state.campaign_outcome_counts WHERE campaign_uid = '$campaign'" \
        -c "DROP TABLE IF EXISTS subscriber_state.bench_bounce_log" >/dev/null
    rm -f "$script"
}
trap cleanup EXIT

columns="event_id, provider, event_type, email, campaign_uid, kind, dsn_code, reason, scope, occurred_at, received_at"
echo "== $rows rows of campaign $campaign (90% delivered, 6% soft 4.2.2, 4% hard 5.1.1), counted as the migration does"
# One transaction would update the same counter rows a million times (each update chained to the one before, so it
# slows down quadratically); the consumer writes one row per transaction. So the rows go in without the trigger and
# are counted in one grouped insert, with bounce_log locked meanwhile: no other writer's row goes uncounted.
psql -X -q -v ON_ERROR_STOP=1 <<SQL
\\timing on
BEGIN;
ALTER TABLE subscriber_state.bounce_log DISABLE TRIGGER count_outcome;
INSERT INTO subscriber_state.bounce_log ($columns)
SELECT '$campaign-' || i, 'generic', 'bench', 'b' || i || '@example.com', '$campaign',
       CASE WHEN i % 100 < 90 THEN 'delivered' WHEN i % 100 < 96 THEN 'soft' ELSE 'hard' END,
       CASE WHEN i % 100 < 90 THEN NULL WHEN i % 100 < 96 THEN '4.2.2' ELSE '5.1.1' END,
       CASE WHEN i % 100 < 90 THEN 'delivered' WHEN i % 100 < 96 THEN 'mailboxfull' ELSE 'userunknown' END,
       'recipient', '2000-01-01', now()
FROM generate_series(1, $rows) i;
ALTER TABLE subscriber_state.bounce_log ENABLE TRIGGER count_outcome;
INSERT INTO subscriber_state.campaign_outcome_counts (campaign_uid, kind, reason, dsn_code, shard, count)
SELECT campaign_uid, kind, reason, dsn_code, 0, count(*) FROM subscriber_state.bounce_log
WHERE campaign_uid = '$campaign' GROUP BY campaign_uid, kind, reason, dsn_code;
COMMIT;
\timing off
ANALYZE subscriber_state.bounce_log;
\echo == stats by GROUP BY over the campaign rows (index ix_bounce_log_campaign_uid_occurred_at_id)
\timing on
SELECT kind, reason, dsn_code, count(*) FROM subscriber_state.bounce_log WHERE campaign_uid = '$campaign' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
\echo == stats from the counters (what GET /v1/campaigns/{uid}/stats reads)
SELECT kind, reason, dsn_code, sum(count) FROM subscriber_state.campaign_outcome_counts WHERE campaign_uid = '$campaign' GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
\timing off
CREATE TABLE subscriber_state.bench_bounce_log (LIKE subscriber_state.bounce_log INCLUDING ALL);
SQL

for table in bench_bounce_log bounce_log; do
    cat >"$script" <<SQL
INSERT INTO subscriber_state.$table ($columns)
VALUES ('$campaign-' || gen_random_uuid(), 'generic', 'bench', 'p@example.com', '$campaign', 'delivered', NULL, 'delivered', 'recipient', '2000-01-01', now());
SQL
    label=$([[ $table == bounce_log ]] && echo "bounce_log with the counting trigger" || echo "a copy of bounce_log without the trigger")
    echo "== single-row inserts for $seconds s, 8 clients (the consumer's concurrency), into $label"
    pgbench -n -c 8 -j 2 -T "$seconds" -f "$script" 2>/dev/null | grep -E "^(tps|latency average)"
done
