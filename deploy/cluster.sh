#!/usr/bin/env bash
# A local three-node KalshiArb cluster on this machine: PostgreSQL (shared journal), the exchange simulator,
# and nodes node1 (market,risk; seed), node2 (execution,risk), node3 (market,execution).
#
#   deploy/cluster.sh start            publish, start PostgreSQL, simulator, 3 nodes; wait until each answers
#   deploy/cluster.sh start --no-nodes the same without the nodes (PostgreSQL + simulator for nodes run by hand)
#   deploy/cluster.sh stop             SIGTERM the nodes (graceful leave), then the simulator, then PostgreSQL
#   deploy/cluster.sh status           PostgreSQL/simulator state and `kalshiarb status` for every node
#   deploy/cluster.sh logs [NAME] [-f] last lines of node1|node2|node3|exchange|postgres (all when no NAME)
#   deploy/cluster.sh drill NAME       kill -9 NAME while trading, time until the risk gate decides again, restart NAME
#
# Everything lives under deploy/.run (KA_RUN_DIR). Settings: KA_PG_PORT (55433), KA_EXCHANGE_PORT (8787),
# KA_START_TIMEOUT seconds per wait (180), KA_STOP_TIMEOUT seconds per process (30),
# KA_SKIP_PUBLISH=1 to reuse deploy/.run/app, KA_KEEP_ON_FAILURE=1 to leave a failed start running,
# KA_NODE_CONFIG=file.conf to give every node a --config overlay. `start` again after a node died (kill -9) starts
# only the missing node, which rejoins the running cluster.
set -euo pipefail

DEPLOY_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$DEPLOY_DIR")
RUN_DIR=${KA_RUN_DIR:-$DEPLOY_DIR/.run}
APP_DIR=$RUN_DIR/app
APP_DLL=$APP_DIR/kalshiarb.dll
PG_DIR=$RUN_DIR/pg
PG_DATA=$PG_DIR/data
PG_PORT=${KA_PG_PORT:-55433}
PG_DB=kalshiarb
EXCHANGE_DIR=$RUN_DIR/exchange
EXCHANGE_PORT=${KA_EXCHANGE_PORT:-8787}
KEY_DIR=$RUN_DIR/keys
START_TIMEOUT=${KA_START_TIMEOUT:-180}
STOP_TIMEOUT=${KA_STOP_TIMEOUT:-30}

NODES=(node1 node2 node3)
declare -A NODE_PORT=([node1]=4053 [node2]=4054 [node3]=4055)
declare -A NODE_ROLES=([node1]="market,risk" [node2]="execution,risk" [node3]="market,execution")
# Every node lists all three seeds (node1 first): a restarted node1 then joins the running cluster through node2 or
# node3 instead of forming a cluster of its own (the first seed joins itself only when no other seed answers).
SEED_NODES="akka.tcp://kalshiarb@127.0.0.1:${NODE_PORT[node1]},akka.tcp://kalshiarb@127.0.0.1:${NODE_PORT[node2]},akka.tcp://kalshiarb@127.0.0.1:${NODE_PORT[node3]}"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

say() { printf '[cluster] %s\n' "$*"; }
die() { printf '[cluster] ERROR: %s\n' "$*" >&2; exit 1; }

pg_bin() {
  if [ -n "${KA_PG_BIN:-}" ]; then echo "$KA_PG_BIN"; return; fi
  local d
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && echo "$d"; done | sort -V | tail -n 1
}

# initdb refuses to run as root: run the server's tools as the postgres user then
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pid_alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

pg_running() {
  local bin; bin=$(pg_bin)
  [ -n "$bin" ] && [ -f "$PG_DATA/PG_VERSION" ] && as_pg "$bin/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

connection_string() {
  echo "Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$PG_DB;Maximum Pool Size=25"
}

# Starts "$@" in its own session (survives this shell, not killed with its process group); the pid written is
# the program's own because bash execs into it.
launch() {
  local pidfile=$1 log=$2 workdir=$3; shift 3
  rm -f "$pidfile"
  # shellcheck disable=SC2016 # expanded by the inner bash
  setsid bash -c 'echo $$ >"$0"; cd "$1"; shift 2; exec "$@"' "$pidfile" "$workdir" -- "$@" >"$log" 2>&1 </dev/null &
  for _ in $(seq 50); do [ -s "$pidfile" ] && return 0; sleep 0.1; done
  die "process for $pidfile did not start"
}

show_tail() {
  printf '%s\n' "----- last lines of $1 -----" >&2
  tail -n "${2:-30}" "$1" >&2 2>/dev/null || true
  printf '%s\n' "-----" >&2
}

start_failed() {
  local msg=$1 log=${2:-}
  [ -n "$log" ] && show_tail "$log"
  if [ "${KA_KEEP_ON_FAILURE:-0}" = 1 ]; then
    say "start failed; left running for inspection (KA_KEEP_ON_FAILURE=1): run '$0 stop' when done"
  else
    say "start failed; stopping what was started (set KA_KEEP_ON_FAILURE=1 to keep it)"
    do_stop || true
  fi
  die "$msg"
}

publish() {
  if [ "${KA_SKIP_PUBLISH:-0}" = 1 ] && [ -f "$APP_DLL" ]; then
    say "reusing $APP_DIR (KA_SKIP_PUBLISH=1)"
    return
  fi
  say "publishing src/KalshiArb.Node to $APP_DIR"
  # Its own build slot (artifacts/cluster-publish): never ships binaries left by another build's package resolution.
  (cd "$REPO_DIR" && KA_BUILD_SLOT=cluster-publish dotnet publish src/KalshiArb.Node -c Release -o "$APP_DIR" -nologo -v quiet) >"$RUN_DIR/publish.log" 2>&1 \
    || { show_tail "$RUN_DIR/publish.log" 40; die "dotnet publish failed (log: $RUN_DIR/publish.log)"; }
  [ -f "$APP_DLL" ] || die "publish did not produce $APP_DLL"
}

start_postgres() {
  local bin; bin=$(pg_bin)
  [ -n "$bin" ] || die "PostgreSQL binaries not found under /usr/lib/postgresql/*/bin (set KA_PG_BIN)"
  if [ "$(id -u)" -eq 0 ]; then id postgres >/dev/null 2>&1 || die "running as root needs the 'postgres' user to own the server"; fi
  mkdir -p "$PG_DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres "$PG_DIR"
  if pg_running; then
    say "PostgreSQL already running on 127.0.0.1:$PG_PORT"
  else
    if [ ! -f "$PG_DATA/PG_VERSION" ]; then
      say "initdb $PG_DATA"
      as_pg "$bin/initdb" -D "$PG_DATA" -A trust -U postgres >"$PG_DIR/initdb.log" 2>&1 \
        || { show_tail "$PG_DIR/initdb.log"; die "initdb failed"; }
    fi
    if port_open "$PG_PORT"; then die "port $PG_PORT is taken by something else (set KA_PG_PORT)"; fi
    say "starting PostgreSQL on 127.0.0.1:$PG_PORT"
    # -k: the socket goes in our own dir, not /var/run/postgresql (may not exist or be writable)
    as_pg "$bin/pg_ctl" -D "$PG_DATA" -l "$PG_DIR/postgres.log" -w -t "$START_TIMEOUT" \
      -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null \
      || start_failed "PostgreSQL did not start" "$PG_DIR/postgres.log"
  fi
  local exists
  exists=$("$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'") \
    || start_failed "cannot query PostgreSQL on 127.0.0.1:$PG_PORT" "$PG_DIR/postgres.log"
  if [ "$exists" != 1 ]; then
    say "creating database $PG_DB"
    "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres "$PG_DB" || start_failed "createdb $PG_DB failed"
  fi
}

start_exchange() {
  mkdir -p "$EXCHANGE_DIR" "$KEY_DIR"
  if pid_alive "$EXCHANGE_DIR/pid"; then
    say "simulator already running (pid $(cat "$EXCHANGE_DIR/pid"))"
    return
  fi
  if port_open "$EXCHANGE_PORT"; then start_failed "port $EXCHANGE_PORT is taken by something else (set KA_EXCHANGE_PORT)"; fi
  say "starting the exchange simulator on 127.0.0.1:$EXCHANGE_PORT"
  launch "$EXCHANGE_DIR/pid" "$EXCHANGE_DIR/stdout.log" "$EXCHANGE_DIR" \
    dotnet "$APP_DLL" exchange --port "$EXCHANGE_PORT" --key-dir "$KEY_DIR" --seed 1
  local deadline=$((SECONDS + START_TIMEOUT))
  until port_open "$EXCHANGE_PORT" && [ -f "$KEY_DIR/sim-account.pem" ]; do
    pid_alive "$EXCHANGE_DIR/pid" || start_failed "the simulator exited" "$EXCHANGE_DIR/stdout.log"
    [ $SECONDS -lt $deadline ] || start_failed "the simulator did not open port $EXCHANGE_PORT within ${START_TIMEOUT}s" "$EXCHANGE_DIR/stdout.log"
    sleep 0.5
  done
  say "simulator up (pid $(cat "$EXCHANGE_DIR/pid"))"
}

start_node() {
  local name=$1 dir=$RUN_DIR/$1
  mkdir -p "$dir/data" "$dir/logs"
  if pid_alive "$dir/pid"; then
    say "$name already running (pid $(cat "$dir/pid"))"
    return
  fi
  if port_open "${NODE_PORT[$name]}"; then start_failed "port ${NODE_PORT[$name]} for $name is taken by something else"; fi
  say "starting $name (roles ${NODE_ROLES[$name]}, 127.0.0.1:${NODE_PORT[$name]})"
  launch "$dir/pid" "$dir/stdout.log" "$dir" env \
    KA_ROLES="${NODE_ROLES[$name]}" \
    KA_HOSTNAME=127.0.0.1 \
    KA_PORT="${NODE_PORT[$name]}" \
    KA_SEED_NODES="$SEED_NODES" \
    KA_PERSISTENCE=postgres \
    KA_CONNECTION_STRING="$(connection_string)" \
    KA_DATA_DIR="$dir/data" \
    KA_LOG_DIR="$dir/logs" \
    KALSHI_REST_URL="http://127.0.0.1:$EXCHANGE_PORT/trade-api/v2" \
    KALSHI_WS_URL="ws://127.0.0.1:$EXCHANGE_PORT/trade-api/ws/v2" \
    KALSHI_API_KEY_ID=sim-account \
    KALSHI_PRIVATE_KEY_PATH="$KEY_DIR/sim-account.pem" \
    ODDS_API_URL="http://127.0.0.1:$EXCHANGE_PORT" \
    ODDS_API_KEY=sim-odds-key \
    dotnet "$APP_DLL" run ${KA_NODE_CONFIG:+--config "$KA_NODE_CONFIG"}
}

node_status() { dotnet "$APP_DLL" status --data-dir "$RUN_DIR/$1/data" "${@:2}"; }

wait_for_node() {
  local name=$1 dir=$RUN_DIR/$1 deadline=$((SECONDS + START_TIMEOUT)) rc
  while :; do
    pid_alive "$dir/pid" || start_failed "$name exited before answering" "$dir/stdout.log"
    rc=0; node_status "$name" >/dev/null 2>&1 || rc=$?
    [ "$rc" -eq 0 ] && { say "$name answers (pid $(cat "$dir/pid"))"; return; }
    [ $SECONDS -lt $deadline ] || start_failed "$name did not answer 'status' within ${START_TIMEOUT}s (last exit code $rc)" "$dir/stdout.log"
    sleep 1
  done
}

# A node that answers is not yet a node that trades: the market-data feed must be connected too.
wait_for_feed() {
  local name=$1 deadline=$((SECONDS + 60)) out
  while [ $SECONDS -lt $deadline ]; do
    out=$(node_status "$name" 2>/dev/null || true)
    if grep -q '^feed: *up' <<<"$out"; then say "market-data feed connected"; return; fi
    sleep 2
  done
  say "WARNING: the market-data feed is not connected after 60 s; last status of $name:"
  printf '%s\n' "$out" | sed -n '1,12p'
}

do_start() {
  local with_nodes=1
  case ${1:-} in
    "") ;;
    --no-nodes) with_nodes=0 ;;
    *) die "start: unknown option '$1' (--no-nodes)" ;;
  esac
  command -v dotnet >/dev/null || die "dotnet not found"
  mkdir -p "$RUN_DIR"
  publish
  start_postgres
  start_exchange
  if [ "$with_nodes" -eq 0 ]; then
    say "PostgreSQL and simulator up (--no-nodes): KA_CONNECTION_STRING='$(connection_string)'"
    return
  fi
  local n
  # the seed first: the others join through it
  start_node node1
  wait_for_node node1
  for n in node2 node3; do start_node "$n"; done
  for n in node2 node3; do wait_for_node "$n"; done
  wait_for_feed node1
  say "cluster up: $(connection_string | sed 's/;Maximum.*//') | simulator http://127.0.0.1:$EXCHANGE_PORT | '$0 status' to check"
}

# SIGTERM, wait, SIGKILL as a last resort so stop never leaves a process behind
stop_pidfile() {
  local label=$1 pidfile=$2 pid _
  [ -f "$pidfile" ] || return 0
  pid=$(cat "$pidfile")
  if kill -0 "$pid" 2>/dev/null; then
    say "stopping $label (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq $((STOP_TIMEOUT * 2))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      say "$label did not stop within ${STOP_TIMEOUT}s: SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
    fi
  fi
  rm -f "$pidfile"
}

do_stop() {
  local n bin left=0
  # seed last, one at a time: each leaves the cluster gracefully while a majority remains
  for n in node3 node2 node1; do stop_pidfile "$n" "$RUN_DIR/$n/pid"; done
  stop_pidfile "simulator" "$EXCHANGE_DIR/pid"
  bin=$(pg_bin)
  if pg_running; then
    say "stopping PostgreSQL"
    as_pg "$bin/pg_ctl" -D "$PG_DATA" -m fast -w stop >/dev/null
  fi
  # report (never kill) anything else still running from this deployment
  if pgrep -f "$APP_DLL" >/dev/null 2>&1; then
    say "WARNING: processes from $APP_DIR still running (not started by this script's pid files):"
    pgrep -af "$APP_DLL" >&2 || true
    left=1
  fi
  if pg_running; then say "WARNING: PostgreSQL in $PG_DATA still running"; left=1; fi
  [ "$left" -eq 0 ] && say "stopped: nothing left running"
  return "$left"
}

do_status() {
  local n rc worst=0
  if pg_running; then say "postgres  running on 127.0.0.1:$PG_PORT"; else say "postgres  not running"; worst=1; fi
  if pid_alive "$EXCHANGE_DIR/pid"; then say "simulator running (pid $(cat "$EXCHANGE_DIR/pid")) on 127.0.0.1:$EXCHANGE_PORT"
  else say "simulator not running"; worst=1; fi
  [ -f "$APP_DLL" ] || die "$APP_DLL missing: run '$0 start' first"
  for n in "${NODES[@]}"; do
    echo
    if ! pid_alive "$RUN_DIR/$n/pid"; then say "$n  not running"; worst=1; continue; fi
    say "$n  pid $(cat "$RUN_DIR/$n/pid"), roles ${NODE_ROLES[$n]}, 127.0.0.1:${NODE_PORT[$n]}"
    rc=0; node_status "$n" "$@" || rc=$?
    case $rc in
      0) ;;
      2) say "$n: no node running for $RUN_DIR/$n/data"; worst=1 ;;
      4) say "$n: running but not answering"; worst=1 ;;
      *) say "$n: status exit code $rc"; worst=1 ;;
    esac
  done
  return "$worst"
}

do_logs() {
  local follow=0 names=() name log
  for a in "$@"; do
    case $a in
      -f|--follow) follow=1 ;;
      node1|node2|node3|exchange|postgres) names+=("$a") ;;
      *) die "logs: unknown '$a' (node1|node2|node3|exchange|postgres, -f)" ;;
    esac
  done
  [ ${#names[@]} -gt 0 ] || names=(postgres exchange "${NODES[@]}")
  local files=()
  for name in "${names[@]}"; do
    case $name in
      postgres) log=$PG_DIR/postgres.log ;;
      exchange) log=$EXCHANGE_DIR/stdout.log ;;
      *) log=$RUN_DIR/$name/stdout.log ;;
    esac
    if [ -f "$log" ]; then files+=("$log"); else say "$name: no log yet ($log)"; fi
  done
  [ ${#files[@]} -gt 0 ] || return 0
  if [ "$follow" -eq 1 ]; then exec tail -n 20 -F "${files[@]}"; fi
  tail -n 40 "${files[@]}"
}

# The journal's .NET ticks (100 ns since 0001-01-01) of the newest gate decision (an order approved or denied).
last_gate_decision() {
  local bin; bin=$(pg_bin)
  as_pg "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -d "$PG_DB" -tAc \
    "SELECT coalesce(max(created_at), 0) FROM event_journal WHERE manifest IN ('order-risk-approved.v1', 'order-risk-denied.v1')"
}

# kill -9 one node while the cluster trades; print how long until the risk gate decides on an order again (a decision
# journaled more than 3 s after the kill, past any order's horizon, so it was made by a gate alive after the kill),
# then start the node again so it rejoins.
do_drill() {
  local name=${1:-}; [ -n "${NODE_PORT[$name]:-}" ] || die "usage: $0 drill node1|node2|node3"
  pid_alive "$RUN_DIR/$name/pid" || die "$name is not running"
  local before deadline=$((SECONDS + 120))
  before=$(last_gate_decision)
  while [ "$(last_gate_decision)" = "$before" ]; do
    [ $SECONDS -lt $deadline ] || die "no gate decision within 120 s before the drill: is the cluster trading?"
    sleep 0.5
  done
  local t0 ticks_after now
  t0=$(date +%s%N)
  kill -9 "$(cat "$RUN_DIR/$name/pid")"
  say "killed $name with SIGKILL at $(date -u +%T), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  # ns since the Unix epoch -> .NET ticks, plus 3 s
  ticks_after=$(( (t0 / 100) + 621355968000000000 + 30000000 ))
  deadline=$((SECONDS + 180))
  while :; do
    now=$(last_gate_decision)
    if [ "$now" -ge "$ticks_after" ]; then
      local ms=$(( (now - 621355968000000000 - t0 / 100) / 10000 ))
      say "trading again: the risk gate decided on an order $((ms / 1000)).$(printf '%03d' $((ms % 1000))) s after the kill"
      break
    fi
    [ $SECONDS -lt $deadline ] || { say "no gate decision within 180 s of the kill"; break; }
    sleep 0.25
  done
  KA_SKIP_PUBLISH=1 do_start
}

case ${1:-} in
  start) shift; do_start "$@" ;;
  drill) shift; do_drill "$@" ;;
  stop) do_stop ;;
  status) shift; do_status "$@" ;;
  logs) shift; do_logs "$@" ;;
  *) echo "usage: $0 start [--no-nodes]|stop|status [--json]|logs [node1|node2|node3|exchange|postgres] [-f]|drill node1|node2|node3" >&2; exit 64 ;;
esac
