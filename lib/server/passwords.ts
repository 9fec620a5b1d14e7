import bcrypt from "bcryptjs";

// bcryptjs: pure JavaScript, so installs need no native build on any machine.
const COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
