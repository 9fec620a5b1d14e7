"use client";

import { Menu } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { buttonVariants } from "@/components/ui/button";
import { DisclosureMenu, disclosureItemClass } from "@/components/ui/disclosure-menu";
import { isActive, navGroups } from "./nav-items";

// Below the md breakpoint the sidebar folds into this menu.
export function MobileNav() {
  const t = useTranslations();
  const pathname = usePathname();
  return (
    <div className="md:hidden">
      <DisclosureMenu
        className="w-56"
        triggerProps={{
          className: buttonVariants({ variant: "ghost", size: "icon" }),
          "aria-label": t("common.openMenu"),
        }}
        trigger={<Menu aria-hidden className="size-5" />}
      >
        {(close) => (
          <nav aria-label={t("common.openMenu")}>
            {navGroups.map((group, i) => (
              <div key={group.labelKey ?? i}>
                {i > 0 && <hr className="bg-border -mx-1 my-1 h-px border-0" />}
                {group.items.map((item) => (
                  <Link
                    key={item.href}
                    href={item.href}
                    onClick={close}
                    className={disclosureItemClass}
                    aria-current={isActive(pathname, item.href) ? "page" : undefined}
                  >
                    <item.icon aria-hidden />
                    {t(`nav.${item.labelKey}`)}
                  </Link>
                ))}
              </div>
            ))}
          </nav>
        )}
      </DisclosureMenu>
    </div>
  );
}
