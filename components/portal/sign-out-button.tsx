"use client";

import { LogOut } from "lucide-react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { signOutTo } from "@/components/shell/sign-out";

export function PortalSignOutButton() {
  const t = useTranslations("portal");
  return (
    <Button variant="outline" onClick={() => void signOutTo("/portal/login")}>
      <LogOut aria-hidden className="size-4" />
      {t("signOut")}
    </Button>
  );
}
