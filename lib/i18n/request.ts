import { getRequestConfig } from "next-intl/server";
import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, resolveLocale } from "./config";

// No locale in the URL: the language is a preference kept in a cookie.
// Catalogues: messages/<locale>.json (shell, directory), messages/idp/<locale>.json
// (identity providers, wizard, mapping, sync runs) and messages/portal/<locale>.json
// (DingTalk sign-in, the end users' portal), merged by top-level namespace.
export default getRequestConfig(async () => {
  const locale = resolveLocale((await cookies()).get(LOCALE_COOKIE)?.value, (await headers()).get("accept-language"));
  const [base, idp, portal] = await Promise.all([
    import(`./messages/${locale}.json`),
    import(`./messages/idp/${locale}.json`),
    import(`./messages/portal/${locale}.json`),
  ]);
  return { locale, messages: { ...base.default, ...idp.default, ...portal.default }, timeZone: "UTC" };
});
