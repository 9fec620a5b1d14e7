import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { PortalFrame } from "@/components/portal/portal-frame";
import { PortalSignOutButton } from "@/components/portal/sign-out-button";
import { PageHeader } from "@/components/shell/page-header";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DescriptionList } from "@/components/ui/description-list";
import { requireAccount } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { portalProfile } from "@/lib/server/sso/portal-profile";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portal"))("title") };
}

// The application home page's destination: the signed-in account, read fresh from the directory.
export default async function PortalPage() {
  const current = await requireAccount();
  const t = await getTranslations("portal");
  const format = await getFormatter();
  const { account, bindings } = await portalProfile(db, current.id);
  const empty = <span className="text-muted-foreground">{t("profile.empty")}</span>;
  const mobile = account.phoneNumber ? `+${account.phoneRegion ?? "86"} ${account.phoneNumber}` : null;
  const rows: [string, React.ReactNode][] = [
    [t("profile.displayName"), account.displayName],
    [t("profile.username"), account.username],
    [t("profile.email"), account.email || empty],
    [t("profile.mobile"), mobile || empty],
    [t("profile.employeeNumber"), account.employeeNumber || empty],
    [t("profile.jobTitle"), account.jobTitle || empty],
    [
      t("profile.organizations"),
      account.memberships.length
        ? account.memberships.map((m) => `${m.ou.name}${m.isPrimary ? ` (${t("profile.primary")})` : ""}`).join(", ")
        : empty,
    ],
  ];
  return (
    <PortalFrame wide>
      <PageHeader
        title={t("title")}
        description={t("subtitle")}
        actions={
          <>
            {current.sessionKind === "admin" && (
              <Button asChild variant="secondary">
                <Link href="/">{t("openConsole")}</Link>
              </Button>
            )}
            <PortalSignOutButton />
          </>
        }
      />
      {current.sessionKind === "admin" && (
        <Alert role="status">
          <AlertDescription>{t("adminSession")}</AlertDescription>
        </Alert>
      )}
      <section aria-labelledby="profile" className="bg-card rounded-xl border p-6">
        <h2 id="profile" className="mb-4 font-medium">
          {t("profile.title")}
        </h2>
        <DescriptionList rows={rows} data-testid="portal-profile" />
      </section>
      <section aria-labelledby="dingtalk" className="bg-card rounded-xl border p-6">
        <h2 id="dingtalk" className="mb-4 font-medium">
          {t("dingtalk.title")}
        </h2>
        {bindings.length === 0 ? (
          <p className="text-muted-foreground text-sm">{t("dingtalk.none")}</p>
        ) : (
          <div className="space-y-6">
            {bindings.map((b) => (
              <DescriptionList
                key={b.id}
                data-testid="portal-binding"
                rows={[
                  [t("dingtalk.identityProvider"), b.idp.displayName],
                  [t("dingtalk.corpId"), <code key="c">{b.idp.corpId}</code>],
                  [t("dingtalk.userid"), <code key="u">{b.remoteId}</code>],
                  [
                    t("dingtalk.lastSynced"),
                    b.lastSyncedAt
                      ? format.dateTime(b.lastSyncedAt, { dateStyle: "medium", timeStyle: "short" })
                      : t("dingtalk.never"),
                  ],
                ]}
              />
            ))}
          </div>
        )}
      </section>
    </PortalFrame>
  );
}
