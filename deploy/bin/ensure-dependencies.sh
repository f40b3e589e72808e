#!/usr/bin/env bash
# Installs the npm packages when they are missing or package-lock.json changed since the last install,
# then builds the TypeScript sources (incrementally). Sourced by start.sh and test.sh.
set -euo pipefail

hub_say() { printf '[hub] %s\n' "$*"; }

hub_require() {
  command -v "$1" >/dev/null 2>&1 || { hub_say "$1 is required but not installed ($2)."; exit 1; }
}

hub_ensure_dependencies() {
  hub_require node "Node.js 20"
  hub_require java "Java 17 runs the Kafka broker"
  hub_require mvn "Maven fetches the Kafka broker from Maven Central"
  local stamp=node_modules/.hub-install-stamp
  local wanted
  wanted=$(cat package.json package-lock.json | sha256sum | cut -d' ' -f1)
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
    hub_say "Installing npm packages (npm ci) ..."
    npm ci --no-audit --no-fund
    echo "$wanted" > "$stamp"
  fi
  hub_say "Building (tsc) ..."
  npm run --silent build
}
