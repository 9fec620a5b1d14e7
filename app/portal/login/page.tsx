import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PortalFrame } from "@/components/portal/portal-frame";
import { DingTalkLoginButtons } from "@/components/sso/dingtalk-login-buttons";
import { SsoRefusalAlert } from "@/components/sso/refusal-alert";
import { parseRefusal } from "@/lib/schemas/sso";
import { getCurrentAccount } from "@/lib/server/auth";
import { db } from "@/lib/server/db";
import { qrLoginButtons } from "@/lib/server/sso/login-idps";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("portal"))("loginTitle") };
}

// Where directory accounts sign in, and where refused DingTalk sign-ins land with their reason.
export default async function PortalLoginPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const refusal = parseRefusal((await searchParams).error);
  if (!refusal && (await getCurrentAccount())) redirect("/portal");
  const t = await getTranslations("portal");
  const buttons = await qrLoginButtons(db, "portal");
  return (
    <PortalFrame>
      <div className="bg-card space-y-6 rounded-xl border p-8 shadow-sm">
        <div className="space-y-1 text-center">
          <h1 className="text-2xl font-semibold tracking-tight">{t("loginTitle")}</h1>
          <p className="text-muted-foreground text-sm">{t("loginSubtitle")}</p>
        </div>
        <SsoRefusalAlert refusal={refusal} />
        {buttons.length > 0 ? (
          <DingTalkLoginButtons buttons={buttons} />
        ) : (
          <p className="text-muted-foreground text-sm">{t("noIdp")}</p>
        )}
        <p className="text-center text-sm">
          <Link href="/login" className="text-primary underline-offset-4 hover:underline">
            {t("adminSignIn")}
          </Link>
        </p>
      </div>
    </PortalFrame>
  );
}
