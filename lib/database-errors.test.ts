import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable, translateDatabaseError } from "./database-errors";
import { ServiceUnavailableError } from "./errors";

describe("isDatabaseUnavailable", () => {
  const socketError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, syscall: "connect", errno: -111 });

  it.each([
    ["a refused connection inside an AggregateError (IPv4 and IPv6 tried)", new AggregateError([socketError("ECONNREFUSED"), socketError("ECONNREFUSED")], "")],
    ["Prisma's P1001", Object.assign(new Error("Can't reach database server"), { code: "P1001" })],
    ["a driver-adapter DatabaseNotReachable", { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 } }],
    ["57P01 admin shutdown", { cause: { kind: "postgres", originalCode: "57P01" } }],
    ["57P03 cannot connect now", Object.assign(new Error("the database system is shutting down"), { code: "57P03", severity: "FATAL" })],
    ["08006 connection failure", { code: "08006" }],
    ["a connection terminated mid-query", new Error("Connection terminated unexpectedly")],
  ])("recognises %s", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(translateDatabaseError(error)).toBeInstanceOf(ServiceUnavailableError);
  });

  it.each([
    ["a unique violation", { code: "23505" }],
    ["Prisma's record-not-found", { code: "P2025" }],
    ["a plain bug", new TypeError("x is undefined")],
    ["nothing", null],
  ])("does not mistake %s for an outage", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
