import { ListChecks } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { buttonVariants } from "@/components/ui/button";
import { requireAdmin } from "@/lib/server/auth";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("identityProviders"))("title") };
}

export default async function IdentityProvidersPage() {
  await requireAdmin();
  const t = await getTranslations("identityProviders");
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <EmptyState
        icon={ListChecks}
        title={t("emptyTitle")}
        body={t("emptyBody")}
        action={<Link href="/identity-providers/new/dingtalk" className={buttonVariants()}>{t("bindAction")}</Link>}
      />
    </>
  );
}
