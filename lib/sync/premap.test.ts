import { describe, expect, it } from "vitest";
import { mappingFieldCatalog, userRule } from "@/lib/mapping";
import { compileSyncRules, mapOuName, mapUser, premapSources } from "./mapping";
import { account, defaultRules, ou } from "./testing";

const rules = () =>
  compileSyncRules(
    defaultRules("userid").map((r) =>
      r.targetField === "title" ? userRule("title", 'Append(idpUser.jobTitle, "!")', { kind: "expression" }) : r,
    ),
    mappingFieldCatalog([]),
  );

describe("premapSources", () => {
  const accounts = Array.from({ length: 50 }, (_, i) => account(`a${i}`, `user${i}`, ["root"], { jobTitle: `T${i}` }));
  const ous = [ou("root", "Root", null), ou("team", "Team", "root")];

  it("maps every account and OU once, and planning reuses those mappings", async () => {
    const compiled = rules();
    await premapSources({ accounts, ous }, compiled, { sliceMs: 0 });
    const mapped = mapUser(accounts[7], compiled);
    expect(mapped.fields.title).toBe("T7!");
    // The same object again: nothing is evaluated twice.
    expect(mapUser(accounts[7], compiled)).toBe(mapped);
    expect(mapOuName(ous[1], compiled)).toBe(mapOuName(ous[1], compiled));
    // Another rule set maps afresh.
    expect(mapUser(accounts[7], rules())).not.toBe(mapped);
  });

  it("hands the event loop back while it maps", async () => {
    // Queued before mapping starts: it runs during the mapping only if the mapping yields a macrotask turn.
    let isMapping = true;
    let ranDuringMapping = false;
    setImmediate(() => (ranDuringMapping = isMapping));
    await premapSources({ accounts, ous }, rules(), { sliceMs: 0 });
    isMapping = false;
    expect(ranDuringMapping).toBe(true);
  });

  it("stops when the run is cancelled", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      premapSources({ accounts, ous }, rules(), { sliceMs: 0, signal: controller.signal }),
    ).rejects.toThrow();
  });
});
