/**
 * BODYSTRUCTURE trees (RFC 3501 section 7.4.2, RFC 9051 section 7.5.2) in two server styles:
 * Dovecot writes lower case types and all four extension fields (md5, dsp, lang, loc); Gmail
 * upper case and three (no location). Shapes: text/plain, multipart/alternative, mixed with
 * attachments (RFC 2231 `name*` / `filename*0*` params), related with inline images, and a
 * forwarded message/rfc822 with its own envelope and nested multipart.
 */
import { envelope, nstr, type ServerStyle } from './envelope.ts';
import type { Rng } from './prng.ts';

interface Ctx {
  rng: Rng;
  style: ServerStyle;
}

function cased(ctx: Ctx, s: string): string {
  return ctx.style === 'gmail' ? s.toUpperCase() : s;
}

function params(ctx: Ctx, pairs: readonly (readonly [string, string])[]): string {
  if (pairs.length === 0) return 'NIL';
  return `(${pairs.map(([k, v]) => `${nstr(cased(ctx, k))} ${nstr(v)}`).join(' ')})`;
}

/** Single-part extension data after size/lines: md5 dsp lang [loc]. */
function partExt(ctx: Ctx, disposition: string): string {
  const lang = ctx.rng.chance(0.05) ? '("de-CH")' : 'NIL';
  return ctx.style === 'gmail' ? `NIL ${disposition} ${lang}` : `NIL ${disposition} ${lang} NIL`;
}

function text(ctx: Ctx, subtype: 'plain' | 'html' | 'calendar'): string {
  const { rng } = ctx;
  const charset = rng.pick(['utf-8', 'us-ascii', 'ISO-8859-1', 'windows-1256']);
  const enc = rng.pick(['7bit', 'quoted-printable', 'base64', '8bit']);
  const p: [string, string][] = [['charset', charset]];
  if (subtype === 'plain' && rng.chance(0.1)) p.push(['format', 'flowed'], ['delsp', 'yes']);
  if (subtype === 'calendar') p.push(['method', 'REQUEST']);
  const size = rng.logInt(40, 200_000);
  const lines = Math.ceil(size / 60);
  return `(${nstr(cased(ctx, 'text'))} ${nstr(cased(ctx, subtype))} ${params(ctx, p)} NIL NIL ${nstr(cased(ctx, enc))} ${size} ${lines} ${partExt(ctx, 'NIL')})`;
}

const FILE_NAMES = [
  'Q3 report.pdf',
  'chart.png',
  'Grüße aus Köln.pdf',
  '€ rates 2024.xlsx',
  'invite.ics',
  'контракт.docx',
];

function pct(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

function attachment(ctx: Ctx, inline: boolean): string {
  const { rng } = ctx;
  const name = rng.pick(FILE_NAMES);
  const [type, subtype] = inline
    ? ['image', rng.pick(['png', 'jpeg', 'gif'])]
    : rng.pick([
        ['application', 'pdf'],
        ['application', 'vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
        ['application', 'octet-stream'],
        ['image', 'png'],
      ] as const);
  const ascii = /^[\x20-\x7e]*$/.test(name);
  // RFC 2231: Dovecot and Gmail pass the parameters through undecoded
  const typeParams: [string, string][] =
    ascii || rng.chance(0.5) ? [['name', name]] : [['name*', `utf-8''${pct(name)}`]];
  let dspParams: [string, string][];
  if (ascii) dspParams = [['filename', name]];
  else if (rng.chance(0.5)) dspParams = [['filename*', `utf-8''${pct(name)}`]];
  else {
    const enc = pct(name);
    const cut = enc.length >> 1;
    dspParams = [
      ['filename*0*', `utf-8''${enc.slice(0, cut).replace(/%[0-9A-F]?$/, '')}`],
      ['filename*1*', enc.slice(enc.slice(0, cut).replace(/%[0-9A-F]?$/, '').length)],
    ];
  }
  if (rng.chance(0.2)) dspParams.push(['size', String(rng.int(100, 9_000_000))]);
  const id = inline ? nstr(`<img${rng.hex(6)}@example.com>`) : 'NIL';
  const size = rng.logInt(100, 8_000_000);
  const dsp = `(${nstr(cased(ctx, inline ? 'inline' : 'attachment'))} ${params(ctx, dspParams)})`;
  return `(${nstr(cased(ctx, type))} ${nstr(cased(ctx, subtype))} ${params(ctx, typeParams)} ${id} NIL ${nstr(cased(ctx, 'base64'))} ${size} ${partExt(ctx, dsp)})`;
}

function multipart(ctx: Ctx, subtype: string, parts: string[]): string {
  const { rng } = ctx;
  const boundary = rng.pick([
    `b1_${rng.hex(8)}`,
    `000000000000${rng.hex(16)}`,
    `=_Part_0.1'(+,-./:=?)_${rng.int(1, 99)}`,
  ]);
  const p = params(
    ctx,
    subtype === 'related'
      ? [
          ['boundary', boundary],
          ['type', 'text/html'],
        ]
      : [['boundary', boundary]],
  );
  const ext = ctx.style === 'gmail' ? `${p} NIL NIL` : `${p} NIL NIL NIL`;
  return `(${parts.join('')} ${nstr(cased(ctx, subtype))} ${ext})`;
}

function alternative(ctx: Ctx): string {
  return multipart(ctx, 'alternative', [text(ctx, 'plain'), text(ctx, 'html')]);
}

function message(ctx: Ctx, depth: number): string {
  const { rng } = ctx;
  const inner = body(ctx, depth + 1);
  const size = rng.logInt(500, 5_000_000);
  return `(${nstr(cased(ctx, 'message'))} ${nstr(cased(ctx, 'rfc822'))} NIL NIL NIL ${nstr(cased(ctx, '7bit'))} ${size} ${envelope(rng, ctx.style)} ${inner} ${Math.ceil(size / 70)} ${partExt(ctx, '("inline" NIL)')})`;
}

function body(ctx: Ctx, depth: number): string {
  const { rng } = ctx;
  const kind =
    depth > 2
      ? rng.pick(['plain', 'alternative'] as const)
      : rng.weighted([
          [30, 'plain'],
          [25, 'alternative'],
          [25, 'mixed'],
          [10, 'related'],
          [10, 'forward'],
        ] as const);
  switch (kind) {
    case 'plain':
      return text(ctx, 'plain');
    case 'alternative':
      return alternative(ctx);
    case 'mixed': {
      const parts = [rng.chance(0.6) ? alternative(ctx) : text(ctx, 'plain')];
      const n = rng.int(1, 4);
      for (let i = 0; i < n; i++) parts.push(attachment(ctx, false));
      if (rng.chance(0.1)) parts.push(text(ctx, 'calendar'));
      return multipart(ctx, 'mixed', parts);
    }
    case 'related': {
      const parts = [text(ctx, 'html')];
      const n = rng.int(1, 3);
      for (let i = 0; i < n; i++) parts.push(attachment(ctx, true));
      return multipart(ctx, 'alternative', [text(ctx, 'plain'), multipart(ctx, 'related', parts)]);
    }
    case 'forward':
      return multipart(ctx, 'mixed', [text(ctx, 'plain'), message(ctx, depth)]);
  }
}

export function bodystructure(rng: Rng, style: ServerStyle): string {
  return body({ rng, style }, 0);
}
