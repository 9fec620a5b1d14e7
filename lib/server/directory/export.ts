import type { Db } from "../prisma-client";
import { loadCustomFieldDefinitions } from "./accounts";
import { ACCOUNT_COLUMNS, CUSTOM_COLUMN_PREFIX, OU_COLUMNS, toCsv } from "./csv-format";
import { loadOuPaths } from "./ou-paths";

export async function exportAccountsCsv(db: Db): Promise<string> {
  const [paths, defs, accounts] = await Promise.all([
    loadOuPaths(db),
    loadCustomFieldDefinitions(db),
    db.account.findMany({ orderBy: { username: "asc" }, include: { memberships: true } }),
  ]);
  const columns = [...ACCOUNT_COLUMNS, ...defs.map((d) => `${CUSTOM_COLUMN_PREFIX}${d.id}`)];
  const rows = accounts.map((a) => {
    const custom = JSON.parse(a.customFields) as Record<string, string>;
    const primary = a.memberships.find((m) => m.isPrimary);
    return {
      username: a.username,
      displayName: a.displayName,
      email: a.email,
      phoneRegion: a.phoneRegion,
      phoneNumber: a.phoneNumber,
      employeeNumber: a.employeeNumber,
      jobTitle: a.jobTitle,
      externalId: a.externalId,
      status: a.status,
      description: a.description,
      primaryOrganization: primary ? paths.pathById.get(primary.ouId) : "",
      organizations: a.memberships.map((m) => paths.pathById.get(m.ouId)).join(";"),
      ...Object.fromEntries(defs.map((d) => [`${CUSTOM_COLUMN_PREFIX}${d.id}`, custom[d.id] ?? ""])),
    };
  });
  return toCsv(columns, rows);
}

export async function exportOusCsv(db: Db): Promise<string> {
  const [paths, ous] = await Promise.all([loadOuPaths(db), db.organizationalUnit.findMany()]);
  const rows = ous
    .map((o) => ({
      path: paths.pathById.get(o.id)!,
      externalId: o.externalId,
      description: o.description,
      order: o.order,
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
  return toCsv([...OU_COLUMNS], rows);
}

export function accountsCsvTemplate(customFieldIds: string[]): string {
  const columns = [...ACCOUNT_COLUMNS, ...customFieldIds.map((id) => `${CUSTOM_COLUMN_PREFIX}${id}`)];
  return toCsv(columns, [
    {
      username: "zhang.san",
      displayName: "张三",
      email: "zhang.san@example.com",
      phoneRegion: "86",
      phoneNumber: "13800000000",
      employeeNumber: "E1001",
      jobTitle: "Engineer",
      status: "enabled",
      primaryOrganization: "Acme Group/Research & Development",
      organizations: "Acme Group/Research & Development",
    },
  ]);
}

export function ousCsvTemplate(): string {
  return toCsv(
    [...OU_COLUMNS],
    [{ path: "Acme Group/Research & Development/Platform", externalId: "ou-rd-platform", description: "", order: 10 }],
  );
}
