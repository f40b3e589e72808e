#!/usr/bin/env bash
# npm run kafka: only the local Kafka broker, in the foreground (see docs/operators.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/bin/ensure-dependencies.sh
hub_ensure_dependencies
exec node dist/deploy/local/run-kafka.js
