// Scale data for load tests and benchmarks: thousands of officers and host units, many cohorts in both directions
// between Hong Kong and six mainland cities, and placements in every workflow state — written with bulk INSERTs
// (unnest of arrays, a few thousand rows a statement) in one transaction, with every trigger and constraint of the
// schema active. The plan is made in memory so that the database never refuses a row:
// - an officer's placements never overlap (Placement_officer_no_overlap) and there is at most one per cohort;
// - live placements of a host unit in a cohort never exceed its capacity (HostUnitCapacity, else the default);
// - officers come from the cohort's sending side, host units from its host side, dates lie in the cohort window;
// - CONFIRMED has both approvals and a host unit, ASSIGNED a host unit, WITHDRAWN a reason.
// Every run adds its own reference data, officers and cohorts (codes carry a run tag), so runs can be repeated.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { addDays, daysBetween, formatDateOnly, instantInHongKong, parseDateOnly, startOfIsoWeek, todayInHongKong } from "../../lib/dates.ts";
import { hashPassword } from "../../lib/password.ts";
import {
  FIELDS,
  HK_DEPARTMENTS,
  HK_DIVISIONS,
  HK_GIVEN_SYLLABLES,
  HK_OTHER_NAMES,
  HK_RANK_LADDER,
  HK_SURNAMES,
  HONG_KONG,
  MAINLAND_CITIES,
  MAINLAND_FUNCTIONS,
  MAINLAND_GIVEN_PIECES,
  MAINLAND_RANK_LADDER,
  MAINLAND_SURNAMES,
  NON_CHINESE_HK_NAMES,
  POSTS,
  type FieldCode,
  type Trilingual,
} from "./vocabulary.ts";

export interface ScaleDataOptions {
  officers: number;
  placements: number;
  hostUnits: number;
  /** Same seed, same data (apart from ids and the run tag). */
  seed?: number;
  /** The Hong Kong calendar date that decides which cohorts are past, running or ahead. */
  today?: Date;
  log?: (message: string) => void;
}

export interface ScaleDataSummary {
  runTag: string;
  officers: number;
  hostUnits: number;
  cohorts: number;
  placements: number;
  placementsByStatus: Record<PlacementStatus, number>;
  scheduleItems: number;
  elapsedMs: number;
}

type PlacementStatus = "NOMINATED" | "ASSIGNED" | "CONFIRMED" | "WITHDRAWN";
type CohortStatus = "PLANNING" | "NOMINATIONS" | "MATCHING" | "CONFIRMED" | "IN_PROGRESS" | "COMPLETED";

const INSERT_BATCH_ROWS = 4_000;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Share of the programme per mainland city; the rest of a direction's share is split evenly. */
const CITY_WEIGHT: Record<string, number> = { SZ: 0.4, BJ: 0.12, SH: 0.12, CQ: 0.12, WH: 0.12, HZ: 0.12 };
/** Share of officers and host units held by Hong Kong; the cities share the rest by CITY_WEIGHT. */
const HONG_KONG_SHARE = 0.5;
const HONG_KONG_HOST_UNIT_SHARE = 0.35;
/** Placements a cohort holds on average; decides how many intakes there are. */
const TARGET_COHORT_SIZE = 220;

// ---------------------------------------------------------------------------------------------------------------
// Randomness and dates

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

class Random {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(probability: number): boolean {
    return this.next() < probability;
  }
  /** Picks a key by weight. */
  weighted<K extends string>(weights: Record<K, number>): K {
    const entries = Object.entries(weights) as [K, number][];
    let roll = this.next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [key, weight] of entries) {
      roll -= weight;
      if (roll < 0) return key;
    }
    return entries[entries.length - 1][0];
  }
  shuffle<T>(items: T[]): T[] {
    for (let index = items.length - 1; index > 0; index--) {
      const other = Math.floor(this.next() * (index + 1));
      [items[index], items[other]] = [items[other], items[index]];
    }
    return items;
  }
}

const pad = (value: number) => String(value).padStart(2, "0");
const firstOfMonth = (year: number, month: number) => parseDateOnly(`${year}-${pad(month)}-01`);
/** hh:mm Hong Kong time on a calendar date, as the instant Prisma stores (UTC, timestamp without time zone). */
const hongKongTime = (day: Date, hours: number, minutes = 0) => instantInHongKong(formatDateOnly(day), `${pad(hours)}:${pad(minutes)}`);
const timestamp = (instant: Date) => instant.toISOString();

function mondayOnOrAfter(day: Date): Date {
  return startOfIsoWeek(addDays(day, 6));
}

/** Splits `total` into parts proportional to `weights`, summing exactly to `total`. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const parts = exact.map(Math.floor);
  let rest = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((value, index) => [value - Math.floor(value), index] as const).sort((a, b) => b[0] - a[0]);
  for (const [, index] of byRemainder) {
    if (rest-- <= 0) break;
    parts[index] += 1;
  }
  return parts;
}

// ---------------------------------------------------------------------------------------------------------------
// Bulk insert: one statement per batch, `INSERT … SELECT … FROM unnest($1::text[], …)`, so a batch of thousands of
// rows costs one round trip and a handful of parameters.

type ColumnType = "text" | "int" | "bool" | "date" | "timestamp" | "jsonb" | `"${string}"`;
type Row = (string | number | boolean | null)[];

async function insertRows(client: pg.ClientBase, table: string, columns: [name: string, type: ColumnType][], rows: Row[]): Promise<void> {
  const names = columns.map(([name]) => `"${name}"`).join(", ");
  const aliases = columns.map((_, index) => `c${index}`);
  const casts = columns.map(([, type], index) => {
    const sqlType = type === "timestamp" ? "timestamp(3)" : type;
    return type === "text" ? aliases[index] : `${aliases[index]}::${sqlType}`;
  });
  const unnest = columns.map((_, index) => `$${index + 1}::text[]`).join(", ");
  const sql = `INSERT INTO "${table}" (${names}) SELECT ${casts.join(", ")} FROM unnest(${unnest}) AS t(${aliases.join(", ")})`;
  for (let start = 0; start < rows.length; start += INSERT_BATCH_ROWS) {
    const batch = rows.slice(start, start + INSERT_BATCH_ROWS);
    const parameters = columns.map((_, column) => batch.map((row) => (row[column] === null ? null : String(row[column]))));
    await client.query(sql, parameters);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The plan

interface Side {
  id: string;
  code: string;
  names: Trilingual;
  /** Short names for cohort titles: "Hong Kong", 香港 / 港 when hosting. */
  isHongKong: boolean;
  rankIds: string[];
  departmentIds: string[];
  hostUnits: HostUnitPlan[];
  officers: OfficerPlan[];
  approverId: string;
}

interface HostUnitPlan {
  id: string;
  defaultCapacity: number;
  fields: FieldCode[];
}

interface OfficerPlan {
  id: string;
  fields: FieldCode[];
  /** Windows of the officer's placements so far, [start, end] in ms, to keep them apart. */
  busy: [number, number][];
}

interface CohortPlan {
  id: string;
  code: string;
  sending: Side;
  host: Side;
  startDate: Date;
  endDate: Date;
  status: CohortStatus;
  size: number;
  capacities: Map<string, number>;
}

const runCounter = { value: 0 };
function idFactory(runTag: string) {
  return (kind: string) => {
    runCounter.value += 1;
    return `g${runTag}${kind}${runCounter.value.toString(36).padStart(6, "0")}`;
  };
}

/** Fills the database at `databaseUrl` (already migrated) with generated data; see the top of this file. */
export async function generateScaleData(databaseUrl: string, options: ScaleDataOptions): Promise<ScaleDataSummary> {
  const startedAt = performance.now();
  const log = options.log ?? (() => {});
  const random = new Random(options.seed ?? 20_231_218);
  const today = options.today ?? parseDateOnly(todayInHongKong());
  const runTag = randomBytes(3).toString("hex");
  const newId = idFactory(runTag);
  const now = new Date();

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    const sides = await prepareSides(client, { random, runTag, newId, now, hostUnitCount: options.hostUnits, officerCount: options.officers, log });
    const fieldIds = await ensureFields(client, newId);

    // Reference data and officers ------------------------------------------------------------------------------
    const allSides = [...sides.values()];
    await insertHostUnits(client, allSides, fieldIds, { random, runTag, now });
    await insertOfficers(client, allSides, fieldIds, { random, runTag, now });
    log(`Host units: ${options.hostUnits}, officers: ${options.officers}.`);

    // Cohorts -------------------------------------------------------------------------------------------------
    const cohorts = planCohorts(sides, { random, runTag, newId, today, placements: options.placements });
    await insertCohorts(client, cohorts, now);
    log(`Cohorts: ${cohorts.length}.`);

    // Placements ----------------------------------------------------------------------------------------------
    const { rows: placementRows, byStatus, livePlacements } = planPlacements(cohorts, fieldIds, { random, newId, today, now });
    await insertCapacities(client, cohorts);
    await insertRows(client, "Placement", PLACEMENT_COLUMNS, placementRows);
    log(`Placements: ${placementRows.length} (${Object.entries(byStatus).map(([status, count]) => `${status} ${count}`).join(", ")}).`);

    // Schedule and audit ----------------------------------------------------------------------------------------
    const scheduleItems = planScheduleItems(cohorts, livePlacements, { random, newId, today, now });
    await insertRows(client, "ScheduleItem", SCHEDULE_COLUMNS, scheduleItems);
    const summary: ScaleDataSummary = {
      runTag,
      officers: options.officers,
      hostUnits: options.hostUnits,
      cohorts: cohorts.length,
      placements: placementRows.length,
      placementsByStatus: byStatus,
      scheduleItems: scheduleItems.length,
      elapsedMs: 0,
    };
    await client.query(
      `INSERT INTO "AuditLog" ("actorEmail", "action", "entityType", "after") VALUES ('data:generate', 'data.generate', 'Database', $1::jsonb)`,
      [JSON.stringify({ ...summary, elapsedMs: undefined })],
    );
    await client.query("COMMIT");
    await client.query('ANALYZE "Placement", "Officer", "HostUnit", "Cohort", "ScheduleItem", "HostUnitCapacity"');
    summary.elapsedMs = Math.round(performance.now() - startedAt);
    return summary;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Sides: jurisdictions (reused by code, so the demo accounts see the generated cohorts), ranks, departments,
// and how many officers and host units each side gets.

interface PrepareContext {
  random: Random;
  runTag: string;
  newId: (kind: string) => string;
  now: Date;
  hostUnitCount: number;
  officerCount: number;
  log: (message: string) => void;
}

async function prepareSides(client: pg.ClientBase, context: PrepareContext): Promise<Map<string, Side>> {
  const { newId, now, runTag } = context;
  const definitions = [
    { code: HONG_KONG.code, names: HONG_KONG.names, kind: "SAR", timeZone: "Asia/Hong_Kong", isHongKong: true },
    ...MAINLAND_CITIES.map((city) => ({ code: city.code, names: city.names, kind: "MAINLAND_CITY", timeZone: "Asia/Shanghai", isHongKong: false })),
  ];
  const existing = await client.query<{ id: string; code: string }>(`SELECT "id", "code" FROM "Jurisdiction" WHERE "code" = ANY($1)`, [definitions.map((d) => d.code)]);
  const ids = new Map(existing.rows.map((row) => [row.code, row.id]));
  const missing = definitions.filter((definition) => !ids.has(definition.code));
  for (const definition of missing) ids.set(definition.code, newId("j"));
  await insertRows(
    client,
    "Jurisdiction",
    [["id", "text"], ["code", "text"], ["kind", '"JurisdictionKind"'], ["nameEn", "text"], ["nameZhHant", "text"], ["nameZhHans", "text"], ["timeZone", "text"], ["updatedAt", "timestamp"]],
    missing.map((d) => [ids.get(d.code)!, d.code, d.kind, ...d.names, d.timeZone, timestamp(now)]),
  );

  const cityWeights = MAINLAND_CITIES.map((city) => CITY_WEIGHT[city.code] ?? 0.1);
  const officerShares = [HONG_KONG_SHARE, ...cityWeights.map((weight) => ((1 - HONG_KONG_SHARE) * weight) / sum(cityWeights))];
  const hostUnitShares = [HONG_KONG_HOST_UNIT_SHARE, ...cityWeights.map((weight) => ((1 - HONG_KONG_HOST_UNIT_SHARE) * weight) / sum(cityWeights))];
  const officerCounts = apportion(context.officerCount, officerShares);
  const hostUnitCounts = apportion(context.hostUnitCount, hostUnitShares);

  const sides = new Map<string, Side>();
  for (const [index, definition] of definitions.entries()) {
    const jurisdictionId = ids.get(definition.code)!;
    const side: Side = {
      id: jurisdictionId,
      code: definition.code,
      names: definition.names,
      isHongKong: definition.isHongKong,
      rankIds: await ensureRanks(client, jurisdictionId, definition.isHongKong, newId),
      departmentIds: [],
      hostUnits: Array.from({ length: hostUnitCounts[index] }, () => ({ id: newId("h"), defaultCapacity: 0, fields: [] })),
      officers: Array.from({ length: officerCounts[index] }, () => ({ id: newId("o"), fields: [], busy: [] })),
      approverId: await ensureApprover(client, jurisdictionId, definition.code, { newId, runTag, now }),
    };
    const departments: Trilingual[] = definition.isHongKong
      ? [...HK_DEPARTMENTS]
      : MAINLAND_FUNCTIONS.map(([en, zhHant, zhHans]) => [`${en} of ${definition.names[0]} Municipality`, `${definition.names[1]}${zhHant}`, `${definition.names[2]}${zhHans}`]);
    const departmentRows = departments.map((names, position) => {
      const id = newId("d");
      side.departmentIds.push(id);
      return [id, jurisdictionId, `G${runTag}-${position + 1}`.toUpperCase(), definition.isHongKong ? "DEPARTMENT" : "BUREAU", ...names, timestamp(now)];
    });
    await insertRows(
      client,
      "Department",
      [["id", "text"], ["jurisdictionId", "text"], ["code", "text"], ["kind", '"DepartmentKind"'], ["nameEn", "text"], ["nameZhHant", "text"], ["nameZhHans", "text"], ["updatedAt", "timestamp"]],
      departmentRows,
    );
    sides.set(definition.code, side);
  }
  return sides;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

async function ensureRanks(client: pg.ClientBase, jurisdictionId: string, isHongKong: boolean, newId: (kind: string) => string): Promise<string[]> {
  const existing = await client.query<{ id: string }>(`SELECT "id" FROM "Rank" WHERE "jurisdictionId" = $1 AND "active" ORDER BY "grade", "level"`, [jurisdictionId]);
  if (existing.rows.length > 0) return existing.rows.map((row) => row.id);
  const ladder = isHongKong ? HK_RANK_LADDER : MAINLAND_RANK_LADDER;
  const rows = ladder.map((rank) => [newId("r"), jurisdictionId, rank.grade, rank.level, rank.code, ...rank.names]);
  await insertRows(
    client,
    "Rank",
    [["id", "text"], ["jurisdictionId", "text"], ["grade", "text"], ["level", "int"], ["code", "text"], ["nameEn", "text"], ["nameZhHant", "text"], ["nameZhHans", "text"]],
    rows,
  );
  return rows.map((row) => row[0] as string);
}

/** Approvals name a user: the side's first active coordinator (the demo ones where present), else a generated one. */
async function ensureApprover(
  client: pg.ClientBase,
  jurisdictionId: string,
  code: string,
  { newId, runTag, now }: { newId: (kind: string) => string; runTag: string; now: Date },
): Promise<string> {
  const existing = await client.query<{ id: string }>(
    `SELECT "id" FROM "User" WHERE "jurisdictionId" = $1 AND "role" = 'COORDINATOR' AND "active" ORDER BY "createdAt" LIMIT 1`,
    [jurisdictionId],
  );
  if (existing.rows[0]) return existing.rows[0].id;
  const id = newId("u");
  // A random password nobody knows: the account exists to be named as approver, not to sign in.
  const passwordHash = await hashPassword(randomBytes(24).toString("base64url"));
  await client.query(
    `INSERT INTO "User" ("id", "email", "name", "passwordHash", "role", "jurisdictionId", "updatedAt") VALUES ($1, $2, $3, $4, 'COORDINATOR', $5, $6::timestamp(3))`,
    [id, `coordinator.${code.toLowerCase()}.${runTag}@generated.example`, `${code} Coordinator (generated)`, passwordHash, jurisdictionId, timestamp(now)],
  );
  return id;
}

async function ensureFields(client: pg.ClientBase, newId: (kind: string) => string): Promise<Map<FieldCode, string>> {
  const existing = await client.query<{ id: string; code: string }>(`SELECT "id", "code" FROM "Field" WHERE "code" = ANY($1)`, [FIELDS.map((f) => f.code)]);
  const ids = new Map(existing.rows.map((row) => [row.code as FieldCode, row.id]));
  const missing = FIELDS.filter((field) => !ids.has(field.code));
  for (const field of missing) ids.set(field.code, newId("f"));
  await insertRows(
    client,
    "Field",
    [["id", "text"], ["code", "text"], ["nameEn", "text"], ["nameZhHant", "text"], ["nameZhHans", "text"], ["sortOrder", "int"]],
    missing.map((field) => [ids.get(field.code)!, field.code, ...field.names, (FIELDS.indexOf(field) + 1) * 10]),
  );
  return ids;
}

// ---------------------------------------------------------------------------------------------------------------
// Host units and officers

function hostUnitNames(side: Side, random: Random): { names: Trilingual; district: string }[] {
  const combinations: { names: Trilingual; district: string }[] = [];
  if (side.isHongKong) {
    for (const [deptEn, deptHant, deptHans] of HK_DEPARTMENTS) {
      for (const [divEn, divHant, divHans] of HK_DIVISIONS) {
        combinations.push({ names: [`${divEn}, ${deptEn}`, `${deptHant}${divHant}`, `${deptHans}${divHans}`], district: "Hong Kong" });
      }
    }
  } else {
    const city = MAINLAND_CITIES.find((candidate) => candidate.code === side.code)!;
    const [cityEn, cityHant, cityHans] = city.names;
    for (const [fnEn, fnHant, fnHans] of MAINLAND_FUNCTIONS) {
      combinations.push({ names: [`${fnEn} of ${cityEn} Municipality`, `${cityHant}${fnHant}`, `${cityHans}${fnHans}`], district: cityEn });
      for (const [districtEn, districtHant, districtHans] of city.districts) {
        combinations.push({
          names: [`${districtEn} ${fnEn}, ${cityEn}`, `${cityHant}${districtHant}${fnHant}`, `${cityHans}${districtHans}${fnHans}`],
          district: districtEn.replace(/ (District|New District|New Area)$/, ""),
        });
      }
    }
  }
  random.shuffle(combinations);
  const result: { names: Trilingual; district: string }[] = [];
  for (let index = 0; index < side.hostUnits.length; index++) {
    const base = combinations[index % combinations.length];
    const round = Math.floor(index / combinations.length);
    // More units than combinations: further offices of the same unit.
    result.push(
      round === 0
        ? base
        : { district: base.district, names: [`${base.names[0]} (Office ${round + 1})`, `${base.names[1]}（第${round + 1}辦公室）`, `${base.names[2]}（第${round + 1}办公室）`] },
    );
  }
  return result;
}

async function insertHostUnits(client: pg.ClientBase, sides: Side[], fieldIds: Map<FieldCode, string>, { random, runTag, now }: { random: Random; runTag: string; now: Date }) {
  const units: Row[] = [];
  const unitFields: Row[] = [];
  const fieldCodes = FIELDS.map((field) => field.code);
  for (const side of sides) {
    const names = hostUnitNames(side, random);
    side.hostUnits.forEach((unit, index) => {
      unit.defaultCapacity = Number(random.weighted({ 1: 25, 2: 35, 3: 25, 4: 10, 5: 5 }));
      unit.fields = random.chance(0.3) ? distinctPair(random, fieldCodes) : [random.pick(fieldCodes)];
      const active = !random.chance(0.01);
      units.push([unit.id, side.id, `G${runTag}-${side.code}-${index + 1}`.toUpperCase(), names[index].district, ...names[index].names, unit.defaultCapacity, active, timestamp(now)]);
      for (const code of unit.fields) unitFields.push([unit.id, fieldIds.get(code)!]);
    });
  }
  await insertRows(
    client,
    "HostUnit",
    [["id", "text"], ["jurisdictionId", "text"], ["code", "text"], ["district", "text"], ["nameEn", "text"], ["nameZhHant", "text"], ["nameZhHans", "text"], ["defaultCapacity", "int"], ["active", "bool"], ["updatedAt", "timestamp"]],
    units,
  );
  await insertRows(client, "HostUnitField", [["hostUnitId", "text"], ["fieldId", "text"]], unitFields);
}

function distinctPair<T>(random: Random, items: readonly T[]): T[] {
  const first = random.pick(items);
  let second = random.pick(items);
  while (second === first) second = random.pick(items);
  return [first, second];
}

function hongKongName(random: Random): { surname: string; givenName: string; otherName: string | null; chineseName: string | null } {
  if (random.chance(0.004)) {
    const [surname, givenName] = random.pick(NON_CHINESE_HK_NAMES);
    return { surname, givenName, otherName: null, chineseName: null };
  }
  const [surname, surnameHanzi] = random.pick(HK_SURNAMES);
  const [first, firstHanzi] = random.pick(HK_GIVEN_SYLLABLES);
  const [second, secondHanzi] = random.pick(HK_GIVEN_SYLLABLES);
  return {
    surname,
    givenName: `${first}-${second.toLowerCase()}`,
    otherName: random.chance(0.8) ? random.pick(HK_OTHER_NAMES) : null,
    chineseName: `${surnameHanzi}${firstHanzi}${secondHanzi}`,
  };
}

function mainlandName(random: Random): { surname: string; givenName: string; otherName: null; chineseName: string } {
  const [surname, surnameHanzi] = random.pick(MAINLAND_SURNAMES);
  const pieces = random.chance(0.7) ? [random.pick(MAINLAND_GIVEN_PIECES), random.pick(MAINLAND_GIVEN_PIECES)] : [random.pick(MAINLAND_GIVEN_PIECES)];
  const pinyin = pieces.map(([syllable]) => syllable).join("");
  return {
    surname,
    givenName: pinyin.charAt(0).toUpperCase() + pinyin.slice(1),
    otherName: null,
    chineseName: surnameHanzi + pieces.map(([, hanzi]) => hanzi).join(""),
  };
}

async function insertOfficers(client: pg.ClientBase, sides: Side[], fieldIds: Map<FieldCode, string>, { random, runTag, now }: { random: Random; runTag: string; now: Date }) {
  const officers: Row[] = [];
  const officerFields: Row[] = [];
  const fieldCodes = FIELDS.map((field) => field.code);
  for (const side of sides) {
    side.officers.forEach((officer, index) => {
      const name = side.isHongKong ? hongKongName(random) : mainlandName(random);
      officer.fields = random.chance(0.25) ? distinctPair(random, fieldCodes) : [random.pick(fieldCodes)];
      const staffNumber = `${side.code}${runTag}${String(index + 1).padStart(6, "0")}`.toUpperCase();
      const mailbox = `${(name.otherName ?? name.givenName).toLowerCase().replace(/[^a-z]/g, "")}.${name.surname.toLowerCase().replace(/[^a-z]/g, "")}.${index + 1}`;
      const workEmail = side.isHongKong ? `${mailbox}@${runTag}.gov.hk.example` : `${mailbox}@${side.code.toLowerCase()}.gov.cn.example`;
      officers.push([
        officer.id,
        side.id,
        staffNumber,
        name.surname,
        name.givenName,
        name.otherName,
        name.chineseName,
        random.pick(side.rankIds),
        random.pick(side.departmentIds),
        workEmail,
        !random.chance(0.02),
        timestamp(now),
      ]);
      for (const code of officer.fields) officerFields.push([officer.id, fieldIds.get(code)!]);
    });
  }
  await insertRows(
    client,
    "Officer",
    [
      ["id", "text"], ["jurisdictionId", "text"], ["staffNumber", "text"], ["surname", "text"], ["givenName", "text"], ["otherName", "text"],
      ["chineseName", "text"], ["rankId", "text"], ["departmentId", "text"], ["workEmail", "text"], ["active", "bool"], ["updatedAt", "timestamp"],
    ],
    officers,
  );
  await insertRows(client, "OfficerField", [["officerId", "text"], ["fieldId", "text"]], officerFields);
}

// ---------------------------------------------------------------------------------------------------------------
// Cohorts: two intakes a year (March and September) in every direction, the newest ones still ahead.

interface CohortContext {
  random: Random;
  runTag: string;
  newId: (kind: string) => string;
  today: Date;
  placements: number;
}

function planCohorts(sides: Map<string, Side>, { random, runTag, newId, today, placements }: CohortContext): CohortPlan[] {
  const hongKong = sides.get(HONG_KONG.code)!;
  const directions = MAINLAND_CITIES.flatMap((city) => {
    const mainland = sides.get(city.code)!;
    const weight = CITY_WEIGHT[city.code] ?? 0.1;
    return [
      { sending: hongKong, host: mainland, weight, lengthDays: 81 },
      { sending: mainland, host: hongKong, weight, lengthDays: 53 },
    ];
  });
  const intakes = Math.min(60, Math.max(6, Math.ceil(placements / (directions.length * TARGET_COHORT_SIZE))));
  // The intake season after today is the second-newest; one more follows it.
  const seasons: Date[] = [];
  const firstSeasonAfterToday = (() => {
    let year = Number(formatDateOnly(today).slice(0, 4)) - 1;
    let month = 3;
    while (firstOfMonth(year, month) <= today) [year, month] = month === 3 ? [year, 9] : [year + 1, 3];
    return { year, month };
  })();
  let { year, month } = firstSeasonAfterToday;
  [year, month] = month === 3 ? [year, 9] : [year + 1, 3];
  for (let index = 0; index < intakes; index++) {
    seasons.unshift(firstOfMonth(year, month));
    [year, month] = month === 9 ? [year, 3] : [year - 1, 9];
  }

  const sizes = apportion(placements, directions.map((direction) => direction.weight));
  const cohorts: CohortPlan[] = [];
  directions.forEach((direction, directionIndex) => {
    const perIntake = apportion(sizes[directionIndex], seasons.map(() => 0.8 + random.float() * 0.4));
    seasons.forEach((season, intakeIndex) => {
      // Cities start their intakes on different Mondays of the month.
      const startDate = mondayOnOrAfter(addDays(season, (directionIndex % 4) * 7));
      const endDate = addDays(startDate, direction.lengthDays);
      const code = `${direction.sending.code}${direction.host.code}-${formatDateOnly(startDate).slice(0, 7)}-${runTag}`.toUpperCase();
      cohorts.push({
        id: newId("c"),
        code,
        sending: direction.sending,
        host: direction.host,
        startDate,
        endDate,
        status: cohortStatus(startDate, endDate, today),
        size: perIntake[intakeIndex],
        capacities: new Map(),
      });
    });
  });
  return cohorts;
}

function cohortStatus(startDate: Date, endDate: Date, today: Date): CohortStatus {
  if (endDate < today) return "COMPLETED";
  if (startDate <= today) return "IN_PROGRESS";
  const daysAhead = daysBetween(today, startDate);
  if (daysAhead <= 45) return "CONFIRMED";
  if (daysAhead <= 100) return "MATCHING";
  if (daysAhead <= 200) return "NOMINATIONS";
  return "PLANNING";
}

function cohortNames(cohort: CohortPlan): Trilingual {
  const [year, month] = formatDateOnly(cohort.startDate).split("-").map(Number) as [number, number];
  const [sendingEn, sendingHant, sendingHans] = shortNames(cohort.sending);
  const [hostEn, hostHant, hostHans] = shortNames(cohort.host);
  const hostZh = (name: string) => (cohort.host.isHongKong ? "港" : name);
  return [
    `${sendingEn} officers in ${hostEn} (${MONTHS[month - 1]} ${year} intake)`,
    `${sendingHant}公務員赴${hostZh(hostHant)}交流（${year}年${month}月批次）`,
    `${sendingHans}公务员赴${hostZh(hostHans)}交流（${year}年${month}月批次）`,
  ];
}

function shortNames(side: Side): Trilingual {
  if (side.isHongKong) return ["Hong Kong", "香港", "香港"];
  return [side.names[0], side.names[1].replace(/市$/, ""), side.names[2].replace(/市$/, "")];
}

async function insertCohorts(client: pg.ClientBase, cohorts: CohortPlan[], now: Date) {
  await insertRows(
    client,
    "Cohort",
    [
      ["id", "text"], ["code", "text"], ["nameEn", "text"], ["nameZhHant", "text"], ["nameZhHans", "text"], ["sendingJurisdictionId", "text"],
      ["hostJurisdictionId", "text"], ["startDate", "date"], ["endDate", "date"], ["nominationDeadline", "date"], ["status", '"CohortStatus"'], ["updatedAt", "timestamp"],
    ],
    cohorts.map((cohort) => [
      cohort.id,
      cohort.code,
      ...cohortNames(cohort),
      cohort.sending.id,
      cohort.host.id,
      formatDateOnly(cohort.startDate),
      formatDateOnly(cohort.endDate),
      formatDateOnly(addDays(cohort.startDate, -56)),
      cohort.status,
      timestamp(now),
    ]),
  );
}

async function insertCapacities(client: pg.ClientBase, cohorts: CohortPlan[]) {
  const rows: Row[] = [];
  for (const cohort of cohorts) for (const [hostUnitId, capacity] of cohort.capacities) rows.push([hostUnitId, cohort.id, capacity]);
  await insertRows(client, "HostUnitCapacity", [["hostUnitId", "text"], ["cohortId", "text"], ["capacity", "int"]], rows);
}

// ---------------------------------------------------------------------------------------------------------------
// Placements

const PLACEMENT_COLUMNS: [string, ColumnType][] = [
  ["id", "text"], ["officerId", "text"], ["cohortId", "text"], ["hostUnitId", "text"], ["fieldId", "text"], ["postTitle", "text"],
  ["startDate", "date"], ["endDate", "date"], ["status", '"PlacementStatus"'], ["sendingApprovedById", "text"], ["sendingApprovedAt", "timestamp"],
  ["hostApprovedById", "text"], ["hostApprovedAt", "timestamp"], ["approvalResetReason", "text"], ["withdrawnReason", "text"], ["withdrawnAt", "timestamp"],
  ["withdrawnById", "text"], ["createdAt", "timestamp"], ["updatedAt", "timestamp"], ["updatedById", "text"],
];

const WITHDRAWN_REASONS = [
  "Recalled by the home bureau for urgent policy work.",
  "Personal reasons (medical).",
  "Promoted to a post that could not be left vacant.",
  "因工作需要，由原单位召回。",
  "因個人原因退出。",
];

const APPROVAL_RESET_REASON = "Dates changed after approval; both sides to approve again.";

interface PlacementContext {
  random: Random;
  newId: (kind: string) => string;
  today: Date;
  now: Date;
}

export interface LivePlacement {
  id: string;
  cohort: CohortPlan;
  startDate: Date;
  endDate: Date;
}

function statusWeights(cohort: CohortPlan): Record<PlacementStatus, number> {
  switch (cohort.status) {
    case "COMPLETED":
      return { CONFIRMED: 90, WITHDRAWN: 8, ASSIGNED: 0, NOMINATED: 2 };
    case "IN_PROGRESS":
      return { CONFIRMED: 78, ASSIGNED: 10, NOMINATED: 6, WITHDRAWN: 6 };
    case "CONFIRMED":
    case "MATCHING":
      return { CONFIRMED: 40, ASSIGNED: 30, NOMINATED: 25, WITHDRAWN: 5 };
    default:
      return { CONFIRMED: 0, ASSIGNED: 12, NOMINATED: 84, WITHDRAWN: 4 };
  }
}

function planPlacements(cohorts: CohortPlan[], fieldIds: Map<FieldCode, string>, { random, newId, today, now }: PlacementContext) {
  const rows: Row[] = [];
  const livePlacements: LivePlacement[] = [];
  const byStatus: Record<PlacementStatus, number> = { NOMINATED: 0, ASSIGNED: 0, CONFIRMED: 0, WITHDRAWN: 0 };
  const officerQueues = new Map<string, { officers: OfficerPlan[]; next: number }>();
  let shortfall = 0;

  for (const cohort of cohorts) {
    // A few per-cohort capacity overrides; assignments below respect them.
    for (const unit of cohort.host.hostUnits) {
      if (random.chance(0.05)) cohort.capacities.set(unit.id, Math.max(0, unit.defaultCapacity + random.int(-1, 2)));
    }
    const used = new Map<string, number>();
    const capacityOf = (unit: HostUnitPlan) => cohort.capacities.get(unit.id) ?? unit.defaultCapacity;
    const units = cohort.host.hostUnits;

    let queue = officerQueues.get(cohort.sending.id);
    if (!queue) {
      queue = { officers: random.shuffle([...cohort.sending.officers]), next: 0 };
      officerQueues.set(cohort.sending.id, queue);
    }
    const wanted = cohort.size + shortfall;
    let placed = 0;
    let looked = 0;
    while (placed < wanted && looked < queue.officers.length) {
      const officer = queue.officers[queue.next];
      queue.next = (queue.next + 1) % queue.officers.length;
      looked += 1;

      let startDate = cohort.startDate;
      let endDate = cohort.endDate;
      if (random.chance(0.2)) {
        startDate = addDays(cohort.startDate, 7 * random.int(0, 3));
        endDate = new Date(Math.min(cohort.endDate.getTime(), addDays(startDate, 7 * random.int(4, 8) - 3).getTime()));
      }
      const window: [number, number] = [startDate.getTime(), endDate.getTime()];
      if (officer.busy.some(([from, to]) => from <= window[1] && window[0] <= to)) continue;

      let status = random.weighted(statusWeights(cohort));
      let hostUnit: HostUnitPlan | null = null;
      const needsHostUnit = status === "CONFIRMED" || status === "ASSIGNED" || (status === "WITHDRAWN" && random.chance(0.6));
      if (needsHostUnit) {
        hostUnit = findFreeUnit(units, used, capacityOf, random, status !== "WITHDRAWN");
        if (!hostUnit) status = status === "WITHDRAWN" ? "WITHDRAWN" : "NOMINATED";
      }
      if (hostUnit && status !== "WITHDRAWN") used.set(hostUnit.id, (used.get(hostUnit.id) ?? 0) + 1);

      const id = newId("p");
      const field = hostUnit ? random.pick(hostUnit.fields) : random.pick(officer.fields);
      const posts = POSTS[field][cohort.host.isHongKong ? "hongKong" : "mainland"];
      const approval =
        status === "CONFIRMED" ? "both" : status === "ASSIGNED" ? random.weighted({ none: 50, sending: 30, host: 20 }) : status === "WITHDRAWN" && hostUnit ? "sending" : "none";
      const sendingApprovedAt = approval === "both" || approval === "sending" ? hongKongTime(addDays(startDate, -random.int(21, 35)), 10) : null;
      const hostApprovedAt = approval === "both" || approval === "host" ? hongKongTime(addDays(startDate, -random.int(10, 20)), 15, 30) : null;
      const createdAt = hongKongTime(addDays(cohort.startDate, -random.int(60, 90)), random.int(9, 17));
      const withdrawnAt = status === "WITHDRAWN" ? hongKongTime(addDays(startDate, -random.int(1, 9)), 11) : null;
      const lastChange = [createdAt, sendingApprovedAt, hostApprovedAt, withdrawnAt]
        .filter((instant): instant is Date => instant !== null)
        .reduce((latest, instant) => (instant > latest ? instant : latest));
      rows.push([
        id,
        officer.id,
        cohort.id,
        hostUnit?.id ?? null,
        fieldIds.get(field)!,
        hostUnit ? random.pick(posts) : null,
        formatDateOnly(startDate),
        formatDateOnly(endDate),
        status,
        sendingApprovedAt ? cohort.sending.approverId : null,
        sendingApprovedAt ? timestamp(sendingApprovedAt) : null,
        hostApprovedAt ? cohort.host.approverId : null,
        hostApprovedAt ? timestamp(hostApprovedAt) : null,
        status === "ASSIGNED" && approval === "none" && random.chance(0.1) ? APPROVAL_RESET_REASON : null,
        status === "WITHDRAWN" ? random.pick(WITHDRAWN_REASONS) : null,
        withdrawnAt ? timestamp(withdrawnAt) : null,
        withdrawnAt ? cohort.sending.approverId : null,
        timestamp(createdAt > now ? now : createdAt),
        timestamp(lastChange > now ? now : lastChange),
        cohort.sending.approverId,
      ]);
      officer.busy.push(window);
      byStatus[status] += 1;
      placed += 1;
      if (status !== "WITHDRAWN" && cohort.status !== "COMPLETED" && endDate >= today) livePlacements.push({ id, cohort, startDate, endDate });
    }
    shortfall = wanted - placed;
  }
  if (shortfall > 0) throw new Error(`Not enough officers for ${shortfall} of the requested placements: ask for more officers or fewer placements.`);
  return { rows, byStatus, livePlacements };
}

function findFreeUnit(
  units: HostUnitPlan[],
  used: Map<string, number>,
  capacityOf: (unit: HostUnitPlan) => number,
  random: Random,
  countsAgainstCapacity: boolean,
): HostUnitPlan | null {
  const isFree = (unit: HostUnitPlan) => !countsAgainstCapacity || (used.get(unit.id) ?? 0) < capacityOf(unit);
  for (let attempt = 0; attempt < 12; attempt++) {
    const unit = random.pick(units);
    if (isFree(unit)) return unit;
  }
  return units.find(isFree) ?? null;
}

// ---------------------------------------------------------------------------------------------------------------
// Schedule: cohort-wide ceremonies, briefings, milestones and the review meeting; milestones and site visits for
// some running and coming placements.

const SCHEDULE_COLUMNS: [string, ColumnType][] = [
  ["id", "text"], ["cohortId", "text"], ["placementId", "text"], ["type", '"ScheduleItemType"'], ["title", "text"], ["location", "text"],
  ["allDay", "bool"], ["startsAt", "timestamp"], ["endsAt", "timestamp"], ["createdById", "text"], ["updatedAt", "timestamp"],
];

function planScheduleItems(cohorts: CohortPlan[], livePlacements: LivePlacement[], { random, newId, now }: PlacementContext): Row[] {
  const rows: Row[] = [];
  const timed = (day: Date, from: number, to: number) => [false, timestamp(hongKongTime(day, from)), timestamp(hongKongTime(day, to))];
  const allDay = (day: Date) => [true, timestamp(hongKongTime(day, 0)), timestamp(hongKongTime(addDays(day, 1), 0))];
  for (const cohort of cohorts) {
    const place = cohort.host.isHongKong ? "Civil Service College, North Point, Hong Kong" : `${cohort.host.names[0]} Municipal People's Government`;
    const organiser = cohort.host.approverId;
    const items: [string, string, string | null, unknown[]][] = [
      ["CEREMONY", "Opening ceremony", place, timed(cohort.startDate, 10, 11)],
      ["ORIENTATION", "Orientation briefing", place, timed(cohort.startDate, 14, 17)],
      ["MILESTONE", "Mid-term check-in", null, allDay(addDays(cohort.startDate, Math.floor(daysBetween(cohort.startDate, cohort.endDate) / 2)))],
      ["MILESTONE", "Final report due", null, allDay(addDays(cohort.endDate, -7))],
      ["REVIEW_MEETING", "Review meeting: officers' presentations", place, timed(addDays(cohort.endDate, -11), 9, 12)],
      ["CEREMONY", "Closing ceremony", place, timed(cohort.endDate, 15, 16)],
    ];
    for (const [type, title, location, times] of items) rows.push([newId("s"), cohort.id, null, type, title, location, ...times, organiser, timestamp(now)] as Row);
  }
  for (const placement of livePlacements) {
    if (random.chance(0.15)) {
      rows.push([newId("s"), placement.cohort.id, placement.id, "MILESTONE", "Work plan agreed with the host unit", null, ...allDay(addDays(placement.startDate, 10)), placement.cohort.sending.approverId, timestamp(now)] as Row);
    }
    if (random.chance(0.1)) {
      rows.push([newId("s"), placement.cohort.id, placement.id, "SITE_VISIT", "Site visit", placement.cohort.host.isHongKong ? "Kai Tak, Kowloon" : "Qianhai, Shenzhen", ...timed(addDays(placement.startDate, 17), 9, 12), placement.cohort.host.approverId, timestamp(now)] as Row);
    }
  }
  return rows;
}
