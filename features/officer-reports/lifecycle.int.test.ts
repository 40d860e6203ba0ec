import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { formatDateOnly } from "@/lib/dates";
import { actorFromUser } from "@/lib/auth/actor";
import { createOfficer, createPlacement, createTwoSidedWorld, createUser, type CreatedUser, type TwoSidedWorld } from "@/tests/factories";
import { appErrorRefusal, refusal } from "@/tests/support/refusal";
import { readDatabaseError, translateDatabaseError } from "@/lib/database-errors";
import { Role } from "@/generated/prisma/enums";
import { acceptReport, moveReportDueDate, openReportRevision, returnReport, saveReportDraft, submitReport } from "./mutations";
import { findPlacementReports } from "./queries";
import { finalReportAccepted } from "./completion";
import { derivedDueDate } from "./due-dates";
import type { SaveReportDraftInput } from "./schemas";

// The report lifecycle against the real database: draft → submit → return (comment) → resubmit → accept → locked
// (by the database too) → a new revision keeping the history; who may do each step on which side; and the host
// side never receiving the sections kept for the sending side.
const request = { requestId: "officer-reports-test", ipAddress: "127.0.0.1" };
let world: TwoSidedWorld;
const as = (user: CreatedUser) => ({ actor: actorFromUser(user), request });

beforeAll(async () => {
  world = await createTwoSidedWorld(db);
  await db.hostUnitCapacity.create({ data: { hostUnitId: world.szHostUnits[0].id, cohortId: world.hkToSz.id, capacity: 100 } });
});
afterAll(async () => db.$disconnect());

/** A new Hong Kong officer with a sign-in and a confirmed placement at the supervisor's Shenzhen unit. */
async function confirmedPlacement(status: "CONFIRMED" | "ASSIGNED" = "CONFIRMED") {
  const officer = await createOfficer(db, { jurisdictionId: world.hk.id, fieldIds: [world.field.id] });
  const user = await createUser(db, { role: Role.OFFICER, jurisdictionId: world.hk.id, officerId: officer.id });
  const placement = await createPlacement(db, { officerId: officer.id, cohortId: world.hkToSz.id, hostUnitId: world.szHostUnits[0].id, fieldId: world.field.id, status });
  return { officer, user, placement };
}

function draft(placementId: string, overrides: Partial<SaveReportDraftInput> = {}): SaveReportDraftInput {
  return {
    placementId,
    kind: "FINAL",
    version: null,
    workDone: "Drafted the **cross-boundary** planning notes.",
    workDoneShareable: true,
    learned: "How the 前海 authority consults residents.",
    learnedShareable: true,
    applyAtHome: "Internal staffing remarks for the bureau only.",
    applyAtHomeShareable: false,
    suggestions: "Joint training days.",
    suggestionsShareable: true,
    ...overrides,
  };
}

describe("the officer report lifecycle", () => {
  it("goes draft → submitted → returned with a comment → resubmitted → accepted, auditing every step", async () => {
    const { user, placement } = await confirmedPlacement();
    const first = await saveReportDraft(as(user), draft(placement.id, { workDone: "First words" }));
    expect(first).toMatchObject({ status: "DRAFT", revision: 1, version: 1 });
    const stored = await db.officerReport.findUniqueOrThrow({ where: { id: first.id } });
    expect(formatDateOnly(stored.dueOn)).toBe(derivedDueDate("FINAL", placement.startDate, placement.endDate));

    const saved = await saveReportDraft(as(user), draft(placement.id, { version: first.version }));
    expect(saved.version).toBe(2);
    // A save from a stale form is refused rather than overwriting the newer text.
    expect((await appErrorRefusal(saveReportDraft(as(user), draft(placement.id, { version: first.version })))).messageKey).toMatch(/^stale/);

    const submitted = await submitReport(as(user), { reportId: saved.id, version: saved.version });
    expect(submitted.status).toBe("SUBMITTED");
    expect((await appErrorRefusal(saveReportDraft(as(user), draft(placement.id, { version: submitted.version })))).messageKey).toBe("officerReports.notEditable");

    const returned = await returnReport(as(world.hkCoordinator), { reportId: saved.id, version: submitted.version, comment: "Please add what you would apply at home." });
    expect(returned.status).toBe("RETURNED");
    const afterReturn = await findPlacementReports(actorFromUser(user), placement.id);
    expect(afterReturn?.reports[1].current).toMatchObject({ status: "RETURNED", reviewComment: "Please add what you would apply at home." });

    const edited = await saveReportDraft(as(user), draft(placement.id, { version: returned.version, applyAtHome: "Adopt the consultation checklist." }));
    const resubmitted = await submitReport(as(user), { reportId: saved.id, version: edited.version });
    expect(resubmitted.status).toBe("SUBMITTED");
    const accepted = await acceptReport(as(world.hkCoordinator), { reportId: saved.id, version: resubmitted.version });
    expect(accepted.status).toBe("ACCEPTED");
    expect(await finalReportAccepted(db, placement.id)).toBe(true);

    const audit = await db.auditLog.findMany({ where: { entityType: "OfficerReport", entityId: saved.id }, orderBy: { id: "asc" } });
    expect(audit.map((entry) => [entry.action, entry.actorId])).toEqual([
      ["officerReport.saveDraft", user.id],
      ["officerReport.saveDraft", user.id],
      ["officerReport.submit", user.id],
      ["officerReport.return", world.hkCoordinator.id],
      ["officerReport.saveDraft", user.id],
      ["officerReport.submit", user.id],
      ["officerReport.accept", world.hkCoordinator.id],
    ]);
  });

  it("refuses to submit an incomplete report and to return one without a comment (schema and database)", async () => {
    const { user, placement } = await confirmedPlacement();
    const saved = await saveReportDraft(as(user), draft(placement.id, { suggestions: "   " }));
    expect((await appErrorRefusal(submitReport(as(user), { reportId: saved.id, version: saved.version }))).messageKey).toBe("officerReports.incomplete");
    const complete = await saveReportDraft(as(user), draft(placement.id, { version: saved.version }));
    const submitted = await submitReport(as(user), { reportId: saved.id, version: complete.version });
    const error = await refusal(db.officerReport.update({ where: { id: saved.id }, data: { status: "RETURNED", reviewComment: " " } }));
    expect(readDatabaseError(error)).toMatchObject({ code: "23514", constraint: "OfficerReport_returned_has_comment" });
    expect((await db.officerReport.findUniqueOrThrow({ where: { id: saved.id } })).version).toBe(submitted.version);
  });

  it("locks an accepted report in the database, and the sending side opens a new revision keeping the history", async () => {
    const { user, placement } = await confirmedPlacement();
    const saved = await saveReportDraft(as(user), draft(placement.id));
    const submitted = await submitReport(as(user), { reportId: saved.id, version: saved.version });
    const accepted = await acceptReport(as(world.hkCoordinator), { reportId: saved.id, version: submitted.version });

    // Not only the application: a direct UPDATE or DELETE of the accepted row is refused by the trigger.
    const update = await refusal(db.officerReport.update({ where: { id: saved.id }, data: { workDone: "rewritten" } }));
    expect(readDatabaseError(update)).toMatchObject({ code: "23514" });
    const remove = await refusal(db.$executeRaw`DELETE FROM "OfficerReport" WHERE id = ${saved.id}`);
    expect(readDatabaseError(remove)).toMatchObject({ code: "23514" });
    // Named, so that a write racing the application's own check is translated for the user rather than a 500.
    for (const error of [update, remove]) {
      expect(readDatabaseError(error)?.constraint).toBe("OfficerReport_accepted_locked");
      expect(translateDatabaseError(error)?.messageKey).toBe("officerReports.locked");
    }
    expect((await appErrorRefusal(saveReportDraft(as(user), draft(placement.id, { version: accepted.version })))).messageKey).toBe("officerReports.locked");

    // The officer cannot reopen it; the host side cannot either; the sending side can.
    await expect(openReportRevision(as(user), { reportId: saved.id })).rejects.toMatchObject({ messageKey: "forbidden" });
    await expect(openReportRevision(as(world.szCoordinator), { reportId: saved.id })).rejects.toMatchObject({ messageKey: "forbidden" });
    const reopened = await openReportRevision(as(world.hkCoordinator), { reportId: saved.id });
    expect(reopened).toMatchObject({ status: "DRAFT", revision: 2 });
    // Only the latest accepted revision can be reopened, and only once.
    expect((await appErrorRefusal(openReportRevision(as(world.hkCoordinator), { reportId: saved.id }))).messageKey).toBe("officerReports.notAccepted");

    const view = await findPlacementReports(actorFromUser(user), placement.id);
    const final = view!.reports.find((report) => report.kind === "FINAL")!;
    expect(final.current).toMatchObject({ revision: 2, status: "DRAFT" });
    expect(final.current!.sections.map((section) => section.text)).toEqual([draft("").workDone, draft("").learned, draft("").applyAtHome, draft("").suggestions]);
    expect(final.history.map((revision) => [revision.revision, revision.status])).toEqual([[1, "ACCEPTED"]]);
    // The certificate still counts the earlier acceptance.
    expect(await finalReportAccepted(db, placement.id)).toBe(true);
  });

  it("lets the sending side move a due date, not the host side or the officer", async () => {
    const { user, placement } = await confirmedPlacement();
    const moved = await moveReportDueDate(as(world.hkCoordinator), { placementId: placement.id, kind: "MID_TERM", dueOn: new Date("2030-01-15T00:00:00Z") });
    expect(moved.status).toBe("DRAFT");
    await expect(moveReportDueDate(as(world.szCoordinator), { placementId: placement.id, kind: "MID_TERM", dueOn: new Date("2030-01-16T00:00:00Z") })).rejects.toMatchObject({ messageKey: "forbidden" });
    await expect(moveReportDueDate(as(user), { placementId: placement.id, kind: "MID_TERM", dueOn: new Date("2030-01-16T00:00:00Z") })).rejects.toMatchObject({ messageKey: "forbidden" });
    const view = await findPlacementReports(actorFromUser(user), placement.id);
    expect(view!.reports.find((report) => report.kind === "MID_TERM")!.dueOn).toBe("2030-01-15");
    // The officer's first save keeps the moved date.
    const saved = await saveReportDraft(as(user), draft(placement.id, { kind: "MID_TERM", version: moved.version }));
    expect(saved.id).toBe(moved.id);
  });
});

describe("who may do what, per role and side", () => {
  it("lets only the officer write, only the sending side review; others see nothing of another officer's report", async () => {
    const { user, placement } = await confirmedPlacement();
    const other = await confirmedPlacement();
    const saved = await saveReportDraft(as(user), draft(placement.id));

    for (const reader of [world.hkCoordinator, world.szCoordinator, world.szSupervisor, world.admin]) {
      await expect(saveReportDraft(as(reader), draft(placement.id, { version: saved.version }))).rejects.toMatchObject({ messageKey: "forbidden" });
    }
    // Another officer does not even learn that the placement exists.
    await expect(saveReportDraft(as(other.user), draft(placement.id, { version: saved.version }))).rejects.toMatchObject({ messageKey: "notFound" });
    expect(await findPlacementReports(actorFromUser(other.user), placement.id)).toBeNull();

    const submitted = await submitReport(as(user), { reportId: saved.id, version: saved.version });
    for (const reviewer of [world.szCoordinator, world.szSupervisor, user, world.admin]) {
      const refused = await appErrorRefusal(acceptReport(as(reviewer), { reportId: saved.id, version: submitted.version }));
      expect(refused.messageKey).toBe("forbidden");
      expect((await appErrorRefusal(returnReport(as(reviewer), { reportId: saved.id, version: submitted.version, comment: "no" }))).messageKey).toBe("forbidden");
    }
    expect((await db.officerReport.findUniqueOrThrow({ where: { id: saved.id } })).status).toBe("SUBMITTED");
  });

  it("writes no report for a placement that is not confirmed", async () => {
    const { user, placement } = await confirmedPlacement("ASSIGNED");
    expect((await appErrorRefusal(saveReportDraft(as(user), draft(placement.id)))).messageKey).toBe("officerReports.placementNotConfirmed");
  });
});

describe("sections kept for the sending side", () => {
  it("never reach the host side: host coordinator and supervisor get the shareable sections only", async () => {
    const { user, placement } = await confirmedPlacement();
    await saveReportDraft(as(user), draft(placement.id));
    const names = async (reader: CreatedUser) => {
      const view = await findPlacementReports(actorFromUser(reader), placement.id);
      const final = view!.reports.find((report) => report.kind === "FINAL")!.current!;
      return { sections: final.sections.map((section) => section.name), withheld: final.withheldSections, text: JSON.stringify(view) };
    };
    for (const sendingReader of [user, world.hkCoordinator, world.admin]) {
      expect((await names(sendingReader)).sections).toEqual(["workDone", "learned", "applyAtHome", "suggestions"]);
    }
    for (const hostReader of [world.szCoordinator, world.szSupervisor]) {
      const seen = await names(hostReader);
      expect(seen.sections).toEqual(["workDone", "learned", "suggestions"]);
      expect(seen.withheld).toBe(1);
      expect(seen.text).not.toContain("Internal staffing remarks");
    }
  });
});
