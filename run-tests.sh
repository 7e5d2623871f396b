#!/usr/bin/env bash
# Runs every test of the suite: the Prometheus rules' unit tests (promtool), then unit, integration (real
# PostgreSQL, Kafka, schema registry and RabbitMQ) and end-to-end tests (every service from its built jar, as its
# own process, with the tracing agent, a real Prometheus and a real trace backend).
set -euo pipefail
cd "$(dirname "$0")"

deploy/scripts/ensure-infrastructure.sh
promtool test rules deploy/observability/prometheus/tests/*.yml
exec ./mvnw -B verify "$@"
