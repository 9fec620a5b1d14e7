import { ArrowRight, Building2, ListChecks, Users } from "lucide-react";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PageHeader } from "@/components/shell/page-header";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { requireAdmin } from "@/lib/server/auth";
import { db } from "@/lib/server/db";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("quickStart"))("title") };
}

export default async function QuickStartPage() {
  await requireAdmin();
  const t = await getTranslations("quickStart");
  const [accounts, organizations, identityProviders] = await Promise.all([
    db.account.count(),
    db.organizationalUnit.count(),
    db.identityProvider.count(),
  ]);
  const stats = [
    { label: t("accounts"), value: accounts, icon: Users, href: "/directory/accounts" },
    { label: t("organizations"), value: organizations, icon: Building2, href: "/directory/organizations" },
    { label: t("identityProviders"), value: identityProviders, icon: ListChecks, href: "/identity-providers" },
  ];
  return (
    <>
      <PageHeader title={t("title")} description={t("subtitle")} />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <div
              className="bg-primary/10 text-primary mb-2 flex size-10 items-center justify-center rounded-lg font-bold"
              aria-hidden
            >
              钉
            </div>
            <CardTitle>
              <h2>{t("dingtalkTitle")}</h2>
            </CardTitle>
            <CardDescription>{t("dingtalkBody")}</CardDescription>
          </CardHeader>
          <CardFooter>
            <Link href="/identity-providers/new/dingtalk" className={buttonVariants()}>
              {t("dingtalkAction")}
              <ArrowRight aria-hidden className="size-4" />
            </Link>
          </CardFooter>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>
              <h2>{t("statsTitle")}</h2>
            </CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="space-y-3">
              {stats.map((s) => (
                <div key={s.href} className="flex items-center justify-between gap-2">
                  <dt className="text-muted-foreground flex items-center gap-2 text-sm">
                    <s.icon aria-hidden className="size-4" />
                    <Link href={s.href} className="hover:underline">
                      {s.label}
                    </Link>
                  </dt>
                  <dd className="font-semibold tabular-nums">{s.value}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
