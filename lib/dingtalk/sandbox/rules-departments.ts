// DingTalk's department rules: name 1-64 without '-' or ',', unique among siblings,
// 20 levels deep, 1,000 sub-departments, no delete of root or non-empty departments.
import { ApiFailure, type SandboxCorp, type SandboxDepartment } from "./types";
import { bool, int, optionalInt, optionalString } from "./validate";

export const MAX_DEPTH = 20;

export type DepartmentLimits = { maxSubDepartments: number };

export function getDept(corp: SandboxCorp, deptId: number): SandboxDepartment {
  const dept = corp.departments[String(deptId)];
  if (!dept) throw new ApiFailure(60003, "department not found");
  return dept;
}

export function children(corp: SandboxCorp, deptId: number): SandboxDepartment[] {
  return Object.values(corp.departments)
    .filter((d) => d.parent_id === deptId && d.dept_id !== deptId)
    .sort((a, b) => a.order - b.order || a.dept_id - b.dept_id);
}

/** Level of a department: root is 1. */
export function depthOf(corp: SandboxCorp, deptId: number): number {
  let depth = 1;
  for (let d = getDept(corp, deptId); d.parent_id !== 0; d = getDept(corp, d.parent_id)) depth += 1;
  return depth;
}

export function ancestorsOf(corp: SandboxCorp, deptId: number): number[] {
  const chain = [deptId];
  for (let d = getDept(corp, deptId); d.parent_id !== 0; d = getDept(corp, d.parent_id)) chain.push(d.parent_id);
  return chain;
}

function subtreeHeight(corp: SandboxCorp, deptId: number): number {
  return 1 + Math.max(0, ...children(corp, deptId).map((c) => subtreeHeight(corp, c.dept_id)));
}

function checkName(corp: SandboxCorp, name: string, parentId: number, selfId?: number): void {
  if (name.length < 1 || name.length > 64 || /[-,]/.test(name)) {
    throw new ApiFailure(60001, "invalid department name: 1-64 characters without '-' or ','");
  }
  if (children(corp, parentId).some((c) => c.name === name && c.dept_id !== selfId)) {
    throw new ApiFailure(60008, "a department with this name already exists under the parent");
  }
}

function parentOf(corp: SandboxCorp, parentId: number): SandboxDepartment {
  const parent = corp.departments[String(parentId)];
  if (!parent) throw new ApiFailure(60004, "parent department not found");
  return parent;
}

function applyOptional(dept: SandboxDepartment, body: Record<string, unknown>): void {
  const order = optionalInt(body, "order");
  if (order !== undefined) dept.order = order;
  const source = optionalString(body, "source_identifier", 100);
  if (source !== undefined) dept.source_identifier = source;
  for (const key of ["hide_dept", "create_dept_group", "outer_dept"] as const) {
    if (body[key] !== undefined) dept[key] = bool(body, key);
  }
}

export function createDepartment(corp: SandboxCorp, body: Record<string, unknown>, limits: DepartmentLimits): number {
  const name = optionalString(body, "name", 1000) ?? "";
  const parentId = int(body, "parent_id");
  parentOf(corp, parentId);
  checkName(corp, name, parentId);
  if (depthOf(corp, parentId) + 1 > MAX_DEPTH)
    throw new ApiFailure(60002, `departments may be at most ${MAX_DEPTH} levels deep`);
  if (children(corp, parentId).length >= limits.maxSubDepartments) {
    throw new ApiFailure(60110, `a department may have at most ${limits.maxSubDepartments} sub-departments`);
  }
  const dept: SandboxDepartment = { dept_id: corp.nextDeptId++, name, parent_id: parentId, order: 0 };
  applyOptional(dept, body);
  corp.departments[String(dept.dept_id)] = dept;
  return dept.dept_id;
}

export function updateDepartment(corp: SandboxCorp, body: Record<string, unknown>, limits: DepartmentLimits): void {
  const dept = getDept(corp, int(body, "dept_id"));
  const parentId = optionalInt(body, "parent_id") ?? dept.parent_id;
  if (parentId !== dept.parent_id) {
    if (dept.parent_id === 0) throw new ApiFailure(60007, "the root department cannot be moved");
    parentOf(corp, parentId);
    if (ancestorsOf(corp, parentId).includes(dept.dept_id))
      throw new ApiFailure(40035, "cannot move a department under itself");
    if (depthOf(corp, parentId) + subtreeHeight(corp, dept.dept_id) > MAX_DEPTH) {
      throw new ApiFailure(60002, `departments may be at most ${MAX_DEPTH} levels deep`);
    }
    if (children(corp, parentId).length >= limits.maxSubDepartments)
      throw new ApiFailure(60110, "too many sub-departments");
  }
  const name = optionalString(body, "name", 1000) ?? dept.name;
  if (dept.parent_id !== 0) checkName(corp, name, parentId, dept.dept_id);
  dept.name = name;
  dept.parent_id = parentId;
  applyOptional(dept, body);
}

export function deleteDepartment(corp: SandboxCorp, deptId: number): void {
  const dept = getDept(corp, deptId);
  if (dept.parent_id === 0) throw new ApiFailure(60007, "the root department cannot be deleted");
  if (children(corp, deptId).length > 0) throw new ApiFailure(60006, "the department has sub-departments");
  if (Object.values(corp.users).some((u) => u.dept_id_list.includes(deptId))) {
    throw new ApiFailure(60005, "the department has members");
  }
  delete corp.departments[String(deptId)];
}

/** The department as DingTalk answers it (no parent_id on the root). */
export function departmentToWire(dept: SandboxDepartment): Record<string, unknown> {
  const { parent_id, ...rest } = dept;
  return parent_id === 0 ? rest : { ...rest, parent_id };
}
