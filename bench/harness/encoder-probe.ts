/**
 * Child-process entry of the encoder bench (./encoder.ts): `encoder-probe.ts SCALE PLAN_JSON`.
 * A fresh process, so the parser cells that ran before leave no heap or JIT state behind;
 * progress goes to stderr, the `EncoderResult` as one JSON line to stdout.
 */
import { commandCorpus } from '../../src/testing/corpus/commands.ts';
import { benchEncoder, loadApi } from './encoder.ts';
import type { TimingPlan } from './timing.ts';

const [scaleArg, planArg] = process.argv.slice(2);
if (!scaleArg || !planArg) {
  console.error('usage: node --import tsx encoder-probe.ts SCALE PLAN_JSON');
  process.exit(2);
}
const corpus = commandCorpus(Number(scaleArg));
process.stderr.write(`\n== encoder: ${corpus.shape}\n`);
const result = await benchEncoder(await loadApi(), corpus, JSON.parse(planArg) as TimingPlan, (s) =>
  process.stderr.write(`${s}\n`),
);
console.log(JSON.stringify(result));
