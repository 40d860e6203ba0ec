import { beforeAll, describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { NextRequest } from "next/server";
import { PDFParse } from "pdf-parse";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "@/lib/db";
import { actorFromUser } from "@/lib/auth/actor";
import { addDays, formatDateOnly, parseDateOnly } from "@/lib/dates";
import { AppError, ForbiddenError } from "@/lib/errors";
import { loadMessages } from "@/lib/i18n/messages";
import { runRoute, type Translate } from "@/lib/route";
import type { SessionUser } from "@/lib/auth/session";
import { createOfficer, createPlacement, createTwoSidedWorld, type TwoSidedWorld } from "@/tests/factories";
import { postgresStorage } from "@/features/documents/storage";
import type { FinalReportAccepted } from "./eligibility";
import { issueCertificate } from "./mutations";
import { findCertificateByCode, recordVerifyLookup, verifyLookupLimit } from "./queries";
import { downloadCertificateRoute } from "./routes";

// The certificate rule with a real "final report accepted" predicate: until the officer-reports feature is merged,
// acceptance is a row in a table of this test database, read inside the issuing transaction's client.

const t = createTranslator({ locale: "en", messages: loadMessages("en") }) as unknown as Translate;
const request = { requestId: "req-cert", ipAddress: "192.0.2.7" };
const sessionUser = (user: Parameters<typeof actorFromUser>[0]): SessionUser => ({ ...actorFromUser(user), locale: "en" });

const finalReportAccepted: FinalReportAccepted = async (client: Prisma.TransactionClient, placementId: string) => {
  const rows = await client.$queryRaw<{ accepted: boolean }[]>`SELECT EXISTS (SELECT 1 FROM test_final_report_acceptance WHERE placement_id = ${placementId}) AS accepted`;
  return rows[0].accepted;
};
const acceptFinalReport = (placementId: string) => db.$executeRaw`INSERT INTO test_final_report_acceptance (placement_id) VALUES (${placementId})`;

let world: TwoSidedWorld;
let hkPlacementId: string;
let szPlacementId: string;
let endDate: string;
let szCode = "";
const dayAfter = () => addDays(endDate, 1);
const options = (today: string) => ({ today, finalReportAccepted, storage: postgresStorage, verifyBaseUrl: "https://desk.example.gov.hk/verify" });

async function pdfText(bytes: Uint8Array): Promise<string> {
  const parser = new PDFParse({ data: new Uint8Array(bytes) });
  try {
    return (await parser.getText()).text;
  } finally {
    await parser.destroy();
  }
}

function refusalKey(error: unknown) {
  return error instanceof AppError ? error.messageKey : String(error);
}

beforeAll(async () => {
  await db.$executeRaw`CREATE TABLE test_final_report_acceptance (placement_id text PRIMARY KEY)`;
  world = await createTwoSidedWorld(db);
  const hk = await createPlacement(db, { officerId: world.hkOfficers[0].id, cohortId: world.hkToSz.id, hostUnitId: world.szHostUnits[0].id, status: "CONFIRMED", postTitle: "Planning officer" });
  hkPlacementId = hk.id;
  endDate = formatDateOnly(hk.endDate);
  const szOfficer = await createOfficer(db, { jurisdictionId: world.sz.id, rankId: world.szRank.id, departmentId: world.szDepartment.id, surname: "Lin", givenName: "Xiaohong", chineseName: "林晓红" });
  const sz = await createPlacement(db, { officerId: szOfficer.id, cohortId: world.szToHk.id, hostUnitId: world.hkHostUnits[0].id, status: "CONFIRMED" });
  szPlacementId = sz.id;
});

describe("issuing", () => {
  it("refuses before the placement has ended, and after it while the final report is not accepted", async () => {
    const coordinator = sessionUser(world.hkCoordinator);
    await expect(issueCertificate({ actor: coordinator, request }, hkPlacementId, options(endDate)).catch(refusalKey)).resolves.toBe("certificateNotEnded");
    await expect(issueCertificate({ actor: coordinator, request }, hkPlacementId, options(dayAfter())).catch(refusalKey)).resolves.toBe("certificateReportNotAccepted");
    expect(await db.certificate.count({ where: { placementId: hkPlacementId } })).toBe(0);
  });

  it("is the sending side's: the host side and the officer are refused", async () => {
    await acceptFinalReport(hkPlacementId);
    await expect(issueCertificate({ actor: sessionUser(world.szCoordinator), request }, hkPlacementId, options(dayAfter()))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(issueCertificate({ actor: sessionUser(world.hkOfficerUsers[0]), request }, hkPlacementId, options(dayAfter()))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("issues an A4 PDF in English and Traditional Chinese for a Hong Kong sending side, once", async () => {
    const coordinator = sessionUser(world.hkCoordinator);
    const issued = await issueCertificate({ actor: coordinator, request }, hkPlacementId, options(dayAfter()));
    const certificate = await db.certificate.findUniqueOrThrow({ where: { id: issued.id }, include: { file: true } });
    const text = await pdfText(certificate.file.bytes!);
    for (const expected of ["Certificate of Completion", "完成證書", "YUEN Ka-wai (Karen)", "袁嘉慧", "Planning Management Division, Qianhai Authority", "前海管理局規劃管理處", "Planning officer", world.hk.nameEn, world.sz.nameEn, world.hk.nameZhHant]) {
      expect.soft(text, expected).toContain(expected);
    }
    const code = text.match(/Verification code: ([0-9A-Z-]{24})/)?.[1];
    expect(code).toBeDefined();
    expect(certificate.codeHash).not.toContain(code!);
    const pdfPage = await new PDFParse({ data: new Uint8Array(certificate.file.bytes!) }).getInfo();
    expect(pdfPage.total).toBe(1);
    // Embedded font: the file carries the CJK font program, not a reference.
    expect(Buffer.from(certificate.file.bytes!).toString("latin1")).toMatch(/\/FontFile[23]?/);

    const verified = await findCertificateByCode(code!.toLowerCase().replace(/-/g, " "));
    expect(verified).toEqual({ officerName: "YUEN Ka-wai (Karen)", officerNameZh: "袁嘉慧", startDate: formatDateOnly(certificate.startDate), endDate, hostUnitNameEn: "Planning Management Division, Qianhai Authority", hostUnitNameZh: "前海管理局規劃管理處" });
    expect(await db.auditLog.count({ where: { action: "certificate.issue", entityId: issued.id, actorId: coordinator.userId } })).toBe(1);
    await expect(issueCertificate({ actor: coordinator, request }, hkPlacementId, options(dayAfter())).catch(refusalKey)).resolves.toBe("certificateAlreadyIssued");
  });

  it("writes the Chinese in Simplified for a mainland sending side", async () => {
    await acceptFinalReport(szPlacementId);
    const placement = await db.placement.findUniqueOrThrow({ where: { id: szPlacementId } });
    await issueCertificate({ actor: sessionUser(world.szCoordinator), request }, szPlacementId, options(addDays(formatDateOnly(placement.endDate), 1)));
    const certificate = await db.certificate.findUniqueOrThrow({ where: { placementId: szPlacementId }, include: { file: true } });
    const text = await pdfText(certificate.file.bytes!);
    expect(text).toContain("完成证书");
    expect(text).toContain("林晓红");
    expect(text).toContain("规划署");
    expect(text).not.toContain("完成證書");
    szCode = text.match(/Verification code: ([0-9A-Z-]{24})/)![1];
    expect((await findCertificateByCode(szCode))?.hostUnitNameZh).toBe("规划署");
  });
});

describe("verifying and downloading", () => {
  it("finds nothing for an unknown or malformed code", async () => {
    expect(await findCertificateByCode("0000-0000-0000-0000-0000")).toBeNull();
    expect(await findCertificateByCode("not a code")).toBeNull();
  });

  it("limits look-ups per address within the window", async () => {
    const now = parseDateOnly("2027-06-01");
    for (let index = 0; index < verifyLookupLimit.count; index += 1) expect(await recordVerifyLookup("198.51.100.1", now)).toBe(true);
    expect(await recordVerifyLookup("198.51.100.1", now)).toBe(false);
    expect(await recordVerifyLookup("198.51.100.2", now)).toBe(true);
    const later = new Date(now.getTime() + (verifyLookupLimit.windowMinutes + 1) * 60 * 1000);
    expect(await recordVerifyLookup("198.51.100.1", later)).toBe(true);
  });

  it("downloads the PDF as an attachment for the officer, both sides and admins; audited", async () => {
    const otherOfficer = world.hkOfficerUsers[1];
    const expectations: [string, SessionUser | null, number][] = [
      ["officer", sessionUser(world.hkOfficerUsers[0]), 200],
      ["sending coordinator", sessionUser(world.hkCoordinator), 200],
      ["host coordinator", sessionUser(world.szCoordinator), 200],
      ["admin", sessionUser(world.admin), 200],
      ["supervisor", sessionUser(world.szSupervisor), 403],
      ["another officer", sessionUser(otherOfficer), 404],
      ["signed out", null, 401],
    ];
    for (const [name, user, status] of expectations) {
      const response = await runRoute(downloadCertificateRoute, new NextRequest(`http://desk.test/api/placements/${hkPlacementId}/certificate`), { request, t, loadUser: async () => user, params: { id: hkPlacementId } });
      expect.soft(response.status, name).toBe(status);
      if (status === 200) {
        expect.soft(response.headers.get("content-type"), name).toBe("application/pdf");
        expect.soft(response.headers.get("content-disposition"), name).toMatch(/^attachment; filename="certificate-yuen-/);
      }
    }
    expect(await db.auditLog.count({ where: { action: "certificate.download", after: { path: ["placementId"], equals: hkPlacementId } } })).toBe(4);
  });
});
