// Types of Loupe's headless engine module, loupe-engine.js (written by hand; checked by
// compiling tests/types/consumer.ts with `tsc --strict`). Every result is a plain object in the
// shape the `loupe` command prints as JSON.
//
//   const loupe = await import('https://your.site/loupe/loupe-engine.js').then((m) => m.load());
//   const { passages } = loupe.query('theme=trade');

/** A facet's key in a query string. */
export type FacetKey = 'theme' | 'entity' | 'voice' | 'section' | 'doc';

/** `loupe query`: the passages a query string selects and every facet value's count. */
export interface QueryResult {
  total: number;
  /** Passage ids, best first. */
  passages: string[];
  /** Per facet, each value's id → passages it would give with the other facets' filters. */
  facets: {
    theme: Record<string, number>;
    entity: Record<string, number>;
    voice: Record<string, number>;
    section: Record<string, number>;
    document: Record<string, number>;
  };
  /** The date histogram under every filter but the dates: passages per period (every period
   *  from the first date to the last, zeros too, keyed as `from=`/`to=` take them). */
  dates: {
    scale: 'month' | 'year';
    periods: Record<string, number>;
    /** Passages of documents without a date. */
    undated: number;
  };
}

/** A passage as the page's "Export JSON" writes it. */
export interface Passage {
  id: string;
  /** The document's id. */
  document: string;
  /** The document's date (`YYYY-MM-DD`), empty when it has none. */
  date: string;
  /** The section's heading. */
  section: string;
  /** The line of the seed file the passage starts on. */
  line: number;
  text: string;
  /** Theme ids. */
  themes: string[];
  /** Entity ids. */
  entities: string[];
}

/** `loupe suggest`: one entry of the search box's list. */
export interface Suggestion {
  /** The facet of a value; `null` for a word completion. */
  facet: Exclude<FacetKey, 'voice'> | null;
  /** The value's id, or the completed word. */
  value: string;
  label: string;
  /** "Theme", "Person", "Organisation", "Place", "Name", "Section", "Document" or "Word". */
  noun: string;
  /** Passages the reader gets by choosing it, under the query string's filters. */
  count: number;
  /** The search text once it is chosen. */
  text: string;
}

/** `loupe facets`: one value of a facet over the whole corpus. */
export interface FacetValue {
  facet: FacetKey;
  /** The value's id, as a query string names it (`theme=trade`). */
  value: string;
  label: string;
  /** An entity's kind for entity and voice values, else the facet's name. */
  kind: 'theme' | 'person' | 'organisation' | 'place' | 'other' | 'section' | 'document';
  count: number;
}

/** A document, as `loupe export` lists it. */
export interface LoupeDocument {
  id: string;
  title: string;
  date: string;
  source: string;
  url: string;
  source_file: string;
}

/** The engine: synchronous, pure functions over the corpus compiled into its wasm. */
export interface Loupe {
  /** Evaluates a URL query string (`q=`, `theme=`, `entity=`, `voice=`, `section=`, `doc=`, `from=`, `to=`, `undated=`). */
  query(queryString?: string): QueryResult;
  /** The passages with these ids, in the order given; unknown ids are skipped. */
  passages(ids: readonly string[]): Passage[];
  /** What the search box offers for `text` under a query string's filters, best first. */
  suggest(text: string, queryString?: string): Suggestion[];
  facets(): FacetValue[];
  documents(): LoupeDocument[];
}

/** Fetches the engine's wasm (beside this module) once and resolves to the engine. */
export function load(): Promise<Loupe>;
