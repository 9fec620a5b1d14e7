"use client";

import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { INAPP_PROVIDER_ID, parseRefusal, type SsoRefusalInfo } from "@/lib/schemas/sso";
import { SsoRefusalAlert } from "./refusal-alert";

/** Inside DingTalk: a code from the JSAPI (runtime.permission.requestAuthCode); null in a plain browser. */
async function jsapiCode(corpId: string): Promise<string | null> {
  // Loaded only here: the JSAPI touches window at import time and is only needed inside DingTalk.
  const dd = (await import("dingtalk-jsapi")).default;
  if (dd.env.platform === "notInDingTalk") return null;
  return (await dd.runtime.permission.requestAuthCode({ corpId })).code;
}

type Props = {
  idpId: string;
  corpId: string;
  name: string;
  /** From the sandbox launcher; the server passes it only for sandbox IdPs. */ launchCode: string | null;
};

/** The application home page's work: get a code, post it to next-auth, land on the portal or name the refusal. */
export function InAppSignIn({ idpId, corpId, name, launchCode }: Props) {
  const t = useTranslations("sso.inApp");
  const [refusal, setRefusal] = useState<SsoRefusalInfo | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return; // a code is single use: never post it twice (React dev mode runs effects twice)
    started.current = true;
    const run = async () => {
      const code = launchCode ?? (await jsapiCode(corpId));
      if (!code) return setRefusal({ code: "not_in_dingtalk" });
      const result = await signIn(INAPP_PROVIDER_ID, { idpId, code, redirect: false });
      if (result?.ok && !result.error) return window.location.replace("/portal");
      setRefusal(parseRefusal(result?.error) ?? { code: "failed" });
    };
    run().catch(() => setRefusal({ code: "failed" }));
  }, [idpId, corpId, launchCode]);

  if (refusal) return <SsoRefusalAlert refusal={refusal} />;
  return (
    <p role="status" aria-live="polite" className="text-muted-foreground text-sm">
      {t("working", { name })}
    </p>
  );
}
