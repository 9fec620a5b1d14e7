import {
  Building2,
  FileUp,
  LayoutGrid,
  ListChecks,
  RefreshCw,
  ScrollText,
  SlidersHorizontal,
  Users,
} from "lucide-react";

export type NavItem = { href: string; labelKey: string; icon: typeof LayoutGrid };
export type NavGroup = { labelKey?: string; items: NavItem[] };

// Label keys point into the "nav" message namespace.
export const navGroups: NavGroup[] = [
  {
    items: [
      { href: "/", labelKey: "quickStart", icon: LayoutGrid },
      { href: "/identity-providers", labelKey: "identityProviders", icon: ListChecks },
    ],
  },
  {
    labelKey: "directory",
    items: [
      { href: "/directory/accounts", labelKey: "accounts", icon: Users },
      { href: "/directory/organizations", labelKey: "organizations", icon: Building2 },
      { href: "/directory/custom-fields", labelKey: "customFields", icon: SlidersHorizontal },
      { href: "/directory/import", labelKey: "import", icon: FileUp },
    ],
  },
  {
    items: [
      { href: "/sync-runs", labelKey: "syncRecords", icon: RefreshCw },
      { href: "/audit-log", labelKey: "auditLog", icon: ScrollText },
    ],
  },
];

export function isActive(pathname: string, href: string): boolean {
  return href === "/" ? pathname === "/" : pathname === href || pathname.startsWith(`${href}/`);
}
