/** The benchmark workloads, in report order. */
import { createHash } from 'node:crypto';
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

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
