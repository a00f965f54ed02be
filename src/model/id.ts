/** RFC 2971 ID. */

/** One `string SP nstring` pair, in the order sent. */
export interface IdParam {
  name: string;
  value: string | null;
}

/**
 * `"ID" SP id-params-list`. The pairs stay an array (never an object keyed by wire strings:
 * a server could send `__proto__`), `null` when the server sent NIL.
 *
 * @example
 * ```ts
 * // * ID ("name" "Dovecot") → { kind: 'id', params: [{ name: 'name', value: 'Dovecot' }] }
 * ```
 */
export interface IdResponse {
  type: 'untagged';
  kind: 'id';
  params: IdParam[] | null;
}
