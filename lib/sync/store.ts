import type { DingTalkClient } from "@/lib/dingtalk";
import type { BindingRecord, ObjectType, SyncRecordInput } from "./types";

/** Where apply keeps bindings and records; lib/server implements it with Prisma. */
export type SyncStore = {
  /** Insert or replace the binding of (objectType, localId). Called right after each successful create. */
  writeBinding(binding: BindingRecord): Promise<void>;
  deleteBinding(objectType: ObjectType, localId: string): Promise<void>;
  /** The binding that holds a DingTalk object, to refuse binding it to a second local object. */
  findBindingByRemote(objectType: ObjectType, remoteId: string): Promise<BindingRecord | null>;
  /** One record per object per run. */
  writeRecord(record: SyncRecordInput): Promise<void>;
};

/** The DingTalk calls apply makes (a DingTalkClient has them all). */
export type ApplyClient = Pick<
  DingTalkClient,
  | "isDryRun"
  | "createDepartment"
  | "updateDepartment"
  | "deleteDepartment"
  | "listSubDepartments"
  | "createUser"
  | "updateUser"
  | "getUser"
  | "deleteUser"
  | "getUseridByMobile"
>;
