import { getTranslations } from "next-intl/server";
import Link from "next/link";
import type { CurrentAdmin } from "@/lib/server/auth";
import { LanguageSwitcher } from "./language-switcher";
import { MobileNav } from "./mobile-nav";
import { SidebarNav } from "./sidebar-nav";
import { UserMenu } from "./user-menu";

export async function AppShell({ admin, children }: { admin: CurrentAdmin; children: React.ReactNode }) {
  const t = await getTranslations();
  return (
    <div className="flex min-h-screen">
      <a
        href="#main"
        className="focus:bg-background sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:p-2"
      >
        {t("common.skipToContent")}
      </a>
      <aside className="bg-sidebar text-sidebar-foreground hidden w-60 shrink-0 border-r md:block">
        <Link href="/" className="flex h-14 items-center border-b px-6 text-sm font-semibold">
          {t("brand.name")}
        </Link>
        <SidebarNav />
      </aside>
      <div className="flex min-w-0 flex-1 flex-col">
        <header className="flex h-14 items-center gap-2 border-b px-4 md:px-6">
          <MobileNav />
          <span className="flex-1" />
          <LanguageSwitcher isSignedIn />
          <UserMenu name={admin.name} email={admin.email} />
        </header>
        <main id="main" className="flex-1 p-4 md:p-8">
          {children}
        </main>
      </div>
    </div>
  );
}
