"use client";

import { Menu } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { isActive, navGroups } from "./nav-items";

// Below the md breakpoint the sidebar folds into this menu.
export function MobileNav() {
  const t = useTranslations();
  const pathname = usePathname();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" className="md:hidden" aria-label={t("common.openMenu")}>
          <Menu aria-hidden className="size-5" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-56">
        {navGroups.map((group, i) => (
          <div key={group.labelKey ?? i}>
            {i > 0 && <DropdownMenuSeparator />}
            {group.items.map((item) => (
              <DropdownMenuItem key={item.href} asChild>
                <Link href={item.href} aria-current={isActive(pathname, item.href) ? "page" : undefined}>
                  <item.icon aria-hidden className="size-4" />
                  {t(`nav.${item.labelKey}`)}
                </Link>
              </DropdownMenuItem>
            ))}
          </div>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
