/**
 * Extension data this parser has no specific type for, kept as a tree (RFC 4466 `tagged-ext-val`).
 */

/**
 * A bare token as sent (`string`: atoms, numbers, sequence sets, `NIL`), a quoted string or
 * literal (`Uint8Array`, a view valid as long as its chunk is not modified), or a list.
 *
 * @example
 * ```ts
 * // ("X-FOO" (1 "a b" (c))) → [ '1', bytes('a b'), [ 'c' ] ]
 * ```
 */
export type ExtValue = string | Uint8Array | ExtValue[];
