import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import type { S3Settings } from "@/features/documents/storage";

/**
 * A real S3-compatible server (s3rver: S3's REST API over HTTP with signature V4 checks, objects on disk) on a free
 * port of 127.0.0.1, with one empty bucket. Decision 098 says why this one: Debian 12 has no moto or MinIO package.
 */
export async function startS3Server(bucket = "exchange-desk-test"): Promise<{ settings: S3Settings; stop: () => Promise<void> }> {
  const directory = mkdtempSync(path.join(tmpdir(), "exchange-desk-s3-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  return {
    // s3rver's fixed credentials: it checks every request's signature against them.
    settings: { endpoint: `http://127.0.0.1:${port}`, bucket, accessKeyId: "S3RVER", secretAccessKey: "S3RVER", region: "us-east-1" },
    async stop() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
