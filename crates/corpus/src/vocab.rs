//! The curator's vocabularies: `themes.toml` (taxonomy, cues, rules), `entities.toml`
//! (gazetteer and name-detection rules) and the generated lists in one shape (`places.tsv`, the
//! world gazetteer; `companies.tsv`; `wordnet.tsv`; `brands.tsv`), read with line-accurate diagnostics. A bad
//! rule or row is reported and left out; the rest is used.

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;
use toml::Spanned;

use crate::diag::Diagnostic;
use crate::model::EntityKind;

pub const THEMES_FILE: &str = "themes.toml";
pub const ENTITIES_FILE: &str = "entities.toml";
pub const PLACES_FILE: &str = "places.tsv";
/// The generated list of listed companies, in `places.tsv`'s columns with the kind `company`.
pub const COMPANIES_FILE: &str = "companies.tsv";
/// The generated places and organisations of WordNet that the two lists above lack, in the same
/// columns with the kinds `water`, `land`, `area` and `organisation`.
pub const WORDNET_FILE: &str = "wordnet.tsv";
/// The generated one-word company and brand names of a spelling dictionary that the lists above
/// lack, in the same columns with the kind `company`.
pub const BRANDS_FILE: &str = "brands.tsv";
/// Every vocabulary file a seeds folder holds beside its documents.
pub const FILES: [&str; 6] = [THEMES_FILE, ENTITIES_FILE, PLACES_FILE, COMPANIES_FILE, WORDNET_FILE, BRANDS_FILE];

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemesFile {
    /// Words skipped between a modal word and its verb (`will also continue`); only modal
    /// rules use them.
    #[serde(default)]
    pub modal_fillers: Vec<String>,
    /// Endings of words skipped the same way (`ly`: `may eventually prove`).
    #[serde(default)]
    pub modal_filler_endings: Vec<String>,
    /// Words a search of several words leaves out (`what do experts forecast about …`).
    #[serde(default)]
    pub stop_words: Vec<String>,
    #[serde(rename = "theme")]
    pub themes: Vec<ThemeSpec>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemeSpec {
    pub id: Spanned<String>,
    pub label: String,
    pub description: String,
    pub colour: Spanned<String>,
    /// The score a passage needs to carry the theme.
    #[serde(default = "one")]
    pub threshold: u32,
    /// Phrase → weight, or → `{ weight, unless, exact }`. Phrases match on stemmed words (on
    /// folded words when `exact`); each distinct phrase counts once per passage; a word of
    /// `unless` in the same sentence vetoes the phrase there.
    #[serde(default)]
    pub cues: BTreeMap<String, Spanned<CueSpec>>,
    #[serde(default)]
    pub modals: Vec<ModalRule>,
    /// Frame rules as written; [`read_themes`] checks them into `frame_rules`.
    #[serde(default)]
    pub frames: Vec<Spanned<toml::Value>>,
    #[serde(skip)]
    pub frame_rules: Vec<FrameRule>,
    /// Phrases that share a stem with a cue but mean something else (`in relation to`,
    /// `importance`): matched first, they count for nothing.
    #[serde(default)]
    pub ignore: Vec<String>,
}

/// A future or modal construction: a modal word followed by a verb (`will continue`,
/// `may prove`). Within one sentence its weight grows by `verb_weight` when the next word is
/// one of `verbs`, and by `context_weight` when any of `context` stands in the sentence
/// (`if`, `warn`, `after`): so `warn … may` counts, while a lone `may be` does not.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ModalRule {
    pub name: String,
    pub words: Vec<String>,
    pub weight: u32,
    #[serde(default)]
    pub verbs: Vec<String>,
    #[serde(default)]
    pub verb_weight: u32,
    #[serde(default)]
    pub context: Vec<String>,
    #[serde(default)]
    pub context_weight: u32,
    /// Words that, just before the modal, make it a noun (`the will`, `free will`).
    #[serde(default)]
    pub not_after: Vec<String>,
}

/// A cue's weight, alone or with its sense guards.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum CueSpec {
    Weight(u32),
    Guarded(GuardedCue),
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuardedCue {
    pub weight: u32,
    /// Words that, anywhere in the same sentence, veto the cue (`settlement` unless `currency`).
    #[serde(default)]
    pub unless: Option<Vec<String>>,
    /// Match the phrase's exact word forms, not its stems (`relations`, not `relation`).
    #[serde(default)]
    pub exact: bool,
}

impl CueSpec {
    pub fn weight(&self) -> u32 {
        match self {
            CueSpec::Weight(w) => *w,
            CueSpec::Guarded(g) => g.weight,
        }
    }

    pub fn unless(&self) -> &[String] {
        match self {
            CueSpec::Guarded(GuardedCue { unless: Some(words), .. }) => words,
            _ => &[],
        }
    }

    pub fn exact(&self) -> bool {
        matches!(self, CueSpec::Guarded(GuardedCue { exact: true, .. }))
    }
}

/// Two word lists that must meet: a phrase of `triggers` and one of `partners` in one sentence
/// (within `within` words of each other, when given), with a named person, organisation or place
/// in that sentence when `actor` is set. Each rule counts once per passage.
#[derive(Debug, Clone, PartialEq)]
pub struct FrameRule {
    pub name: String,
    pub triggers: Vec<String>,
    pub partners: Vec<String>,
    pub within: Option<usize>,
    pub actor: bool,
    /// The partner must follow the trigger (`called on both sides`, not `the government called`).
    pub partner_after: bool,
    pub weight: u32,
    pub unless: Vec<String>,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntitiesFile {
    pub rules: NameRules,
    #[serde(rename = "entity", default)]
    pub entities: Vec<EntitySpec>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EntitySpec {
    pub id: Spanned<String>,
    pub name: String,
    /// Required; an entity without a valid kind is reported and left out.
    pub kind: Option<Spanned<String>>,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// Rules for finding names the gazetteer does not list, and for merging their variants.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameRules {
    /// Titles before a person's name (`Associate Professor`, `President`).
    pub titles: Vec<String>,
    /// Role nouns in an appositive (`an assistant professor at X`).
    pub roles: Vec<String>,
    /// Prepositions joining a role to its organisation (`at`, `of`, `with`).
    pub role_links: Vec<String>,
    /// Verbs that join a name to a role description as an appositive's comma does (`is`:
    /// `Jane Doe is a senior fellow at …`).
    #[serde(default)]
    pub role_copulas: Vec<String>,
    /// Words that make a capitalised run an organisation (`University`, `Institute`).
    pub organisation_heads: Vec<String>,
    /// Lower-case words allowed inside a name (`of`, `the`, `for`, `and`).
    pub name_connectors: Vec<String>,
    /// Connectors that can also join two names (`and`): a name stops there when it is already
    /// a complete organisation, when a known name follows, or when an article does.
    pub list_joiners: Vec<String>,
    /// Articles (`a`, `an`, `the`): one after a name's comma opens a role description
    /// (`Ho, an assistant professor at …`); one after a list joiner starts a new phrase.
    pub articles: Vec<String>,
    /// Capitalised words that never start a name (`The`, `In`, `However`).
    pub not_names: Vec<String>,
    /// Verbs and phrases that credit a statement (`said`, `according to`, `predicted`).
    pub speech_cues: Vec<String>,
    /// Pronouns that refer back to the last person named (`He`, `She`).
    pub pronouns: Vec<String>,
    /// Spelling variants folded together, as suffix pairs (`isation` ≡ `ization`).
    pub spelling: Vec<[String; 2]>,
    /// Words that make a capitalised run a place (`Sea`, `Strait`, `Canal`: `Red Sea`).
    #[serde(default)]
    pub place_heads: Vec<String>,
    /// Prepositions after which a capitalised name listed in `places.tsv` is a place
    /// (`in Tashkent`, `through the Bosporus`).
    #[serde(default)]
    pub place_prepositions: Vec<String>,
    /// Prepositions after which a capitalised name that no list knows and no other rule names
    /// is a place (`at Namanga`, `in Matabeleland`).
    #[serde(default)]
    pub unknown_place_prepositions: Vec<String>,
    /// Phrases between such a preposition and the name (`the port of`: `at the port of Gwadar`).
    #[serde(default)]
    pub place_lead_ins: Vec<String>,
    /// Relative pronouns used of people only: a name followed by one, directly or after a
    /// description, is a person (`Jane Doe, who leads …`, `Jane Doe, a retired judge who …`).
    #[serde(default)]
    pub person_relatives: Vec<String>,
    /// Nouns that describe an organisation: in an appositive (`Gazprom, the state gas company`)
    /// or just before its name (`the consultancy Energy Aspects`).
    #[serde(default)]
    pub organisation_nouns: Vec<String>,
    /// Lower-case nouns of what a platform carries, and the link words after them: a capitalised
    /// name after both is the platform, an organisation (`accounts on Telegram`).
    #[serde(default)]
    pub platform_nouns: Vec<String>,
    #[serde(default)]
    pub platform_links: Vec<String>,
    /// What a company owns or reports and a person seldom does: an unknown name in the
    /// possessive before one is a company (`Novatek's Yamal LNG plant`, `Ecopetrol's dividends`).
    #[serde(default)]
    pub company_possessions: Vec<String>,
    /// Lower-case nouns after which a capitalised name that follows an article is a place
    /// (`the Neman river`, `the Bab el-Mandeb strait`).
    #[serde(default)]
    pub place_nouns: Vec<String>,
    /// Compass words that make a region of the place after them (`South Asia`, `East Africa`).
    #[serde(default)]
    pub compass_words: Vec<String>,
    /// Lower-case words inside a person's name (`bin`, `da`: `Lula da Silva`).
    #[serde(default)]
    pub name_particles: Vec<String>,
    /// Words that close a person's name, with the full stop they are written with (`Jr`:
    /// `Ferdinand Marcos Jr.`); never a short form of the name on their own.
    #[serde(default)]
    pub name_suffixes: Vec<String>,
}

/// Parses `themes.toml` strictly: any problem, even in one rule, is an error.
pub fn read_themes(source: &str, file: &str) -> Result<ThemesFile, Vec<Diagnostic>> {
    strict(read_themes_leaving_out_bad_rules(source, file))
}

/// Parses `themes.toml`, checking ids and colours (errors that stop the file) and cues and frame
/// rules (errors that leave the rule out). Returns the file with the problems of its rules.
pub fn read_themes_leaving_out_bad_rules(source: &str, file: &str) -> Result<(ThemesFile, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut parsed: ThemesFile = toml::from_str(source).map_err(|e| vec![toml_error(source, file, &e)])?;
    let mut problems = Vec::new();
    let mut rule_problems = Vec::new();
    let mut seen = HashSet::new();
    for theme in &mut parsed.themes {
        let line = line_of(source, theme.id.span().start);
        if !is_id(theme.id.get_ref()) {
            problems.push(Diagnostic::error(file, Some(line), format!("theme id `{}` must be lower-case letters, digits and hyphens", theme.id.get_ref())));
        }
        if !seen.insert(theme.id.get_ref().clone()) {
            problems.push(Diagnostic::error(file, Some(line), format!("theme id `{}` is defined twice", theme.id.get_ref())));
        }
        if !is_hex_colour(theme.colour.get_ref()) {
            let line = line_of(source, theme.colour.span().start);
            problems.push(Diagnostic::error(file, Some(line), format!("colour `{}` must be #rrggbb", theme.colour.get_ref())));
        }
        if theme.cues.is_empty() && theme.modals.is_empty() && theme.frames.is_empty() {
            problems.push(Diagnostic::error(file, Some(line), format!("theme `{}` has no cues and no rules, so it can never match", theme.id.get_ref())));
        }
        theme.cues.retain(|phrase, spec| {
            match cue_problem(phrase, spec.get_ref()) {
                Some(why) => {
                    let line = line_of(source, spec.span().start);
                    rule_problems.push(Diagnostic::error(file, Some(line), format!("cue `{phrase}` {why}; it is left out")));
                    false
                }
                None => true,
            }
        });
        for frame in &theme.frames {
            match frame_rule(frame.get_ref()) {
                Ok(rule) => theme.frame_rules.push(rule),
                Err(why) => rule_problems.push(Diagnostic::error(file, Some(line_of(source, frame.span().start)), format!("frame rule {why}; it is left out"))),
            }
        }
    }
    if problems.is_empty() { Ok((parsed, rule_problems)) } else { Err(problems) }
}

/// Whether a word list names at least one word.
fn names_words(list: &[String]) -> bool {
    list.iter().any(|w| crate::text::words(w).next().is_some())
}

/// Why a cue can never count, if it cannot.
fn cue_problem(phrase: &str, spec: &CueSpec) -> Option<String> {
    let words: Vec<String> = crate::text::words(phrase).map(|w| crate::text::fold(w.text)).collect();
    if words.is_empty() {
        return Some("has no words, so it can never match".into());
    }
    if spec.weight() == 0 {
        return Some("has weight 0, so it can never count".into());
    }
    if let CueSpec::Guarded(GuardedCue { unless: Some(unless), .. }) = spec {
        if !names_words(unless) {
            return Some("has an `unless` that names no word".into());
        }
        let vetoes: Vec<String> = unless.iter().flat_map(|u| crate::text::words(u).map(|w| crate::text::fold(w.text)).collect::<Vec<_>>()).collect();
        if let Some(own) = words.iter().find(|w| vetoes.contains(w)) {
            return Some(format!("is vetoed by its own word `{own}` in `unless`, so it can never match"));
        }
    }
    None
}

/// A frame rule checked field by field, or what is wrong with it.
fn frame_rule(value: &toml::Value) -> Result<FrameRule, String> {
    let table = value.as_table().ok_or("must be a table")?;
    let name = table.get("name").and_then(toml::Value::as_str).filter(|n| !n.trim().is_empty()).ok_or("needs a `name`")?.to_string();
    for key in table.keys() {
        if !["name", "triggers", "partners", "within", "actor", "partner_after", "weight", "unless"].contains(&key.as_str()) {
            return Err(format!("`{name}` has an unknown field `{key}`"));
        }
    }
    let list = |key: &str, required: bool| -> Result<Vec<String>, String> {
        let Some(value) = table.get(key) else {
            return if required { Err(format!("`{name}` needs `{key}`, a list of words or phrases")) } else { Ok(Vec::new()) };
        };
        let items = value.as_array().ok_or_else(|| format!("`{name}`: `{key}` must be a list of strings"))?;
        let words: Vec<String> = items.iter().map(|i| i.as_str().map(str::to_string)).collect::<Option<_>>().ok_or_else(|| format!("`{name}`: `{key}` must be a list of strings"))?;
        if !names_words(&words) {
            return Err(format!("`{name}`: `{key}` names no word"));
        }
        Ok(words)
    };
    let triggers = list("triggers", true)?;
    let partners = list("partners", true)?;
    let unless = list("unless", false)?;
    let within = match table.get("within") {
        None => None,
        Some(v) => Some(v.as_integer().filter(|&n| n > 0).ok_or_else(|| format!("`{name}`: `within` must be a positive number of words"))? as usize),
    };
    let actor = match table.get("actor") {
        None => false,
        Some(v) => v.as_bool().ok_or_else(|| format!("`{name}`: `actor` must be true or false"))?,
    };
    let partner_after = match table.get("partner_after") {
        None => false,
        Some(v) => v.as_bool().ok_or_else(|| format!("`{name}`: `partner_after` must be true or false"))?,
    };
    let weight = table
        .get("weight")
        .and_then(toml::Value::as_integer)
        .filter(|&w| w > 0 && w <= u32::MAX as i64)
        .ok_or_else(|| format!("`{name}` needs a positive `weight`"))? as u32;
    Ok(FrameRule { name, triggers, partners, within, actor, partner_after, weight, unless })
}

/// Parses `entities.toml` strictly: any problem, even in one entity, is an error.
pub fn read_entities(source: &str, file: &str) -> Result<EntitiesFile, Vec<Diagnostic>> {
    strict(read_entities_leaving_out_bad_rows(source, file))
}

/// The file, unless it has problems of any kind.
fn strict<T>(result: Result<(T, Vec<Diagnostic>), Vec<Diagnostic>>) -> Result<T, Vec<Diagnostic>> {
    match result {
        Ok((file, problems)) if problems.is_empty() => Ok(file),
        Ok((_, problems)) | Err(problems) => Err(problems),
    }
}

/// Parses `entities.toml`, checking ids (errors that stop the file) and kinds (an entity without
/// a valid kind is reported and left out).
pub fn read_entities_leaving_out_bad_rows(source: &str, file: &str) -> Result<(EntitiesFile, Vec<Diagnostic>), Vec<Diagnostic>> {
    let mut parsed: EntitiesFile = toml::from_str(source).map_err(|e| vec![toml_error(source, file, &e)])?;
    let mut problems = Vec::new();
    let mut row_problems = Vec::new();
    let mut seen = HashSet::new();
    for entity in &parsed.entities {
        let line = || line_of(source, entity.id.span().start);
        if !is_id(entity.id.get_ref()) {
            problems.push(Diagnostic::error(file, Some(line()), format!("entity id `{}` must be lower-case letters, digits and hyphens", entity.id.get_ref())));
        }
        if !seen.insert(entity.id.get_ref().clone()) {
            problems.push(Diagnostic::error(file, Some(line()), format!("entity id `{}` is defined twice", entity.id.get_ref())));
        }
    }
    parsed.entities.retain(|entity| match &entity.kind {
        None => {
            let line = line_of(source, entity.id.span().start);
            row_problems.push(Diagnostic::error(file, Some(line), format!("entity `{}` has no kind (person, organisation, place or other); it is left out", entity.id.get_ref())));
            false
        }
        Some(kind) if EntityKind::parse(kind.get_ref()).is_none() => {
            let line = line_of(source, kind.span().start);
            row_problems.push(Diagnostic::error(file, Some(line), format!("kind `{}` must be person, organisation, place or other; entity `{}` is left out", kind.get_ref(), entity.id.get_ref())));
            false
        }
        Some(_) => true,
    });
    // A compass word or place noun with no word in it would match before every word.
    let rules = &mut parsed.rules;
    for (key, list) in [("compass_words", &mut rules.compass_words), ("place_nouns", &mut rules.place_nouns)] {
        list.retain(|entry| {
            let has_words = crate::text::words(entry).next().is_some();
            if !has_words {
                let line = source.find(&format!("{key} =")).or_else(|| source.find(key)).map(|at| line_of(source, at));
                row_problems.push(Diagnostic::error(file, line, format!("`{key}` entry `{entry}` has no words, so it can never match; it is left out")));
            }
            has_words
        });
    }
    if problems.is_empty() { Ok((parsed, row_problems)) } else { Err(problems) }
}

/// What a gazetteer row (`places.tsv`, `companies.tsv`, `wordnet.tsv` or `brands.tsv`) names, which decides
/// where the tagger trusts it: countries, capitals and large cities anywhere; other cities,
/// regions, bodies of water, landforms and the Earth's areas after a preposition of place; a
/// company anywhere but after an article, and only where its name cannot be a common word; any
/// other organisation anywhere, with the same care about common words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum GazetteerKind {
    Country,
    Capital,
    Region,
    City,
    /// A sea, ocean, gulf, bay, strait, river, lake or canal.
    Water,
    /// An island, archipelago, peninsula, cape, continent or mountain range.
    Land,
    /// A region of the Earth that is no administrative district (`Transcaucasia`, `Sahel`).
    Area,
    Company,
    /// An organisation that is no listed company: an agency, party, movement, international body.
    Organisation,
}

impl GazetteerKind {
    const NAMES: [(&'static str, GazetteerKind); 9] = [
        ("country", GazetteerKind::Country),
        ("capital", GazetteerKind::Capital),
        ("region", GazetteerKind::Region),
        ("city", GazetteerKind::City),
        ("water", GazetteerKind::Water),
        ("land", GazetteerKind::Land),
        ("area", GazetteerKind::Area),
        ("company", GazetteerKind::Company),
        ("organisation", GazetteerKind::Organisation),
    ];

    fn parse(s: &str) -> Option<Self> {
        Self::NAMES.iter().find(|(name, _)| *name == s).map(|&(_, kind)| kind)
    }

    /// The kinds a row may have, for a diagnostic: `country, capital, … or organisation`.
    fn all_names() -> String {
        let names: Vec<&str> = Self::NAMES.iter().map(|(name, _)| *name).collect();
        format!("{} or {}", names[..names.len() - 1].join(", "), names[names.len() - 1])
    }

    /// Whether the row names a place (not a company or other organisation).
    pub fn is_place(self) -> bool {
        !matches!(self, GazetteerKind::Company | GazetteerKind::Organisation)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct GazetteerRow<'a> {
    pub name: &'a str,
    pub kind: GazetteerKind,
    pub population: u64,
    pub aliases: Vec<&'a str>,
}

/// Parses `places.tsv`, `companies.tsv`, `wordnet.tsv` or `brands.tsv`: `name<TAB>kind<TAB>country<TAB>population<TAB>forms;…`, `#` comments.
/// A row without a name or a known kind is reported and left out.
pub fn read_gazetteer<'a>(source: &'a str, file: &str) -> (Vec<GazetteerRow<'a>>, Vec<Diagnostic>) {
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for (n, line) in source.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split('\t').map(str::trim);
        let name = fields.next().unwrap_or_default();
        let kind = fields.next().unwrap_or_default();
        let Some(kind) = GazetteerKind::parse(kind).filter(|_| !name.is_empty()) else {
            let kinds = GazetteerKind::all_names();
            let why = if name.is_empty() { "a row needs a name".to_string() } else if kind.is_empty() { format!("`{name}` has no kind ({kinds})") } else { format!("`{name}`: kind `{kind}` must be {kinds}") };
            problems.push(Diagnostic::error(file, Some(n + 1), format!("{why}; the row is left out")));
            continue;
        };
        let population = fields.nth(1).and_then(|p| p.parse().ok()).unwrap_or(0);
        let aliases = fields.next().map_or(Vec::new(), |a| a.split(';').map(str::trim).filter(|a| !a.is_empty()).collect());
        rows.push(GazetteerRow { name, kind, population, aliases });
    }
    (rows, problems)
}

fn toml_error(source: &str, file: &str, error: &toml::de::Error) -> Diagnostic {
    let line = error.span().map(|s| line_of(source, s.start));
    Diagnostic::error(file, line, format!("invalid TOML: {}", error.message()))
}

/// 1-based line of a byte offset.
pub fn line_of(source: &str, offset: usize) -> usize {
    source.as_bytes()[..offset.min(source.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

fn is_id(id: &str) -> bool {
    !id.is_empty() && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn is_hex_colour(colour: &str) -> bool {
    colour.len() == 7 && colour.starts_with('#') && colour[1..].chars().all(|c| c.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_toml_names_file_and_line() {
        let source = "[[theme]]\nid = \"trade\"\nlabel = \"Trade\"\ndescription = \"x\"\ncolour = #123456\n";
        let errors = read_themes(source, "seeds/themes.toml").unwrap_err();
        assert_eq!(errors.len(), 1);
        let shown = errors[0].to_string();
        assert!(shown.starts_with("seeds/themes.toml:5: error: invalid TOML"), "{shown}");
    }

    #[test]
    fn semantic_errors_point_at_the_offending_line() {
        let source = "[[theme]]\nid = \"Trade\"\nlabel = \"Trade\"\ndescription = \"x\"\ncolour = \"red\"\n[theme.cues]\ntrade = 2\n";
        let shown: Vec<String> = read_themes(source, "themes.toml").unwrap_err().iter().map(|d| d.to_string()).collect();
        assert_eq!(shown, [
            "themes.toml:2: error: theme id `Trade` must be lower-case letters, digits and hyphens",
            "themes.toml:5: error: colour `red` must be #rrggbb",
        ]);
    }

    #[test]
    fn wordnet_kinds_are_read_and_an_unknown_kind_is_named_with_its_line() {
        let source = "# WordNet\nBosporus\twater\t\t\t\nCrimea\tland\t\t\t\nSahel\tarea\t\t\t\nHamas\torganisation\t\t\tIslamic Resistance Movement\nBaikal\tlake\t\t\t\n";
        let (rows, problems) = read_gazetteer(source, "wordnet.tsv");
        let kinds: Vec<(&str, GazetteerKind)> = rows.iter().map(|r| (r.name, r.kind)).collect();
        assert_eq!(kinds, [("Bosporus", GazetteerKind::Water), ("Crimea", GazetteerKind::Land), ("Sahel", GazetteerKind::Area), ("Hamas", GazetteerKind::Organisation)]);
        assert_eq!(rows[3].aliases, ["Islamic Resistance Movement"]);
        let shown: Vec<String> = problems.iter().map(|d| d.to_string()).collect();
        assert_eq!(shown, ["wordnet.tsv:6: error: `Baikal`: kind `lake` must be country, capital, region, city, water, land, area, company or organisation; the row is left out"]);
    }

    #[test]
    fn a_compass_word_or_place_noun_without_words_is_named_and_left_out() {
        let source = "[rules]\ntitles = []\nroles = []\nrole_links = []\norganisation_heads = []\nname_connectors = []\nlist_joiners = []\narticles = []\nnot_names = []\nspeech_cues = []\npronouns = []\nspelling = []\ncompass_words = [\"South\", \"—\"]\nplace_nouns = [\"river\", \"\"]\n";
        let (file, problems) = read_entities_leaving_out_bad_rows(source, "entities.toml").unwrap();
        let shown: Vec<String> = problems.iter().map(|d| d.to_string()).collect();
        assert_eq!(shown, [
            "entities.toml:13: error: `compass_words` entry `—` has no words, so it can never match; it is left out",
            "entities.toml:14: error: `place_nouns` entry `` has no words, so it can never match; it is left out",
        ]);
        assert_eq!((file.rules.compass_words, file.rules.place_nouns), (vec!["South".to_string()], vec!["river".to_string()]));
    }
}
