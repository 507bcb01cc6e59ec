# Build stage: compile TypeScript with the dev dependencies, then keep only production dependencies.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY workflows ./workflows
RUN npm run build && npm prune --omit=dev

# Runtime stage: slim, non-root, production dependencies only. The database is external (MONGODB_URI);
# the embedded FerretDB is a development convenience and is refused in production.
FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    PORT=3000 \
    UPLOAD_DIR=/app/uploads
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY views ./views
COPY docs/workflows ./docs/workflows
RUN mkdir -p /app/uploads /app/data && chown node:node /app/uploads /app/data
VOLUME ["/app/uploads"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/src/server.js"]
