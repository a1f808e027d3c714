import { queryField, type Issues, type Reader } from './input.js';
import { Records, type OrgRecord } from './records.js';
import { BADGES_PATH, EMPTY_LISTS, notFound, type JsonObject, type Route } from './wire.js';

/**
 * The badge custom field endpoints (`api_gateway/v1/badges/customField…`), after
 * ../shared/upstream/badges-groups-fields-api.md §4. No error of any kind is
 * documented for them: every error below is a GUESS.
 */

const DATA_TYPES = ['INTEGER', 'BOOLEAN', 'DATE', 'STRING'] as const;

type CustomField = {
  readonly name: string;
  readonly isMandatory: boolean;
  readonly defaultValue: string | null;
  readonly isActive: boolean;
  readonly dataType: (typeof DATA_TYPES)[number];
};

export class CustomFields {
  private readonly records = new Records<CustomField>({
    // Documented: 201 (a group create answers 200).
    createdStatus: 201,
    // Documented: `errors: []` and `warnings: []` here (unlike get group by id).
    readLists: EMPTY_LISTS,
    // GUESS: this follows get badge by id.
    notFound: notFound('Passed custom field is not found'),
    // Documented: names are unique per org, case-sensitive; GUESS: code 400 and this message (none is documented).
    duplicateName: { code: 400, message: 'Custom field name should be unique.', path: ['name'] },
    read: readCustomField,
    toJson: customFieldJson,
  });

  count(): number {
    return this.records.store.count();
  }

  routes(): Route[] {
    const fields = `${BADGES_PATH}/customField`;
    const byId = `${fields}/{customFieldId}`;
    return [
      { method: 'POST', path: fields, body: 'envelope', handle: (call) => this.records.create(call) },
      {
        method: 'GET',
        path: fields,
        handle: (call) =>
          this.records.list(call, 'customFieldROList', 'DESC', (issues) => arrange(issues, call.query)),
      },
      { method: 'GET', path: byId, handle: (call) => this.records.get(call, call.params.customFieldId) },
      {
        method: 'PUT',
        path: byId,
        body: 'envelope',
        handle: (call) => this.records.update(call, call.params.customFieldId),
      },
    ];
  }
}

/**
 * `dataType` is mandatory besides `name`; `defaultValue` stays text whatever
 * the type (seen). `isActive` is no create member, so it is read on update
 * only. GUESS: on create `isMandatory` defaults to false and `defaultValue` to
 * null; on update, members left out keep their values and `dataType` may change.
 */
function readCustomField(
  body: Reader,
  stored: CustomField | undefined,
): Omit<CustomField, 'name'> | undefined {
  const dataType = body.field('dataType').required().choice(DATA_TYPES);
  const isActive = stored === undefined ? true : (body.field('isActive').boolean() ?? stored.isActive);
  return dataType === undefined
    ? undefined
    : {
        isMandatory: body.field('isMandatory').boolean() ?? stored?.isMandatory ?? false,
        defaultValue: body.field('defaultValue').string() ?? stored?.defaultValue ?? null,
        isActive,
        dataType,
      };
}

/** Sorted on `lastUpdatedOn` (the only `sortOn`), newest first unless `order=ASC` (seen); ties by id. */
function arrange(issues: Issues, query: URLSearchParams) {
  queryField(issues, query, 'sortOn').choice(['LAST_UPDATED_DATE']);
  const isActive = queryField(issues, query, 'isActive').boolean();
  return (fields: Array<OrgRecord<CustomField>>) =>
    fields
      .filter((field) => isActive === undefined || field.isActive === isActive)
      .sort((a, b) => a.lastUpdatedOnMicros - b.lastUpdatedOnMicros || (a.id < b.id ? -1 : 1));
}

function customFieldJson(field: OrgRecord<CustomField>): JsonObject {
  return {
    isMandatory: field.isMandatory,
    defaultValue: field.defaultValue,
    isActive: field.isActive,
    dataType: field.dataType,
  };
}
