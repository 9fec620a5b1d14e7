"use client";

import { Filter } from "lucide-react";
import { useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "@/components/ui/dialog";
import { OuSearch } from "./ou-search";

// Filters the accounts list by an OU and everything under it (?ou=<id>).
export function OuFilter() {
  const t = useTranslations("accounts");
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline">
          <Filter aria-hidden className="size-4" />
          {t("filterByOu")}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>{t("filterByOu")}</DialogTitle>
          <DialogDescription>{t("filterByOuHelp")}</DialogDescription>
        </DialogHeader>
        <OuSearch
          label={t("organization")}
          autoFocus
          onPick={(ou) => {
            const next = new URLSearchParams(params);
            next.set("ou", ou.id);
            next.delete("page");
            setOpen(false);
            router.push(`${pathname}?${next}`);
          }}
        />
      </DialogContent>
    </Dialog>
  );
}
