import { failure, problem, type Answer, type EnvelopeError, type Paging } from './wire.js';

/**
 * Reading request bodies and query strings the way Capillary's Spring service
 * does: Jackson first (a value it cannot read fails the request alone, with code
 * 400), then Bean Validation and the business rules (several errors at once).
 */

export type Path = readonly (string | number)[];

/** Jackson's path: an array element has no field name, so it reads `null` (seen: `ownership.restrictedToOwners.null`). */
function jacksonPath(path: Path): string {
  return path.map((part) => (typeof part === 'number' ? 'null' : part)).join('.');
}

/** Bean Validation's path, e.g. `customerConstraints[0].durationType`. */
function beanPath(path: Path): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    return text === '' ? part : `${text}.${part}`;
  }, '');
}

/** Seen on claim and update; GUESS: every enum, in a body or a query string, answers it the same way. */
function enumMessage(value: string, field: string, shown: readonly string[]): string {
  return `Invalid enum value: '${value}' for the field: '${field}'. The value must be one of: [${shown.join(', ')}].`;
}

export class Issues {
  private unreadable: EnvelopeError | null = null;
  private readonly problems: EnvelopeError[] = [];

  /**
   * GUESS: like Jackson, only the first value that cannot be read is answered,
   * alone, with `reference` set to its path (the docs show the message only).
   */
  cannotRead(message: string, path: Path): void {
    this.unreadable ??= problem(400, message, path.length === 0 ? null : jacksonPath(path));
  }

  /** A validation or business-rule failure; all of them are answered together (seen: four at once). */
  invalid(code: number, message: string, path: Path | null = null): void {
    this.problems.push(problem(code, message, path === null ? null : beanPath(path)));
  }

  get failed(): boolean {
    return this.unreadable !== null || this.problems.length > 0;
  }

  /** What to answer: the unreadable value alone, else every problem; null when nothing is wrong. */
  errors(): EnvelopeError[] | null {
    if (this.unreadable !== null) return [this.unreadable];
    return this.problems.length > 0 ? [...this.problems] : null;
  }

  /** The 400 to answer, or null when nothing is wrong. */
  answer(): Answer | null {
    const errors = this.errors();
    return errors === null ? null : failure(400, errors);
  }
}

const INT_MIN = -2_147_483_648;
const INT_MAX = 2_147_483_647;
/** GUESS: dates outside 1970-01-01 … 9999-12-31 cannot be read. */
const LAST_EPOCH_SECOND = 253_402_300_799;
const ISO_DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,9})?)?(Z|[+-]\d\d:?\d\d)$/;

function describe(value: unknown): string {
  if (typeof value === 'string') return `String ${JSON.stringify(value)}`;
  if (typeof value === 'number') return `Number value (${value})`;
  if (typeof value === 'boolean') return `Boolean value (${String(value)})`;
  return Array.isArray(value)
    ? 'Array value (token `JsonToken.START_ARRAY`)'
    : 'Object value (token `JsonToken.START_OBJECT`)';
}

/**
 * One value of a body or query string and where it sits. Missing and JSON
 * `null` read as undefined. GUESS: scalars are coerced as Jackson does by
 * default (a number where a string belongs becomes its text, `"2"` where an
 * integer belongs becomes 2, `"true"` a boolean): the docs type `rank`,
 * `isMandatory` and `isActive` as strings in one place and send `badgeGroupId`
 * as a number in another. Unknown fields are ignored: the documented update
 * examples echo whole read payloads back.
 */
export class Field {
  constructor(
    private readonly issues: Issues,
    readonly value: unknown,
    readonly path: Path,
    private readonly origin: 'body' | 'query' = 'body',
  ) {}

  get present(): boolean {
    return this.value !== undefined && this.value !== null;
  }

  /** GUESS: unless a code is documented, Bean Validation's `must not be null` with code 400. */
  required(message = 'must not be null', code = 400): this {
    if (!this.present) this.issues.invalid(code, message, this.path);
    return this;
  }

  /** GUESS: unless a code is documented, Bean Validation's `must not be blank` with code 400. */
  nonBlank(message = 'must not be blank', code = 400): this {
    if (!this.present || (typeof this.value === 'string' && this.value.trim() === '')) {
      this.issues.invalid(code, message, this.path);
    }
    return this;
  }

  /**
   * The value as `convert` reads it; when it cannot, why is recorded. Missing
   * reads as undefined. GUESS: the messages are Jackson's for a body and
   * Spring's for a query parameter (the docs show neither).
   */
  private read<T>(javaType: string, convert: (value: unknown) => T | undefined): T | undefined {
    if (!this.present) return undefined;
    const read = convert(this.value);
    if (read !== undefined) return read;
    const shown = typeof this.value === 'string' ? this.value : JSON.stringify(this.value);
    this.issues.cannotRead(
      this.origin === 'query'
        ? `Failed to convert value of type 'java.lang.String' to required type '${javaType}'; For input string: "${shown}"`
        : `JSON parse error: Cannot deserialize value of type \`${javaType}\` from ${describe(this.value)}`,
      this.path,
    );
    return undefined;
  }

  string(): string | undefined {
    return this.read('java.lang.String', (value) => {
      if (typeof value === 'string') return value;
      return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
    });
  }

  /** An integer, 32-bit unless `max` says otherwise; GUESS: below `min`, Bean Validation's `@Min` message. */
  integer(min = INT_MIN, max = INT_MAX): number | undefined {
    const number = this.read(max > INT_MAX ? 'long' : 'int', (value) => {
      const number = typeof value === 'string' && /^-?\d{1,16}$/.test(value) ? Number(value) : value;
      return typeof number === 'number' && Number.isInteger(number) && number >= INT_MIN && number <= max
        ? number
        : undefined;
    });
    if (number !== undefined && number < min) {
      this.issues.invalid(400, `must be greater than or equal to ${min}`, this.path);
    }
    return number;
  }

  boolean(): boolean | undefined {
    return this.read('boolean', (value) => {
      if (typeof value === 'boolean') return value;
      return value === 'true' || value === 'false' ? value === 'true' : undefined;
    });
  }

  /** Epoch seconds (a number, possibly fractional, or its text) or an ISO-8601 date-time, as epoch seconds. */
  epoch(): number | undefined {
    return this.read('long', (value) => {
      let seconds = Number.NaN;
      if (typeof value === 'number') seconds = value;
      else if (typeof value === 'string' && /^\d{1,12}(\.\d{1,9})?$/.test(value)) seconds = Number(value);
      else if (typeof value === 'string' && ISO_DATE_TIME.test(value)) seconds = Date.parse(value) / 1000;
      return Number.isFinite(seconds) && seconds >= 0 && seconds <= LAST_EPOCH_SECOND ? seconds : undefined;
    });
  }

  /**
   * One of `values` (case-sensitive); `shown` is the list the error message
   * names (the server's own list can be shorter than what it accepts), and
   * `aliases` maps other spellings accepted on input.
   */
  choice<T extends string>(
    values: readonly T[],
    options: { readonly shown?: readonly string[]; readonly aliases?: Readonly<Record<string, T>> } = {},
  ): T | undefined {
    const text = this.string();
    if (text === undefined) return undefined;
    const { aliases } = options;
    const found =
      values.find((value) => value === text) ??
      (aliases !== undefined && Object.hasOwn(aliases, text) ? aliases[text] : undefined);
    if (found !== undefined) return found;
    this.issues.cannotRead(enumMessage(text, jacksonPath(this.path), options.shown ?? values), this.path);
    return undefined;
  }

  object(): Reader | undefined {
    return this.read('java.lang.Object', (value) =>
      isRecord(value) ? new Reader(this.issues, value, this.path) : undefined,
    );
  }

  list(): Field[] | undefined {
    return this.read('java.util.ArrayList', (value) =>
      Array.isArray(value)
        ? value.map(
            (item: unknown, index) => new Field(this.issues, item, [...this.path, index], this.origin),
          )
        : undefined,
    );
  }

  /** A flat string→string map; GUESS: scalar values become their text, JSON `null` the text `"null"` (seen as a value). */
  stringMap(): Record<string, string> | undefined {
    const reader = this.object();
    if (reader === undefined) return undefined;
    return Object.fromEntries(
      reader.keys().flatMap((key) => {
        const field = reader.field(key);
        const text = field.value === null ? 'null' : field.string();
        return text === undefined ? [] : [[key, text]];
      }),
    );
  }
}

/** A JSON object of a body. */
export class Reader {
  constructor(
    private readonly issues: Issues,
    private readonly fields: Readonly<Record<string, unknown>>,
    private readonly path: Path = [],
  ) {}

  /** The body as an object; GUESS: any other JSON value (array, string, null) cannot be read. */
  static body(body: unknown, issues: Issues): Reader | undefined {
    if (isRecord(body)) return new Reader(issues, body);
    issues.cannotRead(
      `JSON parse error: Cannot deserialize value of type \`java.lang.Object\` from ${describe(body)}`,
      [],
    );
    return undefined;
  }

  /** The first of `keys` that is present, else the first: for a field with a second documented spelling. */
  fieldOf(...keys: readonly [string, ...string[]]): Field {
    return keys.map((key) => this.field(key)).find((field) => field.present) ?? this.field(keys[0]);
  }

  field(key: string): Field {
    return new Field(this.issues, Object.hasOwn(this.fields, key) ? this.fields[key] : undefined, [
      ...this.path,
      key,
    ]);
  }

  keys(): string[] {
    return Object.keys(this.fields);
  }
}

export function queryField(issues: Issues, query: URLSearchParams, name: string): Field {
  // GUESS: an empty query value counts as absent.
  const value = query.get(name);
  return new Field(issues, value === '' ? undefined : value, [name], 'query');
}

/** GUESS: a page size above this is answered as this many (the docs name no maximum). */
const MAX_PAGE_SIZE = 1000;

/**
 * `page` from 0 (default 0) and the page size from the first of `sizeNames`
 * present (default 10, seen in every parameter-less example).
 */
export function readPaging(issues: Issues, query: URLSearchParams, sizeNames: readonly string[]): Paging {
  const page = queryField(issues, query, 'page').integer(0) ?? 0;
  const sizeName = sizeNames.find((name) => query.get(name)) ?? 'size';
  const size = queryField(issues, query, sizeName).integer(1) ?? 10;
  return { page: Math.max(page, 0), size: Math.min(Math.max(size, 1), MAX_PAGE_SIZE) };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const ORDERS = ['ASC', 'DESC'] as const;
export type Order = (typeof ORDERS)[number];

/** GUESS: `order` is read case-insensitively. */
export function readOrder(issues: Issues, query: URLSearchParams, fallback: Order): Order {
  return (
    queryField(issues, query, 'order').choice(ORDERS, { aliases: { asc: 'ASC', desc: 'DESC' } }) ?? fallback
  );
}
