import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CallGateRequest } from "./config";
import type { CallGate } from "./limiter";
import { TestSandbox } from "./sandbox/testing";

let sb: TestSandbox;
beforeAll(async () => {
  sb = await TestSandbox.start();
});
afterAll(() => sb.close());

/** A gate that lets every call through at once and records what it was asked and how many calls ran at a time. */
function recordingGate() {
  const requests: CallGateRequest[] = [];
  let scheduled = 0;
  let running = 0;
  let maxRunning = 0;
  const gateFor = (request: CallGateRequest): CallGate => {
    requests.push(request);
    return {
      async schedule<T>(fn: () => Promise<T>): Promise<T> {
        scheduled += 1;
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        try {
          return await fn();
        } finally {
          running -= 1;
        }
      },
    };
  };
  return { gateFor, requests, counts: () => ({ scheduled, maxRunning }) };
}

describe("an injected call gate", () => {
  it("spaces every call of the app, token included, asked once per API host with the client's rate", async () => {
    const corp = await sb.corp();
    const gate = recordingGate();
    const client = sb.client(corp, { qps: 7, gateFor: gate.gateFor });
    await Promise.all(Array.from({ length: 5 }, () => client.getDepartment(1)));
    expect(gate.requests).toEqual([{ baseUrl: new URL(sb.url).href, appKey: corp.appKey, qps: 7 }]);
    const calls = await sb.calls(corp.corpId);
    expect(calls.total).toBe(6); // the token and five reads
    expect(gate.counts().scheduled).toBe(6);
  });

  it("keeps the client's in-flight cap around it", async () => {
    const corp = await sb.corp({ faults: { latencyMs: 30 } });
    const gate = recordingGate();
    const client = sb.client(corp, { qps: 1000, concurrency: 2, gateFor: gate.gateFor });
    await Promise.all(Array.from({ length: 8 }, () => client.getDepartment(1)));
    expect(gate.counts().scheduled).toBe(9);
    expect(gate.counts().maxRunning).toBeLessThanOrEqual(2);
  });

  it("is not asked when the client has no rate to keep (qps 0)", async () => {
    const corp = await sb.corp();
    const gate = recordingGate();
    const client = sb.client(corp, { qps: 0, gateFor: gate.gateFor });
    await client.getDepartment(1);
    expect(gate.requests).toEqual([]);
    expect(gate.counts().scheduled).toBe(0);
  });
});
