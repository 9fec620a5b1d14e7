import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkRules, defaultMappingRules, mappingFieldCatalog } from "@/lib/mapping";
import { createPrismaClient } from "../prisma-client";
import { getRules } from "./queries";

const MIGRATION = "20261202042854_field_labels_from_keys";
const migrationsDir = path.join(process.cwd(), "prisma", "migrations");
const migrations = fs
  .readdirSync(migrationsDir)
  .filter((n) => fs.statSync(path.join(migrationsDir, n)).isDirectory())
  .sort();
const apply = (sqlite: Database.Database, name: string) =>
  sqlite.exec(fs.readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8"));

let dir = "";
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe(`migration ${MIGRATION}`, () => {
  it("keeps rules and an administrator's labels, and drops the stored English labels of catalogue fields", async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "labels-migration-"));
    const file = path.join(dir, "old.db");
    const sqlite = new Database(file);
    // A database as the previous release left it: every migration before this one.
    for (const name of migrations.slice(0, migrations.indexOf(MIGRATION))) apply(sqlite, name);
    sqlite
      .prepare(
        `INSERT INTO "IdentityProvider" ("id", "displayName", "corpId", "appKey", "appSecretEncrypted", "updatedAt")
         VALUES ('idp1', 'Acme', 'ding1', 'key', 'sealed', CURRENT_TIMESTAMP)`,
      )
      .run();
    const insert = sqlite.prepare(
      `INSERT INTO "FieldMappingRule" ("id", "idpId", "objectType", "targetField", "targetDisplayName", "kind", "source",
        "isMappingIdentifier", "isCustom", "position", "updatedAt")
       VALUES (?, 'idp1', ?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)`,
    );
    // The rows the old default-rules.ts wrote (English labels), and one field an administrator added.
    const old: [string, string, string, string, string, number, number][] = [
      ["user", "userid", "userid", "field", "idpUser.username", 1, 0],
      ["user", "name", "Name", "field", "idpUser.displayName", 0, 0],
      ["user", "job_number", "Job number", "expression", 'Append("E", idpUser.employeeNumber)', 0, 0],
      ["user", "title", "Title", "disabled", "", 0, 0],
      ["user", "work_place", "勤務地", "field", "idpUser.customFields.floor", 0, 1],
      ["organization", "name", "Name", "field", "idpOrganizationalUnit.organizationalUnitName", 0, 0],
    ];
    old.forEach(([objectType, field, label, kind, source, isId, isCustom], i) =>
      insert.run(`r${i}`, objectType, field, label, kind, source, isId, isCustom, i),
    );
    apply(sqlite, MIGRATION);
    // Then every later migration, so the database is the one today's client reads.
    for (const name of migrations.slice(migrations.indexOf(MIGRATION) + 1)) apply(sqlite, name);
    sqlite.close();

    const db = createPrismaClient(`file:${file}`);
    try {
      const rules = await getRules(db, "idp1");
      expect(rules.map((r) => [r.objectType, r.targetField, r.targetDisplayName, r.kind, r.source])).toEqual([
        ["user", "userid", null, "field", "idpUser.username"],
        ["user", "name", null, "field", "idpUser.displayName"],
        ["user", "job_number", null, "expression", 'Append("E", idpUser.employeeNumber)'],
        ["user", "title", null, "disabled", ""],
        ["user", "work_place", "勤務地", "field", "idpUser.customFields.floor"],
        ["organization", "name", null, "field", "idpOrganizationalUnit.organizationalUnitName"],
      ]);
      expect(rules.find((r) => r.targetField === "userid")?.isMappingIdentifier).toBe(true);
      // The migrated set passes the one validator, and new rows take a null label as the defaults now do.
      expect(checkRules(rules, mappingFieldCatalog(["floor"]))).toEqual([]);
      await db.fieldMappingRule.create({ data: { ...defaultMappingRules()[1], targetField: "email", idpId: "idp1" } });
      expect(
        (await db.fieldMappingRule.findFirstOrThrow({ where: { targetField: "email" } })).targetDisplayName,
      ).toBeNull();
    } finally {
      await db.$disconnect();
    }
  });
});
