/**
 * Interned flag sets: a mailbox of a million messages has a few dozen distinct sets of flags, so
 * each message keeps a small id (a `Uint32Array` column of the UID index) instead of an array.
 * A set is sorted and frozen; two FETCHes with the same flags in another order give the same id,
 * so "did the flags change" is an integer comparison.
 */

const EMPTY: readonly string[] = Object.freeze([]);

/**
 * @example
 * ```ts
 * const sets = new FlagSets();
 * sets.intern(['\\Seen', '$Junk']) === sets.intern(['$Junk', '\\Seen']); // true
 * sets.get(sets.intern(['\\Seen'])); // ['\\Seen']
 * ```
 */
export class FlagSets {
  /** By id; id 0 stands for "not known". */
  private readonly sets: (readonly string[])[] = [EMPTY];
  private readonly ids = new Map<string, number>();

  /** The id of this set of flags (order and duplicates do not matter). */
  intern(flags: readonly string[]): number {
    const sorted = flags.length < 2 ? flags.slice() : Array.from(new Set(flags)).sort();
    // Flags are atoms (no space), so a space joins them without ambiguity.
    const key = sorted.join(' ');
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.sets.length;
      this.sets.push(Object.freeze(sorted));
      this.ids.set(key, id);
    }
    return id;
  }

  /** The flags of an id, sorted; `undefined` for 0 (not known). */
  get(id: number): readonly string[] | undefined {
    return id === 0 ? undefined : this.sets[id];
  }
}
