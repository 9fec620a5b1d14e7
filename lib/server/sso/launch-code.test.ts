import { describe, expect, it } from "vitest";
import { acceptsLaunchCode } from "./launch-code";

const urls = (base: string, login = base) => ({ apiBaseUrl: base, v1BaseUrl: base, loginBaseUrl: login });

describe("acceptsLaunchCode", () => {
  it.each([
    "http://127.0.0.1:3100",
    "http://localhost:3100",
    "http://sandbox.localhost",
    "http://10.0.0.5",
    "http://[::1]:3100",
  ])("accepts %s when local endpoints are allowed", (base) => {
    expect(acceptsLaunchCode(urls(base), true)).toBe(true);
  });

  it("never when local endpoints are not allowed (production)", () => {
    expect(acceptsLaunchCode(urls("http://127.0.0.1:3100"), false)).toBe(false);
  });

  it("never for real DingTalk, nor when one base URL is public", () => {
    expect(
      acceptsLaunchCode(
        {
          apiBaseUrl: "https://oapi.dingtalk.com",
          v1BaseUrl: "https://api.dingtalk.com",
          loginBaseUrl: "https://login.dingtalk.com",
        },
        true,
      ),
    ).toBe(false);
    expect(acceptsLaunchCode(urls("http://127.0.0.1:3100", "https://login.dingtalk.com"), true)).toBe(false);
    expect(acceptsLaunchCode(urls("not a url"), true)).toBe(false);
  });
});
