"use client";

import { useQuery } from "@tanstack/react-query";
import { ChevronDown, ChevronRight, Loader2 } from "lucide-react";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import type { OuListItem } from "@/lib/views/directory";
import { cn } from "@/lib/utils";

async function fetchChildren(parentId: string): Promise<OuListItem[]> {
  const res = await fetch(`/api/directory/ous?parentId=${encodeURIComponent(parentId)}`);
  if (!res.ok) throw new Error(String(res.status));
  return ((await res.json()) as { children: OuListItem[] }).children;
}

/** The OU tree, one level fetched per expand, so thousands of OUs stay fast. */
export function OuTree({ selectedId, expandedIds }: { selectedId?: string; expandedIds: string[] }) {
  const t = useTranslations("organizations");
  return (
    <ul role="tree" aria-label={t("tree")} className="text-sm">
      <OuLevel parentId="root" selectedId={selectedId} expandedIds={expandedIds} />
    </ul>
  );
}

function OuLevel({
  parentId,
  selectedId,
  expandedIds,
}: {
  parentId: string;
  selectedId?: string;
  expandedIds: string[];
}) {
  const t = useTranslations("organizations");
  const { data, isLoading, isError } = useQuery({
    queryKey: ["ou-children", parentId],
    queryFn: () => fetchChildren(parentId),
  });
  if (isLoading)
    return (
      <li className="text-muted-foreground flex items-center gap-1 px-2 py-1">
        <Loader2 aria-hidden className="size-3 animate-spin" />
        {t("loading")}
      </li>
    );
  if (isError)
    return (
      <li role="alert" className="text-destructive px-2 py-1">
        {t("loadFailed")}
      </li>
    );
  return (data ?? []).map((ou) => <OuNode key={ou.id} ou={ou} selectedId={selectedId} expandedIds={expandedIds} />);
}

function OuNode({ ou, selectedId, expandedIds }: { ou: OuListItem; selectedId?: string; expandedIds: string[] }) {
  const t = useTranslations("organizations");
  // The selected OU and its ancestors open by default; a click overrides that.
  const [toggled, setToggled] = useState<boolean | null>(null);
  const isOpen = toggled ?? expandedIds.includes(ou.id);
  const hasChildren = ou.childCount > 0;
  const isSelected = ou.id === selectedId;
  return (
    <li role="treeitem" aria-expanded={hasChildren ? isOpen : undefined} aria-selected={isSelected}>
      <div className={cn("flex items-center gap-1 rounded-md pr-2", isSelected && "bg-accent")}>
        {hasChildren ? (
          <button
            type="button"
            className="hover:bg-muted rounded p-1"
            aria-label={t(isOpen ? "collapse" : "expand", { name: ou.name })}
            onClick={() => setToggled(!isOpen)}
          >
            {isOpen ? <ChevronDown aria-hidden className="size-4" /> : <ChevronRight aria-hidden className="size-4" />}
          </button>
        ) : (
          <span className="w-6" aria-hidden />
        )}
        <Link
          href={`/directory/organizations?ou=${ou.id}`}
          className="flex-1 truncate py-1 hover:underline"
          aria-current={isSelected ? "true" : undefined}
        >
          {ou.name}
        </Link>
        <span className="text-muted-foreground text-xs tabular-nums">{ou.memberCount}</span>
      </div>
      {hasChildren && isOpen && (
        <ul role="group" className="ml-3 border-l pl-2">
          <OuLevel parentId={ou.id} selectedId={selectedId} expandedIds={expandedIds} />
        </ul>
      )}
    </li>
  );
}
