// The Prisma CLI downloads a native schema engine on every command; none can be downloaded here, and
// `prisma generate` does not need it. Migrations run through scripts/db (wasm engine). See docs/decisions/002.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= "/bin/true";

import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/unused" },
});
