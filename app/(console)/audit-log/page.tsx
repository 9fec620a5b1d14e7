import { ScrollText } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuditLogTable } from "@/components/audit/audit-log-table";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { Pagination, parsePage } from "@/components/shell/pagination";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { requireAdmin } from "@/lib/server/auth";
import { listAuditEntries } from "@/lib/server/audit-queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<{ page?: string; q?: string }> }) {
  await requireAdmin();
  const t = await getTranslations("audit");
  const tc = await getTranslations("common");
  const params = await searchParams;
  const page = parsePage(params.page);
  const query = params.q?.slice(0, 100);
  const { entries, pages } = await listAuditEntries({ page, query });
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <form role="search" action="/audit-log" className="mb-4 flex max-w-lg gap-2">
        <Input
          type="search"
          name="q"
          defaultValue={query}
          placeholder={t("searchPlaceholder")}
          aria-label={t("searchPlaceholder")}
        />
        <Button type="submit" variant="outline">
          {tc("search")}
        </Button>
      </form>
      {entries.length === 0 ? (
        <EmptyState icon={ScrollText} title={t("emptyTitle")} />
      ) : (
        <AuditLogTable entries={entries} />
      )}
      <Pagination page={page} pages={pages} basePath="/audit-log" params={{ q: query }} />
    </>
  );
}
