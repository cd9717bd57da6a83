//! The curator's vocabularies: `themes.toml` (taxonomy, cues, rules) and `entities.toml`
//! (gazetteer and name-detection rules), read with line-accurate diagnostics.

use std::collections::{BTreeMap, HashSet};

use serde::Deserialize;
use toml::Spanned;

use crate::diag::Diagnostic;
use crate::model::EntityKind;

pub const THEMES_FILE: &str = "themes.toml";
pub const ENTITIES_FILE: &str = "entities.toml";

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
    /// Phrase → weight. Phrases match on stemmed words; each distinct phrase counts once per passage.
    #[serde(default)]
    pub cues: BTreeMap<String, u32>,
    #[serde(default)]
    pub modals: Vec<ModalRule>,
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
    pub kind: Spanned<String>,
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
}

/// Parses `themes.toml`, checking ids, colours and modal rules.
pub fn read_themes(source: &str, file: &str) -> Result<ThemesFile, Vec<Diagnostic>> {
    let parsed: ThemesFile = toml::from_str(source).map_err(|e| vec![toml_error(source, file, &e)])?;
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for theme in &parsed.themes {
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
        if theme.cues.is_empty() && theme.modals.is_empty() {
            problems.push(Diagnostic::error(file, Some(line), format!("theme `{}` has no cues and no rules, so it can never match", theme.id.get_ref())));
        }
    }
    if problems.is_empty() { Ok(parsed) } else { Err(problems) }
}

/// Parses `entities.toml`, checking ids and kinds.
pub fn read_entities(source: &str, file: &str) -> Result<EntitiesFile, Vec<Diagnostic>> {
    let parsed: EntitiesFile = toml::from_str(source).map_err(|e| vec![toml_error(source, file, &e)])?;
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    for entity in &parsed.entities {
        let line = line_of(source, entity.id.span().start);
        if !is_id(entity.id.get_ref()) {
            problems.push(Diagnostic::error(file, Some(line), format!("entity id `{}` must be lower-case letters, digits and hyphens", entity.id.get_ref())));
        }
        if !seen.insert(entity.id.get_ref().clone()) {
            problems.push(Diagnostic::error(file, Some(line), format!("entity id `{}` is defined twice", entity.id.get_ref())));
        }
        if EntityKind::parse(entity.kind.get_ref()).is_none() {
            let line = line_of(source, entity.kind.span().start);
            problems.push(Diagnostic::error(file, Some(line), format!("kind `{}` must be person, organisation, place or other", entity.kind.get_ref())));
        }
    }
    if problems.is_empty() { Ok(parsed) } else { Err(problems) }
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
}
