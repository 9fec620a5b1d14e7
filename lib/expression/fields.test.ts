import { describe, expect, it } from "vitest";
import { compile } from "./compile";
import { hasPath, standardFields, type FieldCatalog } from "./fields";
import { expectError } from "./testing";

const catalog: FieldCatalog = {
  idpUser: { email: true, displayName: true, customFields: { work_place: true } },
  idpOrganizationalUnit: { organizationalUnitName: true },
};

describe("field catalogue", () => {
  it("accepts the paths it lists, and roots alone", () => {
    const source =
      "Append(idpUser.email, idpUser.customFields.work_place, idpOrganizationalUnit.organizationalUnitName)";
    expect(() => compile(source, { fields: catalog })).not.toThrow();
    expect(() => compile("ObjectToJsonString(idpUser.customFields)", { fields: catalog })).not.toThrow();
    expect(() => compile("ObjectToJsonString(idpUser)", { fields: catalog })).not.toThrow();
  });

  it.each([
    ["idpUser.emial", 0, 13, "idpUser.email"],
    ['Append("a", idpUser.customFields.work_palce)', 12, 43, "idpUser.customFields.work_place"],
    ["idpUser.customFeilds.work_place", 0, 31, "idpUser.customFields.work_place"],
    ["idpUser.nickname", 0, 16, undefined],
    ["idpUser.email.domain", 0, 20, undefined],
    ["idpUser.constructor", 0, 19, undefined],
    ["idpUser.__proto__", 0, 17, undefined],
  ])("%s is unknown_field at its range, suggesting %s", (source, start, end, suggestion) => {
    const error = expectError(source, { code: "unknown_field", start, end }, {}, { fields: catalog });
    expect(error.params).toEqual({ reason: "unknown_field", path: source.slice(start, end), suggestion });
  });

  const withAliases: FieldCatalog = {
    ...catalog,
    idpUser: { ...catalog.idpUser, jobTitle: true },
    aliases: { "idpUser.title": "idpUser.jobTitle", "idpUser.gone": "idpUser.nowhere", "idpUser.__proto__": "x" },
  };

  it.each([
    ["idpUser.work_place", "idpUser.customFields.work_place"],
    ["idpUser.workplace", "idpUser.customFields.work_place"],
    ["idpUser.title", "idpUser.jobTitle"],
    ["idpUser.Title", "idpUser.jobTitle"],
    ["idpUser.gone", undefined],
    ["idpUser.__proto__", undefined],
    ["idpUser.constructor", undefined],
    ["idpOrganizationalUnit.org_dept_owner", undefined],
  ])("suggests %s -> %s: a custom field of that name, the catalogue's alias, a near name", (source, suggestion) => {
    const error = expectError(
      source,
      { code: "unknown_field", start: 0, end: source.length },
      {},
      { fields: withAliases },
    );
    expect(error.params).toEqual({ reason: "unknown_field", path: source, suggestion });
  });

  it("prefers a custom field of the exact name over an alias", () => {
    const both: FieldCatalog = { ...withAliases, idpUser: { jobTitle: true, customFields: { title: true } } };
    const error = expectError("idpUser.title", { code: "unknown_field", start: 0, end: 13 }, {}, { fields: both });
    expect(error.params).toMatchObject({ suggestion: "idpUser.customFields.title" });
  });

  it("never accepts an alias itself", () => {
    expect(() => compile("idpUser.title", { fields: withAliases })).toThrow('did you mean "idpUser.jobTitle"?');
  });

  it("hasPath finds roots, fields and groups, and nothing through prototypes", () => {
    expect(hasPath(withAliases, "idpUser")).toBe(true);
    expect(hasPath(withAliases, "idpUser.customFields")).toBe(true);
    expect(hasPath(withAliases, "idpUser.customFields.work_place")).toBe(true);
    expect(hasPath(withAliases, "idpUser.email.domain")).toBe(false);
    expect(hasPath(withAliases, "idpUser.toString")).toBe(false);
    expect(hasPath(withAliases, "aliases")).toBe(false);
    expect(hasPath(withAliases, "__item.name")).toBe(false);
  });

  it("treats a variable missing from the catalogue as unavailable", () => {
    const userOnly: FieldCatalog = { idpUser: { email: true } };
    const error = expectError(
      "idpOrganizationalUnit.parentId",
      { code: "unknown_field", start: 0, end: 30 },
      {},
      {
        fields: userOnly,
      },
    );
    expect(error.message).toBe('Unknown field "idpOrganizationalUnit.parentId"');
  });

  it("does not check paths under __item", () => {
    expect(() => compile("ArrayMap(idpUser.email, __item.anything.at.all)", { fields: catalog })).not.toThrow();
  });

  it("without a catalogue, unknown fields read as null", () => {
    expect(compile("idpUser.nickname").evaluate({ idpUser: { email: "a" } })).toBeNull();
  });

  it("ships the variables of outbound sync", () => {
    expect(() =>
      compile("Append(idpUser.email, idpUser.phoneRegion, idpOrganizationalUnit.parentId)", { fields: standardFields }),
    ).not.toThrow();
    expect(() => compile("idpUser.mail", { fields: standardFields })).toThrow('did you mean "idpUser.email"?');
  });
});

describe("compiled.fields", () => {
  it("lists the idpUser and idpOrganizationalUnit paths read, once each, in order", () => {
    const compiled = compile(
      'IIF(idpUser.status == "enabled", Append(idpUser.displayName, idpOrganizationalUnit.organizationalUnitName, idpUser.displayName), Join(ArrayMap(idpUser.organizationalUnits, __item.organizationalUnitName), "/"))',
    );
    expect(compiled.fields).toEqual([
      "idpUser.status",
      "idpUser.displayName",
      "idpOrganizationalUnit.organizationalUnitName",
      "idpUser.organizationalUnits",
    ]);
  });

  it("is empty for an expression of literals", () => {
    expect(compile('Append("a", "b")').fields).toEqual([]);
  });
});
