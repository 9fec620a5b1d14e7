"use client";

import { LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";

export function PortalSignOutButton() {
  const t = useTranslations("portal");
  return (
    <Button variant="outline" onClick={() => void signOut({ callbackUrl: "/portal/login" })}>
      <LogOut aria-hidden className="size-4" />
      {t("signOut")}
    </Button>
  );
}
