import os from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "./prisma-client";
import { pruneHeartbeats, startHeartbeat, STALE_HEARTBEAT_MS, workerHeartbeatAgeMs } from "./processes";
import { createTestDb } from "./test-db";

let db: Db;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
});
afterAll(() => cleanup());

const until = async (check: () => Promise<boolean>) => {
  while (!(await check())) await new Promise((r) => setTimeout(r, 20));
};

describe("process heartbeats", () => {
  it("writes a row when started, refreshes it while running and deletes it when stopped", async () => {
    const stop = await startHeartbeat(db, "console", { intervalMs: 30 });
    const [row] = await db.processHeartbeat.findMany();
    expect(row).toMatchObject({ role: "console", pid: process.pid });
    expect(row.id).toMatch(new RegExp(`^${row.host}:${process.pid}:[0-9a-f]{8}$`));
    await until(
      async () => (await db.processHeartbeat.findUniqueOrThrow({ where: { id: row.id } })).beatAt > row.beatAt,
    );
    await stop();
    expect(await db.processHeartbeat.count()).toBe(0);
  });

  it("reports the age of the youngest worker's beat, none for consoles alone", async () => {
    const now = new Date();
    expect(await workerHeartbeatAgeMs(db, now)).toBeNull();
    await db.processHeartbeat.createMany({
      data: [
        { id: "a:1:x", role: "worker", host: "a", pid: 1, beatAt: new Date(now.getTime() - 90_000) },
        { id: "b:2:x", role: "worker", host: "b", pid: 2, beatAt: new Date(now.getTime() - 4_000) },
        { id: "c:3:x", role: "console", host: "c", pid: 3, beatAt: now },
      ],
    });
    expect(await workerHeartbeatAgeMs(db, now)).toBe(4_000);
    await db.processHeartbeat.deleteMany();
  });

  it("removes rows that stopped beating an hour ago, on start and by prune", async () => {
    const now = Date.now();
    const old = { role: "worker", host: "gone", pid: 9, beatAt: new Date(now - STALE_HEARTBEAT_MS - 1000) };
    const recent = { role: "worker", host: "alive", pid: 8, beatAt: new Date(now - 30 * 60_000) };
    await db.processHeartbeat.createMany({
      data: [
        { id: "gone:9:x", ...old },
        { id: "alive:8:x", ...recent },
      ],
    });
    const stop = await startHeartbeat(db, "worker", { intervalMs: 60_000 });
    const hosts = (await db.processHeartbeat.findMany({ select: { host: true } })).map((r) => r.host);
    expect(hosts.sort()).toEqual(["alive", os.hostname()].sort());
    await stop();
    await db.processHeartbeat.create({ data: { id: "gone:9:y", ...old } });
    expect(await pruneHeartbeats(db)).toBe(1);
    expect(await db.processHeartbeat.findMany({ select: { id: true } })).toEqual([{ id: "alive:8:x" }]);
    await db.processHeartbeat.deleteMany();
  });

  it("keeps beating after the row was removed behind its back (a host that slept), and stop is idempotent", async () => {
    const stop = await startHeartbeat(db, "worker", { intervalMs: 30 });
    await db.processHeartbeat.deleteMany();
    await until(async () => (await db.processHeartbeat.count({ where: { role: "worker" } })) === 1);
    await stop();
    await stop();
    expect(await db.processHeartbeat.count()).toBe(0);
  });
});
