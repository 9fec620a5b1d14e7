"use client";

import { ChevronDown, LogOut, UserRound } from "lucide-react";
import { useTranslations } from "next-intl";
import { buttonVariants } from "@/components/ui/button";
import { DisclosureMenu, disclosureItemClass } from "@/components/ui/disclosure-menu";
import { signOutTo } from "./sign-out";

export function UserMenu({ name, email }: { name: string; email: string }) {
  const t = useTranslations("userMenu");
  return (
    <DisclosureMenu
      align="end"
      className="w-64"
      triggerProps={
        {
          className: buttonVariants({ variant: "ghost", className: "gap-2" }),
          "data-testid": "user-menu",
        } as React.ComponentProps<"button">
      }
      trigger={
        <>
          <UserRound aria-hidden className="size-4" />
          <span className="max-w-48 truncate">{name}</span>
          <ChevronDown aria-hidden className="size-4" />
        </>
      }
    >
      {() => (
        <>
          <p className="px-2 py-1.5 text-sm">
            <span className="text-muted-foreground block text-xs">{t("signedInAs")}</span>
            <span className="block truncate">{email}</span>
          </p>
          <hr className="bg-border -mx-1 my-1 h-px border-0" />
          <button type="button" className={disclosureItemClass} onClick={() => void signOutTo("/login")}>
            <LogOut aria-hidden />
            {t("signOut")}
          </button>
        </>
      )}
    </DisclosureMenu>
  );
}
