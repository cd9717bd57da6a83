//! Entity tagging: gazetteer names, short forms, acronyms, titled and role-described people,
//! organisation names, and voices (who is quoted or credited).

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::model::{EntityKind, Mention, Span};
use crate::text::{self, fold, Word};
use crate::vocab::{EntitiesFile, NameRules, GazetteerKind, GazetteerRow};

use super::sentence_of;


/// How a mention was found; its text is an entity's `origin`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoundBy {
    Gazetteer,
    ShortForm,
    Title,
    OrganisationName,
    OrganisationNoun,
    Role,
    RoleLink,
    PlaceName,
    PlaceNoun,
    Compass,
    Coordinated,
    WorldGazetteer,
    CompanyList,
    OrganisationList,
    Acronym,
    Platform,
    UnknownPlace,
}

impl FoundBy {
    pub fn as_str(self) -> &'static str {
        match self {
            FoundBy::Gazetteer => "gazetteer",
            FoundBy::ShortForm => "short form",
            FoundBy::Title => "title",
            FoundBy::OrganisationName => "organisation name",
            FoundBy::OrganisationNoun => "organisation noun",
            FoundBy::Role => "role",
            FoundBy::RoleLink => "role link",
            FoundBy::PlaceName => "place name",
            FoundBy::PlaceNoun => "place noun",
            FoundBy::Compass => "compass",
            FoundBy::Coordinated => "coordinated",
            FoundBy::WorldGazetteer => "world gazetteer",
            FoundBy::CompanyList => "company list",
            FoundBy::OrganisationList => "organisation list",
            FoundBy::Acronym => "acronym",
            FoundBy::Platform => "platform",
            FoundBy::UnknownPlace => "unknown place",
        }
    }
}

/// Where a world gazetteer name is trusted: anywhere (countries, capitals, cities of a million,
/// organisations), or only after a preposition of place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reach {
    Anywhere,
    AfterPreposition,
    /// A listed company: anywhere but after an article (`the Amazon city` is no company).
    NoArticleBefore,
}

/// Cities this large are named anywhere; smaller ones after a preposition of place.
const LARGE_CITY: u64 = 1_000_000;

#[derive(Debug, Clone)]
struct WorldPlace {
    keys: Vec<String>,
    /// Whether each word is written with a capital: such a word matches only a capitalised one
    /// (`the Tavush region` is not `Tavush Region`).
    capitals: Vec<bool>,
    name: String,
    reach: Reach,
    kind: EntityKind,
    found_by: FoundBy,
    /// The entity, once the corpus has named it.
    entity: Option<usize>,
}

/// An entity as the tagger knows it: from the gazetteer, or found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct EntityRecord {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    pub aliases: BTreeSet<String>,
    pub origin: String,
}

/// A token of a passage for name matching: a word, or a punctuation mark that stops a name.
#[derive(Debug, Clone)]
struct Token<'a> {
    word: Word<'a>,
    /// Folded form (lower case, no possessive), compared with the rules' word lists; empty for
    /// punctuation.
    folded: String,
    /// `folded`, spelling-normalised, compared with names and aliases.
    key: String,
    is_word: bool,
    sentence: usize,
}

/// Finds entity mentions and voices, document by document, growing the entity list as it meets
/// names the gazetteer does not have.
pub struct EntityTagger {
    pub entities: Vec<EntityRecord>,
    /// First key → (alias keys, capitalisation, entity); longest first.
    aliases: HashMap<String, Vec<AliasEntry>>,
    /// Spelling variants folded together in keys, as (canonical, variant) suffixes.
    spelling: Vec<[String; 2]>,
    /// Title and speech-cue phrases as keys, longest first.
    titles: Vec<Vec<String>>,
    speech_cues: Vec<Vec<String>>,
    /// What a company owns or reports (`dividends`, `share price`) as keys, longest first.
    company_possessions: Vec<Vec<String>>,
    /// The rules' word lists, folded once.
    words: RuleWords,
    /// Compass words as keys (`south`, `north east`).
    compass_words: Vec<Vec<String>>,
    /// `places.tsv`: first key → indexes into `world`, longest first.
    world_index: HashMap<String, Vec<usize>>,
    world: Vec<WorldPlace>,
    /// The keys of every country's name and forms (`India`, `Indian`, `Republic of India`).
    country_forms: HashSet<Vec<String>>,
    /// Place lead-ins (`the port of`) as keys.
    place_lead_ins: Vec<Vec<String>>,
}

/// `entities.toml`'s word lists, folded (not spelling-normalised: `minister` is no variant).
struct RuleWords {
    roles: HashSet<String>,
    role_links: HashSet<String>,
    person_relatives: HashSet<String>,
    organisation_heads: HashSet<String>,
    connectors: HashSet<String>,
    /// Connectors that never join two names (`of`, `the`; not `and`).
    inner_connectors: HashSet<String>,
    list_joiners: HashSet<String>,
    articles: HashSet<String>,
    not_names: HashSet<String>,
    pronouns: HashSet<String>,
    place_heads: HashSet<String>,
    place_prepositions: HashSet<String>,
    unknown_place_prepositions: HashSet<String>,
    place_nouns: HashSet<String>,
    organisation_nouns: HashSet<String>,
    platform_nouns: HashSet<String>,
    platform_links: HashSet<String>,
    particles: HashSet<String>,
    name_suffixes: HashSet<String>,
    role_copulas: HashSet<String>,
}

impl RuleWords {
    fn new(rules: &NameRules) -> Self {
        let set = |list: &[String]| list.iter().map(|w| fold(w)).collect::<HashSet<_>>();
        Self {
            roles: set(&rules.roles),
            role_links: set(&rules.role_links),
            person_relatives: set(&rules.person_relatives),
            organisation_heads: set(&rules.organisation_heads),
            connectors: set(&rules.name_connectors),
            inner_connectors: &set(&rules.name_connectors) - &set(&rules.list_joiners),
            list_joiners: set(&rules.list_joiners),
            articles: set(&rules.articles),
            not_names: set(&rules.not_names),
            pronouns: set(&rules.pronouns),
            place_heads: set(&rules.place_heads),
            place_prepositions: set(&rules.place_prepositions),
            unknown_place_prepositions: set(&rules.unknown_place_prepositions),
            place_nouns: set(&rules.place_nouns),
            organisation_nouns: set(&rules.organisation_nouns),
            platform_nouns: set(&rules.platform_nouns),
            platform_links: set(&rules.platform_links),
            particles: set(&rules.name_particles),
            // Listed with or without the full stop the text writes (`Jr` or `Jr.`).
            name_suffixes: rules.name_suffixes.iter().map(|w| fold(w.trim_end_matches('.'))).collect(),
            role_copulas: set(&rules.role_copulas),
        }
    }

    /// A role noun, singular or plural (`professor`, `fellows`).
    fn is_role(&self, folded: &str) -> bool {
        self.roles.contains(folded) || folded.strip_suffix('s').is_some_and(|w| self.roles.contains(w))
    }
}

#[derive(Debug, Clone)]
struct AliasEntry {
    keys: Vec<String>,
    entity: usize,
}

/// What a document has taught the tagger so far: short forms and acronyms, the last person.
#[derive(Default)]
pub struct DocumentState {
    aliases: HashMap<String, Vec<AliasEntry>>,
    /// Acronyms the initials of an organisation named earlier spell (`ZBC`), and its entity.
    initials: HashMap<String, usize>,
    last_person: Option<usize>,
}

/// Tagging result for one passage.
#[derive(Debug, Default, PartialEq)]
pub struct PassageEntities {
    pub mentions: Vec<Mention>,
    pub voices: Vec<u32>,
}

/// A rule that names what stands at a token: the name's length in tokens and its text.
type NameRule = for<'t> fn(&EntityTagger, &[Token<'t>], usize) -> Option<(usize, String)>;

impl EntityTagger {
    /// A tagger for `texts` (the passages it will tag): world places whose first word none of
    /// them holds can never be named, so of `places.tsv`'s 28,000 rows only those are indexed.
    pub fn new<'t>(vocab: &EntitiesFile, places: &[GazetteerRow], texts: impl IntoIterator<Item = &'t str>) -> Self {
        let rules = &vocab.rules;
        let mut tagger = Self {
            titles: Vec::new(),
            speech_cues: Vec::new(),
            company_possessions: Vec::new(),
            entities: Vec::new(),
            aliases: HashMap::new(),
            spelling: rules.spelling.clone(),
            words: RuleWords::new(rules),
            world_index: HashMap::new(),
            world: Vec::new(),
            place_lead_ins: Vec::new(),
            compass_words: Vec::new(),
            country_forms: HashSet::new(),
        };
        tagger.compass_words = rules.compass_words.iter().map(|t| tagger.keys_of(t)).collect();
        tagger.place_lead_ins = rules.place_lead_ins.iter().map(|t| tagger.keys_of(t)).collect();
        tagger.place_lead_ins.sort_by_key(|t| std::cmp::Reverse(t.len()));
        tagger.titles = rules.titles.iter().map(|t| tagger.keys_of(t)).collect();
        tagger.titles.sort_by_key(|t| std::cmp::Reverse(t.len()));
        tagger.speech_cues = rules.speech_cues.iter().map(|t| tagger.keys_of(t)).collect();
        tagger.speech_cues.sort_by_key(|t| std::cmp::Reverse(t.len()));
        tagger.company_possessions = rules.company_possessions.iter().map(|t| tagger.keys_of(t)).collect();
        tagger.company_possessions.sort_by_key(|t| std::cmp::Reverse(t.len()));
        for spec in &vocab.entities {
            let kind = spec.kind.as_ref().and_then(|k| EntityKind::parse(k.get_ref())).unwrap_or(EntityKind::Other);
            let index = tagger.entities.len();
            tagger.entities.push(EntityRecord {
                id: spec.id.get_ref().clone(),
                name: spec.name.clone(),
                kind,
                aliases: spec.aliases.iter().cloned().collect(),
                origin: FoundBy::Gazetteer.as_str().into(),
            });
            for form in std::iter::once(&spec.name).chain(&spec.aliases) {
                let keys = tagger.keys_of(form);
                add_alias(&mut tagger.aliases, keys, index);
            }
        }
        let mut words: HashSet<String> = HashSet::new();
        let mut lower_case: HashSet<String> = HashSet::new();
        for word in texts.into_iter().flat_map(text::words) {
            let key = tagger.key(word.text);
            if !word.is_capitalised() {
                lower_case.insert(key.clone());
            }
            words.insert(key);
        }
        let town_forms = tagger.add_world_places(places, &words, &lower_case);
        // A gazetteer country's other forms are country forms too (`Indian`), but not its
        // capital (`Minsk` for Belarus) or any other place's name.
        for spec in &vocab.entities {
            if tagger.country_forms.contains(&tagger.keys_of(&spec.name)) {
                let forms: Vec<Vec<String>> = spec.aliases.iter().map(|a| tagger.keys_of(a)).filter(|k| !town_forms.contains(k)).collect();
                tagger.country_forms.extend(forms);
            }
        }
        tagger
    }

    /// `places.tsv`: a country's other forms (`Azerbaijani`) join a gazetteer entity of that
    /// name; every other name whose first word is among the keys of `words` becomes a world
    /// place, an entity only once the corpus names it. A company of one word that the corpus
    /// also writes in lower case (`Shell`, `shell`) is a common word there, and left out.
    fn add_world_places(&mut self, places: &[GazetteerRow], words: &HashSet<String>, lower_case: &HashSet<String>) -> HashSet<Vec<String>> {
        let mut seen: HashMap<Vec<String>, usize> = HashMap::new();
        let mut town_forms: HashSet<Vec<String>> = HashSet::new();
        // World places made from a row's own name (not another form of it).
        let mut own_names: HashSet<usize> = HashSet::new();
        for row in places {
            let keys = self.keys_of(row.name);
            if keys.is_empty() {
                continue;
            }
            if row.kind == GazetteerKind::Country {
                self.country_forms.insert(keys.clone());
                let forms: Vec<Vec<String>> = row.aliases.iter().map(|a| self.keys_of(a)).collect();
                self.country_forms.extend(forms);
            } else if row.kind.is_place() {
                town_forms.insert(keys.clone());
            }
            let known = longest_alias_keys(&self.aliases, &keys).filter(|&(len, _)| len == keys.len()).map(|(_, e)| e);
            if let Some(entity) = known {
                if row.kind == GazetteerKind::Country && self.entities[entity].kind == EntityKind::Place {
                    for alias in &row.aliases {
                        let alias_keys = self.keys_of(alias);
                        add_alias(&mut self.aliases, alias_keys, entity);
                    }
                }
                continue;
            }
            let reach = match row.kind {
                GazetteerKind::Country | GazetteerKind::Capital | GazetteerKind::Organisation => Reach::Anywhere,
                GazetteerKind::City if row.population >= LARGE_CITY => Reach::Anywhere,
                GazetteerKind::Company => Reach::NoArticleBefore,
                GazetteerKind::City | GazetteerKind::Region | GazetteerKind::Water | GazetteerKind::Land | GazetteerKind::Area => Reach::AfterPreposition,
            };
            let (kind, found_by) = match row.kind {
                GazetteerKind::Company => (EntityKind::Organisation, FoundBy::CompanyList),
                GazetteerKind::Organisation => (EntityKind::Organisation, FoundBy::OrganisationList),
                _ => (EntityKind::Place, FoundBy::WorldGazetteer),
            };
            for (n, &form) in std::iter::once(&row.name).chain(&row.aliases).enumerate() {
                let form_keys = if n == 0 { keys.clone() } else { self.keys_of(form) };
                if !form_keys.first().is_some_and(|first| words.contains(first)) {
                    continue;
                }
                if kind == EntityKind::Organisation && form_keys.len() == 1 && lower_case.contains(&form_keys[0]) {
                    continue;
                }
                match seen.get(&form_keys) {
                    // A place's own name beats another's short form: `Gaza` is the city, not
                    // `Gaza Province` (whose short form it also is).
                    Some(&w) if n == 0 && !own_names.contains(&w) && self.world[w].kind == kind => {
                        own_names.insert(w);
                        self.world[w].name = row.name.to_string();
                        self.world[w].capitals = self.capitals_of(form);
                        if reach == Reach::Anywhere {
                            self.world[w].reach = Reach::Anywhere;
                        }
                    }
                    Some(&w) => {
                        if reach == Reach::Anywhere {
                            self.world[w].reach = Reach::Anywhere;
                        }
                    }
                    None => {
                        let w = self.world.len();
                        seen.insert(form_keys.clone(), w);
                        if n == 0 {
                            own_names.insert(w);
                        }
                        let capitals = self.capitals_of(form);
                        self.world.push(WorldPlace { keys: form_keys.clone(), capitals, name: row.name.to_string(), reach, kind, found_by, entity: None });
                        self.world_index.entry(form_keys[0].clone()).or_default().push(w);
                    }
                }
            }
        }
        for entries in self.world_index.values_mut() {
            entries.sort_by_key(|&w| std::cmp::Reverse(self.world[w].keys.len()));
        }
        town_forms
    }

    /// The longest world place at token `i` that its reach allows there: a whole capitalised name
    /// (no capitalised word right before or after it), after a preposition of place unless it is
    /// trusted anywhere. A name the list opens with a lower-case particle (`al-Qaeda`) opens so
    /// in the text too.
    fn world_place(&self, tokens: &[Token], i: usize) -> Option<(usize, usize)> {
        let entries = self.world_index.get(&tokens[i].key)?;
        let cased = |w: usize| self.world[w].capitals.iter().enumerate().all(|(k, &capital)| !capital || tokens[i + k].word.is_capitalised());
        let opens = |w: usize| {
            let capitals = &self.world[w].capitals;
            let particle_first = !capitals[0] && self.words.particles.contains(&tokens[i].folded) && capitals.iter().any(|&c| c);
            tokens[i].word.is_capitalised() || particle_first
        };
        let w = *entries.iter().find(|&&w| matches_keys(tokens, i, &self.world[w].keys) && opens(w) && cased(w))?;
        let len = self.world[w].keys.len();
        let capitalised = |k: usize| tokens.get(k).is_some_and(|t| t.is_word && t.word.is_capitalised() && t.sentence == tokens[i].sentence);
        let sentence_start = i == 0 || tokens[i - 1].sentence != tokens[i].sentence;
        // A title may follow (`Lithuanian Defence Minister …`): it is no part of the place.
        let title_after = self.titles.iter().any(|t| matches_keys(tokens, i + len, t));
        if (capitalised(i + len) && !title_after) || (!sentence_start && i > 0 && capitalised(i - 1)) {
            return None;
        }
        let trusted = match self.world[w].reach {
            Reach::Anywhere => true,
            Reach::AfterPreposition => self.after_place_preposition(tokens, i),
            Reach::NoArticleBefore => sentence_start || !self.words.articles.contains(&tokens[i - 1].folded),
        };
        trusted.then_some((len, w))
    }

    /// `in Tashkent`, `through the Bosporus`, `at the port of Gwadar`, `the exclave of X`,
    /// `in Bac Ninh and Bac Giang`.
    fn after_place_preposition(&self, tokens: &[Token], i: usize) -> bool {
        // A lead-in says place by itself (`its exclave of Nakhchivan`, `the autonomous region of
        // Gagauzia`).
        if self.place_lead_ins.iter().any(|lead_in| i >= lead_in.len() && matches_keys(tokens, i - lead_in.len(), lead_in)) {
            return true;
        }
        if self.dateline(tokens, i).is_some() {
            return true;
        }
        let mut k = i;
        if k >= 1 && self.words.articles.contains(&tokens[k - 1].folded) {
            k -= 1;
        }
        if k >= 1 && tokens[k - 1].is_word && !tokens[k - 1].word.is_capitalised() && self.words.place_prepositions.contains(&tokens[k - 1].folded) {
            return true;
        }
        // `in Bac Ninh and Bac Giang`: the second of a list after a preposition of place.
        if k >= 2 && self.words.list_joiners.contains(&tokens[k - 1].folded) {
            let mut m = k - 1;
            while m >= 1 && k - m <= 3 && tokens[m - 1].is_word && tokens[m - 1].word.is_capitalised() && tokens[m - 1].sentence == tokens[i].sentence {
                m -= 1;
            }
            return m < k - 1 && self.after_place_preposition(tokens, m);
        }
        false
    }

    /// `BRUSSELS, 13 May 2025 –`, `Hanoi, 11 December 2024 –`, `Riyadh –`: the capitalised words
    /// (in any case, at most three) that open a passage before a comma and a date, or before a
    /// dash, are its dateline, the place it was filed from. Whether a date follows (only then
    /// is a name no list knows taken for a place).
    fn dateline(&self, tokens: &[Token], i: usize) -> Option<bool> {
        if i != 0 {
            return None;
        }
        let len = self.capitalised_run(tokens, 0, 3);
        let next = |k: usize| tokens.get(len + k).map(|t| t.word.text);
        let starts_with_digit = |k: usize| next(k).and_then(|w| w.chars().next()).is_some_and(|c| c.is_ascii_digit());
        // `12 May 2025` or `May 12, 2025`.
        let dated = next(0) == Some(",") && (starts_with_digit(1) || (tokens.get(len + 1).is_some_and(|t| t.word.is_capitalised()) && starts_with_digit(2)));
        let dashed = matches!(next(0), Some("\u{2013}" | "\u{2014}"));
        (len > 0 && (dated || dashed)).then_some(dated)
    }

    /// The entity of world place `w`, made when the corpus first names it.
    fn world_entity(&mut self, w: usize) -> usize {
        let name = self.world[w].name.clone();
        self.row_entity(w, &name, self.world[w].found_by)
    }

    /// The one entity of the list row that world place `w` is a form of, whichever rule or list
    /// named it first: the one the row already has; else an entity of its kind the tagger knows
    /// by the row's name (as its name or a listed alias), or named by another form of the row
    /// (`ELN` found as an acronym is the `National Liberation Army`); else a new one, `name`
    /// found by `origin`.
    fn row_entity(&mut self, w: usize, name: &str, origin: FoundBy) -> usize {
        if let Some(e) = self.world[w].entity {
            return e;
        }
        let (row, kind) = (self.world[w].name.clone(), self.world[w].kind);
        let forms: Vec<Vec<String>> = self.world.iter().filter(|p| p.name == row && p.kind == kind).map(|p| p.keys.clone()).collect();
        let e = self
            .named_entity(&self.keys_of(&row), kind, true)
            .or_else(|| forms.iter().find_map(|keys| self.named_entity(keys, kind, false)))
            .unwrap_or_else(|| self.new_entity(name, kind, origin));
        for place in self.world.iter_mut().filter(|p| p.name == row && p.kind == kind) {
            place.entity = Some(e);
        }
        e
    }

    /// The known entity of `kind` whose name is `keys` (or, with `or_alias`, one of whose
    /// listed aliases is), a leading article aside (`The Hague` is `Hague`).
    fn named_entity(&self, keys: &[String], kind: EntityKind, or_alias: bool) -> Option<usize> {
        let same = self.without_article(keys);
        self.article_forms(keys).into_iter().find_map(|form| {
            let entry = self.aliases.get(form.first()?)?.iter().find(|a| a.keys == form)?;
            let entity = &self.entities[entry.entity];
            let named = || self.without_article(&self.keys_of(&entity.name)) == same;
            (entity.kind == kind && (or_alias || named())).then_some(entry.entity)
        })
    }

    /// `keys` without a leading article, when a word follows it.
    fn without_article<'k>(&self, keys: &'k [String]) -> &'k [String] {
        match keys {
            [first, rest @ ..] if !rest.is_empty() && self.words.articles.contains(first) => rest,
            _ => keys,
        }
    }

    /// `keys` as written, without a leading article, and after each article.
    fn article_forms(&self, keys: &[String]) -> Vec<Vec<String>> {
        let bare = self.without_article(keys);
        let mut forms = vec![keys.to_vec()];
        if bare.len() < keys.len() {
            forms.push(bare.to_vec());
        }
        forms.extend(self.words.articles.iter().map(|a| std::iter::once(a.clone()).chain(bare.iter().cloned()).collect::<Vec<_>>()).filter(|f| f != keys));
        forms
    }

    /// Folded, spelling-normalised key of each word of `text`.
    fn keys_of(&self, text: &str) -> Vec<String> {
        // Most gazetteer names are Latin letters between spaces: their words need no word
        // segmentation, which keeps reading 28,000 rows of `places.tsv` quick.
        if text.chars().all(|c| c == ' ' || (c.is_alphabetic() && c <= '\u{24F}')) {
            let fold_letters = |w: &str| if w.is_ascii() { w.to_ascii_lowercase() } else { fold(w) };
            return text.split(' ').filter(|w| !w.is_empty()).map(|w| self.spelling_key(fold_letters(w))).collect();
        }
        text::words(text).map(|w| self.key(w.text)).collect()
    }

    /// Whether each word of `text` (as `keys_of` splits it) starts with a capital.
    fn capitals_of(&self, text: &str) -> Vec<bool> {
        let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        if text.chars().all(|c| c == ' ' || (c.is_alphabetic() && c <= '\u{24F}')) {
            return text.split(' ').filter(|w| !w.is_empty()).map(capital).collect();
        }
        text::words(text).map(|w| capital(w.text)).collect()
    }

    fn key(&self, word: &str) -> String {
        self.spelling_key(fold(word))
    }

    fn spelling_key(&self, folded: String) -> String {
        let mut key = folded;
        for [canonical, variant] in &self.spelling {
            // A stem of three letters or more: `for` is not a spelling of `four`.
            if let Some(stem) = key.strip_suffix(variant.as_str()).filter(|stem| stem.chars().count() >= 3) {
                key = format!("{stem}{canonical}");
                break;
            }
        }
        key
    }

    fn tokens<'a>(&self, text: &'a str, sentences: &[Span]) -> Vec<Token<'a>> {
        let mut tokens: Vec<Token<'a>> = Vec::new();
        for word in text::segments(text) {
            let is_word = text::is_word(word.text);
            // The full stop of an initial (`S. Rajaratnam`) does not stop a name.
            let after_initial = tokens.last().is_some_and(|t| t.is_word && t.word.text.chars().count() == 1 && t.word.is_capitalised());
            if word.text == "." && after_initial {
                continue;
            }
            // A name's suffix keeps its full stop (`Marcos Jr.`): the word takes it in.
            if word.text == "." {
                if let Some(suffix) = tokens.last_mut().filter(|t| t.is_word && t.word.end == word.start && self.words.name_suffixes.contains(&t.folded)) {
                    suffix.word = Word { text: &text[suffix.word.start..word.end], start: suffix.word.start, end: word.end };
                    continue;
                }
            }
            // A hyphen inside a compound (`Indo-Pacific`, `China-Russia`) joins, it does not stop.
            let joins = matches!(word.text, "-" | "\u{2010}") && tokens.last().is_some_and(|t| t.is_word && t.word.end == word.start)
                && text[word.end..].chars().next().is_some_and(char::is_alphanumeric);
            if joins {
                continue;
            }
            let sentence = sentence_of(sentences, word.start);
            let folded = if is_word { fold(word.text) } else { String::new() };
            let key = self.spelling_key(folded.clone());
            tokens.push(Token { word, folded, key, is_word, sentence });
        }
        tokens
    }

    /// Tags one passage. `sentences` are the passage's (`text::sentences`); `state` carries
    /// what earlier passages of the same document taught.
    pub fn tag(&mut self, text: &str, sentences: &[Span], state: &mut DocumentState) -> PassageEntities {
        let tokens = self.tokens(text, sentences);
        let last_person_before_passage = state.last_person;
        let mut mentions: Vec<(usize, usize, usize)> = Vec::new(); // (first token, end token, entity)
        let mut i = 0;
        while i < tokens.len() {
            if !tokens[i].is_word {
                i += 1;
                continue;
            }
            let found = self.best_match(&tokens, i, &mut *state).or_else(|| {
                let (len, name) = self.coordinated_organisation(&tokens, i, &mentions, state)?;
                Some((len, self.resolve(&name, EntityKind::Organisation, FoundBy::Coordinated, state), FoundBy::Coordinated))
            });
            let Some((len, entity, found_by)) = found else {
                i += 1;
                continue;
            };
            // `OPEC+`: a mark glued to the name's end belongs to it when a listed form has it.
            let glued = tokens.get(i + len).is_some_and(|t| {
                !t.is_word && t.word.start == tokens[i + len - 1].word.end && {
                    let form = format!("{}{}", &text[tokens[i].word.start..tokens[i + len - 1].word.end], t.word.text);
                    self.entities[entity].name == form || self.entities[entity].aliases.contains(&form)
                }
            });
            let len = len + usize::from(glued);
            self.record_mention(&tokens, i, len, entity, found_by, state, &mut mentions);
            i += len;
            if let Some(acronym_len) = self.acronym_after(&tokens, i, entity, state) {
                mentions.push((i + 1, i + 2, entity));
                i += acronym_len;
            }
        }
        let voices = self.voices(&tokens, &mentions, last_person_before_passage);
        let mentions = mentions
            .iter()
            .map(|&(a, b, e)| Mention { entity: e as u32, span: Span::new(tokens[a].word.start, tokens[b - 1].word.end) })
            .collect();
        PassageEntities { mentions, voices }
    }

    #[allow(clippy::too_many_arguments)]
    fn record_mention(
        &mut self,
        tokens: &[Token],
        start: usize,
        len: usize,
        entity: usize,
        found_by: FoundBy,
        state: &mut DocumentState,
        mentions: &mut Vec<(usize, usize, usize)>,
    ) {
        let surface = surface(tokens, start, start + len);
        let record = &mut self.entities[entity];
        if surface != record.name && !surface.is_empty() {
            record.aliases.insert(surface);
        }
        mentions.push((start, start + len, entity));
        if record.kind == EntityKind::Person {
            state.last_person = Some(entity);
            let name_words: Vec<Word> = text::words(&self.entities[entity].name).collect();
            if name_words.len() > 1 && found_by != FoundBy::ShortForm {
                for word in name_words {
                    let folded = fold(word.text);
                    let short_form = !self.words.not_names.contains(&folded) && !self.words.name_suffixes.contains(&folded);
                    if word.text.chars().count() > 1 && word.is_capitalised() && short_form {
                        add_alias(&mut state.aliases, vec![self.key(word.text)], entity);
                    }
                }
            }
        }
        // `Reserve Bank of India` is `the Reserve Bank` later in the document: the words before
        // its first connector, when they end on an organisation head.
        if self.entities[entity].kind == EntityKind::Organisation && len >= 3 && found_by != FoundBy::ShortForm {
            if let Some(cut) = (start + 2..start + len).find(|&k| self.words.connectors.contains(&tokens[k].folded) && !tokens[k].word.is_capitalised()) {
                if self.words.organisation_heads.contains(&tokens[cut - 1].folded) {
                    add_alias(&mut state.aliases, tokens[start..cut].iter().map(|t| t.key.clone()).collect(), entity);
                }
            }
        }
        // `Zimbabwe Broadcasting Corporation` is `ZBC` later in the document, `United Nations
        // Relief and Works Agency for Palestine Refugees` is `UNRWA`: the initials of its
        // capitalised words up to an organisation head, three letters or more. The whole name's
        // initials count too, with or without its connectors' (`Economic Community of West
        // African States` is `ECOWAS`).
        if self.entities[entity].kind == EntityKind::Organisation && found_by != FoundBy::ShortForm {
            let words = &tokens[start..start + len];
            let mut initials = String::new();
            for t in words.iter().filter(|t| t.is_word && t.word.is_capitalised()) {
                initials.extend(t.word.text.chars().next());
                if initials.chars().count() >= 3 && self.words.organisation_heads.contains(&t.folded) {
                    state.initials.entry(initials.clone()).or_insert(entity);
                }
            }
            let with_connectors: String = words
                .iter()
                .filter(|t| t.is_word && (t.word.is_capitalised() || self.words.connectors.contains(&t.folded)))
                .filter_map(|t| t.word.text.chars().next())
                .flat_map(char::to_uppercase)
                .collect();
            for whole in [initials, with_connectors] {
                if whole.chars().count() >= 3 {
                    state.initials.entry(whole).or_insert(entity);
                }
            }
        }
        // Organisations named inside a longer name (`Communist Party of China` inside
        // `Political Bureau of the Communist Party of China Central Committee`).
        if len >= 3 {
            for inner in start + 1..start + len {
                if let Some((inner_len, inner_entity)) = longest_alias(&self.aliases, tokens, inner) {
                    let fits = inner + inner_len <= start + len;
                    if fits && inner_entity != entity && self.entities[inner_entity].kind == EntityKind::Organisation {
                        mentions.push((inner, inner + inner_len, inner_entity));
                    }
                }
            }
        }
        // Countries named inside an organisation's name (`Indian Oil Corporation`, `Central Bank
        // of the United Arab Emirates`), by a name or form the world gazetteer gives a country:
        // not a city or a continent (the `Shanghai Cooperation Organisation` is not in Shanghai,
        // the `European Union` names no place).
        if self.entities[entity].kind == EntityKind::Organisation && len >= 2 {
            let end = start + len;
            let mut inner = start;
            while inner < end {
                let known = self.aliases.get(&tokens[inner].key).and_then(|entries| {
                    entries
                        .iter()
                        .find(|a| {
                            self.entities[a.entity].kind == EntityKind::Place
                                && self.country_forms.contains(&a.keys)
                                && inner + a.keys.len() <= end
                                && matches_keys(tokens, inner, &a.keys)
                        })
                        .filter(|_| tokens[inner].word.is_capitalised())
                        .map(|a| (a.keys.len(), a.entity))
                });
                let world = self.world_index.get(&tokens[inner].key).and_then(|entries| {
                    entries.iter().copied().find(|&w| {
                        let place = &self.world[w];
                        self.country_forms.contains(&place.keys)
                            && matches_keys(tokens, inner, &place.keys)
                            && inner + place.keys.len() <= end
                            && tokens[inner].word.is_capitalised()
                    })
                });
                let found = match (known, world) {
                    (Some((l, e)), _) => Some((l, e)),
                    (None, Some(w)) => Some((self.world[w].keys.len(), self.world_entity(w))),
                    (None, None) => None,
                };
                match found {
                    Some((l, e)) => {
                        mentions.push((inner, inner + l, e));
                        inner += l;
                    }
                    None => inner += 1,
                }
            }
        }
    }

    /// The longest name starting at token `i`: a known alias (gazetteer or this document's short
    /// forms), a titled person, an organisation, a person described by a role, or a name beside
    /// a speech verb. Known aliases win ties.
    fn best_match(&mut self, tokens: &[Token], i: usize, state: &mut DocumentState) -> Option<(usize, usize, FoundBy)> {
        let known = longest_alias(&self.aliases, tokens, i)
            .map(|(len, e)| (len, e, FoundBy::Gazetteer))
            .into_iter()
            .chain(longest_alias(&state.aliases, tokens, i).map(|(len, e)| (len, e, FoundBy::ShortForm)))
            .max_by_key(|m| m.0);
        let best_known_len = known.map_or(0, |k| k.0);
        let detected = [
            (self.titled_person(tokens, i), EntityKind::Person, FoundBy::Title),
            (self.organisation_after_noun(tokens, i), EntityKind::Organisation, FoundBy::OrganisationNoun),
            (self.headed_run(tokens, i, &self.words.organisation_heads), EntityKind::Organisation, FoundBy::OrganisationName),
            (self.headed_run(tokens, i, &self.words.place_heads), EntityKind::Place, FoundBy::PlaceName),
            (self.compass_region(tokens, i, state), EntityKind::Place, FoundBy::Compass),
            // `Saudi Aramco, the state oil company`: longer than the known `Saudi`.
            (self.organisation_appositive(tokens, i).filter(|d| d.0 > best_known_len), EntityKind::Organisation, FoundBy::OrganisationNoun),
        ];
        // The longest detection; on a tie the earlier rule (a title before an organisation).
        let longest = detected
            .into_iter()
            .filter_map(|(found, kind, by)| found.map(|(len, name)| (len, name, kind, by)))
            .fold(None, |best: Option<(usize, String, EntityKind, FoundBy)>, d| if best.as_ref().is_none_or(|b| d.0 > b.0) { Some(d) } else { best });
        if let Some((len, name, kind, by)) = longest.filter(|d| d.0 > best_known_len) {
            let entity = self.resolve(&name, kind, by, state);
            return Some((len, entity, by));
        }
        if known.is_some() {
            return known;
        }
        if let Some((len, w)) = self.world_place(tokens, i) {
            let entity = self.world_entity(w);
            add_alias(&mut state.aliases, tokens[i..i + len].iter().map(|t| t.key.clone()).collect(), entity);
            return Some((len, entity, self.world[w].found_by));
        }
        // Names that neither a list nor a longer rule above gives, by the first rule that fits;
        // then an acronym; last, an unknown name after a preposition of place (a place only when
        // nothing else names it).
        let in_context: [(NameRule, EntityKind, FoundBy); 7] = [
            (Self::organisation_after_role, EntityKind::Organisation, FoundBy::RoleLink),
            (Self::platform_after_noun, EntityKind::Organisation, FoundBy::Platform),
            (Self::place_before_noun, EntityKind::Place, FoundBy::PlaceNoun),
            (Self::organisation_before_noun, EntityKind::Organisation, FoundBy::OrganisationNoun),
            (Self::company_before_its_possession, EntityKind::Organisation, FoundBy::OrganisationNoun),
            (Self::organisation_appositive, EntityKind::Organisation, FoundBy::OrganisationNoun),
            (Self::described_person, EntityKind::Person, FoundBy::Role),
        ];
        for (rule, kind, by) in in_context {
            if let Some((len, name)) = rule(self, tokens, i) {
                return Some((len, self.resolve(&name, kind, by, state), by));
            }
        }
        if self.is_acronym(&tokens[i]) && self.dateline(tokens, i).is_none() {
            let acronym = tokens[i].word.text;
            let entity = match state.initials.get(acronym) {
                Some(&entity) => entity,
                None => self.resolve(acronym, EntityKind::Organisation, FoundBy::Acronym, state),
            };
            return Some((1, entity, FoundBy::Acronym));
        }
        let (len, name) = self.unknown_place(tokens, i)?;
        Some((len, self.resolve(&name, EntityKind::Place, FoundBy::UnknownPlace, state), FoundBy::UnknownPlace))
    }

    /// `INSEAD`, `EPIAS`, `MONUSCO`: a word of two to eight capital letters that no list knows
    /// names an organisation (a place or a person is not written so, but in a dateline).
    fn is_acronym(&self, token: &Token) -> bool {
        let letters = token.word.text.chars().count();
        token.is_word
            && (2..=8).contains(&letters)
            && token.word.text.chars().all(|c| c.is_alphabetic() && c.is_uppercase())
            && !self.words.not_names.contains(&token.folded)
    }

    /// `the consultancy Energy Aspects`, `state utility Vietnam Electricity`: an organisation
    /// noun just before a capitalised run.
    fn organisation_after_noun(&self, tokens: &[Token], i: usize) -> Option<(usize, String)> {
        let before = i.checked_sub(1).map(|k| &tokens[k])?;
        if !before.is_word || before.word.is_capitalised() || !self.words.organisation_nouns.contains(&before.folded) || !self.can_start_name(tokens, i) {
            return None;
        }
        let len = self.name_run(tokens, i, 4, &self.words.connectors);
        (len >= 1).then(|| (len, surface(tokens, i, i + len)))
    }

    /// `Gazprom, the Russian state gas company,`: a capitalised name, then an appositive whose
    /// first few lower-case words hold an organisation noun.
    fn organisation_appositive(&self, tokens: &[Token], i: usize) -> Option<(usize, String)> {
        if !self.can_start_name(tokens, i) {
            return None;
        }
        let len = self.capitalised_run(tokens, i, 3);
        let after = i + len;
        let appositive = len >= 1
            && tokens.get(after).is_some_and(|t| t.word.text == ",")
            && tokens.get(after + 1).is_some_and(|t| self.words.articles.contains(&t.folded))
            && tokens[(after + 2).min(tokens.len())..]
                .iter()
                .take(5)
                .take_while(|t| t.is_word && !self.words.is_role(&t.folded))
                .any(|t| self.words.organisation_nouns.contains(&t.folded));
        appositive.then(|| (len, surface(tokens, i, after)))
    }

    /// `Associate Professor Sussex`, `President Vladimir Putin`: a title then 1–3 capitalised words.
    fn titled_person(&self, tokens: &[Token], i: usize) -> Option<(usize, String)> {
        let title = self.titles.iter().find(|t| matches_keys(tokens, i, t) && tokens[i].word.is_capitalised())?;
        let name_start = i + title.len();
        if has_possessive(&tokens[name_start - 1]) {
            return None; // `King's College` names no king.
        }
        let name_len = self.name_run(tokens, name_start, 5, &self.words.particles);
        if name_len == 0 {
            return None;
        }
        let name = surface(tokens, name_start, name_start + name_len);
        Some((title.len() + name_len, name))
    }

    /// `China Programme`, `S. Rajaratnam School of International Studies`, `Gulf of Riga`: a
    /// capitalised run, connectors allowed inside, holding one of `heads` (an organisation's or a
    /// place's head word). A title inside the run ends it (`Rear Admiral X of the Navy`).
    fn headed_run(&self, tokens: &[Token], i: usize, heads: &HashSet<String>) -> Option<(usize, String)> {
        if !self.can_start_name(tokens, i) {
            return None;
        }
        let mut end = i;
        let mut j = i;
        while j < tokens.len() && tokens[j].is_word && tokens[j].sentence == tokens[i].sentence {
            if j > i && self.titles.iter().any(|t| matches_keys(tokens, j, t)) {
                break;
            }
            if tokens[j].word.is_capitalised() {
                j += 1;
                end = j;
                // `Atlantic Council’s Digital …`: a complete name owns what follows.
                if has_possessive(&tokens[j - 1]) && heads.contains(&tokens[j - 1].folded) {
                    break;
                }
            } else if self.words.connectors.contains(&tokens[j].folded) {
                // `X Organisation and BRICS` is two names: stop at `and` after a complete
                // organisation name or before a known one.
                let complete = tokens[j - 1].word.is_capitalised() && heads.contains(&tokens[j - 1].folded);
                let known_next = j + 1 < tokens.len() && longest_alias(&self.aliases, tokens, j + 1).is_some();
                let new_phrase = tokens.get(j + 1).is_some_and(|t| self.words.articles.contains(&t.folded));
                if self.words.list_joiners.contains(&tokens[j].folded) && (complete || known_next || new_phrase) {
                    break;
                }
                j += 1;
            } else {
                break;
            }
        }
        let run = &tokens[i..end];
        let has_head = run.iter().any(|t| t.word.is_capitalised() && heads.contains(&t.folded));
        (has_head && run.len() >= 2).then(|| (run.len(), surface(tokens, i, end)))
    }

    /// `South Asia`, `East Africa`: a compass word, then a place already known (the gazetteer,
    /// this document, or a world place), ending the name. Not when the whole is itself a world
    /// place named there (`South Sudan`).
    fn compass_region(&self, tokens: &[Token], i: usize, state: &DocumentState) -> Option<(usize, String)> {
        let compass = self.compass_words.iter().find(|c| matches_keys(tokens, i, c) && tokens[i].word.is_capitalised())?;
        let base = i + compass.len();
        if base >= tokens.len() || tokens[base].sentence != tokens[i].sentence {
            return None;
        }
        let is_place = |(len, e): (usize, usize)| (self.entities[e].kind == EntityKind::Place).then_some(len);
        let known = [longest_alias(&self.aliases, tokens, base), longest_alias(&state.aliases, tokens, base)].into_iter().flatten().filter_map(is_place).max();
        let world = self.world_index.get(&tokens[base].key).and_then(|entries| {
            entries.iter().find(|&&w| self.world[w].kind == EntityKind::Place && matches_keys(tokens, base, &self.world[w].keys)).map(|&w| self.world[w].keys.len())
        });
        let len = compass.len() + known.max(world)?;
        let continues = tokens.get(i + len).is_some_and(|t| t.is_word && t.word.is_capitalised() && t.sentence == tokens[i].sentence);
        // A world place of the whole name is left to name it, where its reach lets it.
        let whole_is_world_place = self.world_place(tokens, i).is_some_and(|(world_len, _)| world_len >= len);
        (!continues && !whole_is_world_place).then(|| (len, surface(tokens, i, i + len)))
    }

    /// `Sputnik and RT`, `Foxconn, the Taiwanese assembler, and Luxshare Precision`: a
    /// capitalised name no list knows, joined by a list's `and` to an organisation (named just
    /// before, an appositive between allowed, or known just after), is an organisation too.
    fn coordinated_organisation(&self, tokens: &[Token], i: usize, mentions: &[(usize, usize, usize)], state: &DocumentState) -> Option<(usize, String)> {
        if !self.can_start_name(tokens, i) {
            return None;
        }
        let len = self.capitalised_run(tokens, i, 3);
        let same_sentence = |k: usize| tokens.get(k).is_some_and(|t| t.sentence == tokens[i].sentence);
        let joiner = |k: usize| same_sentence(k) && self.words.list_joiners.contains(&tokens[k].folded);
        let organisation_ends_at = |end: usize| mentions.iter().any(|&(_, e, entity)| e == end && self.entities[entity].kind == EntityKind::Organisation);
        let before = i >= 2 && joiner(i - 1) && {
            let mut end = i - 1;
            // `, the Taiwanese assembler of iPhones,` between the two names.
            if tokens[end - 1].word.text == "," {
                if let Some(open) = (end.saturating_sub(10)..end - 1).rev().find(|&k| tokens[k].word.text == "," && same_sentence(k)) {
                    end = open;
                }
            }
            organisation_ends_at(end)
        };
        let after = joiner(i + len) && same_sentence(i + len + 1) && {
            let k = i + len + 1;
            let known = [longest_alias(&self.aliases, tokens, k), longest_alias(&state.aliases, tokens, k)].into_iter().flatten().any(|(_, e)| self.entities[e].kind == EntityKind::Organisation);
            known || self.is_acronym(&tokens[k])
        };
        (len >= 1 && (before || after)).then(|| (len, surface(tokens, i, i + len)))
    }

    /// `the Neman river`, `the Bab el-Mandeb strait`, `the Amazon city`: after an article, a
    /// capitalised name (particles inside) that a lower-case place noun follows.
    fn place_before_noun(&self, tokens: &[Token], i: usize) -> Option<(usize, String)> {
        let after_article = i >= 1 && tokens[i - 1].sentence == tokens[i].sentence && self.words.articles.contains(&tokens[i - 1].folded);
        if !after_article || !self.can_start_name(tokens, i) {
            return None;
        }
        let len = self.name_run(tokens, i, 4, &self.words.particles);
        let noun = tokens.get(i + len).filter(|t| t.is_word && !t.word.is_capitalised() && t.sentence == tokens[i].sentence)?;
        let is_place_noun = |w: &str| self.words.place_nouns.contains(w);
        let named = len >= 1 && (is_place_noun(&noun.folded) || noun.folded.strip_suffix('s').is_some_and(is_place_noun));
        named.then(|| (len, surface(tokens, i, i + len)))
    }

    /// `the Zenda group`, `the state-owned Zenda group`, `the Zenda rebel group`: a name
    /// (particles inside, its first letter a letter, not a digit) in a noun phrase that an
    /// article opens (at most two lower-case modifiers before the name) and a lower-case
    /// organisation noun closes (at most one lower-case modifier after it): the English
    /// descriptor pattern `the <name> <kind of body>`, an organisation.
    fn organisation_before_noun(&self, tokens: &[Token], i: usize) -> Option<(usize, String)> {
        let letter_capital = tokens[i].word.text.chars().next().is_some_and(char::is_uppercase);
        if !letter_capital || !self.can_start_name(tokens, i) {
            return None;
        }
        let lower = |k: usize| tokens.get(k).is_some_and(|t| t.is_word && !t.word.is_capitalised() && t.sentence == tokens[i].sentence);
        let modifiers_before = (0..=2).take_while(|&m| m == 0 || (i > m && lower(i - m))).last().unwrap_or(0);
        let article = |k: usize| tokens[k].is_word && tokens[k].sentence == tokens[i].sentence && self.words.articles.contains(&tokens[k].folded);
        let opened = (0..=modifiers_before).any(|m| i > m && article(i - m - 1));
        if !opened {
            return None;
        }
        let len = self.name_run(tokens, i, 3, &self.words.particles);
        let is_noun = |k: usize| lower(k) && self.words.organisation_nouns.contains(&tokens[k].folded);
        let closed = len >= 1 && (is_noun(i + len) || (lower(i + len) && is_noun(i + len + 1)));
        closed.then(|| (len, surface(tokens, i, i + len)))
    }

    /// `Novatek's Yamal LNG plant`, `Ecopetrol's dividends`: a name in the possessive (at most
    /// three words, its first letter a letter), then at most three capitalised words (the
    /// possession's own name) and one lower-case modifier, then what a company owns or reports:
    /// a company, unless a list knows the name as a place (`Kirkuk's oil fields`).
    fn company_before_its_possession(&self, tokens: &[Token], i: usize) -> Option<(usize, String)> {
        let letter_capital = tokens[i].word.text.chars().next().is_some_and(char::is_uppercase);
        if !letter_capital || !self.can_start_name(tokens, i) {
            return None;
        }
        let len = self.capitalised_run(tokens, i, 3);
        let owner = (1..=len).find(|&l| has_possessive(&tokens[i + l - 1]))?;
        let place = self.world_index.get(&tokens[i].key).is_some_and(|ws| ws.iter().any(|&w| self.world[w].keys.len() == owner && matches_keys(tokens, i, &self.world[w].keys)));
        let mut k = i + owner;
        k += self.capitalised_run(tokens, k, 3);
        let lower = |k: usize| tokens.get(k).is_some_and(|t| t.is_word && !t.word.is_capitalised() && t.sentence == tokens[i].sentence);
        let possession = |k: usize| lower(k) && self.company_possessions.iter().any(|p| matches_keys(tokens, k, p));
        let owns = possession(k) || (lower(k) && possession(k + 1));
        (owns && !place).then(|| (owner, surface(tokens, i, i + owner)))
    }

    /// `analysts at Drewry`, `members of Congress`, `a fellow at the Vale Trust`: a role noun and
    /// its link word just before a capitalised name (connectors inside, not a list's `and`)
    /// that no list knows: where the role is held, an organisation.
    fn organisation_after_role(&self, tokens: &[Token], i: usize) -> Option<(usize, String)> {
        if !self.can_start_name(tokens, i) {
            return None;
        }
        let mut k = i;
        if k >= 1 && self.words.articles.contains(&tokens[k - 1].folded) {
            k -= 1;
        }
        let lower = |t: &Token| t.is_word && !t.word.is_capitalised() && t.sentence == tokens[i].sentence;
        let linked = k >= 2
            && lower(&tokens[k - 1])
            && self.words.role_links.contains(&tokens[k - 1].folded)
            && tokens[k - 2].is_word
            && tokens[k - 2].sentence == tokens[i].sentence
            && self.words.is_role(&tokens[k - 2].folded);
        if !linked {
            return None;
        }
        let len = self.name_run(tokens, i, 4, &self.words.inner_connectors);
        (len >= 1).then(|| (len, surface(tokens, i, i + len)))
    }

    /// `accounts on Telegram`, `news channels on YouTube`: a platform noun (singular or plural)
    /// and its link word just before a capitalised name (connectors inside, not a list's `and`)
    /// that no list knows: the platform, an organisation.
    fn platform_after_noun(&self, tokens: &[Token], i: usize) -> Option<(usize, String)> {
        if i < 2 || !self.can_start_name(tokens, i) {
            return None;
        }
        let lower = |t: &Token| t.is_word && !t.word.is_capitalised() && t.sentence == tokens[i].sentence;
        let is_noun = |w: &str| self.words.platform_nouns.contains(w);
        let (noun, link) = (&tokens[i - 2], &tokens[i - 1]);
        let linked = lower(noun)
            && lower(link)
            && self.words.platform_links.contains(&link.folded)
            && (is_noun(&noun.folded) || noun.folded.strip_suffix('s').is_some_and(is_noun));
        if !linked {
            return None;
        }
        let len = self.name_run(tokens, i, 4, &self.words.inner_connectors);
        (len >= 1).then(|| (len, surface(tokens, i, i + len)))
    }

    /// `at Namanga`, `in Matabeleland`, `near Al Udeid`: a capitalised name (particles inside, at
    /// most three words, no possessive ending) just after a preposition of an unknown place,
    /// when no list knows it and no other rule names it.
    fn unknown_place(&self, tokens: &[Token], i: usize) -> Option<(usize, String)> {
        let after_preposition = i
            .checked_sub(1)
            .map(|k| &tokens[k])
            .is_some_and(|before| before.is_word && before.sentence == tokens[i].sentence && self.words.unknown_place_prepositions.contains(&before.folded));
        let dated_dateline = self.dateline(tokens, i) == Some(true);
        let letter_capital = tokens[i].word.text.chars().next().is_some_and(char::is_uppercase);
        if !(after_preposition || dated_dateline) || !letter_capital || !self.can_start_name(tokens, i) {
            return None;
        }
        let len = self.name_run(tokens, i, 3, &self.words.particles);
        let continues = tokens.get(i + len).is_some_and(|t| t.is_word && t.word.is_capitalised() && t.sentence == tokens[i].sentence);
        let named = len >= 1 && !continues && !has_possessive(&tokens[i + len - 1]);
        named.then(|| (len, unshouted(&surface(tokens, i, i + len))))
    }

    /// `Jane Doe, a policy fellow at …`, `Jane Doe, head of research at …` or `Jane Doe said`: a 2–3 word capitalised name that a
    /// role appositive or a speech verb marks as a person.
    fn described_person(&self, tokens: &[Token], i: usize) -> Option<(usize, String)> {
        if !self.can_start_name(tokens, i) {
            return None;
        }
        let len = self.name_run(tokens, i, 4, &self.words.particles);
        if len < 2 {
            return None;
        }
        let after = i + len;
        let speaks = self.speech_cues.iter().any(|cue| matches_keys(tokens, after, cue))
            || (i >= 1 && self.speech_cues.iter().any(|cue| i >= cue.len() && matches_keys(tokens, i - cue.len(), cue)));
        // `, a senior fellow at …`: a role, then a link word, among the lower-case words.
        // The article is optional: `Jane Doe, head of research at …`. An appositive closed by
        // a comma just after its role needs no link word, and may name the employer in the
        // possessive: `Jane Doe, the bank's deputy head, said`.
        let description_start = after + 1 + usize::from(tokens.get(after + 1).is_some_and(|t| self.words.articles.contains(&t.folded)));
        // `Jane Doe is a senior fellow at …` (an author's note) as `Jane Doe, a senior fellow at …`.
        let comma = tokens.get(after).is_some_and(|t| t.word.text == ",");
        let copula = tokens.get(after).is_some_and(|t| t.is_word && self.words.role_copulas.contains(&t.folded));
        let has_role = (comma || copula)
            && {
                let start = description_start.min(tokens.len());
                let description: Vec<&Token> = tokens[start..]
                    .iter()
                    .take(6)
                    .take_while(|t| t.is_word && (!t.word.is_capitalised() || has_possessive(t)))
                    .collect();
                let closed = tokens.get(start + description.len()).is_some_and(|t| t.word.text == ",");
                let role = description.iter().position(|t| self.words.is_role(&t.folded));
                role.is_some_and(|r| {
                    description[r + 1..].iter().any(|t| self.words.role_links.contains(&t.folded)) || (closed && r + 1 == description.len())
                })
            };
        // `, who leads …` or `, a little-known nationalist who …`: a relative pronoun used of
        // people, directly after the comma or closing a description that opens with an article.
        let relative = tokens.get(after).is_some_and(|t| t.word.text == ",") && {
            let clause: Vec<&Token> = tokens[(after + 1).min(tokens.len())..].iter().take(6).take_while(|t| t.is_word && !t.word.is_capitalised()).collect();
            clause.iter().position(|t| self.words.person_relatives.contains(&t.folded)).is_some_and(|r| r == 0 || self.words.articles.contains(&clause[0].folded))
        };
        // `… economy minister, Robert Habeck, …` or `spokesman Dmitry Peskov`: a role just before.
        let role_before = {
            let before = if i >= 1 && tokens[i - 1].word.text == "," { i.checked_sub(2) } else { i.checked_sub(1) };
            before.is_some_and(|k| tokens[k].is_word && !tokens[k].word.is_capitalised() && self.words.is_role(&tokens[k].folded))
        };
        (speaks || has_role || relative || role_before).then(|| (len, surface(tokens, i, after)))
    }

    /// Words of a name from `i`: capitalised words, with `inside` words (particles, connectors)
    /// between them, at most `max` capitalised words; never ending on an inside word.
    fn name_run(&self, tokens: &[Token], i: usize, max: usize, inside: &HashSet<String>) -> usize {
        let (mut end, mut capitals, mut k) = (i, 0, i);
        while k < tokens.len() && capitals < max && tokens[k].is_word && tokens[k].sentence == tokens[i].sentence {
            if self.capitalised_run(tokens, k, 1) == 1 {
                capitals += 1;
                k += 1;
                end = k;
            } else if k > i && inside.contains(&tokens[k].folded) {
                k += 1;
            } else {
                break;
            }
        }
        end - i
    }

    /// Number of capitalised words (at most `max`) from `i` that can be part of a name.
    fn capitalised_run(&self, tokens: &[Token], i: usize, max: usize) -> usize {
        (i..tokens.len())
            .take(max)
            .take_while(|&k| {
                let t = &tokens[k];
                t.is_word
                    && t.word.is_capitalised()
                    && t.sentence == tokens[i].sentence
                    && !self.words.not_names.contains(&t.folded)
                    && !self.titles.iter().any(|title| title.len() == 1 && title[0] == t.key)
            })
            .count()
    }

    fn can_start_name(&self, tokens: &[Token], i: usize) -> bool {
        let t = &tokens[i];
        t.is_word && t.word.is_capitalised() && !self.words.not_names.contains(&t.folded)
    }

    /// The entity a detected name stands for: a known alias, a list row's entity when the name
    /// is a form of the row, a unique person with that surname, or a new entity.
    fn resolve(&mut self, name: &str, kind: EntityKind, origin: FoundBy, state: &DocumentState) -> usize {
        let keys = self.keys_of(name);
        for table in [&state.aliases, &self.aliases] {
            if let Some(entry) = table.get(&keys[0]).and_then(|entries| entries.iter().find(|e| e.keys == keys)) {
                return entry.entity;
            }
        }
        // A name some list gives as a form of one of its rows is that row's entity, whichever
        // rule found it (`National Liberation Army` by its head word, `ELN` from the list).
        let listed = self.article_forms(&keys).into_iter().find_map(|form| {
            let places = self.world_index.get(form.first()?)?;
            places.iter().copied().find(|&w| self.world[w].keys == form && self.world[w].kind == kind)
        });
        if let Some(w) = listed {
            return self.row_entity(w, name, origin);
        }
        if kind == EntityKind::Person && keys.len() == 1 {
            let same_surname: Vec<usize> = (0..self.entities.len())
                .filter(|&e| self.entities[e].kind == EntityKind::Person)
                .filter(|&e| self.keys_of(&self.entities[e].name).last() == keys.last())
                .collect();
            if let [only] = same_surname[..] {
                return only;
            }
        }
        self.new_entity(name, kind, origin)
    }

    /// A new entity with a unique id, its name known from now on.
    fn new_entity(&mut self, name: &str, kind: EntityKind, origin: FoundBy) -> usize {
        let base = text::slug(name);
        let mut id = base.clone();
        let mut n = 2;
        while self.entities.iter().any(|e| e.id == id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        let index = self.entities.len();
        self.entities.push(EntityRecord { id, name: name.to_string(), kind, aliases: BTreeSet::new(), origin: origin.as_str().to_string() });
        let keys = self.keys_of(name);
        add_alias(&mut self.aliases, keys, index);
        index
    }

    /// `(RSIS)` right after a name defines an acronym for it. Returns the tokens it spans.
    fn acronym_after(&mut self, tokens: &[Token], i: usize, entity: usize, state: &mut DocumentState) -> Option<usize> {
        let (open, acronym, close) = (tokens.get(i)?, tokens.get(i + 1)?, tokens.get(i + 2)?);
        let is_acronym = acronym.word.text.chars().count() >= 2 && acronym.word.text.chars().all(|c| c.is_uppercase());
        if open.word.text != "(" || close.word.text != ")" || !is_acronym {
            return None;
        }
        self.entities[entity].aliases.insert(acronym.word.text.to_string());
        add_alias(&mut state.aliases, vec![acronym.key.clone()], entity);
        Some(3)
    }

    /// Who is quoted or credited in each sentence: the person or organisation right after a
    /// speech cue (`said Assistant Professor Ho`, `according to …`), else the nearest one before
    /// it in the sentence (people first), else, for `He`/`She`, the last person named.
    fn voices(&self, tokens: &[Token], mentions: &[(usize, usize, usize)], last_person_before_passage: Option<usize>) -> Vec<u32> {
        let can_speak = |e: usize| matches!(self.entities[e].kind, EntityKind::Person | EntityKind::Organisation);
        let mut voices = BTreeSet::new();
        let mut i = 0;
        while i < tokens.len() {
            let Some(cue) = self.speech_cues.iter().find(|c| matches_keys(tokens, i, c) && !tokens[i].word.is_capitalised()) else {
                i += 1;
                continue;
            };
            let sentence = tokens[i].sentence;
            let cue_end = i + cue.len();
            // `according to a study by researchers at X`: the source follows the phrase, a few
            // words on, and nothing before it is the speaker.
            if cue.len() > 1 {
                let source = mentions
                    .iter()
                    .filter(|m| (cue_end..cue_end + 10).contains(&m.0) && tokens[m.0].sentence == sentence && can_speak(m.2))
                    .min_by_key(|m| m.0);
                voices.extend(source.map(|m| m.2 as u32));
                i = cue_end;
                continue;
            }
            let after = mentions.iter().filter(|m| (cue_end..=cue_end + 1).contains(&m.0) && can_speak(m.2)).min_by_key(|m| m.0);
            let before = |kind: EntityKind| {
                mentions
                    .iter()
                    .filter(|m| m.1 <= i && tokens[m.0].sentence == sentence && self.entities[m.2].kind == kind)
                    .max_by_key(|m| m.1)
            };
            let pronoun_before = (0..i).any(|k| tokens[k].sentence == sentence && self.words.pronouns.contains(&tokens[k].folded));
            let earlier_person = mentions
                .iter()
                .filter(|m| m.1 <= i && self.entities[m.2].kind == EntityKind::Person)
                .max_by_key(|m| m.1)
                .map(|m| m.2);
            let last_person = earlier_person.or(last_person_before_passage);
            let voice = after
                .map(|m| m.2)
                .or_else(|| before(EntityKind::Person).map(|m| m.2))
                .or_else(|| before(EntityKind::Organisation).map(|m| m.2))
                .or_else(|| pronoun_before.then_some(last_person).flatten());
            voices.extend(voice.map(|v| v as u32));
            i = cue_end;
        }
        voices.into_iter().collect()
    }
}

fn add_alias(table: &mut HashMap<String, Vec<AliasEntry>>, keys: Vec<String>, entity: usize) {
    let Some(first) = keys.first().cloned() else { return };
    let entries = table.entry(first).or_default();
    if !entries.iter().any(|e| e.keys == keys) {
        entries.push(AliasEntry { keys, entity });
        entries.sort_by_key(|e| std::cmp::Reverse(e.keys.len()));
    }
}

/// The longest alias starting at token `i`, matched on words (punctuation ends a name); an alias
/// word written with a capital only matches a capitalised word.
fn longest_alias(table: &HashMap<String, Vec<AliasEntry>>, tokens: &[Token], i: usize) -> Option<(usize, usize)> {
    let entries = table.get(&tokens[i].key)?;
    entries
        .iter()
        .find(|e| matches_keys(tokens, i, &e.keys) && tokens[i].word.is_capitalised())
        .map(|e| (e.keys.len(), e.entity))
}

/// `PORT HARCOURT` (a dateline's capitals) as a name is written elsewhere: `Port Harcourt`.
fn unshouted(name: &str) -> String {
    if name.chars().any(char::is_lowercase) {
        return name.to_string();
    }
    let mut out = String::with_capacity(name.len());
    let mut word_start = true;
    for c in name.chars() {
        if word_start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        word_start = !c.is_alphabetic();
    }
    out
}

fn has_possessive(token: &Token) -> bool {
    token.word.text.ends_with("’s") || token.word.text.ends_with("'s")
}

/// The longest alias that is a prefix of `keys`.
fn longest_alias_keys(table: &HashMap<String, Vec<AliasEntry>>, keys: &[String]) -> Option<(usize, usize)> {
    table.get(keys.first()?)?.iter().find(|e| keys.starts_with(&e.keys)).map(|e| (e.keys.len(), e.entity))
}

fn matches_keys(tokens: &[Token], i: usize, keys: &[String]) -> bool {
    i + keys.len() <= tokens.len() && tokens[i..i + keys.len()].iter().zip(keys).all(|(t, k)| t.is_word && &t.key == k)
}

/// The words of tokens `[start, end)` joined by single spaces, with a closing possessive
/// dropped (`China’s` → `China`); one inside the name stays (`People's Bank of China`).
fn surface(tokens: &[Token], start: usize, end: usize) -> String {
    let mut out = String::new();
    for (k, t) in tokens[start..end].iter().enumerate() {
        let w = t.word.text;
        let last = start + k + 1 == end;
        let w = if last { w.strip_suffix("’s").or_else(|| w.strip_suffix("'s")).unwrap_or(w) } else { w };
        // A mark glued to the word before it (`OPEC+`) stays glued.
        let glued = k > 0 && !t.is_word && t.word.start == tokens[start + k - 1].word.end;
        if k > 0 && !glued {
            out.push(' ');
        }
        out.push_str(w);
        if t.word.text.chars().count() == 1 && t.word.is_capitalised() {
            out.push('.');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::{read_entities, read_gazetteer};

    const RULES: &str = r#"[rules]
titles = ["President", "King", "Defence Minister"]
roles = ["fellow", "editor", "head"]
role_links = ["at"]
role_copulas = ["is"]
person_relatives = ["who"]
organisation_heads = ["Bank", "Council", "Institute", "College", "Industries"]
name_connectors = ["of", "the"]
list_joiners = ["and"]
articles = ["a", "an", "the"]
not_names = ["The", "In"]
speech_cues = ["said"]
pronouns = ["He", "She"]
spelling = []
organisation_nouns = ["company", "consultancy"]
place_heads = ["Sea", "Gulf"]
place_prepositions = ["in", "at", "through"]
place_lead_ins = ["port of", "exclave of"]
place_nouns = ["river", "strait", "city"]
platform_nouns = ["account", "channel"]
platform_links = ["on"]
company_possessions = ["dividends", "plant"]
unknown_place_prepositions = ["in", "at"]
compass_words = ["South", "East"]
name_particles = ["bin"]
name_suffixes = ["Jr."]

[[entity]]
id = "ruritania"
name = "Ruritania"
kind = "place"
"#;

    const PLACES: &str = "Ruritania\tcountry\tRU\t\tRuritanian\nStrelsau\tcity\tRU\t50000\t\nBigtown\tcity\tRU\t2000000\t\nZenda\tcity\tRU\t30000\t\nTarlenheim\tcity\tRU\t20000\t\nVardar Region\tregion\tRU\t\tVardar\nOstra Province\tregion\tRU\t\tOstra\nOstra\tcity\tXX\t40000\t\nEast Ruritania\tregion\tRU\t\t\nZentrocorp\tcompany\t\t\tZentrocorp plc\nHollow\tcompany\t\t\t\nZendmere\twater\t\t\tZendmere Sea\nGrenholm\tland\t\t\t\nOstmark\tarea\t\t\t\nSapt Front\torganisation\t\t\tSF\nBanner\torganisation\t\t\t\nbin-Zenda\torganisation\t\t\t\nbin vale\torganisation\t\t\t\n";

    /// `(words, kind, how found)` of each mention in `text`, in order.
    fn names(text: &str) -> Vec<(String, &'static str, String)> {
        let file = read_entities(RULES, "entities.toml").unwrap();
        let (places, _) = read_gazetteer(PLACES, "places.tsv");
        let mut tagger = EntityTagger::new(&file, &places, [text]);
        let tagged = tagger.tag(text, &text::sentences(text), &mut DocumentState::default());
        tagged
            .mentions
            .iter()
            .map(|m| {
                let e = &tagger.entities[m.entity as usize];
                (m.span.slice(text).to_string(), e.kind.as_str(), e.origin.clone())
            })
            .collect()
    }

    fn found(words: &str, kind: &'static str, by: FoundBy) -> (String, &'static str, String) {
        (words.to_string(), kind, by.as_str().to_string())
    }

    #[test]
    fn gazetteer_names_key_as_the_tokenizer_does() {
        let file = read_entities(RULES, "entities.toml").unwrap();
        let tagger = EntityTagger::new(&file, &[], []);
        for name in ["Nizhny Novgorod", "São Paulo", "SÃO TOMÉ", "Port-au-Prince", "Sha'anxi", "Ho Chi  Minh"] {
            let tokenized: Vec<String> = text::words(name).map(|w| tagger.key(w.text)).collect();
            assert_eq!(tagger.keys_of(name), tokenized, "{name}");
        }
    }

    #[test]
    fn gazetteer_name_and_a_demonym_from_the_world_gazetteer() {
        assert_eq!(names("Ruritanian troops left Ruritania."), [found("Ruritanian", "place", FoundBy::Gazetteer), found("Ruritania", "place", FoundBy::Gazetteer)]);
    }

    #[test]
    fn titled_person_with_a_name_particle() {
        assert_eq!(names("It was President Ali bin Omar who spoke."), [found("President Ali bin Omar", "person", FoundBy::Title)]);
    }

    #[test]
    fn a_possessive_title_names_no_one() {
        assert_eq!(names("She studied at King's College Zenda."), [found("King's College Zenda", "organisation", FoundBy::OrganisationName)]);
    }

    #[test]
    fn person_described_by_a_role() {
        assert_eq!(names("Jane Roe, a fellow at the Zenda Institute, said so."), [
            found("Jane Roe", "person", FoundBy::Role),
            found("Zenda Institute", "organisation", FoundBy::OrganisationName),
        ]);
    }

    #[test]
    fn organisation_by_head_word_keeps_an_inner_possessive() {
        assert_eq!(names("Loans came from the People's Bank of Zenda."), [found("People's Bank of Zenda", "organisation", FoundBy::OrganisationName)]);
    }

    #[test]
    fn organisation_named_by_an_appositive() {
        assert_eq!(names("Zentek, the state gas company, cut supply."), [found("Zentek", "organisation", FoundBy::OrganisationNoun)]);
    }

    #[test]
    fn organisation_named_after_its_noun() {
        assert_eq!(names("Analysts at the consultancy Vale Partners agreed."), [found("Vale Partners", "organisation", FoundBy::OrganisationNoun)]);
    }

    #[test]
    fn place_by_head_word() {
        assert_eq!(names("Ships crossed the Amber Sea."), [found("Amber Sea", "place", FoundBy::PlaceName)]);
    }

    #[test]
    fn world_place_after_a_preposition_then_anywhere_in_the_document() {
        assert_eq!(names("Talks were held at the port of Strelsau. Strelsau welcomed them."), [
            found("Strelsau", "place", FoundBy::WorldGazetteer),
            found("Strelsau", "place", FoundBy::WorldGazetteer),
        ]);
        assert!(names("Strelsau welcomed them.").is_empty(), "a small city needs a preposition first");
    }

    #[test]
    fn large_world_city_is_named_anywhere_but_not_inside_a_longer_name() {
        assert_eq!(names("Bigtown grew."), [found("Bigtown", "place", FoundBy::WorldGazetteer)]);
        assert!(names("Fans of Bigtown Rovers cheered.").is_empty());
    }

    #[test]
    fn acronym_after_a_name_defines_a_short_form() {
        let got = names("The Zenda Council (ZC) met. The ZC agreed.");
        assert_eq!(got.iter().filter(|(w, _, _)| w == "ZC").count(), 2, "{got:?}");
    }

    #[test]
    fn acronym_of_an_organisation_initials_is_that_organisation() {
        let got = names("The Zenda Broadcasting Council reported it. Later ZBC denied it, and ZBX did not.");
        assert_eq!(got, [
            found("Zenda Broadcasting Council", "organisation", FoundBy::OrganisationName),
            found("ZBC", "organisation", FoundBy::OrganisationName),
            found("ZBX", "organisation", FoundBy::Acronym),
        ]);
        // Initials up to a head word: a qualifier after it may be left out.
        let got = names("The Zenda Relief Council of the Vale Refugees acted. ZRC staff stayed.");
        assert_eq!(got.last(), Some(&found("ZRC", "organisation", FoundBy::OrganisationName)), "{got:?}");
        assert_eq!(names("Later ZBC denied it."), [found("ZBC", "organisation", FoundBy::Acronym)], "no name before it");
    }

    #[test]
    fn acronym_of_a_whole_organisation_name_with_or_without_its_connectors() {
        for acronym in ["ZCVT", "ZCOVT"] {
            let got = names(&format!("The Zenda Council of Vale Towns met. Later {acronym} agreed."));
            assert_eq!(got.last(), Some(&found(acronym, "organisation", FoundBy::OrganisationName)), "{got:?}");
        }
    }

    #[test]
    fn a_dateline_names_the_place_a_report_was_filed_from() {
        // A small city the gazetteer knows, in capitals, before a date or a dash.
        for dateline in ["STRELSAU, 12 May 2025 –", "Strelsau, May 12, 2025 –", "Strelsau –"] {
            assert_eq!(names(&format!("{dateline} The talks ended.")), [found(&dateline[..8], "place", FoundBy::WorldGazetteer)], "{dateline}");
        }
        // A place no list knows, written as a name, and not an acronym.
        let got = names("KLOPSTAD, 12 May 2025 – Fighting resumed.");
        assert_eq!(got, [found("KLOPSTAD", "place", FoundBy::UnknownPlace)]);
        let file = read_entities(RULES, "entities.toml").unwrap();
        let text = "KLOPSTAD, 12 May 2025 – Fighting resumed near Klopstad.";
        let mut tagger = EntityTagger::new(&file, &[], [text]);
        let tagged = tagger.tag(text, &text::sentences(text), &mut DocumentState::default());
        assert_eq!(tagger.entities[tagged.mentions[0].entity as usize].name, "Klopstad");
        assert_eq!(tagged.mentions.len(), 2);
        assert_eq!(tagged.mentions[0].entity, tagged.mentions[1].entity);
        // Elsewhere, or without a date, capitals are an acronym; a small city needs its preposition.
        assert_eq!(names("KLOPSTAD said so."), [found("KLOPSTAD", "organisation", FoundBy::Acronym)]);
        assert!(names("It ended. Strelsau, 12 May 2025, was quiet.").is_empty(), "a dateline opens a passage");
    }

    #[test]
    fn a_name_suffix_keeps_its_full_stop_and_is_no_short_form() {
        let text = "President Ali Omar Jr. spoke. Omar left; Jr. stayed.";
        let got = names(text);
        assert_eq!(got[..2], [found("President Ali Omar Jr.", "person", FoundBy::Title), found("Omar", "person", FoundBy::Title)]);
        assert_eq!(got.len(), 2, "{got:?}");
    }

    #[test]
    fn platform_after_what_it_carries_is_an_organisation() {
        assert_eq!(names("They found accounts on Zenchat and Vidzone, and a channel on Ruritania."), [
            found("Zenchat", "organisation", FoundBy::Platform),
            found("Vidzone", "organisation", FoundBy::Coordinated),
            found("Ruritania", "place", FoundBy::Gazetteer),
        ]);
        assert!(names("They found accounts of Zenchat.").is_empty(), "only after a link word");
    }

    #[test]
    fn unknown_name_after_a_preposition_of_place_is_a_place() {
        assert_eq!(names("Lorries wait at Namvale for days."), [found("Namvale", "place", FoundBy::UnknownPlace)]);
        assert_eq!(names("Jane Roe, a fellow at Vale Partners, said so."), [
            found("Jane Roe", "person", FoundBy::Role),
            found("Vale Partners", "organisation", FoundBy::RoleLink),
        ], "where a role is held is an organisation");
        assert!(names("It sold in Vale's shops.").is_empty(), "a possessive names an owner");
        assert!(names("It is sold through Namvale.").is_empty(), "not after every preposition");
        assert!(names("It was sold in 2023.").is_empty(), "a year is no name");
    }

    #[test]
    fn person_described_by_a_closed_role_appositive() {
        assert_eq!(names("Jane Roe, the bank's deputy head, said so."), [found("Jane Roe", "person", FoundBy::Role)]);
        assert!(names("Vale Orbis, the bank's head office, opened.").is_empty(), "the role must close the appositive");
    }

    #[test]
    fn person_marked_by_a_relative_pronoun() {
        assert_eq!(names("We asked Jane Roe, who leads the work."), [found("Jane Roe", "person", FoundBy::Role)]);
        assert_eq!(names("It was won by Jane Roe, a little-known lawyer who stood alone."), [found("Jane Roe", "person", FoundBy::Role)]);
        assert!(names("It was won by Vale Orbis, which stood alone.").is_empty(), "which is no person's pronoun");
        assert!(names("Most rode with Vale Orbis, voters who stood alone.").is_empty(), "the description must open with an article");
    }

    #[test]
    fn person_described_by_a_role_without_an_article() {
        assert_eq!(names("Jane Roe, head of research at a bank, agreed."), [found("Jane Roe", "person", FoundBy::Role)]);
    }

    #[test]
    fn person_described_by_a_role_after_a_copula() {
        assert_eq!(names("Jane Roe is a senior fellow at a bank."), [found("Jane Roe", "person", FoundBy::Role)]);
        assert!(names("Vale Rovers is a club at heart.").is_empty(), "a description with no role names no one");
    }

    #[test]
    fn an_unknown_name_owning_what_a_company_owns_is_a_company() {
        assert_eq!(names("Output at Vantor's Zenda Gas plant fell.")[0], found("Vantor's", "organisation", FoundBy::OrganisationNoun));
        assert_eq!(names("Funds rely on Vale Orbis's dividends."), [found("Vale Orbis's", "organisation", FoundBy::OrganisationNoun)]);
        assert_eq!(names("Funds rely on Vantor's new plant.")[0].0, "Vantor's", "one modifier between");
        assert!(names("Funds rely on Vantor's plans.").is_empty(), "no company's possession");
        assert!(names("Output at Strelsau's plant fell.").iter().all(|n| n.1 != "organisation"), "a place a list knows");
    }

    #[test]
    fn unknown_capital_letters_name_an_organisation() {
        assert_eq!(names("She teaches at ZENCO now."), [found("ZENCO", "organisation", FoundBy::Acronym)]);
        assert_eq!(names("Peacekeepers of ZENMISCO stayed."), [found("ZENMISCO", "organisation", FoundBy::Acronym)]);
    }

    #[test]
    fn organisation_short_form_is_its_name_before_of() {
        let text = "The Central Bank of Ruritania acted. The Central Bank said so.";
        let got = names(text);
        assert_eq!(got.last(), Some(&found("Central Bank", "organisation", FoundBy::OrganisationName)));
    }

    #[test]
    fn world_place_before_a_title_is_named() {
        assert_eq!(names("Ruritanian Defence Minister Jan Roe spoke.")[0], found("Ruritanian", "place", FoundBy::Gazetteer));
    }

    #[test]
    fn world_place_after_a_lead_in_alone_or_second_in_a_list() {
        assert_eq!(names("Its exclave of Zenda waits.")[0], found("Zenda", "place", FoundBy::WorldGazetteer));
        let got = names("Ships called in Strelsau and Tarlenheim.");
        assert_eq!(got.last(), Some(&found("Tarlenheim", "place", FoundBy::WorldGazetteer)));
    }

    #[test]
    fn listed_company_anywhere_but_after_an_article_or_as_a_common_word() {
        assert_eq!(names("Deals with Zentrocorp grew."), [found("Zentrocorp", "organisation", FoundBy::CompanyList)]);
        assert_eq!(names("Zentrocorp plc agreed."), [found("Zentrocorp plc", "organisation", FoundBy::CompanyList)]);
        assert!(names("They praised the Zentrocorp deal.").is_empty(), "after an article it is no company");
        assert_eq!(names("Hollow said so.")[0], found("Hollow", "organisation", FoundBy::CompanyList));
        assert!(names("Hollow promises ring hollow.").is_empty(), "a word the text writes in lower case is a common word");
    }

    #[test]
    fn a_sea_after_a_preposition_of_place_is_a_place() {
        assert_eq!(names("Tankers sailed through the Zendmere."), [found("Zendmere", "place", FoundBy::WorldGazetteer)]);
        assert!(names("Zendmere rose.").is_empty(), "a body of water is trusted after a preposition only");
        assert!(names("Tankers sailed through the zendmere.").is_empty(), "written in lower case it is no name");
    }

    #[test]
    fn an_island_or_an_area_after_a_preposition_of_place_is_a_place() {
        assert_eq!(names("Ferries docked at Grenholm."), [found("Grenholm", "place", FoundBy::WorldGazetteer)]);
        assert_eq!(names("Herders in Ostmark moved."), [found("Ostmark", "place", FoundBy::WorldGazetteer)]);
        assert!(names("Grenholm and Ostmark agreed.").is_empty());
    }

    #[test]
    fn a_listed_organisation_anywhere_with_its_short_form() {
        assert_eq!(names("Leaders of the Sapt Front met."), [found("Sapt Front", "organisation", FoundBy::OrganisationList)], "after an article too");
        let got = names("Officials said the SF left. Sapt Front fighters stayed.");
        assert_eq!(got, [found("SF", "organisation", FoundBy::OrganisationList), found("Sapt Front", "organisation", FoundBy::OrganisationList)]);
        let file = read_entities(RULES, "entities.toml").unwrap();
        let (places, _) = read_gazetteer(PLACES, "wordnet.tsv");
        let text = "Officials said the SF left. Sapt Front fighters stayed.";
        let mut tagger = EntityTagger::new(&file, &places, [text]);
        let tagged = tagger.tag(text, &text::sentences(text), &mut DocumentState::default());
        assert_eq!(tagged.mentions[0].entity, tagged.mentions[1].entity, "one organisation");
    }

    #[test]
    fn an_organisation_found_by_head_words_and_by_a_listed_short_form_is_one_entity() {
        // A test-local list: one organisation, its full name and its short form.
        const LISTED: &str = "Vale Liberation Council\torganisation\t\t\tVLC\nUpland Council\torganisation\t\t\tUC\n";
        let file = read_entities(RULES, "entities.toml").unwrap();
        let (list, _) = read_gazetteer(LISTED, "wordnet.tsv");
        // Full name first (head words) then the short form (the list), and the other way round,
        // in passages of the same document and of different documents.
        for texts in [
            ["Talks with the Vale Liberation Council resumed.", "Killings by the VLC fell sharply."],
            ["Killings by the VLC fell sharply.", "Talks with the Vale Liberation Council resumed."],
            // At a sentence's start after `The` the list leaves `VLC` to the acronym rule.
            ["The VLC agreed.", "Talks with the Vale Liberation Council resumed."],
            ["Talks with the Upland Council resumed.", "The UC agreed."],
        ] {
            for same_document in [true, false] {
                let mut tagger = EntityTagger::new(&file, &list, texts);
                let mut state = DocumentState::default();
                let mut mentions = Vec::new();
                for text in texts {
                    if !same_document {
                        state = DocumentState::default();
                    }
                    let tagged = tagger.tag(text, &text::sentences(text), &mut state);
                    mentions.extend(tagged.mentions.iter().map(|m| (m.span.slice(text).to_string(), m.entity)));
                }
                assert_eq!(mentions.len(), 2, "{texts:?}: {mentions:?}");
                assert_eq!(mentions[0].1, mentions[1].1, "{texts:?} (same document: {same_document}): one organisation, {mentions:?}");
                let ids: Vec<&str> = tagger.entities.iter().map(|e| e.id.as_str()).collect();
                assert!(!ids.iter().any(|id| id.ends_with("-2")), "{ids:?}");
            }
        }
        // A known organisation whose name differs from the row's only by a leading article.
        let rules = format!("{RULES}\n[[entity]]\nid = \"the-upland-council\"\nname = \"The Upland Council\"\nkind = \"organisation\"\n");
        let file = read_entities(&rules, "entities.toml").unwrap();
        let text = "Officials said UC agreed.";
        let mut tagger = EntityTagger::new(&file, &list, [text]);
        let tagged = tagger.tag(text, &text::sentences(text), &mut DocumentState::default());
        assert_eq!(tagger.entities[tagged.mentions[0].entity as usize].id, "the-upland-council");
    }

    #[test]
    fn a_listed_name_opening_with_a_lower_case_particle_opens_so_in_the_text() {
        assert_eq!(names("Fighters of bin-Zenda left."), [found("bin-Zenda", "organisation", FoundBy::OrganisationList)]);
        assert_eq!(names("Fighters of Bin-Zenda left."), [found("Bin-Zenda", "organisation", FoundBy::OrganisationList)], "written with a capital too");
        assert!(names("Fighters of bin Vale left.").is_empty(), "a list name with no capital stays unmatched");
    }

    #[test]
    fn a_listed_organisation_the_text_also_writes_in_lower_case_is_a_common_word_there() {
        assert_eq!(names("Banner said so.")[0], found("Banner", "organisation", FoundBy::OrganisationList));
        assert!(names("Banner waved a banner.").is_empty(), "a word the text writes in lower case is a common word there");
    }

    #[test]
    fn organisation_appositive_outgrows_a_known_name_inside_it() {
        assert_eq!(names("Ruritania Petroleum, the state oil company, cut spending.")[0], found("Ruritania Petroleum", "organisation", FoundBy::OrganisationNoun));
        assert_eq!(names("Ruritania, the company said, grew.")[0], found("Ruritania", "place", FoundBy::Gazetteer));
    }

    #[test]
    fn organisation_where_a_role_is_held() {
        assert_eq!(names("Fellows at Vale Partners and Hollowell agreed.")[0], found("Vale Partners", "organisation", FoundBy::RoleLink), "not Vale Partners and Hollowell");
        assert_eq!(names("Three editors at Vale voted."), [found("Vale", "organisation", FoundBy::RoleLink)]);
        assert_eq!(names("A fellow at the Zenda Trust of Peace spoke.")[0], found("Zenda Trust of Peace", "organisation", FoundBy::RoleLink));
        assert_eq!(names("An editor at Strelsau Daily said so.")[0].1, "organisation");
        assert_eq!(names("The head at Ruritania spoke.")[0], found("Ruritania", "place", FoundBy::Gazetteer), "a known name stays what it is");
    }

    #[test]
    fn world_place_words_written_with_a_capital_match_only_capitals() {
        assert_eq!(names("Villages in the Vardar region were returned."), [found("Vardar", "place", FoundBy::WorldGazetteer)]);
        assert_eq!(names("Villages in the Vardar Region were returned."), [found("Vardar Region", "place", FoundBy::WorldGazetteer)]);
    }

    #[test]
    fn organisation_named_before_a_lower_case_organisation_noun() {
        assert_eq!(names("Fighters of the Vantor company advanced."), [found("Vantor", "organisation", FoundBy::OrganisationNoun)]);
        assert_eq!(names("Shares in the state-owned Vantor company fell.")[0], found("Vantor", "organisation", FoundBy::OrganisationNoun));
        assert_eq!(names("Clashes with the Zorvan rebel company went on.")[0], found("Zorvan", "organisation", FoundBy::OrganisationNoun));
        assert!(names("Fighters of the Vantor plan advanced.").is_empty(), "a noun that says no organisation");
        assert!(names("Fighters of Vantor company advanced.").is_empty(), "an article opens the phrase");
        assert_eq!(names("The Vantor company advanced."), [found("Vantor", "organisation", FoundBy::OrganisationNoun)], "at a sentence's start too");
        assert!(names("Fighters of the 2020 company advanced.").is_empty(), "a number is no name");
        assert_eq!(names("Fighters of the Ruritanian company left.")[0], found("Ruritanian", "place", FoundBy::Gazetteer), "a known name stays");
    }

    #[test]
    fn place_named_before_a_lower_case_place_noun() {
        assert_eq!(names("Tanks crossed the Vltava river at dawn."), [found("Vltava", "place", FoundBy::PlaceNoun)]);
        assert_eq!(names("Ships avoid the Bab bin Mandeb strait."), [found("Bab bin Mandeb", "place", FoundBy::PlaceNoun)]);
        assert!(names("Tanks crossed a Vltava bridge.").is_empty(), "a noun that says no place");
        assert_eq!(names("They visited the Ruritanian cities.")[0], found("Ruritanian", "place", FoundBy::Gazetteer), "a known name stays");
    }

    #[test]
    fn compass_word_before_a_known_place_names_a_region() {
        assert_eq!(names("Trade across South Ruritania grew."), [found("South Ruritania", "place", FoundBy::Compass)]);
        assert_eq!(names("Trade across South Ruritania Holdings grew.")[0].0, "Ruritania", "a longer name goes on");
        assert_eq!(names("Trade in East Ruritania grew."), [found("East Ruritania", "place", FoundBy::WorldGazetteer)], "a world place whole");
        assert_eq!(names("East Ruritania grew."), [found("East Ruritania", "place", FoundBy::Compass)], "a world place its reach leaves out here is still a region");
        assert!(names("South of here it rained.").is_empty());
    }

    #[test]
    fn a_mark_glued_to_a_listed_name_belongs_to_it() {
        let rules = format!("{RULES}\n[[entity]]\nid = \"g5\"\nname = \"G5\"\nkind = \"organisation\"\naliases = [\"G5+\"]\n");
        let file = read_entities(&rules, "entities.toml").unwrap();
        let text = "Members of G5+ met; G5 agreed.";
        let mut tagger = EntityTagger::new(&file, &[], [text]);
        let tagged = tagger.tag(text, &text::sentences(text), &mut DocumentState::default());
        let spans: Vec<&str> = tagged.mentions.iter().map(|m| m.span.slice(text)).collect();
        assert_eq!(spans, ["G5+", "G5"]);
    }

    #[test]
    fn place_named_inside_an_organisation_name() {
        let got = names("Loans came from the Central Bank of Ruritania and Ruritanian Industries.");
        assert_eq!(got, [
            found("Central Bank of Ruritania", "organisation", FoundBy::OrganisationName),
            found("Ruritania", "place", FoundBy::Gazetteer),
            found("Ruritanian Industries", "organisation", FoundBy::OrganisationName),
            found("Ruritanian", "place", FoundBy::Gazetteer),
        ]);
        assert_eq!(names("Bigtown Industries grew.").len(), 1, "a city named in an organisation's name is no place of it");
    }

    #[test]
    fn name_joined_to_an_organisation_is_one() {
        assert_eq!(names("Regulators blocked Zorba and ZENCO this week.")[0], found("Zorba", "organisation", FoundBy::Coordinated));
        let got = names("Vale Partners, the consultancy of note, and Hollowell Holdings agreed.");
        assert_eq!(got.last(), Some(&found("Hollowell Holdings", "organisation", FoundBy::Coordinated)));
        assert!(names("Ruritania and Zorba signed.").iter().all(|n| n.0 != "Zorba"), "joined to a place it says nothing");
    }

    #[test]
    fn a_world_place_own_name_beats_another_place_short_form() {
        let file = read_entities(RULES, "entities.toml").unwrap();
        let (places, _) = read_gazetteer(PLACES, "places.tsv");
        let text = "Talks were held in Ostra.";
        let mut tagger = EntityTagger::new(&file, &places, [text]);
        let tagged = tagger.tag(text, &text::sentences(text), &mut DocumentState::default());
        assert_eq!(tagger.entities[tagged.mentions[0].entity as usize].name, "Ostra");
    }
}
