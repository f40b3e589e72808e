#!/usr/bin/env bash
# npm test: install what is missing, build (the e2e tests run built apps as separate processes),
# then run every test. The e2e suites start their own Kafka broker and PostgreSQL.
# Arguments go to jest, e.g. `npm test -- --selectProjects unit` or `npm test -- tests/messaging`.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/bin/ensure-dependencies.sh
hub_ensure_dependencies
hub_require go "Go builds kustomize and kubeconform, which check the Kubernetes manifests (tests/deployment)"
# The static checks run side by side (each is one process on one core), ESLint, the longest, with
# the others; each one's output is shown when it fails. ts-jest only transpiles (isolatedModules),
# so the tests are type-checked here, strictly, like the code.
hub_say "Type-checking (tsc --noEmit), checking the formatting (Prettier; npm run format rewrites it), linting (ESLint, typescript-eslint strict type-checked) and the layer map (dependency-cruiser) ..."
checks=$(mktemp -d)
run_check() { local name=$1; shift; if "$@" > "$checks/$name.out" 2>&1; then echo ok > "$checks/$name.status"; else echo failed > "$checks/$name.status"; fi; }
( run_check typescript npx tsc -p tsconfig.json --noEmit && run_check typescript-web npx tsc -p apps/console/web --noEmit
  run_check prettier npx prettier --check --log-level warn 'apps/**/*.ts' 'apps/**/*.tsx' 'libs/**/*.ts' 'tests/**/*.ts' 'bench/**/*.ts' 'deploy/**/*.ts'
  run_check dependency-cruiser npx depcruise apps libs bench deploy tests --config .dependency-cruiser.cjs --output-type err ) &
run_check eslint npx eslint --max-warnings 0 .
wait
failed=0
for check in typescript typescript-web prettier eslint dependency-cruiser; do
  if [ "$(cat "$checks/$check.status" 2>/dev/null)" != ok ]; then
    hub_say "$check failed:"
    cat "$checks/$check.out" 2>/dev/null || true
    failed=1
  fi
done
rm -rf "$checks"
[ "$failed" = 0 ] || exit 1
hub_say "Running tests (jest) ..."
# Jest runs ES modules (and, on Node 24.9+, require(esm)) through vm.SourceTextModule/SyntheticModule,
# which Node 24 still keeps behind --experimental-vm-modules.
exec node --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js "$@"
