// The page a list's address asks for (`?page=N`), for lists paged with components/data-list.tsx Pagination:
// anything that is not a whole number of at least 1 is the first page; the query clamps a page past the end.
export function requestedPage(params: Record<string, string | string[] | undefined>): number {
  const value = params.page;
  const page = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(page) && page > 0 ? page : 1;
}
