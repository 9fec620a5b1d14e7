import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ZAccountSchema, type TAccountInput } from "@/lib/schemas/account";
import type { Db } from "../prisma-client";
import { createTestDb } from "../test-db";
import { buildAccountRow, cleanCustomFields } from "./account-row";
import { createAccount, updateAccount } from "./accounts";
import { CUSTOM_COLUMN_PREFIX, toCsv } from "./csv-format";
import { importAccountsCsv } from "./import-accounts";
import { createOu } from "./ous";

const actor = "system" as const;
let db: Db;
let cleanup: () => Promise<void>;
type OuKey = "root" | "sales" | "japan";
let ouIds: Record<OuKey, string>;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  const ou = (name: string, parentId: string | null) =>
    createOu({ db, actor, input: { name, parentId, externalId: null, description: null } });
  const root = await ou("Acme", null);
  ouIds = { root: root.id, sales: (await ou("Sales", root.id)).id, japan: (await ou("Japan", root.id)).id };
  await db.customFieldDefinition.createMany({
    data: [
      { id: "work_place", displayName: "Work place", position: 1 },
      { id: "nickname", displayName: "Nickname", position: 2 },
      { id: "level", displayName: "Level", type: "enum", options: JSON.stringify(["L1", "L2"]), position: 3 },
      { id: "start_date", displayName: "Start date", type: "date", position: 4 },
    ],
  });
});
afterAll(async () => cleanup());
beforeEach(async () => {
  await db.membership.deleteMany();
  await db.account.deleteMany();
});

const PATHS: Record<OuKey, string> = { root: "Acme", sales: "Acme/Sales", japan: "Acme/Japan" };

/** One input, written the way the form sends it (OU ids) and the way a CSV file holds it (OU paths). */
type Case = {
  name: string;
  fields: Omit<TAccountInput, "ouIds" | "primaryOuId" | "customFields">;
  ous: OuKey[];
  primary: OuKey | null;
  customFields: Record<string, string>;
};

const CASES: Case[] = [
  {
    name: "every field, with surrounding spaces, a blank and a whitespace-only custom field",
    fields: {
      username: " zhang.wei ",
      displayName: "  张伟 ",
      email: " Zhang.Wei@Example.COM ",
      phoneRegion: " 81 ",
      phoneNumber: " 13900001111 ",
      employeeNumber: " E-001 ",
      jobTitle: "  ",
      externalId: " ext-1 ",
      status: "disabled",
      description: " Sales lead ",
    },
    ous: ["sales", "japan"],
    primary: "japan",
    customFields: { work_place: "", nickname: "   ", level: " L2 ", start_date: "2024-01-02 " },
  },
  {
    name: "only the required fields: no phone, no OU, default status",
    fields: { username: "li.na", displayName: "李娜" },
    ous: [],
    primary: null,
    customFields: { work_place: " Hangzhou" },
  },
];

const formInput = (c: Case): TAccountInput => ({
  ...c.fields,
  ouIds: c.ous.map((k) => ouIds[k]),
  primaryOuId: c.primary ? ouIds[c.primary] : null,
  customFields: c.customFields,
});

function csvText(c: Case): string {
  const custom = Object.fromEntries(Object.entries(c.customFields).map(([k, v]) => [`${CUSTOM_COLUMN_PREFIX}${k}`, v]));
  const values: Record<string, string> = {
    ...Object.fromEntries(Object.entries(c.fields).map(([k, v]) => [k, String(v ?? "")])),
    organizations: c.ous.map((k) => PATHS[k]).join(";"),
    primaryOrganization: c.primary ? PATHS[c.primary] : "",
    ...custom,
  };
  return toCsv(Object.keys(values), [values]);
}

const SELECT = {
  username: true,
  displayName: true,
  email: true,
  phoneNumber: true,
  phoneRegion: true,
  employeeNumber: true,
  jobTitle: true,
  externalId: true,
  status: true,
  description: true,
  customFields: true,
  memberships: { select: { ouId: true, isPrimary: true }, orderBy: { ouId: "asc" } },
} as const;

const storedRow = async (username: string) => db.account.findUniqueOrThrow({ where: { username }, select: SELECT });

async function throughForm(c: Case) {
  await createAccount({ db, actor, account: ZAccountSchema.parse(formInput(c)) });
  return storedRow(c.fields.username.trim());
}

async function throughCsv(c: Case) {
  const result = await importAccountsCsv({ db, actor, text: csvText(c) });
  expect(result.issues).toEqual([]);
  return storedRow(c.fields.username.trim());
}

/** An account with other values already stored, so that the next write is an update. */
async function seedPrevious(c: Case): Promise<string> {
  const previous = { username: c.fields.username, displayName: "Before", customFields: { nickname: "old" } };
  const created = await createAccount({ db, actor, account: ZAccountSchema.parse(previous) });
  return created!.id;
}

describe("buildAccountRow", () => {
  it("trims custom field values and leaves out blank and whitespace-only ones", () => {
    expect(cleanCustomFields({ a: "", b: "   ", c: " x ", d: "y" })).toEqual({ c: "x", d: "y" });
    const account = ZAccountSchema.parse({ username: "a", displayName: "A", customFields: { a: " ", b: " 1 " } });
    expect(JSON.parse(buildAccountRow(account).data.customFields)).toEqual({ b: "1" });
  });

  it("stores no phone region without a phone number, and one membership per OU", () => {
    const account = ZAccountSchema.parse({
      username: "a",
      displayName: "A",
      phoneRegion: "81",
      ouIds: ["x", "y", "x"],
      primaryOuId: "y",
    });
    const row = buildAccountRow(account);
    expect(row.data.phoneRegion).toBeNull();
    expect(row.memberships).toEqual([
      { ouId: "x", isPrimary: false },
      { ouId: "y", isPrimary: true },
    ]);
  });
});

describe("the account form and the CSV import store the same row for the same input", () => {
  for (const c of CASES) {
    it(`on create: ${c.name}`, async () => {
      const viaForm = await throughForm(c);
      await db.account.deleteMany();
      const viaCsv = await throughCsv(c);
      expect(viaCsv).toEqual(viaForm);
      expect(Object.keys(JSON.parse(viaForm.customFields) as object)).not.toContain("nickname");
      expect(Object.values(JSON.parse(viaForm.customFields) as object).every((v) => v === String(v).trim())).toBe(true);
    });

    it(`on update: ${c.name}`, async () => {
      const id = await seedPrevious(c);
      await updateAccount({ db, actor, id, account: ZAccountSchema.parse(formInput(c)) });
      const viaForm = await storedRow(c.fields.username.trim());
      await db.membership.deleteMany();
      await db.account.deleteMany();
      await seedPrevious(c);
      const viaCsv = await throughCsv(c);
      expect(viaCsv).toEqual(viaForm);
    });
  }

  it("the first case's row, spelled out", async () => {
    const row = await throughCsv(CASES[0]);
    expect(row).toEqual({
      username: "zhang.wei",
      displayName: "张伟",
      email: "zhang.wei@example.com",
      phoneNumber: "13900001111",
      phoneRegion: "81",
      employeeNumber: "E-001",
      jobTitle: null,
      externalId: "ext-1",
      status: "disabled",
      description: "Sales lead",
      customFields: JSON.stringify({ level: "L2", start_date: "2024-01-02" }),
      memberships: [
        { ouId: ouIds.sales, isPrimary: false },
        { ouId: ouIds.japan, isPrimary: true },
      ].sort((a, b) => (a.ouId < b.ouId ? -1 : 1)),
    });
  });

  it("re-importing a row the form stored is no change", async () => {
    await throughForm(CASES[0]);
    const result = await importAccountsCsv({ db, actor, text: csvText(CASES[0]) });
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
  });
});
