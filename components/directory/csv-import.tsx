"use client";

import { FileDown, Upload } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { importCsvAction, previewCsvAction } from "@/app/actions/directory/import-csv";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button, buttonVariants } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { CsvIssue } from "@/lib/views/directory";
import { useWords } from "@/components/messages/use-words";

type Kind = "accounts" | "organizations";
type Preview = { total: number; valid: number; creates: number; updates: number; issues: CsvIssue[] };
const MAX_BYTES = 8_000_000;

export function CsvImport({ kind }: { kind: Kind }) {
  const t = useTranslations("import");
  const router = useRouter();
  const messages = useWords();
  const inputId = useId();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  const reset = () => {
    setFile(null);
    setPreview(null);
    setError(null);
  };
  const onFile = (f: File | undefined) => {
    reset();
    if (!f) return;
    if (f.size > MAX_BYTES) return setError(t("tooLarge"));
    startTransition(async () => {
      const text = await f.text();
      const result = await previewCsvAction({ kind, text });
      if (!result.ok) return setError(messages.text(result.error));
      setFile({ name: f.name, text });
      setPreview(result.data);
    });
  };
  const doImport = () =>
    startTransition(async () => {
      if (!file) return;
      const result = await importCsvAction({ kind, text: file.text });
      if (
        messages.toastResult(
          result,
          result.ok
            ? t("done", { created: result.data.created, updated: result.data.updated, skipped: result.data.skipped })
            : "",
        )
      ) {
        reset();
        router.push(kind === "accounts" ? "/directory/accounts" : "/directory/organizations");
      }
    });

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={inputId} className={buttonVariants()}>
          <Upload aria-hidden className="size-4" />
          {t("choose")}
        </label>
        <input
          id={inputId}
          type="file"
          accept=".csv,text/csv"
          className="sr-only"
          data-testid={`csv-file-${kind}`}
          onChange={(e) => onFile(e.target.files?.[0])}
          disabled={isPending}
        />
        <a href={`/api/directory/export/${kind}-template.csv`} className={buttonVariants({ variant: "outline" })}>
          <FileDown aria-hidden className="size-4" />
          {t("template")}
        </a>
        {isPending && (
          <span className="text-muted-foreground text-sm" role="status">
            {t("working")}
          </span>
        )}
      </div>
      {error && (
        <Alert variant="destructive">
          <AlertDescription>{error}</AlertDescription>
        </Alert>
      )}
      {preview && file && (
        <section aria-label={t("previewTitle")} className="space-y-4">
          <Alert variant={preview.issues.length ? "warning" : "success"} role="status">
            <AlertTitle>
              {t("previewTitle")}: {file.name}
            </AlertTitle>
            <AlertDescription>
              <p>
                {t("summary", {
                  total: preview.total,
                  valid: preview.valid,
                  invalid: preview.total - preview.valid,
                  creates: preview.creates,
                  updates: preview.updates,
                })}
              </p>
            </AlertDescription>
          </Alert>
          {preview.issues.length > 0 && (
            <div className="max-h-96 overflow-auto rounded-lg border">
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>{t("row")}</TableHead>
                    <TableHead>{t("column")}</TableHead>
                    <TableHead>{t("problem")}</TableHead>
                    <TableHead>{t("value")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {preview.issues.map((issue, i) => (
                    <TableRow key={i}>
                      <TableCell className="tabular-nums">{issue.row}</TableCell>
                      <TableCell className="font-mono text-xs">{issue.column || "—"}</TableCell>
                      <TableCell>{messages.fieldText(issue.message)}</TableCell>
                      <TableCell className="max-w-xs truncate font-mono text-xs">{issue.value ?? ""}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          )}
          <div className="flex gap-2">
            <Button onClick={doImport} disabled={isPending || preview.valid === 0}>
              {t("importValid", { count: preview.valid })}
            </Button>
            <Button variant="outline" onClick={reset} disabled={isPending}>
              {t("cancel")}
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}
