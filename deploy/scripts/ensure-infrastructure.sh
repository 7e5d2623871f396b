#!/usr/bin/env bash
# Makes sure the machine-level services the suite needs are up: PostgreSQL on 127.0.0.1:5432 and RabbitMQ on
# 127.0.0.1:5672 (both installed from Debian's packages on machines of this kind) with RabbitMQ's metrics plugin on
# 127.0.0.1:15692; Prometheus and promtool, and ClickHouse (Debian's packages; the suite starts its own Prometheus
# and ClickHouse, the packages' services are never started); and the docker-compose CLI that validates
# docker-compose.yml. Starts what has stopped;
# installs what is missing (needs root for apt).
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

# RabbitMQ's own metrics (queue depths, publish/deliver/ack rates), on the loopback interface only: the plugin binds
# every interface unless told otherwise. The config line holds across restarts; set_env covers the running node.
RABBITMQ_CONF=/etc/rabbitmq/rabbitmq.conf
if [ -d /etc/rabbitmq ] && ! grep -q '^prometheus.tcp.ip' "$RABBITMQ_CONF" 2>/dev/null; then
  printf 'prometheus.tcp.ip = 127.0.0.1\nprometheus.tcp.port = 15692\n' | as_root tee -a "$RABBITMQ_CONF" >/dev/null
fi
if ! port_open 15692; then
  log "enabling RabbitMQ's metrics plugin on 127.0.0.1:15692"
  as_root rabbitmqctl -q eval 'application:set_env(rabbitmq_prometheus, tcp_config, [{ip, "127.0.0.1"}, {port, 15692}]).' >/dev/null
  as_root rabbitmq-plugins -q enable rabbitmq_prometheus >/dev/null
  wait_port "RabbitMQ metrics" 15692
fi

apt_install() {
  # No package's own service may start (Debian's prometheus would listen on every interface): policy-rc.d says no.
  local policy=/usr/sbin/policy-rc.d created=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null && as_root chmod +x "$policy" && created=1
  fi
  as_root apt-get install -y -q --no-install-recommends "$@" >/dev/null 2>&1 \
    || { as_root apt-get update -q >/dev/null && as_root apt-get install -y -q --no-install-recommends "$@" >/dev/null; }
  if [ -n "$created" ]; then as_root rm -f "$policy"; fi
}

if ! command -v promtool >/dev/null 2>&1 || ! command -v prometheus >/dev/null 2>&1; then
  log "installing Prometheus and promtool (Debian's package; its own service stays off)"
  apt_install prometheus
fi

if [ ! -x /usr/sbin/clickhouse-server ]; then
  log "installing ClickHouse (Debian's clickhouse-server; the suite runs it as its own process, its service stays off)"
  apt_install clickhouse-server
fi

if [ "${SUITE_SKIP_TOOLS:-}" != "1" ] && ! command -v docker-compose >/dev/null 2>&1; then
  log "installing docker-compose (validates docker-compose.yml; no Docker engine needed)"
  apt_install docker-compose
fi
log "PostgreSQL, RabbitMQ (metrics on 15692), Prometheus and ClickHouse are ready"
