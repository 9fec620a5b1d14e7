import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AccountForm } from "@/components/directory/account-form";
import { PageHeader } from "@/components/shell/page-header";
import { requireAdmin } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { EMPTY_ACCOUNT } from "@/lib/server/directory/account-queries";
import { loadCustomFieldDefinitions } from "@/lib/server/directory/accounts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("accounts"))("newTitle") };
}

export default async function NewAccountPage() {
  await requireAdmin();
  const t = await getTranslations("accounts");
  const customFields = await loadCustomFieldDefinitions(db);
  return (
    <>
      <PageHeader title={t("newTitle")} />
      <AccountForm defaults={EMPTY_ACCOUNT} ouNames={{}} customFields={customFields} />
    </>
  );
}
