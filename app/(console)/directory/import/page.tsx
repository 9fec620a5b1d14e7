import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CsvImport } from "@/components/directory/csv-import";
import { PageHeader } from "@/components/shell/page-header";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { requireAdmin } from "@/lib/server/auth";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("import"))("title") };
}

export default async function ImportPage({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  await requireAdmin();
  const t = await getTranslations("import");
  const { kind } = await searchParams;
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <Tabs defaultValue={kind === "organizations" ? "organizations" : "accounts"}>
        <TabsList>
          <TabsTrigger value="accounts">{t("accounts")}</TabsTrigger>
          <TabsTrigger value="organizations">{t("organizations")}</TabsTrigger>
        </TabsList>
        <TabsContent value="accounts" className="pt-4">
          <p className="text-muted-foreground mb-4 text-sm">{t("accountsHelp")}</p>
          <CsvImport kind="accounts" />
        </TabsContent>
        <TabsContent value="organizations" className="pt-4">
          <p className="text-muted-foreground mb-4 text-sm">{t("organizationsHelp")}</p>
          <CsvImport kind="organizations" />
        </TabsContent>
      </Tabs>
    </>
  );
}
