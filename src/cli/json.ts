/**
 * The JSON form of decoded items (what `imap-wire decode` prints): the typed model itself, with
 * byte strings as JSON strings when valid UTF-8 else `{"base64": …}`, bigints as decimal
 * strings, dates as ISO 8601, and errors as `{type:"error", code, offset, message, excerpt}` (with `quirk`, `tag`, `status` when
 * known).
 */
import type { DecodeItem } from '../decoder.ts';
import { asciiString, utf8OrUndefined } from '../lexer/strings.ts';

/** Options of {@link toJsonValue}. */
export interface JsonOptions {
  /** Abbreviate byte strings longer than this (for people, not for golden files). */
  maxBytes?: number;
}

function bytesToJson(b: Uint8Array, o: JsonOptions): unknown {
  const max = o.maxBytes;
  const cut = max !== undefined && b.length > max;
  let end = cut ? max : b.length;
  // Cut at a UTF-8 character boundary, not inside a sequence.
  while (cut && end > 0 && (b[end]! & 0xc0) === 0x80) end--;
  const view = b.subarray(0, end);
  const s = utf8OrUndefined(view);
  const more = cut ? `… (${b.length} bytes)` : '';
  if (s !== undefined) return s + more;
  const b64 = btoa(asciiString(view, 0, view.length));
  return cut ? { base64: b64, truncated: b.length } : { base64: b64 };
}

/** Converts a model value to plain JSON data. */
export function toJsonValue(v: unknown, o: JsonOptions = {}): unknown {
  if (v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Uint8Array) return bytesToJson(v, o);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v.toISOString();
  if (Array.isArray(v)) return v.map((x) => toJsonValue(x, o));
  if (typeof v === 'object') {
    // Wire data never becomes a key here: keys are the model's own field names.
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
      if (x !== undefined) out[k] = toJsonValue(x, o);
    }
    return out;
  }
  return String(v);
}

/** One decoded item as its JSON object. */
export function itemToJson(item: DecodeItem, o: JsonOptions = {}): unknown {
  if (item.type === 'error') {
    const e = item.error;
    const out: Record<string, unknown> = {
      type: 'error',
      code: e.code,
      offset: e.offset,
      message: e.message,
      excerpt: e.excerpt,
    };
    if (e.quirk !== undefined) out['quirk'] = e.quirk;
    if (e.tag !== undefined) out['tag'] = e.tag;
    if (e.status !== undefined) out['status'] = e.status;
    return out;
  }
  return toJsonValue(item, o);
}
