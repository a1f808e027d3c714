import { Issues, Reader, readOrder, readPaging, type Order, type Path } from './input.js';
import {
  Answer,
  EMPTY_LISTS,
  OrgStore,
  auditJson,
  createdAudit,
  failure,
  nowMicros,
  objectId,
  pageJson,
  success,
  updatedAudit,
  type Audit,
  type Call,
  type JsonObject,
  type Precision,
  type SuccessLists,
} from './wire.js';

/** A record of an org: its writable members, an ObjectId and the audit members. */
export type OrgRecord<W> = W & Audit & { readonly id: string; readonly orgId: number };

export interface RecordsOptions<W extends { readonly name: string }> {
  /** The status of a create's success. */
  readonly createdStatus: number;
  /** `errors` and `warnings` of a read by id. */
  readonly readLists: SuccessLists;
  /** The answer for an id the org does not hold. */
  readonly notFound: Answer;
  /** The error for a name another record of the org has (names are unique per org, case-sensitive). */
  readonly duplicateName: { readonly code: number; readonly message: string; readonly path: Path | null };
  /** Reads the members besides `name` from the body of a create (`stored` undefined) or an update. */
  readonly read: (body: Reader, stored: OrgRecord<W> | undefined) => Omit<W, 'name'> | undefined;
  /** The members of the record as answered after `id`, `orgId` and `name`, and before the audit ones. */
  readonly toJson: (record: OrgRecord<W>) => JsonObject;
}

/**
 * Named records of an org, the way badge groups and custom fields behave alike:
 * create, update and read by id, and a paged list. A write answers the record
 * with microsecond timestamps and `errors`/`warnings` `[]`, a read with
 * milliseconds. GUESS: a missing or blank `name` answers Bean Validation's
 * `must not be blank`.
 */
export class Records<W extends { readonly name: string }> {
  readonly store = new OrgStore<OrgRecord<W>>();

  constructor(private readonly options: RecordsOptions<W>) {}

  create(call: Call): Answer {
    const orgId = call.orgId();
    const members = this.members(call, orgId, undefined);
    if (members instanceof Answer) return members;
    const now = nowMicros();
    const record = { ...members, id: objectId(now), orgId, ...createdAudit(call.user, now) };
    this.store.put(orgId, record);
    return success(this.json(record, 'micros'), EMPTY_LISTS, this.options.createdStatus);
  }

  /** GUESS: an unknown id answers the not-found before its body is validated. */
  update(call: Call, id: string | undefined): Answer {
    const orgId = call.orgId();
    const stored = this.store.get(orgId, id ?? '');
    if (stored === undefined) return this.options.notFound;
    const members = this.members(call, orgId, stored);
    if (members instanceof Answer) return members;
    const record = { ...stored, ...members, ...updatedAudit(stored, call.user, nowMicros()) };
    this.store.put(orgId, record);
    return success(this.json(record, 'micros'), EMPTY_LISTS);
  }

  get(call: Call, id: string | undefined): Answer {
    const record = this.store.get(call.orgId(), id ?? '');
    if (record === undefined) return this.options.notFound;
    return success(this.json(record, 'millis'), this.options.readLists);
  }

  /**
   * A page of the org's records under `listKey`, read with milliseconds: `page`
   * from 0, `size` (default 10), `order` (default `order`). `arrange` reads its
   * own query parameters and returns what filters and sorts the records
   * ascending; DESC reverses them.
   */
  list(
    call: Call,
    listKey: string,
    order: Order,
    arrange: (issues: Issues) => (records: Array<OrgRecord<W>>) => Array<OrgRecord<W>>,
  ): Answer {
    const issues = new Issues();
    const paging = readPaging(issues, call.query, ['size']);
    const direction = readOrder(issues, call.query, order);
    const arranged = arrange(issues);
    const invalid = issues.answer();
    if (invalid !== null) return invalid;
    const records = arranged(this.store.all(call.orgId()));
    if (direction === 'DESC') records.reverse();
    return success(
      pageJson(listKey, records, paging, (record) => this.json(record, 'millis')),
      EMPTY_LISTS,
    );
  }

  private json(record: OrgRecord<W>, precision: Precision): JsonObject {
    return {
      id: record.id,
      orgId: record.orgId,
      name: record.name,
      ...this.options.toJson(record),
      ...auditJson(record, precision, true),
    };
  }

  private members(call: Call, orgId: number, stored: OrgRecord<W> | undefined): W | Answer {
    const issues = new Issues();
    const body = Reader.body(call.body, issues);
    const name = body?.field('name').nonBlank().string();
    const rest = body === undefined ? undefined : this.options.read(body, stored);
    if (name !== undefined && this.store.nameTaken(orgId, name, stored?.id)) {
      const { code, message, path } = this.options.duplicateName;
      issues.invalid(code, message, path);
    }
    const invalid = issues.answer();
    if (invalid !== null || name === undefined || rest === undefined) return invalid ?? failure(400, []);
    return { ...rest, name } as W;
  }
}
