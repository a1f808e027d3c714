import { z } from 'zod';

/** A page of a list, as the schema gives it: the items and a `BadgesPageInfo`. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly pageInfo: {
    readonly page: number;
    readonly size: number;
    readonly total: number;
    readonly totalPages: number;
  };
}

const paginationSchema = z.object({
  page: z.number().int(),
  size: z.number().int(),
  total: z.number().int(),
  totalPages: z.number().int(),
});

/** Capillary's list answers: `{<listKey>: [...], pagination: {page, size, total, totalPages}}`. */
export function pageSchema<T>(listKey: string, item: z.ZodType<T>): z.ZodType<Page<T>> {
  return z.looseObject({ pagination: paginationSchema }).transform((data, ctx): Page<T> => {
    const items = z.array(item).nullish().safeParse(data[listKey]);
    if (!items.success) {
      for (const issue of items.error.issues) ctx.addIssue({ ...issue, path: [listKey, ...issue.path] });
      return z.NEVER;
    }
    return { items: items.data ?? [], pageInfo: data.pagination };
  });
}

/** Paging arguments as the schema takes them (page from 0, size 1 to 100). */
export interface PagingArgs {
  readonly page?: number | null;
  readonly size?: number | null;
}

export const MAX_PAGE_SIZE = 100;

/** The query parameters of a page: Capillary's `page` and `size`. */
export function pageQuery({ page, size }: PagingArgs): { page: number; size: number } {
  return { page: page ?? 0, size: size ?? 10 };
}

/** Problems with paging arguments, checked before any call. */
export function pagingProblems({ page, size }: PagingArgs): Array<{ path: string[]; message: string }> {
  const problems: Array<{ path: string[]; message: string }> = [];
  if (page != null && page < 0) problems.push({ path: ['page'], message: 'must be 0 or more' });
  if (size != null && (size < 1 || size > MAX_PAGE_SIZE)) {
    problems.push({ path: ['size'], message: `must be from 1 to ${MAX_PAGE_SIZE}` });
  }
  return problems;
}
