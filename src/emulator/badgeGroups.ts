import { Records, type OrgRecord } from './records.js';
import { BADGES_PATH, NULL_LISTS, notFound, type JsonObject, type Route } from './wire.js';

/**
 * The badge group endpoints (`api_gateway/v1/badges/group…`), after
 * ../shared/upstream/badges-groups-fields-api.md §3; what it leaves open is marked GUESS.
 */

export type Group = { readonly name: string; readonly rank: number };

export class BadgeGroups {
  /**
   * `{name, rank}`, both mandatory, so an update replaces both. 732 and 733
   * carry the table's wording, HTTP 400 (inferred). Duplicate ranks are
   * allowed (seen).
   */
  private readonly records = new Records<Group>({
    createdStatus: 200,
    // Documented: get by id answers `errors: null` and `warnings: null` (everything else `[]`).
    readLists: NULL_LISTS,
    // GUESS: no not-found is documented; this follows get badge by id.
    notFound: notFound('Passed group is not found'),
    duplicateName: { code: 733, message: 'Group Name should be Unique.', path: null },
    read: (body) => {
      const rank = body.field('rank').required('Group Rank is Mandatory.', 732).integer();
      return rank === undefined ? undefined : { rank };
    },
    toJson: groupJson,
  });

  count(): number {
    return this.records.store.count();
  }

  nameOf(orgId: number, groupId: string): string | null {
    return this.find(orgId, groupId)?.name ?? null;
  }

  /** A group's name and rank (the customer reads order by rank). */
  find(orgId: number, groupId: string): Group | undefined {
    return this.records.store.get(orgId, groupId);
  }

  routes(): Route[] {
    const groups = `${BADGES_PATH}/group`;
    return [
      { method: 'POST', path: groups, body: 'envelope', handle: (call) => this.records.create(call) },
      // Seen: creation order; GUESS: ascending unless `order=DESC`.
      {
        method: 'GET',
        path: groups,
        handle: (call) => this.records.list(call, 'badgeGroups', 'ASC', () => (records) => records),
      },
      // GUESS: the documented `page`, `size`, `order` and `status` parameters are ignored on one group.
      {
        method: 'GET',
        path: `${groups}/{groupId}`,
        handle: (call) => this.records.get(call, call.params.groupId),
      },
      // The docs name PUT and POST, on `badges/{groupid}` and on `badges/group/{groupid}`: all four are served.
      ...(['PUT', 'POST'] as const).flatMap((method) =>
        [`${BADGES_PATH}/{groupId}`, `${groups}/{groupId}`].map((path) => ({
          method,
          path,
          body: 'envelope' as const,
          handle: (call: Parameters<Route['handle']>[0]) => this.records.update(call, call.params.groupId),
        })),
      ),
    ];
  }
}

/** GUESS: no way to deactivate a group is documented, so `isActive` is always true. */
function groupJson(group: OrgRecord<Group>): JsonObject {
  return {
    rank: group.rank,
    isActive: true,
  };
}
