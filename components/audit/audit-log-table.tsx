import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/messages/catalogue";
import type { AuditEntryView } from "@/lib/views/audit";
import { auditSentence } from "@/lib/views/audit-words";

/** Audit entries as sentences, newest first; each row's raw record sits in a "Details" disclosure. */
export async function AuditLogTable({ entries }: { entries: AuditEntryView[] }) {
  const t = await getTranslations("audit");
  const translate = (await getTranslations()) as unknown as Translate;
  const locale = (await getLocale()) as Locale;
  const format = await getFormatter();
  return (
    <div className="rounded-lg border">
      <Table regionLabel={t("title")}>
        <TableHeader>
          <TableRow>
            <TableHead>{t("when")}</TableHead>
            <TableHead>{t("event")}</TableHead>
            <TableHead>{t("code")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((entry) => (
            <TableRow key={entry.id} data-testid="audit-entry">
              <TableCell className="align-top tabular-nums">
                <time dateTime={entry.createdAt}>
                  {format.dateTime(new Date(entry.createdAt), { dateStyle: "medium", timeStyle: "medium" })}
                </time>
              </TableCell>
              <TableCell className="min-w-72 align-top whitespace-normal">
                <p data-testid="audit-sentence">{auditSentence(entry, { t: translate, locale })}</p>
                {(entry.targetType || Object.keys(entry.details).length > 0) && (
                  <AuditDetails entry={entry} label={t("details")} target={t("target")} />
                )}
              </TableCell>
              <TableCell className="align-top">
                <code className="text-muted-foreground text-xs">{entry.action}</code>
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

/** The entry as recorded: its target and its details (before/after, counts) as pretty JSON. */
function AuditDetails({ entry, label, target }: { entry: AuditEntryView; label: string; target: string }) {
  return (
    <details className="mt-1 text-xs">
      <summary className="text-muted-foreground hover:text-foreground w-fit cursor-pointer select-none">
        {label}
      </summary>
      <div className="mt-1 space-y-1">
        {entry.targetType && (
          <p>
            {target}:{" "}
            <code className="font-mono">
              {entry.targetType}
              {entry.targetId ? `:${entry.targetId}` : ""}
            </code>
          </p>
        )}
        {Object.keys(entry.details).length > 0 && (
          <pre
            data-testid="audit-details-json"
            className="bg-muted max-w-3xl rounded-md p-2 font-mono break-all whitespace-pre-wrap"
          >
            {JSON.stringify(entry.details, null, 2)}
          </pre>
        )}
      </div>
    </details>
  );
}
