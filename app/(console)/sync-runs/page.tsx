import { RefreshCw } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RunsTable } from "@/components/idp/runs/runs-table";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { Pagination } from "@/components/shell/pagination";
import { requireAdmin } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { listRuns } from "@/lib/server/idp/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("syncRuns"))("title") };
}

// Every run across identity providers, newest first.
export default async function SyncRunsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  await requireAdmin();
  const t = await getTranslations("syncRuns");
  const page = Math.max(1, Number((await searchParams).page ?? 1) || 1);
  const { runs, pages } = await listRuns(db, { page });
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      {runs.length === 0 ? (
        <EmptyState icon={RefreshCw} title={t("emptyTitle")} body={t("emptyBody")} />
      ) : (
        <RunsTable runs={runs} showIdp />
      )}
      {pages > 1 && <Pagination page={page} pages={pages} basePath="/sync-runs" />}
    </>
  );
}
