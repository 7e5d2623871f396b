#!/usr/bin/env bash
# Makes sure the machine-level services the suite needs are up: PostgreSQL on 127.0.0.1:5432 and RabbitMQ on
# 127.0.0.1:5672 (both installed from Debian's packages on machines of this kind), and the docker-compose CLI that
# validates docker-compose.yml. Starts what has stopped; installs what is missing (needs root for apt).
set -euo pipefail

log() { printf '[infrastructure] %s\n' "$*"; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() {
  local name=$1 port=$2
  for _ in $(seq 1 60); do
    port_open "$port" && return 0
    sleep 1
  done
  log "$name is not listening on 127.0.0.1:$port"; return 1
}

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! port_open 5432; then
  log "starting PostgreSQL"
  as_root pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start
  wait_port PostgreSQL 5432
fi

if ! port_open 5672; then
  log "starting RabbitMQ"
  as_root rabbitmq-server -detached
  wait_port RabbitMQ 5672
fi

if [ "${SUITE_SKIP_TOOLS:-}" != "1" ] && ! command -v docker-compose >/dev/null 2>&1; then
  log "installing docker-compose (validates docker-compose.yml; no Docker engine needed)"
  as_root apt-get install -y -q docker-compose >/dev/null 2>&1 \
    || { as_root apt-get update -q >/dev/null && as_root apt-get install -y -q docker-compose >/dev/null; }
fi
log "PostgreSQL and RabbitMQ are up"
