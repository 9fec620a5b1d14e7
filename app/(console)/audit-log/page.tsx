import { ScrollText } from "lucide-react";
import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/shell/empty-state";
import { PageHeader } from "@/components/shell/page-header";
import { Pagination, parsePage } from "@/components/shell/pagination";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { requireAdmin } from "@/lib/server/auth";
import { listAuditEntries } from "@/lib/server/audit-queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<{ page?: string; q?: string }> }) {
  await requireAdmin();
  const t = await getTranslations("audit");
  const tc = await getTranslations("common");
  const format = await getFormatter();
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
        <div className="rounded-lg border">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>{t("when")}</TableHead>
                <TableHead>{t("who")}</TableHead>
                <TableHead>{t("action")}</TableHead>
                <TableHead>{t("target")}</TableHead>
                <TableHead>{t("details")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {entries.map((e) => (
                <TableRow key={e.id}>
                  <TableCell className="whitespace-nowrap tabular-nums">
                    <time dateTime={e.createdAt.toISOString()}>
                      {format.dateTime(e.createdAt, { dateStyle: "medium", timeStyle: "medium" })}
                    </time>
                  </TableCell>
                  <TableCell>{e.actorLabel === "system" ? t("system") : e.actorLabel}</TableCell>
                  <TableCell>
                    <code className="text-xs">{e.action}</code>
                  </TableCell>
                  <TableCell className="text-xs">
                    {e.targetType ? `${e.targetType}:${e.targetId ?? ""}` : "—"}
                  </TableCell>
                  <TableCell className="max-w-md truncate font-mono text-xs" title={e.details}>
                    {e.details === "{}" ? "—" : e.details}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      <Pagination page={page} pages={pages} basePath="/audit-log" params={{ q: query }} />
    </>
  );
}
