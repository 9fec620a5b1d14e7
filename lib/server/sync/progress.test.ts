import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApplyCounts } from "@/lib/sync";
import type { Db } from "../prisma-client";
import { createTestDb } from "../test-db";
import { runCounts, runProgressWriter } from "./progress";
import { createSandboxIdp } from "./sandbox-idp";

let db: Db;
let cleanup: () => Promise<void>;
let idpId: string;
beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  const app = { corpId: "corp", appKey: "key", appSecret: "secret" };
  idpId = await createSandboxIdp(db, { sandboxUrl: "http://127.0.0.1:9", app, sourceOuIds: [] });
});
afterAll(async () => cleanup?.());

const counts = (over: Partial<ApplyCounts>): ApplyCounts => ({
  total: 10,
  processed: 0,
  created: 0,
  updated: 0,
  deleted: 0,
  bound: 0,
  skipped: 0,
  failed: 0,
  refused: 0,
  planned: 0,
  ...over,
});

const newRun = () => db.syncRun.create({ data: { idpId, kind: "full", trigger: "manual", status: "running" } });

describe("run progress", () => {
  it("maps apply counters to the run's columns: binds count as updates, planned writes as skipped", () => {
    expect(
      runCounts(counts({ processed: 9, created: 2, updated: 1, bound: 2, skipped: 1, planned: 1, failed: 2 })),
    ).toEqual({ processed: 9, created: 2, updated: 3, deleted: 0, skipped: 2, failed: 2 });
  });

  it("writes created, updated and failed while the run moves, in order, not only processed", async () => {
    const run = await newRun();
    const writer = runProgressWriter(db, run.id, { intervalMs: 0 });
    writer.report(counts({ processed: 1, created: 1 }));
    writer.report(counts({ processed: 2, created: 1, failed: 1 }));
    writer.report(counts({ processed: 3, created: 1, updated: 1, failed: 1 }));
    await writer.settled();
    expect(await db.syncRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({
      status: "running",
      processed: 3,
      created: 1,
      updated: 1,
      failed: 1,
    });
  });

  it("writes at most once per interval", async () => {
    const run = await newRun();
    const writer = runProgressWriter(db, run.id, { intervalMs: 60_000 });
    writer.report(counts({ processed: 1, created: 1 }));
    writer.report(counts({ processed: 2, created: 2 }));
    await writer.settled();
    expect(await db.syncRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ processed: 1, created: 1 });
  });
});
