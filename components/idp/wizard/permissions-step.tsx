"use client";

import { CheckCircle2, CircleHelp, XCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { checkPermissionsAction } from "@/app/actions/idp/check-permissions";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { PermissionCheck } from "@/lib/views/idp";
import { useWords } from "@/components/messages/use-words";

/** The permissions to request in DingTalk, by group, with their codes. */
const REQUESTED = [
  { group: "personal", code: "Contact.User.Read" },
  { group: "addressBook", code: "qyapi_get_department_list" },
  { group: "addressBook", code: "qyapi_get_department_member" },
  { group: "addressBook", code: "qyapi_get_member" },
  { group: "addressBook", code: "qyapi_get_member_by_mobile" },
  { group: "addressBook", code: "qyapi_manage_addresslist" },
  { group: "appManagement", code: "qyapi_microapp_manage" },
] as const;

export function PermissionsStep({
  id,
  onPrevious,
  onPassed,
}: {
  id: string;
  onPrevious: () => void;
  onPassed: () => void;
}) {
  const t = useTranslations("wizard.permissions");
  const messages = useWords();
  const [report, setReport] = useState<PermissionCheck | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isChecking, setChecking] = useState(false);

  const check = async () => {
    setChecking(true);
    setError(null);
    const result = await checkPermissionsAction({ id });
    setChecking(false);
    if (!result.ok) return setError(messages.text(result.error));
    setReport(result.data);
    if (result.data.isPassed) onPassed();
  };

  const probed = new Map(report?.permissions.map((p) => [p.permission, p.granted]));
  const stateIcon = (code: string) => {
    if (!probed.has(code)) return null;
    const granted = probed.get(code);
    if (granted === true)
      return (
        <span className="flex items-center gap-1 text-emerald-700">
          <CheckCircle2 aria-hidden className="size-4" />
          {t("granted")}
        </span>
      );
    if (granted === false)
      return (
        <span className="text-destructive flex items-center gap-1">
          <XCircle aria-hidden className="size-4" />
          {t("missing")}
        </span>
      );
    return (
      <span className="text-muted-foreground flex items-center gap-1">
        <CircleHelp aria-hidden className="size-4" />
        {t("notProbed")}
      </span>
    );
  };

  return (
    <div className="space-y-6">
      <p className="text-muted-foreground text-sm">{t("intro")}</p>
      <Table aria-label={t("tableLabel")}>
        <TableHeader>
          <TableRow>
            <TableHead>{t("group")}</TableHead>
            <TableHead>{t("permission")}</TableHead>
            <TableHead>{t("code")}</TableHead>
            <TableHead>{t("state")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {REQUESTED.map((p) => (
            <TableRow key={p.code}>
              <TableCell>{t(`groups.${p.group}`)}</TableCell>
              <TableCell>{t(`names.${p.code.replaceAll(".", "_")}`)}</TableCell>
              <TableCell>
                <code className="text-xs">{p.code}</code>
              </TableCell>
              <TableCell>{stateIcon(p.code)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <p className="text-sm">{t("scope")}</p>
      {report && !report.isPassed && (
        <Alert variant="destructive" role="alert">
          <AlertTitle>{t("notPassed")}</AlertTitle>
          <AlertDescription>
            <ul className="list-disc pl-4">
              {report.missing.map((code) => (
                <li key={code}>
                  {t("missingOne", { code, name: t.has(`names.${code}`) ? t(`names.${code}`) : code })}
                </li>
              ))}
              {report.permissions.some((p) => p.granted === null) && <li>{t("someNotProbed")}</li>}
              {!report.allEmployees && report.authedDept.length === 0 && <li>{t("noScope")}</li>}
            </ul>
          </AlertDescription>
        </Alert>
      )}
      {report && !report.allEmployees && report.authedDept.length > 0 && (
        <Alert variant="warning">
          <AlertDescription>{t("partialScope", { depts: report.authedDept.join(", ") })}</AlertDescription>
        </Alert>
      )}
      {error && (
        <Alert variant="destructive" role="alert">
          <AlertDescription data-testid="form-error">{error}</AlertDescription>
        </Alert>
      )}
      <div className="flex gap-2">
        <Button type="button" variant="outline" onClick={onPrevious}>
          {t("previous")}
        </Button>
        <Button type="button" onClick={() => void check()} disabled={isChecking}>
          {isChecking ? t("checking") : t("next")}
        </Button>
      </div>
    </div>
  );
}
