import { parseArgs } from "node:util";
import { z } from "zod";
import { writeAudit } from "../audit";
import { hashPassword } from "../passwords";
import { createPrismaClient, type Db } from "../prisma-client";

const ZAdminInput = z.object({
  email: z.string().trim().toLowerCase().email(),
  name: z.string().trim().min(1).max(100),
  password: z.string().min(12, "Use at least 12 characters.").max(200),
});

// `npm run admin:create -- --email a@b.c [--name "A B"] [--link-account <username>]`; the
// password comes from ADMIN_PASSWORD or stdin, never from the command line (shell history).
// --link-account links the administrator to a directory account, so signing in with DingTalk
// as that account opens the console (lib/server/sso); --link-account "" removes the link.
async function main() {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, "link-account": { type: "string" } },
  });
  const password = process.env.ADMIN_PASSWORD ?? (await readStdin()).trim();
  const parsed = ZAdminInput.safeParse({
    email: values.email ?? process.env.ADMIN_EMAIL,
    name: values.name ?? "Administrator",
    password,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`✖ ${issue.path.join(".")}: ${issue.message}`);
    console.error(
      "Usage: echo 'a-long-password' | npm run admin:create -- --email you@example.com [--name 'Your Name'] [--link-account <username>]",
    );
    process.exit(1);
  }
  const db = createPrismaClient();
  try {
    const { email, name } = parsed.data;
    const link = await linkedAccountId(db, values["link-account"], email);
    const passwordHash = await hashPassword(parsed.data.password);
    const linked = link === undefined ? {} : { linkedAccountId: link };
    const admin = await db.admin.upsert({
      where: { email },
      create: { email, name, passwordHash, ...linked },
      update: { passwordHash, name, ...linked },
    });
    await writeAudit(db, {
      actor: "system",
      action: "admin.create",
      targetType: "admin",
      targetId: admin.id,
      details: { email, ...linked },
    });
    console.info(`Administrator ${email} is ready${link ? ` (linked to account ${values["link-account"]})` : ""}.`);
  } finally {
    await db.$disconnect();
  }
}

/** undefined: leave the link alone; null: remove it; else the account's id (exits when unknown or taken). */
async function linkedAccountId(
  db: Db,
  username: string | undefined,
  email: string,
): Promise<string | null | undefined> {
  if (username === undefined) return undefined;
  if (username.trim() === "") return null;
  const account = await db.account.findUnique({
    where: { username: username.trim() },
    select: { id: true, admin: { select: { email: true } } },
  });
  if (!account) {
    console.error(`✖ No directory account has the username "${username}".`);
    process.exit(1);
  }
  if (account.admin && account.admin.email !== email) {
    console.error(`✖ The account "${username}" is already linked to the administrator ${account.admin.email}.`);
    process.exit(1);
  }
  return account.id;
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) return "";
  let data = "";
  for await (const chunk of process.stdin) data += chunk;
  return data;
}

void main();
