import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

// `npm run db:migration <name>`: `prisma migrate dev` needs a shadow database
// the offline schema engine cannot replay, so diff the last committed schema
// (git HEAD) against the working one and write the SQL as a new migration.
function main() {
  const name = (process.argv[2] ?? "")
    .trim()
    .replace(/[^a-z0-9_]+/gi, "_")
    .toLowerCase();
  if (!name) {
    console.error("Usage: npm run db:migration <name>");
    process.exit(1);
  }
  const schema = path.join("prisma", "schema.prisma");
  const previous = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "schema-")), "schema.prisma");
  let hasPrevious = true;
  try {
    fs.writeFileSync(previous, execFileSync("git", ["show", `HEAD:${schema}`], { encoding: "utf8" }));
  } catch {
    hasPrevious = false;
  }
  const from = hasPrevious ? ["--from-schema-datamodel", previous] : ["--from-empty"];
  const sql = execFileSync("npx", ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", schema, "--script"], {
    encoding: "utf8",
  });
  if (!/\b(CREATE|ALTER|DROP|INSERT|PRAGMA)\b/.test(sql)) {
    console.info("The schema has not changed since the last commit: no migration written.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "migration.sql"), sql);
  console.info(`Wrote ${dir}/migration.sql. Review it, then apply with npm run db:migrate.`);
}

main();
