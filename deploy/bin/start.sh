#!/usr/bin/env bash
# npm start: install what is missing, build, and bring the hub up (see README).
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/bin/ensure-dependencies.sh
hub_ensure_dependencies
exec node dist/deploy/local/start-hub.js
