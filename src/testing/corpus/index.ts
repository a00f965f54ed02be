/**
 * The benchmark workloads (bench/), in report order: deterministic IMAP server traffic with the
 * counts a correct decoder must find. `imap-wire corpus` writes them for other benchmarks.
 */
import { bodyLiterals } from './body-literals.ts';
import { envelopeBodystructure } from './envelope-bodystructure.ts';
import { flagsSync } from './flags-sync.ts';
import { listStatus } from './list-status.ts';
import { mixedSession } from './mixed-session.ts';
import { preview } from './preview.ts';
import type { WorkloadGenerator } from './workload.ts';

export type { Expect, Workload, WorkloadGenerator } from './workload.ts';

export const WORKLOADS: Readonly<Record<string, WorkloadGenerator>> = {
  'flags-sync': flagsSync,
  'body-literals': bodyLiterals,
  'envelope-bodystructure': envelopeBodystructure,
  preview,
  'list-status': listStatus,
  'mixed-session': mixedSession,
};
