import { describe, expect, it } from "vitest";
import { compile } from "./compile";
import { run } from "./testing";

// Evaluation never reaches JavaScript globals, prototypes or functions: only
// own properties of plain data, only the functions of the language.
describe("prototype and constructor access", () => {
  const user = { email: "a@b.c", units: [{ name: "x" }] };

  it.each([
    "idpUser.__proto__",
    "idpUser.constructor",
    "idpUser.constructor.name",
    "idpUser.constructor.constructor",
    "idpUser.toString",
    "idpUser.hasOwnProperty",
    "idpUser.valueOf",
    "idpUser.__defineGetter__",
    "idpUser.email.length",
    "idpUser.email.constructor",
    "idpUser.units.length",
    "idpUser.units.map",
    "idpUser.units.constructor",
    "idpOrganizationalUnit.__proto__.__proto__",
  ])("%s reads as null", (source) => {
    expect(run(source, user)).toBeNull();
  });

  it.each(["__item.toString", "__item.constructor", "__item.__proto__", "__item.length", "__item.name.constructor"])(
    "%s reads as null inside ArrayMap",
    (path) => {
      expect(run(`ArrayMap(idpUser.units, ${path})`, user)).toEqual([null]);
    },
  );

  it("does not read the prototype of an object created without one or through a class", () => {
    class Account {
      hidden() {
        return "method";
      }
    }
    const account = Object.assign(new Account(), { email: "a@b.c" });
    expect(run("idpUser.hidden", account)).toBeNull();
    expect(run("idpUser.email", account)).toBe("a@b.c");
    const bare = Object.assign(Object.create(null) as object, { email: "x" });
    expect(run("idpUser.email", bare)).toBe("x");
  });

  it("reads an own property named __proto__ as the data it is", () => {
    const parsed = JSON.parse('{"__proto__": {"polluted": true}}') as object;
    expect(run("ObjectToJsonString(idpUser.__proto__)", parsed)).toBe('{"polluted":true}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("never returns a function, a symbol or a getter's work from the scope", () => {
    let called = false;
    const user = {
      fn: () => "x",
      sym: Symbol("s"),
      get lazy() {
        called = true;
        return "x";
      },
    };
    Object.defineProperty(user, "lazy", { enumerable: false });
    expect(run("idpUser.fn", user)).toBeNull();
    expect(run("idpUser.sym", user)).toBeNull();
    expect(run("idpUser.lazy", user)).toBeNull();
    expect(called).toBe(false);
  });

  it("does not offer JavaScript functions or globals as names", () => {
    for (const source of ["constructor(1)", 'eval("1")', 'Function("1")', "globalThis", "window.location", "process"]) {
      expect(() => compile(source)).toThrow();
    }
  });

  it("does not leak a value written by the expression into other evaluations", () => {
    const compiled = compile("ArrayMap(idpUser.units, __item.name)");
    expect(compiled.evaluate({ idpUser: user })).toEqual(["x"]);
    expect(compiled.evaluate({ idpUser: { units: [{}] } })).toEqual([null]);
  });
});
