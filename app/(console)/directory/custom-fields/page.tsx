import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CustomFieldEditor } from "@/components/directory/custom-field-editor";
import { PageHeader } from "@/components/shell/page-header";
import { requireAdmin } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { loadCustomFieldDefinitions } from "@/lib/server/directory/accounts";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("customFields"))("title") };
}

export default async function CustomFieldsPage() {
  await requireAdmin();
  const t = await getTranslations("customFields");
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <CustomFieldEditor fields={await loadCustomFieldDefinitions(db)} />
    </>
  );
}
