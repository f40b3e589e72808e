#!/usr/bin/env bash
# npm run bench -- <name>: install what is missing, build, run one benchmark (see bench/README.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/bin/ensure-dependencies.sh
hub_ensure_dependencies
exec node dist/bench/run-benchmark.js "$@"
