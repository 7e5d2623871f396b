#!/usr/bin/env bash
# Starts the whole suite on this machine, without Docker: Kafka (from the Maven Central jars), the schema registry,
# PostgreSQL and RabbitMQ, and the six services, each its own process. Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"

SUITE_SKIP_TOOLS=1 deploy/scripts/ensure-infrastructure.sh
echo "Building the suite (first run downloads dependencies; a few minutes)..."
./mvnw -B -q install -DskipTests
classpath="deploy/local-suite/target/classes:$(cat deploy/local-suite/target/launcher.classpath)"
exec java -cp "$classpath" io.banksuite.local.LocalSuite "$@"
