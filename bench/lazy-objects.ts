/**
 * What deferred materialisation would cost in V8 when the deferred value must read like plain
 * data (issue #23, condition (b): the same own enumerable properties for `Object.keys`, spreading,
 * `JSON.stringify`, `structuredClone`): a node of a body tree made four ways, per object.
 *
 *   npx tsx bench/lazy-objects.ts
 *
 * - `plain`: the object literal the parser makes today;
 * - `literal accessor`: the same literal with `get params() / set params()` (own, enumerable),
 *   building the list on first read: each evaluation makes two closures and V8 defines the pair
 *   at run time;
 * - `defineProperty accessor`: a plain literal, then one shared accessor descriptor defined on
 *   it (no closures); `+ read` reads it once, the getter replacing itself with a data property;
 * - `Object.create(descriptors)`: all properties from one shared descriptor map.
 *
 * Prints nanoseconds per object (median of 5 rounds of 10^6). On this machine (Node 20.20):
 * plain ~15-50 ns, literal accessor ~2,200 ns, defineProperty ~260 ns (+ read ~1,500 ns),
 * Object.create ~1,100 ns: an accessor per lazy field costs more than parsing the field
 * (a whole ENVELOPE + BODYSTRUCTURE is ~5-6 µs), so the trees stay eager (profile-notes.md).
 */

const N = 1_000_000;
let sink = 0;

interface Node {
  type: string;
  subtype: string;
  section: string;
  params: { name: string; value: string }[];
  size: number;
}

function plain(i: number, v: string): Node {
  return { type: 'text', subtype: 'plain', section: '1', params: [{ name: 'charset', value: v }], size: i };
}

function literalAccessor(i: number, v: string): Node {
  let p: Node['params'] | undefined;
  return {
    type: 'text',
    subtype: 'plain',
    section: '1',
    get params() {
      p ??= [{ name: 'charset', value: v }];
      return p;
    },
    set params(x) {
      p = x;
    },
    size: i,
  };
}

const SOURCE = Symbol('source');
const LAZY_PARAMS: PropertyDescriptor = {
  get(this: Node & { [SOURCE]: string }) {
    const value = [{ name: 'charset', value: this[SOURCE] }];
    Object.defineProperty(this, 'params', { value, writable: true, enumerable: true, configurable: true });
    return value;
  },
  set(this: Node, value: Node['params']) {
    Object.defineProperty(this, 'params', { value, writable: true, enumerable: true, configurable: true });
  },
  enumerable: true,
  configurable: true,
};

function definedAccessor(i: number, v: string): Node {
  const o = { type: 'text', subtype: 'plain', section: '1', size: i, [SOURCE]: v };
  Object.defineProperty(o, 'params', LAZY_PARAMS);
  return o as unknown as Node;
}

const DESCRIPTORS: PropertyDescriptorMap = {
  type: { value: 'text', writable: true, enumerable: true, configurable: true },
  subtype: { value: 'plain', writable: true, enumerable: true, configurable: true },
  section: { value: '1', writable: true, enumerable: true, configurable: true },
  params: { ...LAZY_PARAMS },
  size: { value: 0, writable: true, enumerable: true, configurable: true },
};

function created(): Node {
  return Object.create(Object.prototype, DESCRIPTORS) as Node;
}

function time(name: string, make: (i: number, v: string) => Node, read: boolean): void {
  const rounds: number[] = [];
  for (let r = 0; r < 5; r++) {
    const t0 = performance.now();
    for (let i = 0; i < N; i++) {
      const o = make(i, 'utf-8');
      sink += o.size;
      if (read) sink += o.params.length;
    }
    rounds.push(((performance.now() - t0) * 1e6) / N);
  }
  rounds.sort((a, b) => a - b);
  console.log(`${name.padEnd(28)} ${rounds[2]!.toFixed(0).padStart(6)} ns/object`);
}

time('plain', plain, false);
time('literal accessor', literalAccessor, false);
time('defineProperty accessor', definedAccessor, false);
time('defineProperty accessor + read', definedAccessor, true);
time('Object.create(descriptors)', created, false);
time('plain (again)', plain, false);
const lazy = literalAccessor(1, 'x');
console.log(`Object.keys of a lazy node: ${Object.keys(lazy).join(', ')}; sink ${sink & 1}`);
