import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";

const templateDatabase = "exchange_desk_template";
const serverUrl = inject("databaseServerUrl");
const databaseName = `test_${randomBytes(6).toString("hex")}`;

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
try {
  await admin.query(`create database "${databaseName}" template "${templateDatabase}"`);
} finally {
  await admin.end();
}

const url = new URL(serverUrl);
url.pathname = `/${databaseName}`;
process.env.DATABASE_URL = url.toString();
