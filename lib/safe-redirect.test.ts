import { describe, expect, it } from "vitest";
import { sameOriginRedirect, safeRedirectPath } from "./safe-redirect";

const origin = "http://localhost:3000";

// Each target as the page receives it (the query string already decoded), and where it may lead.
const refused: [name: string, value: string][] = [
  ["a backslash after the slash (/%5Cevil.example/pwn)", "/\\evil.example/pwn"],
  ["a tab between the slashes (/%09/evil.example/pwn)", "/\t/evil.example/pwn"],
  ["a newline between the slashes", "/\n/evil.example/pwn"],
  ["slash, backslash, slash (/\\/evil.example)", "/\\/evil.example"],
  ["two backslashes", "\\\\evil.example"],
  ["a protocol-relative URL", "//evil.example"],
  ["three slashes", "///evil.example"],
  ["a dot segment that leaves // in the path", "/.//evil.example"],
  ["an absolute URL on another host", "https://evil.example"],
  ["an absolute URL with our host as its user", "https://localhost:3000@evil.example/"],
  ["our host on another scheme", "https://localhost:3000/"],
  ["our host on another port", "http://localhost:3001/"],
  ["a javascript: URL", "javascript:alert(1)"],
  ["a javascript: URL with a tab in the scheme", "java\tscript:alert(1)"],
  ["a data: URL", "data:text/html,<script>alert(1)</script>"],
  ["a leading space before //", " //evil.example"],
  ["an empty value", ""],
  ["a value past 2048 characters", `/${"a".repeat(2048)}`],
];

const accepted: [name: string, value: string, path: string][] = [
  ["the dashboard", "/", "/"],
  ["a page", "/identity-providers", "/identity-providers"],
  ["a path with a query and a hash", "/directory/accounts?page=2&q=li#row-3", "/directory/accounts?page=2&q=li#row-3"],
  ["encoded slashes, which stay one path segment", "/%2F%2Fevil.example", "/%2F%2Fevil.example"],
  ["an encoded backslash, which stays encoded", "/%5Cevil.example/pwn", "/%5Cevil.example/pwn"],
  ["an absolute URL on our origin (next-auth's own callbackUrl)", `${origin}/sync-runs?x=1`, "/sync-runs?x=1"],
  ["a dot segment that stays on our origin", "/a/../audit-log", "/audit-log"],
];

describe("safeRedirectPath", () => {
  it.each(refused)("refuses %s", (_name, value) => {
    expect(safeRedirectPath(value, { origin })).toBe("/");
    expect(safeRedirectPath(value, { origin, fallback: "/portal" })).toBe("/portal");
  });

  it.each(accepted)("keeps %s", (_name, value, path) => {
    const result = safeRedirectPath(value, { origin });
    expect(result).toBe(path);
    // What the browser does with the result: it stays on our origin.
    expect(new URL(result, origin).origin).toBe(origin);
  });

  it("refuses a missing target and a fallback that is not ours", () => {
    expect(safeRedirectPath(undefined, { origin })).toBe("/");
    expect(safeRedirectPath(null, { origin, fallback: "/portal" })).toBe("/portal");
    expect(safeRedirectPath("//evil.example", { origin, fallback: "https://evil.example/" })).toBe("/");
  });

  it("compares with the origin it is given, path or no path", () => {
    expect(safeRedirectPath("https://console.example.com/a", { origin: "https://console.example.com" })).toBe("/a");
    expect(safeRedirectPath("https://console.example.com/a", { origin: "https://console.example.com/base/" })).toBe(
      "/a",
    );
    expect(safeRedirectPath("https://console.example.com/a", { origin })).toBe("/");
  });
});

describe("sameOriginRedirect (next-auth's redirect callback)", () => {
  const baseUrl = origin;
  it.each(refused)("sends %s home", (_name, url) => {
    expect(sameOriginRedirect({ url, baseUrl })).toBe(`${origin}/`);
  });

  it.each(accepted)("keeps %s, as an absolute URL on our origin", (_name, url, path) => {
    expect(sameOriginRedirect({ url, baseUrl })).toBe(`${origin}${path}`);
  });
});
