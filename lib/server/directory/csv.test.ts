import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureAdmin, seedDemoDirectory } from "@/prisma/seed-demo";
import type { Db } from "../prisma-client";
import { createTestDb } from "../test-db";
import { parseCsv, toCsv } from "./csv-format";
import { exportAccountsCsv, exportOusCsv } from "./export";
import { importAccountsCsv, validateAccountsCsv } from "./import-accounts";
import { importOusCsv, validateOusCsv } from "./import-ous";

let db: Db;
let cleanup: () => Promise<void>;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  await ensureAdmin(db, { adminEmail: "a@example.com", adminPassword: "x" });
  await seedDemoDirectory(db);
});
afterAll(async () => cleanup());

const header =
  "username,displayName,email,phoneRegion,phoneNumber,status,primaryOrganization,organizations,custom.work_place";
const good = (n: number) =>
  `csv.user${n},CSV 用户 ${n},csv.user${n}@example.com,86,1390000${String(n).padStart(4, "0")},enabled,Acme Group/Sales,,Hangzhou`;

describe("accounts CSV", () => {
  it("names each bad row with its row and column, and imports only the valid ones", async () => {
    const lines = [header];
    for (let n = 1; n <= 20; n++) lines.push(good(n));
    lines[3] = "csv.user3,CSV 3,not-an-email,86,13900000003,enabled,Acme Group/Sales,,"; // row 4
    lines[8] = "bad user!,CSV 8,csv.user8@example.com,86,13900000008,enabled,Acme Group/Sales,,"; // row 9
    lines[15] = "csv.user15,CSV 15,csv.user15@example.com,86,13900000015,enabled,Acme Group/Nowhere,,"; // row 16
    const text = lines.join("\n");
    const { preview } = await validateAccountsCsv(db, text);
    expect(preview).toMatchObject({ total: 20, valid: 17, creates: 17, updates: 0 });
    expect(preview.issues.map((i) => [i.row, i.column, i.message])).toEqual([
      [4, "email", "validation.email"],
      [9, "username", "validation.usernameFormat"],
      [16, "primaryOrganization", "csv.unknownOrganization"],
    ]);
    const before = await db.outboxEvent.count();
    const result = await importAccountsCsv({ db, actor: "system", text });
    expect(result).toMatchObject({ created: 17, updated: 0 });
    expect(await db.account.count({ where: { username: { startsWith: "csv.user" } } })).toBe(17);
    expect(await db.outboxEvent.count()).toBe(before + 17);
    const one = await db.account.findUniqueOrThrow({
      where: { username: "csv.user1" },
      include: { memberships: { include: { ou: true } } },
    });
    expect(one.memberships.map((m) => [m.ou.name, m.isPrimary])).toEqual([["Sales", true]]);
    expect(JSON.parse(one.customFields)).toEqual({ work_place: "Hangzhou" });
  });

  it("re-importing the same rows changes nothing and emits no event; a changed row updates", async () => {
    const lines = [header, good(1), good(2)];
    const before = await db.outboxEvent.count();
    expect(await importAccountsCsv({ db, actor: "system", text: lines.join("\n") })).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 2,
    });
    expect(await db.outboxEvent.count()).toBe(before);
    lines[2] = lines[2].replace("CSV 用户 2", "CSV 用户 二");
    expect(await importAccountsCsv({ db, actor: "system", text: lines.join("\n") })).toMatchObject({
      created: 0,
      updated: 1,
      unchanged: 1,
    });
    expect(await db.outboxEvent.count()).toBe(before + 1);
  });

  it("flags duplicate usernames inside a file and unknown columns", async () => {
    const dup = await validateAccountsCsv(db, [header, good(90), good(90)].join("\n"));
    expect(dup.preview.issues).toEqual([{ row: 3, column: "username", message: "csv.duplicateInFile", value: "2" }]);
    const unknown = await validateAccountsCsv(db, "username,displayName,shoeSize\na,b,42");
    expect(unknown.preview.issues).toEqual([{ row: 1, column: "shoeSize", message: "csv.unknownColumn" }]);
  });

  it("exports what it imports (round trip)", async () => {
    const csv = await exportAccountsCsv(db);
    const parsed = parseCsv(csv);
    const row = parsed.rows.find((r) => r.values.username === "tanaka.yuki")!;
    expect(row.values).toMatchObject({
      displayName: "田中 由紀",
      primaryOrganization: "Acme Group/Japan Branch/Tokyo Office",
      phoneRegion: "81",
    });
    const before = await db.outboxEvent.count();
    const result = await importAccountsCsv({ db, actor: "system", text: csv });
    expect(result.issues).toEqual([]);
    expect(result.updated).toBe(0);
    expect(await db.outboxEvent.count()).toBe(before);
  });
});

describe("organizations CSV", () => {
  it("creates missing OUs top-down, refuses bad names and unknown parents", async () => {
    const text = toCsv(
      ["path", "externalId", "order"],
      [
        { path: "Acme Group/Labs", externalId: "labs", order: 5 },
        { path: "Acme Group/Labs/Robotics" },
        { path: "Acme Group/Labs/Bad-Name" },
        { path: "Nowhere/Orphan" },
      ],
    );
    const { preview } = await validateOusCsv(db, text);
    expect(preview.issues.map((i) => [i.row, i.column, i.message])).toEqual([
      [4, "path", "validation.ouNameChars"],
      [5, "path", "csv.unknownParent"],
    ]);
    expect(await importOusCsv({ db, actor: "system", text })).toMatchObject({ created: 2, updated: 0 });
    const robotics = await db.organizationalUnit.findFirstOrThrow({
      where: { name: "Robotics" },
      include: { parent: true },
    });
    expect(robotics.parent?.name).toBe("Labs");
    expect(await exportOusCsv(db)).toContain("Acme Group/Labs/Robotics");
  });
});

// Issue 14, item 6: cells a spreadsheet would run as formulas are escaped with a leading ', and
// the importer undoes exactly that escape. Phone numbers written with + are real data.
const FORMULA_LIKE = ["=1+1", "+86 138 0000 0001", "+86-13800000001", "-5", "@x", "\tx", "\rx", "'=x", "''@x"];
const PLAIN = ["plain", "'plain", "a=b", "it's", "13800000001", "", "'"];

describe("CSV formula escape", () => {
  it("escapes formula cells on export and gives back the exact values on import", () => {
    const values = [...FORMULA_LIKE, ...PLAIN];
    const text = toCsv(
      ["n", "v"],
      values.map((v, i) => ({ n: String(i), v })),
    );
    const lines = text.replace(/^\uFEFF/, "").split("\r\n");
    FORMULA_LIKE.forEach((v, i) => expect(lines[i + 1]).toBe(`${i},"'${v.replaceAll('"', '""')}"`));
    expect(lines.slice(FORMULA_LIKE.length + 1, FORMULA_LIKE.length + 5)).toEqual([
      `${FORMULA_LIKE.length},plain`,
      `${FORMULA_LIKE.length + 1},'plain`,
      `${FORMULA_LIKE.length + 2},a=b`,
      `${FORMULA_LIKE.length + 3},it's`,
    ]);
    const parsed = parseCsv(text);
    expect(parsed.issues).toEqual([]);
    expect(parsed.rows.map((r) => r.values.v)).toEqual(values);
  });

  it("writes numbers as numbers (an order of -5 is not a formula) and reads them back", () => {
    const text = toCsv(["path", "order"], [{ path: "Acme Group", order: -5 }]);
    expect(text).toContain("\r\nAcme Group,-5");
    expect(parseCsv(text).rows[0].values).toEqual({ path: "Acme Group", order: "-5" });
  });

  it("an exported account with formula-like values re-imports to exactly the stored values", async () => {
    const stored = {
      username: "-formula.user",
      displayName: "=1+1",
      jobTitle: "+86 138 0000 0001",
      employeeNumber: "-5",
      externalId: "@x",
      description: "'=x",
      phoneRegion: "86",
      phoneNumber: "13800000001",
      customFields: JSON.stringify({ work_place: '=HYPERLINK("https://evil.example","x")' }),
    };
    const account = await db.account.create({ data: stored });
    const csv = await exportAccountsCsv(db);
    const line = csv.split("\r\n").find((l) => l.startsWith(`"'-formula.user"`));
    expect(line).toContain(`"'=1+1"`);
    expect(line).toContain(`"'+86 138 0000 0001"`);
    expect(line).toContain(`"'-5"`);
    expect(line).toContain(`"'@x"`);
    expect(line).toContain(`"''=x"`);
    expect(line).toContain(`"'=HYPERLINK(""https://evil.example"",""x"")"`);

    const before = await db.outboxEvent.count();
    expect(await importAccountsCsv({ db, actor: "system", text: csv })).toMatchObject({ issues: [], updated: 0 });
    expect(await db.outboxEvent.count()).toBe(before);

    await db.account.update({
      where: { id: account.id },
      data: {
        displayName: "x",
        jobTitle: null,
        employeeNumber: null,
        externalId: null,
        description: null,
        customFields: "{}",
      },
    });
    expect(await importAccountsCsv({ db, actor: "system", text: csv })).toMatchObject({ issues: [], updated: 1 });
    const back = await db.account.findUniqueOrThrow({ where: { id: account.id } });
    expect(back).toMatchObject({ ...stored, customFields: stored.customFields });
  });

  it("an exported OU description that looks like a formula round-trips", async () => {
    const ou = await db.organizationalUnit.findFirstOrThrow({ where: { name: "Sales" } });
    await db.organizationalUnit.update({ where: { id: ou.id }, data: { description: "@SUM(A1:A9)" } });
    const csv = await exportOusCsv(db);
    expect(csv).toContain(`"'@SUM(A1:A9)"`);
    const row = parseCsv(csv).rows.find((r) => r.values.path === "Acme Group/Sales")!;
    expect(row.values.description).toBe("@SUM(A1:A9)");
    await db.organizationalUnit.update({ where: { id: ou.id }, data: { description: "changed" } });
    expect(await importOusCsv({ db, actor: "system", text: csv })).toMatchObject({ issues: [] });
    expect(await db.organizationalUnit.findUniqueOrThrow({ where: { id: ou.id } })).toMatchObject({
      description: "@SUM(A1:A9)",
    });
  });
});
