// Drives Prisma's own schema engine compiled to wasm, because the Prisma CLI cannot download its native engine on
// these machines. It records `_prisma_migrations` exactly as `prisma migrate deploy` does. See docs/decisions/002.
import { readFileSync, readdirSync, existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine, MigrationList, SchemaFilter } from "@prisma/schema-engine-wasm";

export const projectRoot = path.resolve(import.meta.dirname, "../..");
export const schemaPath = path.join(projectRoot, "prisma/schema.prisma");
export const migrationsDir = path.join(projectRoot, "prisma/migrations");
/** The schema as of the newest migration; `db:migrate:create` diffs schema.prisma against it. */
export const snapshotPath = path.join(migrationsDir, "schema.snapshot.prisma");
export const noFilters: SchemaFilter = { externalTables: [], externalEnums: [] };

type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");
let bindingsPromise: Promise<Bindings> | undefined;

function loadBindings(): Promise<Bindings> {
  bindingsPromise ??= (async () => {
    const panic = { message: "" };
    (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY = {
      set_message(message: string) {
        panic.message = message;
      },
      get() {
        return panic.message;
      },
    };
    const bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
    const wasmModule = new WebAssembly.Module(readFileSync(wasmPath));
    const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": bindings as unknown as WebAssembly.ModuleImports });
    bindings.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bindings;
  })();
  return bindingsPromise;
}

export interface EngineHandle {
  engine: SchemaEngine;
  close(): Promise<void>;
}

/** Opens an engine connected to `databaseUrl`. Always `close()` it: the engine does not end its own pg pool. */
export async function openSchemaEngine(databaseUrl: string): Promise<EngineHandle> {
  const bindings = await loadBindings();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  pool.on("error", () => {});
  const engine = await bindings.SchemaEngine.new(
    { datamodels: [[schemaPath, readFileSync(schemaPath, "utf8")]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(withWholeScriptExecution(new PrismaPg(pool), pool)),
  );
  return {
    engine,
    async close() {
      engine.free();
      await pool.end();
    },
  };
}

/**
 * adapter-pg 7.10 runs a migration script by splitting it on every ";", which breaks PL/pgSQL function bodies and
 * comments containing a semicolon. PostgreSQL's simple-query protocol runs a whole multi-statement script as one
 * implicit transaction, which is also what we want: a migration applies completely or not at all.
 */
function withWholeScriptExecution(factory: PrismaPg, pool: pg.Pool): PrismaPg {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    adapter.executeScript = async (script: string) => {
      await pool.query(script);
    };
    return adapter;
  };
  return factory;
}

export function listMigrations(): MigrationList {
  const directories = existsSync(migrationsDir)
    ? readdirSync(migrationsDir)
        .filter((name) => statSync(path.join(migrationsDir, name)).isDirectory())
        .sort()
    : [];
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: directories.map((name) => {
      const file = path.join(migrationsDir, name, "migration.sql");
      return {
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: existsSync(file) ? { tag: "ok", value: readFileSync(file, "utf8") } : { tag: "error", value: `missing ${file}` },
        },
      };
    }),
  };
}

/** SQL that turns the schema `fromText` (empty for a new database) into `toText`. No database is read. */
export async function diffDatamodels(databaseUrl: string, fromText: string, toText: string): Promise<string> {
  const handle = await openSchemaEngine(databaseUrl);
  try {
    const target = (content: string) => ({ tag: "schemaDatamodel" as const, files: [{ path: "schema.prisma", content }] });
    const result = await handle.engine.diff({
      from: fromText ? target(fromText) : { tag: "empty" },
      to: target(toText),
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    return result.stdout ?? "";
  } finally {
    await handle.close();
  }
}
