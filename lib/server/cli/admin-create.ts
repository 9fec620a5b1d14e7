import { parseArgs } from "node:util";
import { z } from "zod";
import { writeAudit } from "../audit";
import { hashPassword } from "../passwords";
import { createPrismaClient } from "../prisma-client";

const ZAdminInput = z.object({
  email: z.string().trim().toLowerCase().email(),
  name: z.string().trim().min(1).max(100),
  password: z.string().min(12, "Use at least 12 characters.").max(200),
});

// `npm run admin:create -- --email a@b.c [--name "A B"]`; the password comes
// from ADMIN_PASSWORD or stdin, never from the command line (shell history).
async function main() {
  const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
  const password = process.env.ADMIN_PASSWORD ?? (await readStdin()).trim();
  const parsed = ZAdminInput.safeParse({ email: values.email ?? process.env.ADMIN_EMAIL, name: values.name ?? "Administrator", password });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`✖ ${issue.path.join(".")}: ${issue.message}`);
    console.error("Usage: echo 'a-long-password' | npm run admin:create -- --email you@example.com [--name 'Your Name']");
    process.exit(1);
  }
  const db = createPrismaClient();
  try {
    const { email, name } = parsed.data;
    const passwordHash = await hashPassword(parsed.data.password);
    const admin = await db.admin.upsert({ where: { email }, create: { email, name, passwordHash }, update: { passwordHash, name } });
    await writeAudit(db, { actor: "system", action: "admin.create", targetType: "admin", targetId: admin.id, details: { email } });
    console.info(`Administrator ${email} is ready.`);
  } finally {
    await db.$disconnect();
  }
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return "";
  let data = "";
  for await (const chunk of process.stdin) data += chunk;
  return data;
}

void main();
