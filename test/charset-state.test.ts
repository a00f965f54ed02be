/**
 * The charset decoders keep no state between headers. Chromium's fatal ISO-2022-JP
 * `TextDecoder` keeps its mode from one `decode()` call to the next: one decoder reused for
 * every header made every second ISO-2022-JP header of a run fail there. A `TextDecoder` that
 * behaves so is stubbed in here (Node's resets), and the fixture must still decode completely.
 */
import { readFileSync } from 'node:fs';
import { afterEach, expect, test, vi } from 'vitest';
import { decodeCharset } from '../src/index.ts';
import { asJson, decodeWhole } from './helpers/decode.ts';

const Real = globalThis.TextDecoder;

/** Like Chromium 156: a fatal ISO-2022-JP decoder throws on every second call. */
class StatefulTextDecoder extends Real {
  private calls = 0;
  override decode(input?: AllowSharedBufferSource, options?: TextDecodeOptions): string {
    if (this.encoding === 'iso-2022-jp' && this.fatal && this.calls++ % 2 === 1)
      throw new TypeError('The encoded data was not valid.');
    return super.decode(input, options);
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
});

test('a run of ISO-2022-JP headers decodes whole with a decoder that keeps state', () => {
  vi.stubGlobal('TextDecoder', StatefulTextDecoder);
  const bytes = new Uint8Array(readFileSync('fixtures/cases/iso-2022-jp.s2c.bin'));
  const golden = readFileSync('fixtures/cases/iso-2022-jp.golden.jsonl', 'utf8').trimEnd().split('\n');
  expect(asJson(decodeWhole(bytes)).map((j) => JSON.stringify(j))).toEqual(golden);
  expect(golden.join('\n')).not.toMatch(/"(subject|name)":"=\?/);
});

test('decodeCharset twice in a row, stateful decoder or not', () => {
  const b = Uint8Array.from(atob('GyRCRURDZkJATzobKEI='), (c) => c.charCodeAt(0));
  for (const stub of [false, true]) {
    if (stub) vi.stubGlobal('TextDecoder', StatefulTextDecoder);
    expect([decodeCharset(b, 'ISO-2022-JP'), decodeCharset(b, 'iso-2022-jp')]).toEqual([
      '田中太郎',
      '田中太郎',
    ]);
  }
});
