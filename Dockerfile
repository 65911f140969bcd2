# syntax=docker/dockerfile:1
#
# Tessera production image.
#   docker build -t tessera .
#   docker run -p 3000:3000 -v tessera-data:/data tessera                      # embedded PGlite in /data
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://… tessera               # PostgreSQL 15+
#
# The server runs its TypeScript sources directly on Node 24 (type stripping, docs/adr/0003): only the web
# app is built. Every variable the server reads is documented in .env.example.

ARG NODE_IMAGE=node:24-slim

# ---- deps: every dependency, dev tools included (Vite, Tailwind… build the web app) --------------------
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/server/package.json apps/server/
COPY apps/web/package.json apps/web/
COPY packages/contracts/package.json packages/contracts/
# Exactly what package-lock.json pins (all four package.json files must be present for the workspaces).
RUN npm ci --no-audit --no-fund

# ---- build: the web app → apps/web/dist ------------------------------------------------------------------
FROM deps AS build
COPY tsconfig.base.json ./
COPY packages/contracts packages/contracts
COPY apps/web apps/web
RUN npm run build

# ---- prod-deps: `dependencies` of every workspace, no devDependencies ------------------------------------
# (apps/web's react & co. come along: unused at run time, since the web app is bundled into dist.)
FROM deps AS prod-deps
RUN npm prune --omit=dev --no-audit --no-fund

# ---- runtime ---------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
LABEL org.opencontainers.image.title="Tessera" \
      org.opencontainers.image.description="Self-hostable multi-tenant CRM and business operations" \
      org.opencontainers.image.licenses="AGPL-3.0-only"

# Production: JSON logs (pino-pretty is not used), HSTS. DATA_DIR is used only without DATABASE_URL.
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data

WORKDIR /app
# node_modules keeps npm's workspace links (node_modules/@tessera/contracts → ../../packages/contracts):
# Node strips types only outside node_modules, and the link resolves to packages/contracts/src.
COPY --from=prod-deps /app/node_modules ./node_modules
# Root package.json: workspace layout and the version reported by /api/health.
COPY package.json ./
COPY packages/contracts/package.json packages/contracts/
COPY packages/contracts/src packages/contracts/src
COPY apps/server/package.json apps/server/
COPY apps/server/src apps/server/src
COPY apps/server/migrations apps/server/migrations
COPY apps/web/package.json apps/web/
COPY --from=build /app/apps/web/dist apps/web/dist

# The embedded database lives in /data (a volume); the code stays read-only for the app user.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]

EXPOSE 3000
# node:24-slim has no curl: probe with Node's fetch. 200 = database connected and fully migrated.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# SIGTERM (docker stop) → graceful shutdown within SHUTDOWN_TIMEOUT_MS (10 s by default).
# --max-semi-space-size=16: V8 keeps a young generation of ~130 MB after start-up otherwise;
# --heap-growing-percent=50: the old generation grows to 1.5× the live heap before a major GC instead of up to
# 4×, which keeps RSS under load near 270 MB instead of 340–470 MB at no measured latency cost (docs/performance.md).
CMD ["node", "--max-semi-space-size=16", "--heap-growing-percent=50", "apps/server/src/main.ts"]
