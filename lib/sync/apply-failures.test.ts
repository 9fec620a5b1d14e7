// Apply with a scripted client: failures stay with their object; a quota error stops the run.
import { describe, expect, it } from "vitest";
import { DingTalkError, type DingTalkClient } from "@/lib/dingtalk";
import { applyPlan } from "./apply";
import { planSync } from "./plan";
import type { ApplyClient } from "./store";
import { account, defaultRules, MemorySyncStore, ou } from "./testing";
import type { PlanInput } from "./types";

const apiError = (errcode: number, kind: DingTalkError["kind"]) =>
  new DingTalkError({ code: "api_error", kind, errcode });

/** Succeeds at everything except what `fail` says, and logs each call. */
function scripted(fail: (call: string, arg: unknown) => DingTalkError | undefined) {
  const calls: string[] = [];
  let nextDept = 500;
  const step = async <T>(call: string, arg: unknown, value: T): Promise<T> => {
    calls.push(call);
    const err = fail(call, arg);
    if (err) throw err;
    return value;
  };
  const client = {
    isDryRun: false,
    createDepartment: (input: { name: string }) => step("createDepartment", input, nextDept++),
    updateDepartment: (input: unknown) => step("updateDepartment", input, undefined),
    deleteDepartment: (id: number) => step("deleteDepartment", id, undefined),
    listSubDepartments: (id: number) => step("listSubDepartments", id, []),
    createUser: (input: { userid: string }) => step("createUser", input, { userid: input.userid, unionId: undefined }),
    updateUser: (input: unknown) => step("updateUser", input, undefined),
    getUser: (userid: string) => step("getUser", userid, undefined as never),
    deleteUser: (userid: string) => step("deleteUser", userid, undefined),
    getUseridByMobile: (mobile: string) => step("getUseridByMobile", mobile, ""),
  } satisfies Partial<Record<keyof ApplyClient, unknown>>;
  return { client: client as unknown as Pick<DingTalkClient, keyof ApplyClient>, calls };
}

const input: PlanInput = {
  sourceRootIds: ["root"],
  ous: [
    ou("root", "Acme", null),
    ou("eng", "Engineering", "root", 1),
    ou("be", "Backend", "eng"),
    ou("sales", "Sales", "root", 2),
  ],
  accounts: [account("a1", "alice", ["be"]), account("a2", "bob", ["sales"]), account("a3", "carol", ["root"])],
  rules: defaultRules(),
  snapshot: { targetDeptId: 1, targetLevel: 1, departments: [], users: [] },
  bindings: [],
};

describe("applyPlan failures", () => {
  it("fails a department and what depends on it, and carries on with the others", async () => {
    const { client } = scripted((call, arg) =>
      call === "createDepartment" && (arg as { name: string }).name === "Engineering"
        ? apiError(60001, "invalid")
        : undefined,
    );
    const store = new MemorySyncStore();
    const result = await applyPlan({ plan: planSync(input), client, store });
    expect(result).toMatchObject({ status: "partially_succeeded", failed: 3, created: 3 });
    expect(store.records.map((r) => [r.localId, r.status, r.errcode ?? r.reason.code])).toEqual([
      ["eng", "failed", 60001],
      ["sales", "succeeded", "new"],
      ["be", "failed", "department_not_created"],
      ["a1", "failed", "department_not_created"],
      ["a2", "succeeded", "new"],
      ["a3", "succeeded", "new"],
    ]);
    expect(
      store
        .list()
        .map((b) => b.localId)
        .sort(),
    ).toEqual(["a2", "a3", "sales"]);
  });

  it("stops the run on a used-up quota and skips the rest with a record each", async () => {
    const { client, calls } = scripted((call) => (call === "createUser" ? apiError(90020, "quota") : undefined));
    const store = new MemorySyncStore();
    // One write at a time: with a pool, the writes already in flight when the quota runs out also answer 90020.
    const result = await applyPlan({ plan: planSync(input), client, store, concurrency: 1 });
    expect(result.status).toBe("failed");
    expect(result.stoppedBy).toMatchObject({ errcode: 90020, localId: "a1" });
    expect(calls.filter((c) => c === "createUser")).toHaveLength(1);
    expect(store.records.slice(-2).map((r) => [r.status, r.reason.code])).toEqual([
      ["skipped", "run_stopped"],
      ["skipped", "run_stopped"],
    ]);
  });
});
