import bcryptjs from "bcryptjs";
import { describe, expect, it } from "vitest";
import { hashPassword, verifyNobody, verifyPassword } from "./passwords";

// Administrators created before @node-rs/bcrypt have hashes bcryptjs wrote: they must keep working.
describe("passwords (@node-rs/bcrypt)", () => {
  it("verifies a $2b$ hash bcryptjs wrote, and refuses a wrong password", async () => {
    const stored = bcryptjs.hashSync("correct horse battery staple", 12);
    expect(stored.startsWith("$2b$12$")).toBe(true);
    expect(await verifyPassword("correct horse battery staple", stored)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", stored)).toBe(false);
  });

  it("verifies a $2a$ hash (bcryptjs 2's prefix, the same algorithm)", async () => {
    const stored = bcryptjs.hashSync("dingtalk-demo", 10).replace(/^\$2b\$/, "$2a$");
    expect(await verifyPassword("dingtalk-demo", stored)).toBe(true);
    expect(await verifyPassword("dingtalk-dem0", stored)).toBe(false);
  });

  it("writes cost-12 hashes that bcryptjs reads too (rolling back keeps passwords working)", async () => {
    const stored = await hashPassword("a-long-password");
    expect(stored).toMatch(/^\$2b\$12\$/);
    expect(bcryptjs.compareSync("a-long-password", stored)).toBe(true);
    expect(await verifyPassword("a-long-password", stored)).toBe(true);
  });

  it("answers false, not an error, for a stored value that is not a bcrypt hash", async () => {
    expect(await verifyPassword("anything", "not-a-bcrypt-hash")).toBe(false);
    expect(await verifyPassword("anything", "")).toBe(false);
  });

  it("an unknown e-mail's verification is a real one that never matches", async () => {
    expect(await verifyNobody("dingtalk-demo")).toBe(false);
    expect(await verifyNobody("")).toBe(false);
  });
});
