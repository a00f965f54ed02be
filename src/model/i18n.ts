/** RFC 5255 LANGUAGE and COMPARATOR data. */

/** `"LANGUAGE" SP "(" lang-tag-quoted *(SP lang-tag-quoted) ")"` */
export interface LanguageResponse {
  type: 'untagged';
  kind: 'language';
  languages: string[];
}

/** `"COMPARATOR" SP comp-sel-quoted [SP "(" comp-id-quoted *(SP comp-id-quoted) ")"]` */
export interface ComparatorResponse {
  type: 'untagged';
  kind: 'comparator';
  /** The active comparator, e.g. `i;unicode-casemap`. */
  comparator: string;
  /** The comparators a COMPARATOR command's arguments matched, when sent. */
  matching?: string[];
}
