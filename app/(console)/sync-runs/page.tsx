import { RefreshCw } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { requireAdmin } from "@/lib/server/auth";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("syncRuns"))("title") };
}

export default async function SyncRunsPage() {
  await requireAdmin();
  const t = await getTranslations("syncRuns");
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <EmptyState icon={RefreshCw} title={t("emptyTitle")} body={t("emptyBody")} />
    </>
  );
}
