import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { NextRequest } from "next/server";
import { ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { db } from "@/lib/db";
import { actorFromUser } from "@/lib/auth/actor";
import type { SessionUser } from "@/lib/auth/session";
import { readDatabaseError, translateDatabaseError } from "@/lib/database-errors";
import { loadMessages } from "@/lib/i18n/messages";
import { runRoute, type RouteDefinition, type Translate } from "@/lib/route";
import { Role } from "@/generated/prisma/enums";
import { createOfficer, createPlacement, createTwoSidedWorld, createUser, type CreatedUser, type TwoSidedWorld } from "@/tests/factories";
import { appErrorRefusal, refusal } from "@/tests/support/refusal";
import { startS3Server } from "@/tests/support/s3-server";
import { postgresStorage, readStoredBytes, s3Storage, type FileStorage, type S3Settings } from "@/features/documents/storage";
import { downloadReportAttachmentRoute, uploadReportAttachmentRoute } from "./attachment-routes";
import { readReportAttachment, removeReportAttachment } from "./attachments";
import { acceptReport, openReportRevision, returnReport, saveReportDraft, submitReport } from "./mutations";
import { findPlacementReports } from "./queries";
import type { SaveReportDraftInput } from "./schemas";

// Report attachments (decision 112) through the real route handlers, against the real database and a real
// S3-compatible server: type by content, the size limit, frozen with an accepted revision (by the database too),
// carried into a new revision, the host side seeing only shareable files, and every upload, removal and download
// audited.

const messages = loadMessages("en");
const t = createTranslator({ locale: "en", messages }) as unknown as Translate;
const documentErrors = (messages.documents as { errors: Record<string, string> }).errors;
const attachmentErrors = (messages.reportAttachments as { errors: Record<string, string> }).errors;
const reportErrors = (messages.errors as { officerReports: Record<string, string> }).officerReports;
const request = { requestId: "report-attachments-test", ipAddress: "192.0.2.7" };

const pngBytes = () => {
  const bytes = new Uint8Array(200);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
  return bytes;
};
const pdfBytes = (marker = "") => new TextEncoder().encode(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${marker}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);
const exeBytes = () => {
  const bytes = new Uint8Array(512);
  bytes.set([0x4d, 0x5a, 0x90, 0x00, 0x03]);
  bytes.set([0x50, 0x45, 0x00, 0x00, 0x4c, 0x01], 0x80);
  bytes.set([0x80, 0x00, 0x00, 0x00], 0x3c);
  return bytes;
};

let world: TwoSidedWorld;
let s3: Awaited<ReturnType<typeof startS3Server>>;

const sessionUser = (user: Parameters<typeof actorFromUser>[0]): SessionUser => ({ ...actorFromUser(user), locale: "en" });
const as = (user: CreatedUser) => ({ actor: actorFromUser(user), request });

function upload(user: SessionUser | null, placementId: string, fields: Record<string, string>, file: { name: string; bytes: Uint8Array } | null, options: { storage?: FileStorage; maxBytes?: number } = {}) {
  const form = new FormData();
  form.set("kind", "FINAL");
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  if (file) form.set("file", new File([new Uint8Array(file.bytes)], file.name, { type: "application/pdf" }));
  const httpRequest = new NextRequest(`http://desk.test/api/placements/${placementId}/report-attachments`, { method: "POST", body: form, headers: { origin: "http://desk.test", host: "desk.test" } });
  const definition = uploadReportAttachmentRoute(() => ({ storage: options.storage ?? postgresStorage, maxBytes: options.maxBytes ?? 5 * 1024 * 1024 }));
  return runRoute(definition, httpRequest, { request, t, loadUser: async () => user, params: { id: placementId } });
}

function download(user: SessionUser | null, placementId: string, attachmentId: string) {
  const httpRequest = new NextRequest(`http://desk.test/api/placements/${placementId}/report-attachments/${attachmentId}`);
  return runRoute(downloadReportAttachmentRoute as RouteDefinition<{ id: string; attachmentId: string }>, httpRequest, {
    request,
    t,
    loadUser: async () => user,
    params: { id: placementId, attachmentId },
  });
}

/** A new Hong Kong officer with a sign-in, a confirmed placement at the supervisor's Shenzhen unit and a final-report draft. */
async function placementWithDraft() {
  const officer = await createOfficer(db, { jurisdictionId: world.hk.id, fieldIds: [world.field.id] });
  const user = await createUser(db, { role: Role.OFFICER, jurisdictionId: world.hk.id, officerId: officer.id });
  const placement = await createPlacement(db, { officerId: officer.id, cohortId: world.hkToSz.id, hostUnitId: world.szHostUnits[0].id, fieldId: world.field.id, status: "CONFIRMED" });
  const draft: SaveReportDraftInput = {
    placementId: placement.id,
    kind: "FINAL",
    version: null,
    workDone: "Drafted the planning notes.",
    workDoneShareable: true,
    learned: "How consultation works.",
    learnedShareable: true,
    applyAtHome: "Bureau-only remarks.",
    applyAtHomeShareable: false,
    suggestions: "Joint training days.",
    suggestionsShareable: true,
  };
  const report = await saveReportDraft(as(user), draft);
  return { officer, user, placement, report };
}

async function counts() {
  const [files, attachments, audits] = await Promise.all([db.storedFile.count(), db.reportAttachment.count(), db.auditLog.count({ where: { entityType: "ReportAttachment" } })]);
  return { files, attachments, audits };
}

async function attachmentsOf(reportId: string) {
  return db.reportAttachment.findMany({ where: { reportId }, include: { file: true }, orderBy: { createdAt: "asc" } });
}

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  await db.hostUnitCapacity.create({ data: { hostUnitId: world.szHostUnits[0].id, cohortId: world.hkToSz.id, capacity: 100 } });
  s3 = await startS3Server();
});

afterAll(async () => {
  await s3?.stop();
});

describe("type by content and size", () => {
  it("stores a PNG named .pdf as a PNG, downloads it as scan.png with Content-Disposition: attachment, and audits both", async () => {
    const { user, placement, report } = await placementWithDraft();
    const officer = sessionUser(user);
    const answer = await upload(officer, placement.id, { shareable: "true" }, { name: "scan.pdf", bytes: pngBytes() });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ ok: true, notice: "scan.png attached." });
    const [attachment] = await attachmentsOf(report.id);
    expect(attachment).toMatchObject({ shareable: true, addedById: user.id, file: { contentType: "image/png", extension: "png", originalName: "scan.png", backend: "POSTGRES", size: 200 } });
    const uploadAudit = await db.auditLog.findFirst({ where: { entityId: attachment.id, action: "reportAttachment.upload" } });
    expect(uploadAudit).toMatchObject({ actorId: user.id, entityType: "ReportAttachment" });
    expect(uploadAudit?.after).toMatchObject({ reportId: report.id, fileId: attachment.fileId, contentType: "image/png", shareable: true });

    const response = await download(officer, placement.id, attachment.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="scan\.png"/);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(pngBytes());
    const downloads = await db.auditLog.findMany({ where: { entityId: attachment.id, action: "reportAttachment.download" } });
    expect(downloads.map((entry) => entry.actorId)).toEqual([user.id]);
  });

  it("refuses an executable renamed .pdf next to the file field, writing nothing", async () => {
    const { user, placement } = await placementWithDraft();
    const before = await counts();
    const answer = await upload(sessionUser(user), placement.id, {}, { name: "notes.pdf", bytes: exeBytes() });
    expect(answer.status).toBe(422);
    expect(await answer.json()).toEqual({ ok: false, formError: t("errors.checkFields"), fieldErrors: { file: documentErrors.fileTypeNotAccepted } });
    expect(await counts()).toEqual(before);
  });

  it("refuses a file over the size limit with the limit in the message, and an upload without a file, writing nothing", async () => {
    const { user, placement } = await placementWithDraft();
    const before = await counts();
    const big = new Uint8Array(3000);
    big.set(pdfBytes());
    const tooBig = await upload(sessionUser(user), placement.id, {}, { name: "big.pdf", bytes: big }, { maxBytes: 2048 });
    expect(tooBig.status).toBe(413);
    expect((await tooBig.json()).fieldErrors).toEqual({ file: "The file is larger than 2 kB." });
    const noFile = await upload(sessionUser(user), placement.id, {}, null);
    expect(noFile.status).toBe(422);
    expect((await noFile.json()).fieldErrors).toEqual({ file: attachmentErrors.chooseFile });
    const badKind = await upload(sessionUser(user), placement.id, { kind: "ESSAY" }, { name: "a.pdf", bytes: pdfBytes() });
    expect(badKind.status).toBe(422);
    expect(Object.keys((await badKind.json()).fieldErrors)).toEqual(["kind"]);
    expect(await counts()).toEqual(before);
  });

  it("asks for the draft to be saved first when the report has no revision yet", async () => {
    const { user, placement } = await placementWithDraft();
    const answer = await upload(sessionUser(user), placement.id, { kind: "MID_TERM" }, { name: "a.pdf", bytes: pdfBytes() });
    expect(answer.status).toBe(422);
    expect((await answer.json()).fieldErrors).toEqual({ file: attachmentErrors.saveDraftFirst });
  });
});

describe("who sees, uploads and removes what", () => {
  let placementId: string;
  let officerUser: CreatedUser;
  let sharedId: string;
  let privateId: string;

  beforeAll(async () => {
    const { user, placement, report } = await placementWithDraft();
    placementId = placement.id;
    officerUser = user;
    await upload(sessionUser(user), placementId, { shareable: "true" }, { name: "site-photo.png", bytes: pngBytes() });
    await upload(sessionUser(user), placementId, {}, { name: "bureau-notes.pdf", bytes: pdfBytes("private") });
    const rows = await attachmentsOf(report.id);
    sharedId = rows.find((row) => row.shareable)!.id;
    privateId = rows.find((row) => !row.shareable)!.id;
  });

  it("lists and downloads shareable files for the host side, and the sending-side-only ones only for the sending side, the officer and admins", async () => {
    const readers: [string, SessionUser, { shared: number; private: number; listed: string[] }][] = [
      ["admin", sessionUser(world.admin), { shared: 200, private: 200, listed: ["site-photo.png", "bureau-notes.pdf"] }],
      ["sending coordinator", sessionUser(world.hkCoordinator), { shared: 200, private: 200, listed: ["site-photo.png", "bureau-notes.pdf"] }],
      ["the officer", sessionUser(officerUser), { shared: 200, private: 200, listed: ["site-photo.png", "bureau-notes.pdf"] }],
      ["host coordinator", sessionUser(world.szCoordinator), { shared: 200, private: 404, listed: ["site-photo.png"] }],
      ["host unit supervisor", sessionUser(world.szSupervisor), { shared: 200, private: 404, listed: ["site-photo.png"] }],
      ["another officer", sessionUser(world.hkOfficerUsers[0]), { shared: 404, private: 404, listed: [] }],
    ];
    for (const [name, user, expected] of readers) {
      expect.soft((await download(user, placementId, sharedId)).status, `${name}: shareable`).toBe(expected.shared);
      expect.soft((await download(user, placementId, privateId)).status, `${name}: sending side only`).toBe(expected.private);
      const view = await findPlacementReports(user, placementId);
      const listed = view?.reports.find((report) => report.kind === "FINAL")?.current?.attachments.map((attachment) => attachment.name) ?? [];
      expect.soft(listed, `${name}: listed`).toEqual(expected.listed);
    }
    expect((await download(null, placementId, sharedId)).status).toBe(401);
    // An attachment id is not found through another placement.
    const other = await placementWithDraft();
    expect((await download(sessionUser(world.admin), other.placement.id, sharedId)).status).toBe(404);
    const downloaders = await db.auditLog.findMany({ where: { action: "reportAttachment.download", entityId: privateId } });
    expect(downloaders.map((entry) => entry.actorId).sort()).toEqual([world.admin.id, world.hkCoordinator.id, officerUser.id].sort());
  });

  it("lets only the officer upload and remove", async () => {
    for (const [name, user, status] of [
      ["sending coordinator", sessionUser(world.hkCoordinator), 403],
      ["host coordinator", sessionUser(world.szCoordinator), 403],
      ["supervisor", sessionUser(world.szSupervisor), 403],
      ["admin", sessionUser(world.admin), 403],
      ["another officer", sessionUser(world.hkOfficerUsers[0]), 404],
    ] as const) {
      expect.soft((await upload(user, placementId, {}, { name: "x.pdf", bytes: pdfBytes() })).status, name).toBe(status);
    }
    for (const user of [world.hkCoordinator, world.szCoordinator, world.szSupervisor, world.admin, world.hkOfficerUsers[0]]) {
      const error = await appErrorRefusal(removeReportAttachment(as(user), sharedId, postgresStorage));
      expect.soft(["forbidden", "notFound"], user.email).toContain(error.messageKey);
    }
    expect(await db.reportAttachment.count({ where: { id: { in: [sharedId, privateId] } } })).toBe(2);
  });
});

describe("frozen with the accepted revision, carried into the next", () => {
  it("refuses changes while submitted and after acceptance (the database too), and carries the files into a new revision", async () => {
    const { user, placement, report } = await placementWithDraft();
    const officer = sessionUser(user);
    expect((await upload(officer, placement.id, { shareable: "true" }, { name: "plan.pdf", bytes: pdfBytes("plan") })).status).toBe(200);
    expect((await upload(officer, placement.id, {}, { name: "draft-notes.pdf", bytes: pdfBytes("notes") })).status).toBe(200);
    const [plan, notes] = await attachmentsOf(report.id);

    // Submitted: with the sending side, so no change; returned: the officer's to change again.
    const submitted = await submitReport(as(user), { reportId: report.id, version: report.version });
    const whileSubmitted = await upload(officer, placement.id, {}, { name: "late.pdf", bytes: pdfBytes() });
    expect(whileSubmitted.status).toBe(422);
    expect((await whileSubmitted.json()).fieldErrors).toEqual({ file: reportErrors.notEditable });
    expect((await appErrorRefusal(removeReportAttachment(as(user), notes.id, postgresStorage))).messageKey).toBe("officerReports.notEditable");
    const returned = await returnReport(as(world.hkCoordinator), { reportId: report.id, version: submitted.version, comment: "Drop the draft notes." });
    const removed = await removeReportAttachment(as(user), notes.id, postgresStorage);
    expect(removed).toEqual({ placementId: placement.id, name: "draft-notes.pdf" });
    expect(await db.storedFile.count({ where: { id: notes.fileId } })).toBe(0);
    const removal = await db.auditLog.findFirst({ where: { action: "reportAttachment.remove", entityId: notes.id } });
    expect(removal).toMatchObject({ actorId: user.id, before: { fileId: notes.fileId, name: "draft-notes.pdf" } });

    const resubmitted = await submitReport(as(user), { reportId: report.id, version: returned.version });
    await acceptReport(as(world.hkCoordinator), { reportId: report.id, version: resubmitted.version });
    const afterAccept = await upload(officer, placement.id, {}, { name: "late.pdf", bytes: pdfBytes() });
    expect(afterAccept.status).toBe(422);
    expect((await afterAccept.json()).fieldErrors).toEqual({ file: reportErrors.locked });
    expect((await appErrorRefusal(removeReportAttachment(as(user), plan.id, postgresStorage))).messageKey).toBe("officerReports.locked");

    // The database refuses as well, whatever the application does.
    for (const statement of [
      db.reportAttachment.delete({ where: { id: plan.id } }),
      db.reportAttachment.update({ where: { id: plan.id }, data: { shareable: false } }),
      db.reportAttachment.create({ data: { id: "sneaked-in", reportId: report.id, fileId: plan.fileId } }),
      db.$executeRaw`DELETE FROM "ReportAttachment" WHERE "id" = ${plan.id}`,
    ]) {
      const error = await refusal(statement);
      expect(readDatabaseError(error)).toMatchObject({ code: "23514", constraint: "ReportAttachment_accepted_locked" });
      // Translated like any integrity rule: a refusal the user can read, never a 500.
      expect(translateDatabaseError(error)?.messageKey).toBe("officerReports.locked");
    }
    expect(await db.reportAttachment.count({ where: { reportId: report.id } })).toBe(1);

    // A new revision opened by the sending side starts with the accepted revision's files.
    const next = await openReportRevision(as(world.hkCoordinator), { reportId: report.id });
    const carried = await attachmentsOf(next.id);
    expect(carried.map((row) => ({ fileId: row.fileId, shareable: row.shareable }))).toEqual([{ fileId: plan.fileId, shareable: true }]);
    const opened = await db.auditLog.findFirst({ where: { action: "officerReport.openRevision", entityId: next.id } });
    expect(opened?.after).toMatchObject({ attachmentFileIds: [plan.fileId] });

    // Removing it from the new revision keeps it with the accepted one (and its file).
    await removeReportAttachment(as(user), carried[0].id, postgresStorage);
    expect(await attachmentsOf(report.id)).toHaveLength(1);
    expect(await db.storedFile.count({ where: { id: plan.fileId } })).toBe(1);
    const view = await findPlacementReports(actorFromUser(user), placement.id);
    const final = view!.reports.find((kind) => kind.kind === "FINAL")!;
    expect(final.current?.attachments).toEqual([]);
    expect(final.history[0].attachments.map((attachment) => attachment.name)).toEqual(["plan.pdf"]);
    expect((await download(sessionUser(world.szCoordinator), placement.id, plan.id)).status).toBe(200);
  });
});

describe("an upload racing the acceptance", () => {
  it("waits for the accepting transaction and is then refused at the field: nothing slips into an accepted revision", async () => {
    const { user, placement, report } = await placementWithDraft();
    const before = await counts();
    let acceptanceHolds!: () => void;
    const holding = new Promise<void>((resolve) => (acceptanceHolds = resolve));
    let commitAcceptance!: () => void;
    const committing = new Promise<void>((resolve) => (commitAcceptance = resolve));
    const accepting = db.$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE "OfficerReport" SET "status" = 'ACCEPTED', "acceptedAt" = now(), "submittedAt" = now() WHERE "id" = ${report.id}`;
      acceptanceHolds();
      await committing;
    }, { timeout: 60_000 });
    await holding;
    const uploading = upload(sessionUser(user), placement.id, {}, { name: "racing.pdf", bytes: pdfBytes("race") });
    // Wait (on a condition, not a clock) until the upload's transaction is blocked on the revision's row lock.
    for (;;) {
      const [{ waiting }] = await db.$queryRaw<{ waiting: number }[]>`SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
      if (waiting > 0) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    commitAcceptance();
    await accepting;
    const answer = await uploading;
    expect(answer.status).toBe(422);
    expect((await answer.json()).fieldErrors).toEqual({ file: reportErrors.locked });
    expect(await counts()).toEqual(before);
  });
});

describe("S3-compatible storage", () => {
  const listKeys = async (settings: S3Settings) => {
    const client = new S3Client({ endpoint: settings.endpoint, region: settings.region, forcePathStyle: true, credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } });
    const result = await client.send(new ListObjectsV2Command({ Bucket: settings.bucket }));
    client.destroy();
    return (result.Contents ?? []).map((object) => object.Key);
  };

  it("stores the bytes as an object, reads them back for the download, and removes the object with the attachment", async () => {
    const storage = s3Storage(s3.settings);
    const { user, placement, report } = await placementWithDraft();
    const refused = await upload(sessionUser(user), placement.id, {}, { name: "tool.pdf", bytes: exeBytes() }, { storage });
    expect(refused.status).toBe(422);
    expect(await listKeys(s3.settings)).toEqual([]);

    const answer = await upload(sessionUser(user), placement.id, {}, { name: "minutes.pdf", bytes: pdfBytes("s3") }, { storage });
    expect(answer.status).toBe(200);
    const [attachment] = await attachmentsOf(report.id);
    expect(attachment.file).toMatchObject({ backend: "S3", bytes: null, contentType: "application/pdf" });
    expect(await listKeys(s3.settings)).toEqual([attachment.file.objectKey]);

    // The download reads from the backend the file was stored in (the route's process settings name no S3 here).
    expect(new Uint8Array(await readStoredBytes(attachment.file, s3.settings))).toEqual(pdfBytes("s3"));
    await expect(readReportAttachment(as(world.szCoordinator), placement.id, attachment.id)).rejects.toMatchObject({ messageKey: "notFound" });

    await removeReportAttachment(as(user), attachment.id, storage);
    expect(await listKeys(s3.settings)).toEqual([]);
    expect(await db.storedFile.count({ where: { id: attachment.fileId } })).toBe(0);
  });
});
