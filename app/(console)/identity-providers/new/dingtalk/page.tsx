import { Construction } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { requireAdmin } from "@/lib/server/auth";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("wizard"))("title") };
}

export default async function BindDingTalkPage() {
  await requireAdmin();
  const t = await getTranslations("wizard");
  return (
    <>
      <PageHeader title={t("title")} />
      <EmptyState icon={Construction} title={t("emptyTitle")} body={t("emptyBody")} />
    </>
  );
}
