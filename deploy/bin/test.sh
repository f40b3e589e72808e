#!/usr/bin/env bash
# npm test: install what is missing, build (the e2e tests run built apps as separate processes),
# then run every test. The e2e suites start their own Kafka broker and PostgreSQL.
# Arguments go to jest, e.g. `npm test -- --selectProjects unit` or `npm test -- tests/messaging`.
set -euo pipefail
cd "$(dirname "$0")/../.."
source deploy/bin/ensure-dependencies.sh
hub_ensure_dependencies
# ts-jest only transpiles (isolatedModules), so the tests are type-checked here, strictly, like the code.
hub_say "Type-checking tests (tsc --noEmit) ..."
npx tsc -p tsconfig.json --noEmit
npx tsc -p apps/console/web --noEmit
hub_say "Checking the formatting (Prettier; npm run format rewrites it) ..."
npx prettier --check --log-level warn 'apps/**/*.ts' 'apps/**/*.tsx' 'libs/**/*.ts' 'tests/**/*.ts' 'bench/**/*.ts' 'deploy/**/*.ts'
hub_say "Linting (ESLint, typescript-eslint strict type-checked; eslint.config.js) ..."
npx eslint --max-warnings 0 .
hub_say "Checking the layer map (dependency-cruiser, .dependency-cruiser.cjs) ..."
npx depcruise apps libs bench deploy tests --config .dependency-cruiser.cjs --output-type err
hub_say "Running tests (jest) ..."
# Jest runs ES modules (and, on Node 24.9+, require(esm)) through vm.SourceTextModule/SyntheticModule,
# which Node 24 still keeps behind --experimental-vm-modules.
exec node --experimental-vm-modules --no-warnings=ExperimentalWarning node_modules/jest/bin/jest.js "$@"
