/**
 * ENABLE (RFC 5161 §3.1; RFC 9051 §6.3.1), mirroring `parser/capability.ts`.
 *
 * ```abnf
 * enable     = "ENABLE" 1*(SP capability)
 * capability = ("AUTH=" auth-type) / atom
 * ```
 */
import { eachItem, expectArray } from './check.ts';
import type { Writer } from './writer.ts';

/** `ENABLE capability…` */
export function writeEnable(w: Writer, c: Record<string, unknown>): void {
  w.raw('ENABLE');
  eachItem(expectArray(c['capabilities'], 'capabilities', true), (cap, i) => {
    w.sp().atom(cap, `capabilities[${i}]`, undefined, 'a capability atom');
  });
}
