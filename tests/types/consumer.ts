// A host page's code against loupe-engine.d.ts, as shipped beside the module in dist/: it must
// compile with `tsc --strict`, and each `@ts-expect-error` below must be an error.
import { load, type FacetKey, type Loupe, type Passage, type QueryResult, type Suggestion } from '../../dist/loupe-engine.js';

const loupe: Loupe = await load();
const result: QueryResult = loupe.query('theme=trade');
const tradeCount: number = result.facets.theme['trade'] ?? 0;
const rows: Passage[] = loupe.passages(result.passages);
const firstLine: number | undefined = rows[0]?.line;
const firstDate: string | undefined = rows[0]?.date;
const perPeriod: number[] = Object.values(result.dates.periods);
const scale: 'month' | 'year' = result.dates.scale;
const words: string[] = loupe.suggest('putin', 'theme=diplomacy').filter((s: Suggestion) => s.facet === null).map((s) => s.value);
const people: string[] = loupe.facets().filter((f) => f.kind === 'person').map((f) => f.label);
const titles: string[] = loupe.documents().map((d) => d.title);
const everything: QueryResult = loupe.query();
const key: FacetKey = 'doc';

// @ts-expect-error: a query string is a string
loupe.query(42);
// @ts-expect-error: passages take ids, not one id
loupe.passages('one-year-after-russia-invasion-p1');
// @ts-expect-error: a passage has no score
rows[0]?.score;
// @ts-expect-error: not a facet key
const wrong: FacetKey = 'topic';
// @ts-expect-error: suggestions need the text
loupe.suggest();

export { tradeCount, firstLine, words, people, titles, everything, key, wrong };
