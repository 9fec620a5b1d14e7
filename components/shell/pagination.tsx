import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils";

/** Server-rendered Previous / Next links that keep the other query parameters. */
export async function Pagination({
  page,
  pages,
  basePath,
  params,
}: {
  page: number;
  pages: number;
  basePath: string;
  params?: Record<string, string | undefined>;
}) {
  const t = await getTranslations("common");
  const href = (p: number) => {
    const query = new URLSearchParams(
      Object.entries({ ...params, page: String(p) }).filter((e): e is [string, string] => !!e[1]),
    );
    return `${basePath}?${query}`;
  };
  const link = (p: number, label: string, disabled: boolean) =>
    disabled ? (
      <span
        aria-disabled
        className={cn(buttonVariants({ variant: "outline", size: "sm" }), "pointer-events-none opacity-50")}
      >
        {label}
      </span>
    ) : (
      <Link href={href(p)} className={buttonVariants({ variant: "outline", size: "sm" })}>
        {label}
      </Link>
    );
  return (
    <nav aria-label="Pagination" className="mt-4 flex items-center justify-between gap-2">
      <p className="text-muted-foreground text-sm">{t("page", { page, pages: Math.max(pages, 1) })}</p>
      <div className="flex gap-2">
        {link(page - 1, t("previous"), page <= 1)}
        {link(page + 1, t("next"), page >= pages)}
      </div>
    </nav>
  );
}

export function parsePage(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : 1;
}
