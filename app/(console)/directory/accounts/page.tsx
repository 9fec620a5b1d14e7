import { Download, Plus, Upload, X } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { AccountsSearch } from "@/components/directory/accounts-search";
import { AccountsTable } from "@/components/directory/accounts-table";
import { OuFilter } from "@/components/directory/ou-filter";
import { PageHeader } from "@/components/shell/page-header";
import { Pagination, parsePage } from "@/components/shell/pagination";
import { buttonVariants } from "@/components/ui/button";
import { requireAdmin } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { listAccounts } from "@/lib/server/directory/account-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts"))("title") };
}

export default async function AccountsPage({
  searchParams,
}: {
  searchParams: Promise<{ page?: string; q?: string; ou?: string }>;
}) {
  await requireAdmin();
  const t = await getTranslations();
  const params = await searchParams;
  const page = parsePage(params.page);
  const query = params.q?.slice(0, 100);
  const ou = params.ou
    ? await db.organizationalUnit.findUnique({ where: { id: params.ou }, select: { id: true, name: true } })
    : null;
  const { accounts, total, pages } = await listAccounts(db, { page, query, ouId: ou?.id });
  const rows = accounts.map((a) => ({
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    email: a.email,
    mobile: a.phoneNumber ? `+${a.phoneRegion ?? "86"} ${a.phoneNumber}` : null,
    primaryOu: a.memberships[0]?.ou.name ?? null,
    status: a.status,
  }));
  return (
    <>
      <PageHeader
        title={t("accounts.title")}
        description={t("accounts.subtitle")}
        actions={
          <>
            <Link href="/directory/import" className={buttonVariants({ variant: "outline" })}>
              <Upload aria-hidden className="size-4" />
              {t("import.title")}
            </Link>
            <a href="/api/directory/export/accounts.csv" className={buttonVariants({ variant: "outline" })}>
              <Download aria-hidden className="size-4" />
              {t("accounts.export")}
            </a>
            <Link href="/directory/accounts/new" className={buttonVariants()}>
              <Plus aria-hidden className="size-4" />
              {t("accounts.new")}
            </Link>
          </>
        }
      />
      <div className="mb-4 flex flex-wrap items-end gap-2">
        <AccountsSearch />
        <OuFilter />
      </div>
      {ou && (
        <p className="mb-2 flex items-center gap-2 text-sm">
          {t("accounts.filteredBy", { name: ou.name })}
          <Link
            href={{ pathname: "/directory/accounts", query: query ? { q: query } : {} }}
            className={buttonVariants({ variant: "ghost", size: "sm" })}
          >
            <X aria-hidden className="size-4" />
            {t("accounts.clearFilter")}
          </Link>
        </p>
      )}
      <p className="text-muted-foreground mb-2 text-sm" aria-live="polite">
        {t("common.total", { count: total })}
      </p>
      <AccountsTable rows={rows} />
      <Pagination page={page} pages={pages} basePath="/directory/accounts" params={{ q: query, ou: ou?.id }} />
    </>
  );
}
