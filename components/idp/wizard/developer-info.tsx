"use client";

import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/ui/copy-button";

export type DeveloperInfo = {
  callbackDomain: string;
  /** The IdP's in-app SSO address; before the first save, the one of the id reserved for it. */
  homePageUrl: string;
  egressIp: string;
  isSaved: boolean;
};

const ROWS = ["callbackDomain", "homePageUrl", "egressIp"] as const;

/** What the administrator pastes into DingTalk's developer console, each with a copy button and its menu there. */
export function DeveloperInfoList({ info }: { info: DeveloperInfo }) {
  const t = useTranslations("wizard.developerInfo");
  return (
    <section aria-labelledby="developer-info" className="bg-muted/40 space-y-3 rounded-lg border p-4">
      <h3 id="developer-info" className="font-medium">
        {t("title")}
      </h3>
      <p className="text-muted-foreground text-sm">{t("intro")}</p>
      <dl className="space-y-4">
        {ROWS.map((key) => (
          <div key={key} className="grid gap-1">
            <dt className="text-sm font-medium">{t(key)}</dt>
            <dd className="flex items-center gap-2">
              <code
                className="bg-background min-w-0 flex-1 truncate rounded border px-2 py-1 text-xs"
                data-testid={`dev-${key}`}
              >
                {info[key]}
              </code>
              <CopyButton value={info[key]} label={t("copy", { name: t(key) })} copiedLabel={t("copied")} />
            </dd>
            <dd className="text-xs" data-testid={`dev-${key}-where`}>
              <span className="text-muted-foreground">{t("whereLabel")} </span>
              <span className="font-medium">{t(`${key}Where`)}</span>
            </dd>
            <dd className="text-muted-foreground text-xs">{t(`${key}Hint`)}</dd>
            {key === "homePageUrl" && !info.isSaved && (
              <dd className="text-muted-foreground text-xs">{t("homePageUrlReserved")}</dd>
            )}
          </div>
        ))}
      </dl>
    </section>
  );
}
