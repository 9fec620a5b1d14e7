// In-app SSO's authorize against the sandbox and a real migrated database: the limits stand
// between a flood of junk codes and DingTalk, and the IdP's switch refuses before DingTalk is asked.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TestSandbox, type TestCorp } from "@/lib/dingtalk/sandbox/testing";
import type { Db } from "../prisma-client";
import { SIGN_IN_LIMITS, SignInLimits, type LimitRules } from "../rate-limit";
import { createTestDb } from "../test-db";
import { authorizeInApp } from "./inapp-provider";
import { SsoRefusal } from "./refusal";

const GETUSERINFO = "/topapi/v2/user/getuserinfo";

let db: Db;
let cleanup: () => Promise<void>;
let sb: TestSandbox;

beforeAll(async () => {
  ({ db, cleanup } = await createTestDb());
  sb = await TestSandbox.start();
});
afterAll(async () => {
  await sb.close();
  await cleanup();
});

/** A fresh corp and an enabled IdP bound to it (one per test, so call counts and limits start at zero). */
async function setup(options: { inAppSso?: boolean } = {}) {
  const corp = await sb.corp();
  const idp = await db.identityProvider.create({
    data: {
      displayName: "Sandbox",
      corpId: corp.corpId,
      appKey: corp.appKey,
      appSecretEncrypted: "unused: the test hands authorize the sandbox's client",
      status: "enabled",
      inAppSso: options.inAppSso ?? true,
    },
  });
  return { corp, idpId: idp.id };
}

function deps(corp: TestCorp, rules: Partial<LimitRules>) {
  return { db, limits: new SignInLimits(db, { ...SIGN_IN_LIMITS, ...rules }), clientFor: () => sb.client(corp) };
}

async function getUserInfoCalls(corpId: string): Promise<number> {
  const counts = (await sb.calls(corpId)).byPath[GETUSERINFO] ?? {};
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

/** The refusal code authorize threw, or "ok". */
async function outcome(promise: Promise<unknown>): Promise<string> {
  return promise.then(
    () => "ok",
    (err: unknown) => (err instanceof SsoRefusal ? err.code : String(err)),
  );
}

function tally(outcomes: string[]): Record<string, number> {
  return outcomes.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o]: (acc[o] ?? 0) + 1 }), {});
}

async function refusalRows(idpId: string): Promise<string[]> {
  const rows = await db.auditLog.findMany({ where: { action: "auth.sign_in_refused" } });
  return rows
    .map((r) => JSON.parse(r.details) as { idpId?: string; reason?: string })
    .filter((d) => d.idpId === idpId)
    .map((d) => d.reason ?? "");
}

describe("in-app SSO under a flood", () => {
  it("200 junk codes for one IdP from many IPs: DingTalk is asked at most the IdP's limit, audited once past it", async () => {
    const { corp, idpId } = await setup();
    const perIdp = 5;
    const d = deps(corp, { inAppPerIdp: { points: perIdp, durationS: 60 } });
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        outcome(authorizeInApp(d, { idpId, code: `junk-${i}` }, `10.1.${Math.floor(i / 100)}.${i % 100}`)),
      ),
    );
    expect(tally(results)).toEqual({ code_invalid: perIdp, rate_limited: 200 - perIdp });
    expect(await getUserInfoCalls(corp.corpId)).toBe(perIdp);
    expect(tally(await refusalRows(idpId))).toEqual({ code_invalid: perIdp, rate_limited: 1 });
  });

  it("one client IP: the N+1th code is refused before the IdP is read or DingTalk asked", async () => {
    const { corp, idpId } = await setup();
    const perIp = 3;
    const d = deps(corp, { inAppPerIp: { points: perIp, durationS: 60 } });
    const results = [];
    for (let i = 0; i < 50; i++)
      results.push(await outcome(authorizeInApp(d, { idpId, code: `junk-${i}` }, "203.0.113.9")));
    expect(tally(results)).toEqual({ code_invalid: perIp, rate_limited: 50 - perIp });
    expect(await getUserInfoCalls(corp.corpId)).toBe(perIp);
    // Another client still gets through to DingTalk.
    expect(await outcome(authorizeInApp(d, { idpId, code: "junk-other" }, "203.0.113.10"))).toBe("code_invalid");
    expect(await getUserInfoCalls(corp.corpId)).toBe(perIp + 1);
  });

  it("a bound user still signs in with a good code", async () => {
    const { corp, idpId } = await setup();
    const account = await db.account.create({ data: { username: `ann-${idpId}`, displayName: "Ann" } });
    await sb.client(corp).createUser({ userid: "ann", name: "Ann", deptIdList: [1] });
    await db.binding.create({ data: { idpId, objectType: "user", localId: account.id, remoteId: "ann" } });
    const { code } = await sb.admin<{ code: string }>("POST", "/_sandbox/sso-code", {
      corpId: corp.corpId,
      userid: "ann",
    });
    const user = await authorizeInApp(deps(corp, {}), { idpId, code }, "198.51.100.1");
    expect(user).toMatchObject({ id: account.id, kind: "account" });
  });
});

describe("the IdP's in-app SSO switch", () => {
  it("off: refused as inapp_off without a DingTalk call, and audited", async () => {
    const { corp, idpId } = await setup({ inAppSso: false });
    expect(await outcome(authorizeInApp(deps(corp, {}), { idpId, code: "a-code" }, "198.51.100.2"))).toBe("inapp_off");
    expect(await getUserInfoCalls(corp.corpId)).toBe(0);
    expect(await refusalRows(idpId)).toEqual(["inapp_off"]);
  });

  it("back on: the same IdP asks DingTalk again", async () => {
    const { corp, idpId } = await setup({ inAppSso: false });
    await db.identityProvider.update({ where: { id: idpId }, data: { inAppSso: true } });
    expect(await outcome(authorizeInApp(deps(corp, {}), { idpId, code: "junk" }, "198.51.100.3"))).toBe("code_invalid");
    expect(await getUserInfoCalls(corp.corpId)).toBe(1);
  });
});
