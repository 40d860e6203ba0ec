import { describe, expect, it } from "vitest";
import { sqlBuilder } from "./kysely";
import { anyText, trilingualJson, unnestText } from "./sql-fragments";

// The typed statements name tables and columns through generated/kysely (made from schema.prisma by
// `prisma generate`). The `@ts-expect-error` lines are checked by `npm run typecheck`: a statement naming a column the
// schema does not have fails it, and so would each of the app's statements after a column is renamed (decision 041
// lists the errors a scratch rename of eight columns produced). If a line below stopped being an error, the
// typecheck would fail on the unused directive.
describe("statements built with Kysely", () => {
  it("compile to PostgreSQL with every value bound", () => {
    const query = sqlBuilder.selectFrom("Officer as o").select(["o.id", "o.surname"]).where("o.staffNumber", "=", anyText(["A1", "B2"])).compile();
    expect(query.sql).toBe('select "o"."id", "o"."surname" from "Officer" as "o" where "o"."staffNumber" = ANY($1::text[])');
    expect(query.parameters).toEqual([["A1", "B2"]]);
  });

  it("refuse, at typecheck, a column or table the schema does not have", () => {
    const misspelled = () => {
      // @ts-expect-error -- Officer has `surname`, not `familyName`.
      sqlBuilder.selectFrom("Officer").select("familyName");
      // @ts-expect-error -- a condition on a column that is not there.
      sqlBuilder.selectFrom("Placement").select("id").where("hostApprovalAt", "is", null);
      // @ts-expect-error -- an insert into a column that is not there.
      sqlBuilder.insertInto("AuditLog").columns(["action", "traceId"]);
      // @ts-expect-error -- no such table.
      sqlBuilder.selectFrom("Officers").selectAll();
    };
    expect(misspelled).not.toThrow();
  });

  it("write the shared fragments with quoted identifiers and bound arrays", () => {
    const names = sqlBuilder.selectFrom("Rank as r").select(trilingualJson("r").as("rank")).compile();
    expect(names.sql).toBe(`select json_build_object('nameEn', "r"."nameEn", 'nameZhHant', "r"."nameZhHant", 'nameZhHans', "r"."nameZhHans") as "rank" from "Rank" as "r"`);
    expect(() => trilingualJson("r; drop")).toThrow("Not a table alias");
    const rows = sqlBuilder.selectFrom(unnestText({ id: ["1", "2"], name: ["a", null] }).as("u")).select(["u.id", "u.name"]).compile();
    expect(rows.sql).toBe('select "u"."id", "u"."name" from (SELECT * FROM unnest($1::text[], $2::text[]) AS "rows"("id", "name")) as "u"');
    expect(rows.parameters).toEqual([["1", "2"], ["a", null]]);
  });
});
