import type { TAccountInput } from "@/lib/schemas/account";
import type { Db } from "../prisma-client";
import { loadOuPaths } from "./ou-paths";

/** An account as the edit form wants it, with the paths of its OUs. */
export async function getAccountForForm(
  db: Db,
  id: string,
): Promise<{ defaults: TAccountInput; ouNames: Record<string, string> } | null> {
  const a = await db.account.findUnique({ where: { id }, include: { memberships: true } });
  if (!a) return null;
  const { pathById } = await loadOuPaths(db);
  return {
    defaults: {
      username: a.username,
      displayName: a.displayName,
      email: a.email ?? "",
      phoneRegion: a.phoneRegion ?? "86",
      phoneNumber: a.phoneNumber ?? "",
      employeeNumber: a.employeeNumber ?? "",
      jobTitle: a.jobTitle ?? "",
      externalId: a.externalId ?? "",
      status: a.status === "disabled" ? "disabled" : "enabled",
      description: a.description ?? "",
      ouIds: a.memberships.map((m) => m.ouId),
      primaryOuId: a.memberships.find((m) => m.isPrimary)?.ouId ?? null,
      customFields: JSON.parse(a.customFields) as Record<string, string>,
    },
    ouNames: Object.fromEntries(a.memberships.map((m) => [m.ouId, pathById.get(m.ouId) ?? m.ouId])),
  };
}

export const EMPTY_ACCOUNT: TAccountInput = {
  username: "",
  displayName: "",
  email: "",
  phoneRegion: "86",
  phoneNumber: "",
  employeeNumber: "",
  jobTitle: "",
  externalId: "",
  status: "enabled",
  description: "",
  ouIds: [],
  primaryOuId: null,
  customFields: {},
};
