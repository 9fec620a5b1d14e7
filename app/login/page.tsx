import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { LanguageSwitcher } from "@/components/shell/language-switcher";
import { DingTalkLoginButtons } from "@/components/sso/dingtalk-login-buttons";
import { SsoRefusalAlert } from "@/components/sso/refusal-alert";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { safeRedirectPath } from "@/lib/safe-redirect";
import { parseRefusal } from "@/lib/schemas/sso";
import { getCurrentAdmin } from "@/lib/server/auth";
import { loadConfig } from "@/lib/server/config";
import { db } from "@/lib/server/db";
import { demoAdminCredentials } from "@/lib/server/demo-admin";
import { qrLoginButtons } from "@/lib/server/sso/login-idps";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("login"))("title") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string; error?: string }>;
}) {
  if (await getCurrentAdmin()) redirect("/");
  const t = await getTranslations();
  const demo = demoAdminCredentials();
  const { callbackUrl, error } = await searchParams;
  // Administrators linked to a directory account may sign in with DingTalk too (see lib/server/sso).
  const dingtalk = await qrLoginButtons(db, "console");
  return (
    <main className="bg-muted/40 flex min-h-screen flex-col items-center justify-center gap-6 p-6">
      <div className="absolute top-4 right-4">
        <LanguageSwitcher />
      </div>
      <div className="bg-card w-full max-w-sm space-y-6 rounded-xl border p-8 shadow-sm">
        <div className="space-y-1 text-center">
          <p className="text-primary text-sm font-semibold">{t("brand.name")}</p>
          <h1 className="text-2xl font-semibold tracking-tight">{t("login.title")}</h1>
          <p className="text-muted-foreground text-sm">{t("login.subtitle")}</p>
        </div>
        <SsoRefusalAlert refusal={parseRefusal(error)} />
        {demo && (
          <Alert role="status">
            <AlertTitle>{t("login.demoTitle")}</AlertTitle>
            <AlertDescription>
              <p>
                {t.rich("login.demoBody", {
                  email: demo.email,
                  password: demo.password,
                  code: (chunks) => <code className="font-mono">{chunks}</code>,
                })}
              </p>
            </AlertDescription>
          </Alert>
        )}
        <LoginForm callbackUrl={safeRedirectPath(callbackUrl, { origin: loadConfig().publicBaseUrl })} />
        {dingtalk.length > 0 && (
          <>
            <p className="text-muted-foreground text-center text-xs uppercase">{t("sso.or")}</p>
            <DingTalkLoginButtons buttons={dingtalk} />
          </>
        )}
      </div>
    </main>
  );
}
