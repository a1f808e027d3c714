import type { RequestReads } from '../capillary/operation.js';
import type { Badge } from '../operations/badges/badge.js';
import { registry } from '../operations/index.js';

/** The badge a result names by `badgeId`, read (once per request) when selected; null when it cannot be read. */
export async function badgeById(
  { badgeId }: { readonly badgeId: string },
  { read }: RequestReads,
): Promise<Badge | null> {
  const result = await read(registry.badge, { id: badgeId, includeStatistics: false });
  return result.__typename === 'Badge' ? result : null;
}
