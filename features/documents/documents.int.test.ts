import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { NextRequest } from "next/server";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { db } from "@/lib/db";
import { actorFromUser } from "@/lib/auth/actor";
import { loadMessages } from "@/lib/i18n/messages";
import { runRoute, type RouteDefinition, type Translate } from "@/lib/route";
import type { SessionUser } from "@/lib/auth/session";
import { createPlacement, createTwoSidedWorld, type TwoSidedWorld } from "@/tests/factories";
import { startS3Server } from "@/tests/support/s3-server";
import { findDocumentChecklist } from "./queries";
import { downloadDocumentRoute, uploadDocumentRoute } from "./routes";
import { postgresStorage, readStoredBytes, s3Storage, type FileStorage, type S3Settings } from "./storage";

// Uploads and downloads through the real route handlers, against the real database and a real S3-compatible server.

const messages = loadMessages("en");
const t = createTranslator({ locale: "en", messages }) as unknown as Translate;
const documents = messages.documents as { errors: Record<string, string> };

// Real file headers: the content decides, whatever the name says.
const pngBytes = () => {
  const bytes = new Uint8Array(200);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  return bytes;
};
const pdfBytes = () => new TextEncoder().encode("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
const exeBytes = () => {
  const bytes = new Uint8Array(512);
  bytes.set([0x4d, 0x5a, 0x90, 0x00, 0x03]);
  bytes.set([0x50, 0x45, 0x00, 0x00, 0x4c, 0x01], 0x80);
  bytes.set([0x80, 0x00, 0x00, 0x00], 0x3c);
  return bytes;
};

let world: TwoSidedWorld;
let placementId: string;
let otherPlacementId: string;
const permitItem = "doctpl_hk_permit";
const undertakingItem = "doctpl_hk_undertaking";
let s3: Awaited<ReturnType<typeof startS3Server>>;

const sessionUser = (user: Parameters<typeof actorFromUser>[0]): SessionUser => ({ ...actorFromUser(user), locale: "en" });

function upload(
  user: SessionUser,
  target: { placementId: string; itemId: string },
  fields: Record<string, string>,
  file: { name: string; bytes: Uint8Array } | null,
  options: { storage?: FileStorage; maxBytes?: number } = {},
) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (file) form.set("file", new File([new Uint8Array(file.bytes)], file.name, { type: "application/pdf" }));
  const request = new NextRequest(`http://desk.test/api/placements/${target.placementId}/documents/${target.itemId}`, { method: "POST", body: form, headers: { origin: "http://desk.test", host: "desk.test" } });
  const definition = uploadDocumentRoute(() => ({ storage: options.storage ?? postgresStorage, maxBytes: options.maxBytes ?? 5 * 1024 * 1024 }));
  return runRoute(definition, request, { request: { requestId: "req-docs", ipAddress: "192.0.2.9" }, t, loadUser: async () => user, params: { id: target.placementId, itemId: target.itemId } });
}

function download(user: SessionUser | null, target: { placementId: string; fileId: string }) {
  const request = new NextRequest(`http://desk.test/api/placements/${target.placementId}/documents/files/${target.fileId}`);
  return runRoute(downloadDocumentRoute as RouteDefinition<{ id: string; fileId: string }>, request, {
    request: { requestId: "req-download", ipAddress: "192.0.2.9" },
    t,
    loadUser: async () => user,
    params: { id: target.placementId, fileId: target.fileId },
  });
}

async function counts() {
  const [files, docs, audits] = await Promise.all([db.storedFile.count(), db.placementDocument.count(), db.auditLog.count({ where: { entityType: "PlacementDocument" } })]);
  return { files, docs, audits };
}

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  const placement = await createPlacement(db, { officerId: world.hkOfficers[0].id, cohortId: world.hkToSz.id, hostUnitId: world.szHostUnits[0].id, status: "CONFIRMED" });
  const other = await createPlacement(db, { officerId: world.hkOfficers[1].id, cohortId: world.hkToSz.id, hostUnitId: world.szHostUnits[1].id, status: "CONFIRMED" });
  placementId = placement.id;
  otherPlacementId = other.id;
  s3 = await startS3Server();
});

afterAll(async () => {
  await s3?.stop();
});

describe("type by content", () => {
  it("stores a PNG named .pdf as a PNG, and downloads it as scan.png", async () => {
    const officer = sessionUser(world.hkOfficerUsers[0]);
    const answer = await upload(officer, { placementId, itemId: undertakingItem }, {}, { name: "scan.pdf", bytes: pngBytes() });
    expect(answer.status).toBe(200);
    const document = await db.placementDocument.findUniqueOrThrow({ where: { placementId_templateItemId: { placementId, templateItemId: undertakingItem } }, include: { file: true } });
    expect(document.file).toMatchObject({ contentType: "image/png", extension: "png", originalName: "scan.png", backend: "POSTGRES", size: 200 });
    expect(document.status).toBe("SUBMITTED");
    const uploadAudit = await db.auditLog.findFirst({ where: { entityId: document.id, action: "document.upload" } });
    expect(uploadAudit?.actorId).toBe(officer.userId);

    const response = await download(officer, { placementId, fileId: document.fileId! });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="scan\.png"/);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(pngBytes());
  });

  it("refuses an executable renamed .pdf next to the file field, writing nothing", async () => {
    const before = await counts();
    const answer = await upload(sessionUser(world.hkOfficerUsers[0]), { placementId, itemId: permitItem }, { number: "H1234567", expiresOn: "2030-01-01" }, { name: "permit.pdf", bytes: exeBytes() });
    expect(answer.status).toBe(422);
    expect(await answer.json()).toEqual({ ok: false, formError: t("errors.checkFields"), fieldErrors: { file: documents.errors.fileTypeNotAccepted } });
    expect(await counts()).toEqual(before);
  });

  it("refuses plain text named .docx", async () => {
    const answer = await upload(sessionUser(world.hkCoordinator), { placementId, itemId: permitItem }, {}, { name: "form.docx", bytes: new TextEncoder().encode("just some text, not a document") });
    expect(answer.status).toBe(422);
    expect((await answer.json()).fieldErrors.file).toBe(documents.errors.fileTypeNotAccepted);
  });
});

describe("fields and size", () => {
  it("refuses a file over the size limit with the limit in the message, writing nothing", async () => {
    const before = await counts();
    const big = new Uint8Array(3000);
    big.set(pdfBytes());
    const answer = await upload(sessionUser(world.hkOfficerUsers[0]), { placementId, itemId: permitItem }, {}, { name: "big.pdf", bytes: big }, { maxBytes: 2048 });
    expect(answer.status).toBe(413);
    expect((await answer.json()).fieldErrors.file).toBe("The file is larger than 2 kB.");
    expect(await counts()).toEqual(before);
  });

  it("refuses a bad date and a number for an item without one, each next to its field", async () => {
    const bad = await upload(sessionUser(world.hkOfficerUsers[0]), { placementId, itemId: permitItem }, { expiresOn: "2030-02-30" }, null);
    expect(bad.status).toBe(422);
    expect(Object.keys((await bad.json()).fieldErrors)).toEqual(["expiresOn"]);
    const notAsked = await upload(sessionUser(world.hkOfficerUsers[0]), { placementId, itemId: "doctpl_hk_nomination" }, { number: "X1" }, null);
    expect((await notAsked.json()).fieldErrors).toEqual({ number: documents.errors.numberNotAsked });
  });

  it("keeps the number and expiry, warns when the permit expires before the placement ends, and refuses a stale edit", async () => {
    const officer = sessionUser(world.hkOfficerUsers[0]);
    const placement = await db.placement.findUniqueOrThrow({ where: { id: placementId } });
    const dayBeforeEnd = new Date(placement.endDate.getTime() - 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    const saved = await upload(officer, { placementId, itemId: permitItem }, { number: "H7654321", expiresOn: dayBeforeEnd }, { name: "permit.pdf", bytes: pdfBytes() });
    expect(saved.status).toBe(200);
    const checklist = await findDocumentChecklist(officer, placementId);
    const permit = checklist.items.find((item) => item.templateItemId === permitItem)!;
    expect(permit).toMatchObject({ status: "SUBMITTED", expiresBeforeEnd: true, details: { number: "H7654321", expiresOn: dayBeforeEnd, version: 1 } });

    const stale = await upload(officer, { placementId, itemId: permitItem }, { number: "H0000000" }, null);
    expect(stale.status).toBe(422);
    const renewed = await upload(officer, { placementId, itemId: permitItem }, { number: "H7654321", expiresOn: "2099-12-31", version: "1" }, null);
    expect(renewed.status).toBe(200);
    const after = await findDocumentChecklist(officer, placementId);
    expect(after.items.find((item) => item.templateItemId === permitItem)).toMatchObject({ expiresBeforeEnd: false, details: { number: "H7654321", version: 2 } });
  });
});

describe("who sees and downloads what", () => {
  let fileId: string;
  beforeAll(async () => {
    await upload(sessionUser(world.hkCoordinator), { placementId: otherPlacementId, itemId: undertakingItem }, {}, { name: "undertaking.pdf", bytes: pdfBytes() });
    const document = await db.placementDocument.findUniqueOrThrow({ where: { placementId_templateItemId: { placementId: otherPlacementId, templateItemId: undertakingItem } } });
    fileId = document.fileId!;
  });

  it("downloads for the sending side and the admin; not for the host side, the supervisor or another officer", async () => {
    const expectations: [string, SessionUser, number][] = [
      ["admin", sessionUser(world.admin), 200],
      ["sending coordinator", sessionUser(world.hkCoordinator), 200],
      ["the officer", sessionUser(world.hkOfficerUsers[1]), 200],
      ["host coordinator", sessionUser(world.szCoordinator), 404],
      ["supervisor", sessionUser(world.szSupervisor), 403],
      ["another officer", sessionUser(world.hkOfficerUsers[0]), 404],
    ];
    for (const [name, user, status] of expectations) {
      const response = await download(user, { placementId: otherPlacementId, fileId });
      expect.soft(response.status, name).toBe(status);
      if (status === 200) {
        expect.soft(response.headers.get("content-type"), name).toBe("application/pdf");
        expect.soft(response.headers.get("content-disposition"), name).toMatch(/^attachment;/);
      }
    }
    expect((await download(null, { placementId: otherPlacementId, fileId })).status).toBe(401);
    // A file id of another placement is not found through this one.
    expect((await download(sessionUser(world.admin), { placementId, fileId })).status).toBe(404);
    const downloads = await db.auditLog.findMany({ where: { action: "document.download", after: { path: ["fileId"], equals: fileId } } });
    expect(downloads.map((entry) => entry.actorId).sort()).toEqual([world.admin.id, world.hkCoordinator.id, world.hkOfficerUsers[1].id].sort());
  });

  it("uploads only for the sending side and the officer", async () => {
    for (const [name, user, status] of [
      ["host coordinator", sessionUser(world.szCoordinator), 403],
      ["supervisor", sessionUser(world.szSupervisor), 403],
      ["admin", sessionUser(world.admin), 403],
      ["another officer", sessionUser(world.hkOfficerUsers[0]), 404],
    ] as const) {
      const answer = await upload(user, { placementId: otherPlacementId, itemId: permitItem }, { number: "H1" }, null);
      expect.soft(answer.status, name).toBe(status);
    }
  });

  it("shows the host side and the supervisor the state and the warning, never the number or the file", async () => {
    for (const user of [sessionUser(world.szCoordinator), sessionUser(world.szSupervisor)]) {
      const checklist = await findDocumentChecklist(user, placementId);
      expect(checklist.canSeeDetails).toBe(false);
      expect(checklist.items.every((item) => item.details === null)).toBe(true);
      expect(checklist.items.find((item) => item.templateItemId === undertakingItem)?.status).toBe("SUBMITTED");
    }
  });
});

describe("S3-compatible storage", () => {
  const listKeys = async (settings: S3Settings) => {
    const client = new S3Client({ endpoint: settings.endpoint, region: settings.region, forcePathStyle: true, credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } });
    const result = await client.send(new ListObjectsV2Command({ Bucket: settings.bucket }));
    client.destroy();
    return (result.Contents ?? []).map((object) => object.Key);
  };

  it("stores the bytes as an object, keeps only its key in PostgreSQL, and reads them back for the download", async () => {
    const storage = s3Storage(s3.settings);
    const answer = await upload(sessionUser(world.hkOfficerUsers[0]), { placementId, itemId: "doctpl_hk_nomination" }, {}, { name: "nomination.pdf", bytes: pdfBytes() }, { storage });
    expect(answer.status).toBe(200);
    const document = await db.placementDocument.findUniqueOrThrow({ where: { placementId_templateItemId: { placementId, templateItemId: "doctpl_hk_nomination" } }, include: { file: true } });
    expect(document.file).toMatchObject({ backend: "S3", bytes: null, contentType: "application/pdf" });
    expect(document.file?.etag).toBeTruthy();
    expect(await listKeys(s3.settings)).toEqual([document.file?.objectKey]);
    expect(new Uint8Array(await readStoredBytes(document.file!, s3.settings))).toEqual(pdfBytes());
  });

  it("replacing a file removes the old object; a refused save leaves no object behind", async () => {
    const storage = s3Storage(s3.settings);
    const officer = sessionUser(world.hkOfficerUsers[0]);
    const replaced = await upload(officer, { placementId, itemId: "doctpl_hk_nomination" }, { version: "1" }, { name: "nomination-2.pdf", bytes: pdfBytes() }, { storage });
    expect(replaced.status).toBe(200);
    const document = await db.placementDocument.findUniqueOrThrow({ where: { placementId_templateItemId: { placementId, templateItemId: "doctpl_hk_nomination" } }, include: { file: true } });
    expect(await listKeys(s3.settings)).toEqual([document.file?.objectKey]);

    // Stale version: the transaction refuses after the object was written; the object must go again.
    const stale = await upload(officer, { placementId, itemId: "doctpl_hk_nomination" }, { version: "1" }, { name: "nomination-3.pdf", bytes: pdfBytes() }, { storage });
    expect(stale.status).toBe(422);
    expect(await listKeys(s3.settings)).toEqual([document.file?.objectKey]);
  });
});
