import type { BindingRecord, ObjectType, SyncRecordInput, SyncStore } from "@/lib/sync";
import type { Db } from "../prisma-client";

/** SyncStore on the console's database, for one IdP and one run. */
export class PrismaSyncStore implements SyncStore {
  constructor(
    private readonly db: Db,
    private readonly idpId: string,
    private readonly runId: string,
    private readonly isDryRun: boolean,
  ) {}

  async writeBinding(b: BindingRecord): Promise<void> {
    if (this.isDryRun) return;
    // A remote object held by another local object would break the unique index: release it first.
    await this.db.binding.deleteMany({ where: { idpId: this.idpId, objectType: b.objectType, remoteId: b.remoteId, localId: { not: b.localId } } });
    await this.db.binding.upsert({
      where: { idpId_objectType_localId: { idpId: this.idpId, objectType: b.objectType, localId: b.localId } },
      create: { idpId: this.idpId, objectType: b.objectType, localId: b.localId, remoteId: b.remoteId, contentHash: b.contentHash, lastSyncedAt: new Date() },
      update: { remoteId: b.remoteId, contentHash: b.contentHash, lastSyncedAt: new Date() },
    });
  }

  async deleteBinding(objectType: ObjectType, localId: string): Promise<void> {
    if (this.isDryRun) return;
    await this.db.binding.deleteMany({ where: { idpId: this.idpId, objectType, localId } });
  }

  async findBindingByRemote(objectType: ObjectType, remoteId: string): Promise<BindingRecord | null> {
    const b = await this.db.binding.findUnique({ where: { idpId_objectType_remoteId: { idpId: this.idpId, objectType, remoteId } } });
    return b && { objectType: b.objectType as ObjectType, localId: b.localId, remoteId: b.remoteId, contentHash: b.contentHash };
  }

  async writeRecord(r: SyncRecordInput): Promise<void> {
    await this.db.syncRecord.create({
      data: {
        runId: this.runId,
        objectType: r.objectType,
        localId: r.localId,
        remoteId: r.remoteId,
        displayName: r.displayName,
        action: r.action,
        status: r.status,
        reason: JSON.stringify(r.reason),
        errcode: r.errcode,
        errorMessage: r.errorMessage,
        diff: JSON.stringify(r.diff),
      },
    });
  }
}
