#!/usr/bin/env bash
# npm run image-rehearsal: build the image's file tree by the Dockerfile's steps and run the hub from it (see docs/kubernetes.md).
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/bin/ensure-dependencies.sh
hub_ensure_dependencies
exec node dist/deploy/image/rehearse-image.js "$@"
