/** The shape every corpus generator returns. */
export interface Expect {
  /** Every server response: tagged + untagged + continuation. */
  responses: number;
  /** Sum of the UID attribute of every FETCH response. */
  uidSum: number;
  /** Sum of the lengths of every BODY[...] / BINARY[...] section value (NIL counts 0). */
  bodyBytes: number;
}

export interface Workload {
  name: string;
  /** Case name by shape and size, e.g. "FETCH UID FLAGS MODSEQ, 100k msgs". */
  shape: string;
  bytes: Uint8Array;
  expect: Expect;
}

/**
 * `scale` 1 is the full corpus; `--quick` and the scaling check pass other factors. `seed` 0
 * (the default) is the benchmark's own corpus; any other seed gives other bytes of the same shape.
 */
export type WorkloadGenerator = (scale: number, seed?: number) => Workload;
