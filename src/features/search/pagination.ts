// Numbered pagination for the nhsuk pagination macro: first, last, the current page and its
// neighbours, with ellipses between (https://service-manual.nhs.uk/design-system/components/pagination).
export interface PaginationParams {
  previous?: { href: string };
  next?: { href: string };
  items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[];
}

export function pagination(page: number, pageCount: number, hrefOf: (page: number) => string): PaginationParams | null {
  if (pageCount <= 1) return null;
  const shown = [...new Set([1, page - 1, page, page + 1, pageCount])].filter((n) => n >= 1 && n <= pageCount).sort((a, b) => a - b);
  const items: PaginationParams['items'] = [];
  shown.forEach((n, i) => {
    const before = shown[i - 1];
    if (before !== undefined && n - before > 1) items.push({ ellipsis: true });
    items.push({ number: n, href: hrefOf(n), current: n === page });
  });
  return {
    previous: page > 1 ? { href: hrefOf(page - 1) } : undefined,
    next: page < pageCount ? { href: hrefOf(page + 1) } : undefined,
    items,
  };
}
