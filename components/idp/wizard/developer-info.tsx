"use client";

import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/ui/copy-button";

export type DeveloperInfo = { callbackDomain: string; homePageUrl: string | null; egressIp: string };

/** What the administrator pastes into DingTalk's developer console, each with a copy button. */
export function DeveloperInfoList({ info }: { info: DeveloperInfo }) {
  const t = useTranslations("wizard.developerInfo");
  const rows = [
    { key: "callbackDomain", label: t("callbackDomain"), hint: t("callbackDomainHint"), value: info.callbackDomain },
    { key: "homePageUrl", label: t("homePageUrl"), hint: t("homePageUrlHint"), value: info.homePageUrl },
    { key: "egressIp", label: t("egressIp"), hint: t("egressIpHint"), value: info.egressIp },
  ];
  return (
    <section aria-labelledby="developer-info" className="bg-muted/40 space-y-3 rounded-lg border p-4">
      <h3 id="developer-info" className="font-medium">
        {t("title")}
      </h3>
      <dl className="space-y-3">
        {rows.map((row) => (
          <div key={row.key} className="grid gap-1">
            <dt className="text-sm font-medium">{row.label}</dt>
            <dd className="flex items-center gap-2">
              {row.value ? (
                <>
                  <code
                    className="bg-background min-w-0 flex-1 truncate rounded border px-2 py-1 text-xs"
                    data-testid={`dev-${row.key}`}
                  >
                    {row.value}
                  </code>
                  <CopyButton value={row.value} label={t("copy", { name: row.label })} copiedLabel={t("copied")} />
                </>
              ) : (
                <span className="text-muted-foreground text-sm">{t("afterSave")}</span>
              )}
            </dd>
            <dd className="text-muted-foreground text-xs">{row.hint}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
