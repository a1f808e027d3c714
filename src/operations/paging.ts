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

/**
 * Capillary's list answers: `{<listKey>: [...], pagination: {page, size, total, totalPages}}`.
 * `optionalPagination`: a list that is one page only (no page parameter) may come
 * without `pagination` (C18's fixed-window example): it then describes the items given.
 */
export function pageSchema<T>(
  listKey: string,
  item: z.ZodType<T>,
  { optionalPagination = false } = {},
): z.ZodType<Page<T>> {
  const pagination = optionalPagination ? paginationSchema.nullish() : paginationSchema;
  return z.looseObject({ pagination }).transform((data, ctx): Page<T> => {
    if (data.pagination == null && !(listKey in data)) {
      ctx.addIssue({ code: 'custom', message: `has neither ${listKey} nor pagination`, input: data });
      return z.NEVER;
    }
    const items = z.array(item).nullish().safeParse(data[listKey]);
    if (!items.success) {
      for (const issue of items.error.issues) ctx.addIssue({ ...issue, path: [listKey, ...issue.path] });
      return z.NEVER;
    }
    const given = items.data ?? [];
    const pageInfo = data.pagination ?? {
      page: 0,
      size: given.length,
      total: given.length,
      totalPages: given.length === 0 ? 0 : 1,
    };
    return { items: given, pageInfo };
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
