//! Synthetic corpora for benchmarks: N articles built from the seed vocabularies (theme cues,
//! gazetteer names), invented titled people and organisations, and sentence patterns.
//! Deterministic for a given seed, so every run measures the same text. Articles are dated from
//! 2022 to 2025 (the year cycles with the article's number), half by a sidecar and half by a
//! dateline; one in eight has no date.

use loupe_corpus::compile::SeedFile;
use loupe_corpus::vocab::{read_entities, read_themes};

/// A small, fast, deterministic generator (SplitMix64).
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const FIRST: &[&str] = &["Amara", "Lin", "Tomas", "Priya", "Kenji", "Sofia", "Omar", "Elena", "Jonas", "Mei", "Ravi", "Ines"];
const LAST: &[&str] = &["Okafor", "Zhang", "Novak", "Raman", "Sato", "Moreau", "Haddad", "Petrov", "Lund", "Chen", "Iyer", "Costa"];
const TITLES: &[&str] = &["Professor", "Dr", "Associate Professor", "Minister", "Ambassador"];
const INSTITUTES: &[&str] = &["Northfield", "Harbour", "Meridian", "Crescent", "Summit", "Riverside"];
const HEADS: &[&str] = &["Institute", "University", "Centre", "Foundation", "Council"];
const VERBS: &[&str] = &["shapes", "follows", "reflects", "complicates", "drives", "limits"];
const FUTURE: &[&str] = &["will grow", "may decline", "is likely to change", "could shift", "is expected to persist"];
const WHEN: &[&str] = &["in the coming years", "next year", "over the long term", "after the election", "this decade"];
const FILLER: &[&str] = &[
    "according to officials familiar with the talks",
    "despite a difficult year",
    "as both sides weigh their options",
    "while markets watch closely",
    "amid questions about the region",
];

/// The seed vocabularies the generator draws on (and which the corpus needs to compile).
pub struct Vocabulary {
    cues: Vec<String>,
    names: Vec<String>,
    themes_toml: Vec<u8>,
    entities_toml: Vec<u8>,
}

impl Vocabulary {
    /// Reads `themes.toml` and `entities.toml` from a seeds folder.
    pub fn read(seeds: &std::path::Path) -> Result<Self, String> {
        let read = |name: &str| std::fs::read(seeds.join(name)).map_err(|e| format!("{}: {e}", seeds.join(name).display()));
        let (themes_toml, entities_toml) = (read("themes.toml")?, read("entities.toml")?);
        let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
        let themes = read_themes(&text(&themes_toml), "themes.toml").map_err(|d| format!("{d:?}"))?;
        let entities = read_entities(&text(&entities_toml), "entities.toml").map_err(|d| format!("{d:?}"))?;
        let cues = themes.themes.iter().flat_map(|t| t.cues.keys().cloned()).collect();
        let names = entities.entities.iter().map(|e| e.name.clone()).filter(|n| !n.starts_with("the ")).collect();
        Ok(Self { cues, names, themes_toml, entities_toml })
    }
}

impl Vocabulary {
    fn cue(&self, rng: &mut Rng) -> &str {
        &self.cues[rng.below(self.cues.len())]
    }

    fn name(&self, rng: &mut Rng) -> &str {
        &self.names[rng.below(self.names.len())]
    }
}

/// `articles` synthetic articles plus the vocabularies, as seed files.
pub fn generate(vocabulary: &Vocabulary, articles: usize, seed: u64) -> Vec<SeedFile> {
    let mut files: Vec<SeedFile> = (0..articles).flat_map(|i| article(vocabulary, i, seed)).collect();
    files.push(SeedFile { name: "themes.toml".into(), bytes: vocabulary.themes_toml.clone() });
    files.push(SeedFile { name: "entities.toml".into(), bytes: vocabulary.entities_toml.clone() });
    files
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

const MONTHS: &[&str] = &["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// An article, and its sidecar when the date is given there.
fn article(v: &Vocabulary, index: usize, seed: u64) -> Vec<SeedFile> {
    let mut rng = Rng::new(seed.wrapping_mul(1_000_003).wrapping_add(index as u64));
    let person = |rng: &mut Rng| format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
    let organisation = |rng: &mut Rng| format!("{} {}", rng.pick(INSTITUTES), rng.pick(HEADS));
    let mut lines = vec![format!("{} {} and the {} Question", capitalised(v.cue(&mut rng)), index, capitalised(v.cue(&mut rng)))];
    let (year, month, day) = (2022 + index % 4, 1 + rng.below(12), 1 + rng.below(28));
    let dated = index % 8 != 3;
    let in_sidecar = dated && index.is_multiple_of(2);
    let dateline = if dated && !in_sidecar { format!("{day} {} {year} – ", MONTHS[month - 1]) } else { String::new() };
    lines.push(format!("{dateline}{} {} {} {}.", v.name(&mut rng), rng.pick(VERBS), v.cue(&mut rng), rng.pick(FILLER)));
    let sections = 3 + rng.below(3);
    for s in 0..sections {
        if s > 0 {
            lines.push(format!("{} and {}", capitalised(v.cue(&mut rng)), capitalised(v.cue(&mut rng))));
        }
        for _ in 0..(3 + rng.below(5)) {
            let mut sentences = Vec::new();
            for _ in 0..(2 + rng.below(3)) {
                let sentence = match rng.below(5) {
                    0 => format!("{} {} {} {}", v.name(&mut rng), rng.pick(VERBS), v.cue(&mut rng), rng.pick(FILLER)),
                    1 => format!("{} {}, a fellow at the {}, said that {} {} {}", rng.pick(TITLES), person(&mut rng), organisation(&mut rng), v.cue(&mut rng), rng.pick(FUTURE), rng.pick(WHEN)),
                    2 => format!("Experts predict that {} {} {}", v.cue(&mut rng), rng.pick(FUTURE), rng.pick(WHEN)),
                    3 => format!("The {} between {} and {} {} {}", v.cue(&mut rng), v.name(&mut rng), v.name(&mut rng), rng.pick(VERBS), v.cue(&mut rng)),
                    _ => format!("Officials in {} noted that {} and {} remain central", v.name(&mut rng), v.cue(&mut rng), v.cue(&mut rng)),
                };
                sentences.push(format!("{}.", capitalised(&sentence)));
            }
            lines.push(sentences.join(" "));
        }
    }
    let mut files = vec![SeedFile { name: format!("synthetic-{index:05}.txt"), bytes: lines.join("\n").into_bytes() }];
    if in_sidecar {
        files.push(SeedFile { name: format!("synthetic-{index:05}.toml"), bytes: format!("date = \"{year}-{month:02}-{day:02}\"\n").into_bytes() });
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generation_is_deterministic_and_compiles() {
        let v = Vocabulary::read(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../seeds")).unwrap();
        let a = generate(&v, 5, 7);
        let b = generate(&v, 5, 7);
        assert!(a.iter().zip(&b).all(|(x, y)| x.name == y.name && x.bytes == y.bytes));
        assert_ne!(generate(&v, 5, 8)[0].bytes, a[0].bytes, "another seed, other text");
        let compiled = loupe_corpus::compile::compile_files(&a);
        assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics);
        assert_eq!(compiled.corpus.documents.len(), 5);
        let years: Vec<&str> = compiled.corpus.documents.iter().map(|d| d.date.get(..4).unwrap_or("")).collect();
        assert_eq!(years, ["2022", "2023", "2024", "", "2022"], "dated by sidecar or dateline; one in eight undated");
        assert!(compiled.corpus.passages.iter().any(|p| !p.themes.is_empty()));
        assert!(compiled.corpus.entities.iter().any(|e| e.origin != "gazetteer"), "invented names are detected");
    }
}
