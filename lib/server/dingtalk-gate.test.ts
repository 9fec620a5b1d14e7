import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestSandbox } from "@/lib/dingtalk/sandbox/testing";
import { reserveSlots, slotIntervalMs, slotsOf } from "./dingtalk-gate";
import { createPrismaClient } from "./prisma-client";
import { createSandboxIdp } from "./sync/sandbox-idp";
import { createTestDb } from "./test-db";

describe("slot arithmetic", () => {
  it.each([
    { qps: 20, interval: 50 },
    { qps: 10, interval: 100 },
    { qps: 3, interval: 334 }, // rounded up: never faster than qps
    { qps: 1, interval: 1000 },
  ])("$qps calls/s are $interval ms apart", ({ qps, interval }) => {
    expect(slotIntervalMs(qps)).toBe(interval);
  });

  it.each([
    { next: 1_100, count: 1, interval: 100, slots: [1_000] },
    { next: 1_300, count: 3, interval: 100, slots: [1_000, 1_100, 1_200] },
    { next: 250, count: 5, interval: 50, slots: [0, 50, 100, 150, 200] },
  ])("a reservation of $count up to $next holds $slots", ({ next, count, interval, slots }) => {
    expect(slotsOf(next, count, interval)).toEqual(slots);
  });
});

describe("reserving slots in the database", () => {
  it("starts an idle app at the database's now, continues exactly after the last slot, and restarts after a pause", async () => {
    const { db, cleanup } = await createTestDb();
    try {
      const first = await reserveSlots(db, "https://oapi.example|k1", 1, 100);
      expect(first.slots).toEqual([first.dbNowMs]);
      const batch = await reserveSlots(db, "https://oapi.example|k1", 3, 100);
      expect(batch.slots).toEqual([1, 2, 3].map((i) => first.slots[0]! + i * 100));
      // Another app has its own slots.
      const other = await reserveSlots(db, "https://oapi.example|k2", 1, 100);
      expect(other.slots).toEqual([other.dbNowMs]);
      // Past slots are not handed out: after a pause the app starts again at now.
      await db.callSlot.update({ where: { key: "https://oapi.example|k1" }, data: { nextAtMs: 0 } });
      const later = await reserveSlots(db, "https://oapi.example|k1", 2, 100);
      expect(later.slots).toEqual([later.dbNowMs, later.dbNowMs + 100]);
    } finally {
      await cleanup();
    }
  });

  it("gives racing reservations from two clients distinct slots exactly one interval apart", async () => {
    const { db, url, cleanup } = await createTestDb();
    const second = createPrismaClient(url);
    try {
      const key = "https://oapi.example|race";
      // A long interval keeps the row ahead of now, so no reservation restarts at now.
      const counts = Array.from({ length: 40 }, (_, i) => 1 + (i % 3));
      const reservations = await Promise.all(
        counts.map((count, i) => reserveSlots(i % 2 ? db : second, key, count, 60_000)),
      );
      const slots = reservations.flatMap((r) => r.slots).sort((a, b) => a - b);
      expect(slots).toHaveLength(79);
      expect(slots.slice(1).map((s, i) => s - slots[i]!)).toEqual(Array(78).fill(60_000));
      const row = await db.callSlot.findUniqueOrThrow({ where: { key } });
      expect(Number(row.nextAtMs)).toBe(slots.at(-1)! + 60_000);
    } finally {
      await second.$disconnect();
      await cleanup();
    }
  });
});

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await TestSandbox.start();
});
afterAll(async () => sandbox?.close());

type CallerResult = { ok: number; failed: number; shared: boolean };

/** A caller process (dingtalk-gate-caller.ts); resolves once it is ready, with a start and its result. */
function startCaller(env: Record<string, string>, idpId: string, seconds: number) {
  const child = spawn(
    process.execPath,
    [
      "--conditions=react-server",
      "--import",
      "tsx",
      "lib/server/dingtalk-gate-caller.ts",
      "--idp",
      idpId,
      "--seconds",
      String(seconds),
    ],
    { env: { ...process.env, ...env }, stdio: ["pipe", "pipe", "inherit"] },
  );
  const lines = createInterface({ input: child.stdout! });
  const exited = new Promise<never>((_, reject) =>
    child.once("close", (code) => reject(new Error(`caller exited with ${code}`))),
  );
  exited.catch(() => undefined);
  const ready = Promise.race([
    new Promise<void>((resolve) => lines.on("line", (l) => l === "ready" && resolve())),
    exited,
  ]);
  const result = Promise.race([
    new Promise<CallerResult>((resolve) =>
      lines.on("line", (l) => l.startsWith("{") && resolve(JSON.parse(l) as CallerResult)),
    ),
    exited,
  ]);
  return { ready, result, go: () => child.stdin!.write("go\n") };
}

describe("one app's rate across processes", { timeout: 120_000 }, () => {
  it("two processes calling one app at full speed stay within its qps together: no 90018, near the limit", async () => {
    // The sandbox stands for DingTalk at 10 calls/s. Each process is allowed 9: two processes pacing
    // themselves alone would send 18/s. The margin is for timers a loaded test machine fires late.
    const limit = 10;
    const qps = 9;
    const seconds = 4;
    const { db, url, cleanup } = await createTestDb();
    try {
      const corp = await sandbox.corp({ faults: { qps: limit } });
      const idpId = await createSandboxIdp(db, { sandboxUrl: sandbox.url, app: corp, sourceOuIds: [] });
      // On SQLite the shared gate is opt-in; on PostgreSQL it is always on.
      const env = { DATABASE_URL: url, DINGTALK_QPS: String(qps), DINGTALK_SHARED_QPS: "true" };
      const callers = [startCaller(env, idpId, seconds), startCaller(env, idpId, seconds)];
      await Promise.all(callers.map((c) => c.ready));
      callers.forEach((c) => c.go());
      const results = await Promise.all(callers.map((c) => c.result));

      expect(results.map((r) => r.shared)).toEqual([true, true]);
      expect(results.map((r) => r.failed)).toEqual([0, 0]);
      const calls = await sandbox.calls(corp.corpId);
      const answers = calls.byPath["/topapi/v2/department/get"] ?? {};
      // DingTalk (the sandbox) never throttled: every call it saw succeeded, and both processes were served.
      expect(Object.keys(answers)).toEqual(["0"]);
      expect(Object.keys(calls.byPath["/gettoken"] ?? {})).toEqual(["0"]);
      expect(answers["0"]).toBe(results[0]!.ok + results[1]!.ok);
      expect(results.every((r) => r.ok > 0)).toBe(true);
      expect(answers["0"]).toBeGreaterThanOrEqual((qps * seconds) / 2);
    } finally {
      await cleanup();
    }
  });
});
