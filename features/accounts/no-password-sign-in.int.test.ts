import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { attemptSignIn } from "@/features/auth/sign-in";
import { createUser } from "@/tests/factories";

afterAll(async () => db.$disconnect());

// An invited user who has not yet set a password has no hash (decision 080): nothing they type may sign them in —
// not even the text of the decoy hash the sign-in verifies against when there is no real one.
describe("an account without a password", () => {
  it("cannot sign in with any password, the decoy's included", async () => {
    const user = await createUser(db, { role: "COORDINATOR" });
    await db.user.update({ where: { id: user.id }, data: { passwordHash: null } });
    for (const password of ["decoy-password-never-valid", user.password, ""]) {
      expect(await attemptSignIn({ email: user.email, password }, { requestId: "r", ipAddress: "192.0.2.77" })).toBeNull();
    }
    const audit = await db.auditLog.findFirstOrThrow({ where: { entityId: user.id, action: "auth.signIn.fail" } });
    expect(audit.after).toMatchObject({ reason: "noPassword" });
  });
});
