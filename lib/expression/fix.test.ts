import { describe, expect, it } from "vitest";
import { compile } from "./compile";
import type { FieldCatalog } from "./fields";
import { suggestedFix } from "./fix";
import { caught } from "./testing";

const fields: FieldCatalog = {
  idpUser: { email: true, jobTitle: true, customFields: { work_place: true } },
  aliases: { "idpUser.title": "idpUser.jobTitle" },
};

function fixed(source: string): string | undefined {
  const error = caught(() => compile(source, { fields }));
  return suggestedFix(source, error.params, error)?.source;
}

describe("suggestedFix", () => {
  it.each([
    ['SubstringBefore(idpUser.emial, "@")', 'SubstringBefore(idpUser.email, "@")'],
    ["Trim(idpUser.title)", "Trim(idpUser.jobTitle)"],
    ["idpUser.work_place", "idpUser.customFields.work_place"],
    ['substringBefore(idpUser.email, "@")', 'SubstringBefore(idpUser.email, "@")'],
    ["Trim(idpuser.email)", "Trim(idpUser.email)"],
  ])("%s -> %s", (source, expected) => {
    expect(fixed(source)).toBe(expected);
    expect(() => compile(expected, { fields })).not.toThrow();
  });

  it.each([["idpUser.nickname"], ["Trim(idpUser.email"], ["Frobnicate(idpUser.email)"], ["Trim(1, 2)"]])(
    "%s has no suggestion to apply",
    (source) => {
      expect(fixed(source)).toBeUndefined();
    },
  );

  it("names what it puts in: the corrected name, or the corrected path for a variable", () => {
    const error = caught(() => compile("Trim(idpuser.email)", { fields }));
    expect(suggestedFix("Trim(idpuser.email)", error.params, error)?.text).toBe("idpUser.email");
    const field = caught(() => compile("Trim(idpUser.title)", { fields }));
    expect(suggestedFix("Trim(idpUser.title)", field.params, field)?.text).toBe("idpUser.jobTitle");
  });
});
