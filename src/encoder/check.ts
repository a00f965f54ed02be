/**
 * Shape checks for values that come from callers (or from JSON): the encoder runs on whatever
 * it is given, and a wrong shape is an `INVALID_ARGUMENT` naming the field, never a `TypeError`.
 */
import { ImapEncodeError } from './errors.ts';
import { describe } from './writer.ts';

/** True for what {@link expectObject} accepts. */
export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Uint8Array);
}

/**
 * `field[i]`, or `field` when `i` is negative: the path of a list item. Hot loops pass the list's
 * field and the index, and make the path only for an error.
 */
export function at(field: string, i: number): string {
  return i < 0 ? field : `${field}[${i}]`;
}

/** A plain object (not null, not an array). */
export function expectObject(v: unknown, field: string): Record<string, unknown> {
  if (!isObject(v)) {
    throw new ImapEncodeError('INVALID_ARGUMENT', field, `expected an object, got ${describe(v)}`);
  }
  return v as Record<string, unknown>;
}

/** An array; `nonEmpty`: with at least one element (the grammar's `1*`). */
export function expectArray(v: unknown, field: string, nonEmpty = false): readonly unknown[] {
  if (!Array.isArray(v))
    throw new ImapEncodeError('INVALID_ARGUMENT', field, `expected an array, got ${describe(v)}`);
  if (nonEmpty && v.length === 0)
    throw new ImapEncodeError('INVALID_ARGUMENT', field, 'expected at least one item');
  return v;
}

/**
 * Calls `f` for every index of a caller's list, holes included: a hole of a sparse array
 * (`[a, , b]`) comes as `undefined`, which the item's own check refuses, naming `field[i]`.
 * `forEach` and `map` skip holes, and the command would silently lose an item.
 */
export function eachItem(list: readonly unknown[], f: (v: unknown, i: number) => void): void {
  for (let i = 0; i < list.length; i++) f(list[i], i);
}

/** `undefined` (absent) or a boolean. */
export function optionalBoolean(v: unknown, field: string): boolean {
  if (v === undefined) return false;
  if (typeof v !== 'boolean')
    throw new ImapEncodeError('INVALID_ARGUMENT', field, `expected a boolean, got ${describe(v)}`);
  return v;
}

/** One of a fixed set of keywords (exactly as listed). */
export function oneOf<T extends string>(v: unknown, field: string, values: readonly T[]): T {
  if (typeof v !== 'string' || !(values as readonly string[]).includes(v)) {
    throw new ImapEncodeError(
      'INVALID_ARGUMENT',
      field,
      `expected one of ${values.join(', ')}, got ${describe(v)}`,
    );
  }
  return v as T;
}
