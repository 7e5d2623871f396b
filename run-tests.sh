#!/usr/bin/env bash
# Runs every test of the suite: unit, integration (real PostgreSQL, Kafka, schema registry and RabbitMQ) and
# end-to-end (every service from its built jar, as its own process).
set -euo pipefail
cd "$(dirname "$0")"

deploy/scripts/ensure-infrastructure.sh
exec ./mvnw -B verify "$@"
