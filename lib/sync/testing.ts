// Test helpers: an in-memory SyncStore and builders for source objects.
import type { SyncStore } from "./store";
import { userRule, type MappingRule } from "@/lib/mapping";
import type { BindingRecord, ObjectType, SourceAccount, SourceOu, SyncRecordInput } from "./types";

/** SyncStore in memory, with the database's two unique keys per object type. */
export class MemorySyncStore implements SyncStore {
  readonly bindings = new Map<string, BindingRecord>();
  readonly records: SyncRecordInput[] = [];

  private key(objectType: ObjectType, localId: string): string {
    return `${objectType}:${localId}`;
  }

  async writeBinding(binding: BindingRecord): Promise<void> {
    for (const [k, b] of this.bindings) {
      if (b.objectType === binding.objectType && b.remoteId === binding.remoteId && b.localId !== binding.localId) {
        throw new Error(`remote ${binding.remoteId} is already bound to ${b.localId} (unique ${k})`);
      }
    }
    this.bindings.set(this.key(binding.objectType, binding.localId), { ...binding });
  }

  async deleteBinding(objectType: ObjectType, localId: string): Promise<void> {
    this.bindings.delete(this.key(objectType, localId));
  }

  async findBindingByRemote(objectType: ObjectType, remoteId: string): Promise<BindingRecord | null> {
    for (const b of this.bindings.values()) if (b.objectType === objectType && b.remoteId === remoteId) return { ...b };
    return null;
  }

  async writeRecord(record: SyncRecordInput): Promise<void> {
    this.records.push(record);
  }

  list(): BindingRecord[] {
    return [...this.bindings.values()].map((b) => ({ ...b }));
  }

  binding(objectType: ObjectType, localId: string): BindingRecord | undefined {
    return this.bindings.get(this.key(objectType, localId));
  }
}

export function ou(
  id: string,
  name: string,
  parentId: string | null,
  order = 0,
  externalId: string | null = null,
): SourceOu {
  return { id, name, parentId, order, externalId, description: null };
}

export function account(
  id: string,
  username: string,
  ouIds: string[],
  extra: Partial<SourceAccount> = {},
): SourceAccount {
  return {
    id,
    userId: id,
    username,
    displayName: username,
    email: null,
    phoneNumber: null,
    phoneRegion: "86",
    employeeNumber: null,
    jobTitle: null,
    userExternalId: null,
    status: "enabled",
    description: null,
    primaryOrganizationalUnitId: ouIds[0] ?? null,
    organizationalUnits: ouIds.map((organizationalUnitId) => ({
      organizationalUnitId,
      organizationalUnitName: organizationalUnitId,
    })),
    createTime: 0,
    updateTime: 0,
    customFields: {},
    ouIds,
    primaryOuId: ouIds[0] ?? null,
    ...extra,
  };
}

/** The wizard's default user rules (Name, Mobile, Email, Title, Job number), identifier as given. */
export function defaultRules(identifier: "email" | "mobile" | "job_number" | "userid" = "email"): MappingRule[] {
  const field = (targetField: string, source: string) =>
    userRule(targetField, source, { isMappingIdentifier: targetField === identifier });
  const rules = [
    field("name", "idpUser.displayName"),
    field("mobile", "idpUser.phoneNumber"),
    field("email", "idpUser.email"),
    field("title", "idpUser.jobTitle"),
    field("job_number", "idpUser.employeeNumber"),
  ];
  if (identifier === "userid") rules.push(field("userid", "idpUser.username"));
  return rules;
}
