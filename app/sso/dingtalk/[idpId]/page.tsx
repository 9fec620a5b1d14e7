import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PortalFrame } from "@/components/portal/portal-frame";
import { InAppSignIn } from "@/components/sso/in-app-sign-in";
import { SsoRefusalAlert } from "@/components/sso/refusal-alert";
import { db } from "@/lib/server/db";
import { acceptsLaunchCode } from "@/lib/server/sso/launch-code";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("sso.inApp"))("title") };
}

type Props = { params: Promise<{ idpId: string }>; searchParams: Promise<{ code?: string | string[] }> };

// The application home page URL of wizard step 1: DingTalk opens it inside its client.
export default async function InAppSsoPage({ params, searchParams }: Props) {
  const { idpId } = await params;
  const { code } = await searchParams;
  const t = await getTranslations("sso.inApp");
  const idp = await db.identityProvider.findUnique({
    where: { id: idpId },
    select: {
      id: true,
      displayName: true,
      corpId: true,
      status: true,
      apiBaseUrl: true,
      v1BaseUrl: true,
      loginBaseUrl: true,
      inAppSso: true,
    },
  });
  // The IdP's in-app SSO switch (Modify > Scenario): off, the page says so and posts no code.
  const refusal = idp?.status !== "enabled" ? "idp_unavailable" : idp.inAppSso ? null : "inapp_off";
  // A code in the URL is the sandbox launcher's; real DingTalk hands codes to the page through the JSAPI only.
  const launchCode =
    idp && !refusal && acceptsLaunchCode(idp) && typeof code === "string" && code.length <= 200 ? code : null;
  return (
    <PortalFrame>
      <div className="bg-card space-y-4 rounded-xl border p-8 shadow-sm">
        <h1 className="text-xl font-semibold tracking-tight">{t("title")}</h1>
        {idp && !refusal ? (
          <InAppSignIn idpId={idp.id} corpId={idp.corpId} name={idp.displayName} launchCode={launchCode} />
        ) : (
          <SsoRefusalAlert refusal={{ code: refusal ?? "idp_unavailable" }} />
        )}
        <p className="text-sm">
          <Link href="/portal/login" className="text-primary underline-offset-4 hover:underline">
            {t("otherWay")}
          </Link>
        </p>
      </div>
    </PortalFrame>
  );
}
