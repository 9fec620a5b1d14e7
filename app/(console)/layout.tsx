import { AppShell } from "@/components/shell/app-shell";
import { requireAdmin } from "@/lib/server/auth";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const admin = await requireAdmin();
  return <AppShell admin={admin}>{children}</AppShell>;
}
