// Directory shapes the server hands to pages.
export type OuListItem = {
  id: string;
  name: string;
  parentId: string | null;
  order: number;
  childCount: number;
  memberCount: number;
};

export type OuSearchResult = { id: string; name: string; path: string };

/** A problem with one cell (or the header) of an imported CSV; `message` is a field message code (lib/messages). */
export type CsvIssue = { row: number; column: string; message: string; value?: string };
