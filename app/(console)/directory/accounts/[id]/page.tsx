import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { AccountForm } from "@/components/directory/account-form";
import { ProvisionPanel } from "@/components/idp/provision-panel";
import { PageHeader } from "@/components/shell/page-header";
import { requireAdmin } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { getAccountForForm } from "@/lib/server/directory/account-queries";
import { loadCustomFieldDefinitions } from "@/lib/server/directory/accounts";
import { listProvisionTargets } from "@/lib/server/sync/provision";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts"))("editTitle") };
}

export default async function EditAccountPage({ params }: { params: Promise<{ id: string }> }) {
  await requireAdmin();
  const { id } = await params;
  const t = await getTranslations("accounts");
  const [account, customFields, targets] = await Promise.all([
    getAccountForForm(db, id),
    loadCustomFieldDefinitions(db),
    listProvisionTargets(db, id),
  ]);
  if (!account) notFound();
  return (
    <>
      <PageHeader title={t("editTitle")} description={account.defaults.username} />
      <AccountForm accountId={id} defaults={account.defaults} ouNames={account.ouNames} customFields={customFields} />
      <ProvisionPanel accountId={id} accountName={account.defaults.displayName} targets={targets} />
    </>
  );
}
