import "server-only";
import { randomUUID } from "node:crypto";
import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { env, type Environment } from "@/lib/env";

// Where uploaded bytes live (decision 098). PostgreSQL (bytea in StoredFile) is the default; S3-compatible object
// storage when every S3_* setting is given. A file remembers its own backend, so files stored before a change of
// setting are still read from where they are.

/** The StoredFile columns that say where the bytes are. */
export interface FileLocation {
  bytes: Uint8Array<ArrayBuffer> | null;
  objectKey: string | null;
  etag: string | null;
}

export interface FileStorage {
  readonly backend: "POSTGRES" | "S3";
  /** Puts the bytes where this backend keeps them, before the database row is written. */
  save(bytes: Uint8Array, contentType: string): Promise<FileLocation>;
  /** Undoes `save` when the transaction that was to record it failed, so nothing is left half-written. */
  discard(location: FileLocation): Promise<void>;
}

export interface S3Settings {
  endpoint: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
}

/** The bytes live in the StoredFile row itself: saving and discarding are part of the row's transaction. */
export const postgresStorage: FileStorage = {
  backend: "POSTGRES",
  async save(bytes) {
    return { bytes: new Uint8Array(bytes), objectKey: null, etag: null };
  },
  async discard() {},
};

const clients = new Map<string, S3Client>();

function s3Client(settings: S3Settings): S3Client {
  const key = `${settings.endpoint}|${settings.region}|${settings.accessKeyId}`;
  let client = clients.get(key);
  if (!client) {
    client = new S3Client({
      endpoint: settings.endpoint,
      region: settings.region,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
      // Path-style: S3-compatible servers (MinIO, Ceph, moto) rarely have per-bucket DNS names.
      forcePathStyle: true,
      // Checksums only where S3 requires them: several S3-compatible servers refuse the SDK's default trailing
      // checksums (aws-chunked bodies), and TLS already protects the bytes in transit.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
    });
    clients.set(key, client);
  }
  return client;
}

export function s3Storage(settings: S3Settings): FileStorage {
  const client = s3Client(settings);
  return {
    backend: "S3",
    async save(bytes, contentType) {
      const objectKey = `documents/${randomUUID()}`;
      const result = await client.send(new PutObjectCommand({ Bucket: settings.bucket, Key: objectKey, Body: bytes, ContentType: contentType, ContentLength: bytes.byteLength }));
      return { bytes: null, objectKey, etag: result.ETag ?? null };
    },
    async discard(location) {
      if (location.objectKey) await client.send(new DeleteObjectCommand({ Bucket: settings.bucket, Key: location.objectKey }));
    },
  };
}

/** The S3 settings when all of them are given (lib/env.ts refuses some without the others), else null. */
export function s3SettingsFrom(environment: Environment): S3Settings | null {
  const { S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_REGION } = environment;
  if (!S3_ENDPOINT || !S3_BUCKET || !S3_ACCESS_KEY_ID || !S3_SECRET_ACCESS_KEY || !S3_REGION) return null;
  return { endpoint: S3_ENDPOINT, bucket: S3_BUCKET, accessKeyId: S3_ACCESS_KEY_ID, secretAccessKey: S3_SECRET_ACCESS_KEY, region: S3_REGION };
}

/** Where new files go under the process's configuration. */
export function configuredStorage(): FileStorage {
  const settings = s3SettingsFrom(env());
  return settings ? s3Storage(settings) : postgresStorage;
}

/** The bytes of a stored file, from the backend it was stored in (which may no longer be the configured one). */
export async function readStoredBytes(file: { backend: "POSTGRES" | "S3"; bytes: Uint8Array | null; objectKey: string | null }, settings: S3Settings | null = s3SettingsFrom(env())): Promise<Uint8Array> {
  if (file.backend === "POSTGRES") {
    if (!file.bytes) throw new Error("A PostgreSQL-stored file has no bytes");
    return file.bytes;
  }
  if (!settings || !file.objectKey) throw new Error("A file is stored in S3, but S3 is not configured");
  const result = await s3Client(settings).send(new GetObjectCommand({ Bucket: settings.bucket, Key: file.objectKey }));
  if (!result.Body) throw new Error(`S3 returned no body for ${file.objectKey}`);
  return result.Body.transformToByteArray();
}
