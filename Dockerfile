# syntax=docker/dockerfile:1
# The gateway's production image: `docker build -t badges-graphql-gateway .`
# deploy/kubernetes/ runs it. test/integration/dockerfile.test.ts checks the rules this file keeps
# and performs the final stage's own COPY, RUN and CMD steps outside Docker.

FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# --ignore-scripts: `prepare` would build before the sources are here; tsc needs no install script.
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY schema ./schema
COPY src ./src
COPY bench ./bench
COPY examples/badges-admin/src/operations ./examples/badges-admin/src/operations
RUN npm run build

FROM node:24-slim
ENV NODE_ENV=production
WORKDIR /app
# The code stays root's: the gateway's user can read it, not change it.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/schema ./schema
COPY --from=build /app/dist/src ./dist/src
# --omit=optional: the optional dependencies are Node binaries from npm (the image has its node) and
# graphql-armor's types; --ignore-scripts: `prepare` would run tsc. The npm cache stays out of the image.
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund
# Apollo Sandbox (GRAPHQL_SANDBOX=true) opens with the example app's own operation; copied after
# `npm ci`, which would otherwise take the folder for an npm workspace without a package.json.
COPY --from=build /app/examples/badges-admin/src/operations ./examples/badges-admin/src/operations
# Node keeps the compile cache in one directory per user: the user that runs the gateway writes it.
RUN mkdir dist/.compile-cache && chown 1000:1000 dist/.compile-cache
# 1000:1000 is the image's `node` user, numeric so that Kubernetes' runAsNonRoot can check it.
USER 1000:1000
RUN node --heap-growing-percent=50 dist/src/tools/warmCompileCache.js
ENV PORT=4000 MANAGEMENT_PORT=9464
EXPOSE 4000 9464
CMD ["node", "--heap-growing-percent=50", "dist/src/main.js"]
