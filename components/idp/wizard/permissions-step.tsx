"use client";

import { ArrowRight, CheckCircle2, CircleDashed, CircleHelp, Info, XCircle } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { checkPermissionsAction } from "@/app/actions/idp/check-permissions";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { PermissionCheck } from "@/lib/views/idp";
import { useWords } from "@/components/messages/use-words";

/**
 * The permissions the console relies on, by DingTalk's permission groups. The personal and
 * application management ones cannot be probed with the app's token: they are granted as listed.
 */
const REQUESTED = [
  { group: "personal", code: "Contact.User.Read", isCheckable: false },
  { group: "addressBook", code: "qyapi_get_department_list", isCheckable: true },
  { group: "addressBook", code: "qyapi_get_department_member", isCheckable: true },
  { group: "addressBook", code: "qyapi_get_member", isCheckable: true },
  { group: "addressBook", code: "qyapi_get_member_by_mobile", isCheckable: true },
  { group: "addressBook", code: "qyapi_manage_addresslist", isCheckable: true },
  { group: "appManagement", code: "qyapi_microapp_manage", isCheckable: false },
] as const;

type Result = "granted" | "missing" | "notProbed" | "uncheckable" | "pending";

const RESULT_STYLE: Record<Result, { icon: typeof CheckCircle2; className: string }> = {
  granted: { icon: CheckCircle2, className: "text-emerald-700 dark:text-emerald-400" },
  missing: { icon: XCircle, className: "text-destructive" },
  notProbed: { icon: CircleHelp, className: "text-muted-foreground" },
  uncheckable: { icon: Info, className: "text-muted-foreground" },
  pending: { icon: CircleDashed, className: "text-muted-foreground" },
};

/** Wizard step 2 "Assign permissions": Next asks DingTalk; a passed check shows its results until Continue. */
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
  const continueRef = useRef<HTMLButtonElement>(null);
  const isPassed = report?.isPassed === true;

  // Keyboard and screen reader users land on the way forward once the results are announced.
  useEffect(() => {
    if (isPassed) continueRef.current?.focus();
  }, [isPassed]);

  const check = async () => {
    setChecking(true);
    setError(null);
    const result = await checkPermissionsAction({ id });
    setChecking(false);
    if (!result.ok) return setError(messages.text(result.error));
    setReport(result.data);
  };

  const probed = new Map(report?.permissions.map((p) => [p.permission, p.granted]));
  const resultOf = (code: string, isCheckable: boolean): Result => {
    if (!isCheckable) return "uncheckable";
    if (!report) return "pending";
    if (!probed.has(code)) return "notProbed";
    const granted = probed.get(code);
    return granted === true ? "granted" : granted === false ? "missing" : "notProbed";
  };
  const checkedCount = report?.permissions.length ?? 0;
  const grantedCount = report?.permissions.filter((p) => p.granted === true).length ?? 0;

  return (
    <div className="space-y-6">
      <ol className="list-decimal space-y-1 pl-5 text-sm">
        <li>{t("howTo.open")}</li>
        <li>{t("howTo.select")}</li>
        <li>{t("howTo.scope")}</li>
        <li>{t("howTo.next")}</li>
      </ol>
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
          {REQUESTED.map((p) => {
            const result = resultOf(p.code, p.isCheckable);
            const { icon: Icon, className } = RESULT_STYLE[result];
            return (
              <TableRow key={p.code} data-testid={`permission-${p.code}`}>
                <TableCell>{t(`groups.${p.group}`)}</TableCell>
                <TableCell>{t(`names.${p.code.replaceAll(".", "_")}`)}</TableCell>
                <TableCell>
                  <code className="text-xs">{p.code}</code>
                </TableCell>
                <TableCell data-testid="permission-result" data-result={result} className="whitespace-normal">
                  <span className={`flex items-start gap-1 ${className}`}>
                    <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />
                    {t(`results.${result}`)}
                  </span>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <p className="text-muted-foreground text-sm">{t("allOfGroup")}</p>
      <p className="text-sm">{t("scope")}</p>
      <div role="status">
        {isPassed && (
          <Alert variant="success" role={undefined} data-testid="permissions-passed">
            <CheckCircle2 aria-hidden />
            <AlertTitle>{t("passed")}</AlertTitle>
            <AlertDescription>
              {t("passedSummary", { granted: grantedCount, checked: checkedCount })}{" "}
              {report.allEmployees
                ? t("passedAllEmployees")
                : t("passedSomeDepartments", { depts: report.authedDept.join(", ") })}
            </AlertDescription>
          </Alert>
        )}
      </div>
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
        {isPassed ? (
          <Button type="button" ref={continueRef} onClick={onPassed}>
            {t("continue")} <ArrowRight aria-hidden />
          </Button>
        ) : (
          <Button type="button" onClick={() => void check()} disabled={isChecking}>
            {isChecking ? t("checking") : t("next")}
          </Button>
        )}
      </div>
    </div>
  );
}
