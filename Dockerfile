# FinReg Atlas: the API server and the built client in one image.
# Stage 1 builds (all dependencies, TypeScript, Vite); stage 2 runs with production
# dependencies only, as the unprivileged `node` user.

FROM node:20-slim AS build
WORKDIR /app
# Dependencies first: this layer is reused while package*.json do not change.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-slim AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=8080
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
# Compiled server and seed CLIs, the built client, and the seed graph the memory store and the
# Neo4j seed loader read at run time. Owned by root, so the `node` user cannot alter them.
COPY --from=build /app/dist ./dist
COPY --from=build /app/client/dist ./client/dist
COPY --from=build /app/graph-seed/data ./graph-seed/data
COPY --from=build /app/graph-seed/tours ./graph-seed/tours
USER node
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "--enable-source-maps", "dist/server/main.js"]
