#!/usr/bin/env bash
# npm run generate: what is generated from the contracts (the catalogue of event types and their
# records' types), rewritten after a contract changes; and from the gateway's controllers (its
# OpenAPI document, and the hub client's types from that) and the console's (its OpenAPI document),
# rewritten after an HTTP API changes.
# A test fails while a generated file is stale.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/bin/ensure-dependencies.sh
hub_ensure_dependencies
node apps/cli/bin/hub.js contracts generate-catalogue --folder contracts --out libs/contracts/src/generated/standard-contracts.ts
node dist/apps/gateway/src/write-openapi.js
node dist/apps/console/src/write-openapi.js
