import { once } from "node:events";
import type { Writable } from "node:stream";
import { createDeflateRaw, crc32, deflateRawSync, type DeflateRaw } from "node:zlib";

const LOCAL_FILE_HEADER = 0x04034b50;
const DATA_DESCRIPTOR = 0x08074b50;
const CENTRAL_DIRECTORY_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** Bit 3: sizes and CRC follow the data (we stream); bit 11: names are UTF-8. */
const FLAGS = 0x0808;
const DEFLATE = 8;
const VERSION = 20;
const MAX_32_BIT = 0xffffffff;

interface EntryRecord {
  name: Buffer;
  offset: number;
  crc: number;
  compressedSize: number;
  size: number;
}

/**
 * A minimal streaming ZIP writer (deflate, data descriptors, no ZIP64): entries are compressed as they are written
 * and go straight to `output`, so an archive of any row count holds only zlib's window in memory. Every wait
 * (backpressure) is raced against `outputGone`, which rejects when the output closes early.
 */
export class ZipStreamWriter {
  private readonly entries: EntryRecord[] = [];
  private offset = 0;
  private readonly dosTime: number;
  private readonly dosDate: number;

  constructor(
    private readonly output: Writable,
    private readonly outputGone: Promise<unknown>,
    modified: Date = new Date(),
  ) {
    this.dosTime = (modified.getHours() << 11) | (modified.getMinutes() << 5) | Math.floor(modified.getSeconds() / 2);
    this.dosDate = ((modified.getFullYear() - 1980) << 9) | ((modified.getMonth() + 1) << 5) | modified.getDate();
  }

  /** A small entry, compressed in one go. */
  async addFile(name: string, content: string): Promise<void> {
    const data = Buffer.from(content, "utf8");
    const compressed = deflateRawSync(data);
    const record = this.startEntry(name);
    await this.write(this.localHeader(record));
    await this.write(compressed);
    this.endEntry(record, crc32(data), compressed.length, data.length);
    await this.write(this.dataDescriptor(record));
  }

  /** A large entry written piece by piece; call `close()` on the result before the next entry. */
  async openEntry(name: string): Promise<ZipEntryStream> {
    const record = this.startEntry(name);
    await this.write(this.localHeader(record));
    return new ZipEntryStream(this, record);
  }

  /** Writes the central directory; the caller ends the output. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const entry of this.entries) await this.write(this.centralHeader(entry));
    const size = this.offset - start;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(size, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
  }

  /** @internal */
  async write(chunk: Buffer): Promise<void> {
    this.offset += chunk.length;
    if (!this.output.write(chunk)) await this.waitFor(once(this.output, "drain"));
  }

  /** @internal Resolves with `waiting`, or rejects as soon as the output is gone. */
  async waitFor(waiting: Promise<unknown>): Promise<void> {
    await Promise.race([waiting, this.outputGone.then(() => Promise.reject(new Error("The output finished before the archive was complete.")))]);
  }

  /** @internal */
  countBytes(bytes: number): void {
    this.offset += bytes;
  }

  /** @internal */
  get sink(): Writable {
    return this.output;
  }

  private startEntry(name: string): EntryRecord {
    const record = { name: Buffer.from(name, "utf8"), offset: this.offset, crc: 0, compressedSize: 0, size: 0 };
    this.entries.push(record);
    return record;
  }

  /** @internal */
  endEntry(record: EntryRecord, crc: number, compressedSize: number, size: number): void {
    if (compressedSize > MAX_32_BIT || size > MAX_32_BIT || this.offset > MAX_32_BIT) {
      throw new Error("The archive is larger than 4 GB, which needs ZIP64; export fewer rows.");
    }
    Object.assign(record, { crc, compressedSize, size });
  }

  private localHeader(record: EntryRecord): Buffer {
    const header = Buffer.alloc(30);
    header.writeUInt32LE(LOCAL_FILE_HEADER, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(FLAGS, 6);
    header.writeUInt16LE(DEFLATE, 8);
    header.writeUInt16LE(this.dosTime, 10);
    header.writeUInt16LE(this.dosDate, 12);
    // CRC and sizes are zero here and follow in the data descriptor.
    header.writeUInt16LE(record.name.length, 26);
    return Buffer.concat([header, record.name]);
  }

  /** @internal */
  dataDescriptor(record: EntryRecord): Buffer {
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(DATA_DESCRIPTOR, 0);
    descriptor.writeUInt32LE(record.crc >>> 0, 4);
    descriptor.writeUInt32LE(record.compressedSize, 8);
    descriptor.writeUInt32LE(record.size, 12);
    return descriptor;
  }

  private centralHeader(record: EntryRecord): Buffer {
    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL_DIRECTORY_HEADER, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(VERSION, 6);
    header.writeUInt16LE(FLAGS, 8);
    header.writeUInt16LE(DEFLATE, 10);
    header.writeUInt16LE(this.dosTime, 12);
    header.writeUInt16LE(this.dosDate, 14);
    header.writeUInt32LE(record.crc >>> 0, 16);
    header.writeUInt32LE(record.compressedSize, 20);
    header.writeUInt32LE(record.size, 24);
    header.writeUInt16LE(record.name.length, 28);
    header.writeUInt32LE(record.offset, 42);
    return Buffer.concat([header, record.name]);
  }
}

/** One entry being compressed into the archive; text goes in, deflated bytes go to the archive's output. */
export class ZipEntryStream {
  private readonly deflate: DeflateRaw;
  private crc = 0;
  private size = 0;
  private compressedSize = 0;
  private readonly drained: Promise<void>;

  constructor(
    private readonly zip: ZipStreamWriter,
    private readonly record: EntryRecord,
  ) {
    // Level 6 costs about twice the CPU of level 1 for a few percent smaller sheets; exports favour speed.
    this.deflate = createDeflateRaw({ level: 1 });
    this.deflate.on("data", (chunk: Buffer) => {
      this.compressedSize += chunk.length;
      this.zip.countBytes(chunk.length);
      if (!this.zip.sink.write(chunk)) {
        this.deflate.pause();
        this.zip.sink.once("drain", () => this.deflate.resume());
      }
    });
    this.drained = once(this.deflate, "end").then(() => undefined);
    this.drained.catch(() => {});
  }

  async write(content: string | Buffer): Promise<void> {
    if (content.length === 0) return;
    const chunk = typeof content === "string" ? Buffer.from(content, "utf8") : content;
    this.crc = crc32(chunk, this.crc);
    this.size += chunk.length;
    if (!this.deflate.write(chunk)) await this.zip.waitFor(once(this.deflate, "drain"));
  }

  async close(): Promise<void> {
    this.deflate.end();
    await this.zip.waitFor(this.drained);
    this.zip.endEntry(this.record, this.crc, this.compressedSize, this.size);
    await this.zip.write(this.zip.dataDescriptor(this.record));
  }

  destroy(): void {
    this.deflate.destroy();
  }
}
