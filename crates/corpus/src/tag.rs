//! Tagging: themes with their evidence, entity mentions (gazetteer, short forms, acronyms,
//! titled and role-described names) and voices (who is quoted or credited).
//!
//! Everything the taggers know about English comes from `themes.toml` and `entities.toml`;
//! the code holds only the shape of the rules.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::model::{EntityKind, Evidence, Mention, Span, ThemeHit};
use crate::text::{self, fold, Analyzer, Word};
use crate::vocab::{EntitiesFile, ModalRule, NameRules, ThemesFile};

// ---------------------------------------------------------------------------------------------
// Themes
// ---------------------------------------------------------------------------------------------

pub struct ThemeTagger {
    themes: Vec<CompiledTheme>,
    fillers: ModalFillers,
    analyzer: Analyzer,
}

/// `themes.toml`'s words skipped between a modal and its verb, folded.
struct ModalFillers {
    words: HashSet<String>,
    endings: Vec<String>,
}

impl ModalFillers {
    fn contains(&self, folded: &str) -> bool {
        self.words.contains(folded) || self.endings.iter().any(|ending| folded.ends_with(ending.as_str()))
    }
}

struct CompiledTheme {
    threshold: u32,
    /// Folded words of phrases that count for nothing, longest first.
    ignore: Vec<Vec<String>>,
    /// (stems, weight), longest first.
    cues: Vec<(Vec<String>, u32)>,
    modals: Vec<CompiledModal>,
}

struct CompiledModal {
    name: String,
    words: Vec<String>,
    weight: u32,
    verbs: Vec<String>,
    verb_weight: u32,
    context: Vec<String>,
    context_weight: u32,
    not_after: Vec<String>,
}

impl ThemeTagger {
    pub fn new(vocab: &ThemesFile) -> Self {
        let analyzer = Analyzer::default();
        let themes = vocab
            .themes
            .iter()
            .map(|spec| {
                let mut cues: Vec<(Vec<String>, u32)> = spec
                    .cues
                    .iter()
                    .map(|(phrase, &weight)| (analyzer.terms(phrase).into_iter().map(|t| t.0).collect::<Vec<_>>(), weight))
                    .filter(|(stems, _)| !stems.is_empty())
                    .collect();
                cues.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
                let mut ignore: Vec<Vec<String>> =
                    spec.ignore.iter().map(|p| text::words(p).map(|w| fold(w.text)).collect::<Vec<_>>()).filter(|w| !w.is_empty()).collect();
                ignore.sort_by_key(|words| std::cmp::Reverse(words.len()));
                let modals = spec.modals.iter().map(|rule| compile_modal(rule, &analyzer)).collect();
                CompiledTheme { threshold: spec.threshold, ignore, cues, modals }
            })
            .collect();
        let fillers = ModalFillers {
            words: vocab.modal_fillers.iter().map(|w| fold(w)).collect(),
            endings: vocab.modal_filler_endings.iter().map(|w| fold(w)).collect(),
        };
        Self { themes, fillers, analyzer }
    }

    /// The themes a passage carries, each with the evidence that put it there. `sentences` are
    /// the passage's (`text::sentences`).
    pub fn tag(&self, text: &str, sentences: &[Span]) -> Vec<ThemeHit> {
        let words: Vec<Word> = text::words(text).collect();
        let stems: Vec<String> = words.iter().map(|w| self.analyzer.term(w.text)).collect();
        let folded: Vec<String> = words.iter().map(|w| fold(w.text)).collect();
        let sentence_of: Vec<usize> = words.iter().map(|w| sentence_of(sentences, w.start)).collect();
        let mut hits = Vec::new();
        for (index, theme) in self.themes.iter().enumerate() {
            let mut evidence = cue_evidence(theme, text, &words, &stems, &folded);
            evidence.extend(modal_evidence(theme, &self.fillers, text, &words, &stems, &folded, &sentence_of));
            let score: u32 = evidence.iter().map(|e| e.weight).sum();
            if score >= theme.threshold && score > 0 {
                evidence.sort_by_key(|e| e.spans.first().copied());
                hits.push(ThemeHit { theme: index as u32, score, evidence });
            }
        }
        hits
    }
}

fn compile_modal(rule: &ModalRule, analyzer: &Analyzer) -> CompiledModal {
    let stems = |list: &[String]| list.iter().map(|w| analyzer.term(w)).collect::<Vec<_>>();
    CompiledModal {
        name: rule.name.clone(),
        words: rule.words.iter().map(|w| fold(w)).collect(),
        weight: rule.weight,
        verbs: stems(&rule.verbs),
        verb_weight: rule.verb_weight,
        context: stems(&rule.context),
        context_weight: rule.context_weight,
        not_after: rule.not_after.iter().map(|w| fold(w)).collect(),
    }
}

/// Index of the sentence holding byte `offset` (the last one past the end).
fn sentence_of(sentences: &[Span], offset: usize) -> usize {
    sentences.partition_point(|s| s.end as usize <= offset).min(sentences.len().saturating_sub(1))
}

/// Cue phrases, matched longest first without overlap; each distinct phrase counts once.
/// Ignored phrases are matched first, on exact words, and skipped.
fn cue_evidence(theme: &CompiledTheme, text: &str, words: &[Word], stems: &[String], folded: &[String]) -> Vec<Evidence> {
    let mut found: Vec<(usize, Vec<Span>, u32)> = Vec::new();
    let mut i = 0;
    while i < stems.len() {
        if let Some(ignored) = theme.ignore.iter().find(|phrase| folded[i..].starts_with(phrase)) {
            i += ignored.len();
            continue;
        }
        let matched = theme.cues.iter().enumerate().find(|(_, (cue, _))| stems[i..].starts_with(cue));
        match matched {
            Some((cue_index, (cue, weight))) => {
                let span = Span::new(words[i].start, words[i + cue.len() - 1].end);
                match found.iter_mut().find(|(c, _, _)| *c == cue_index) {
                    Some((_, spans, _)) => spans.push(span),
                    None => found.push((cue_index, vec![span], *weight)),
                }
                i += cue.len();
            }
            None => i += 1,
        }
    }
    found
        .into_iter()
        .map(|(_, spans, weight)| Evidence { rule: "cue".into(), text: spans[0].slice(text).to_string(), weight, spans })
        .collect()
}

/// Modal constructions: per sentence, the strongest one counts.
fn modal_evidence(
    theme: &CompiledTheme,
    fillers: &ModalFillers,
    text: &str,
    words: &[Word],
    stems: &[String],
    folded: &[String],
    sentence_of: &[usize],
) -> Vec<Evidence> {
    let mut best_per_sentence: HashMap<usize, Evidence> = HashMap::new();
    for rule in &theme.modals {
        for (i, word) in folded.iter().enumerate() {
            if !rule.words.contains(word) {
                continue;
            }
            let sentence = sentence_of[i];
            let sentence_start = i == 0 || sentence_of[i - 1] != sentence;
            if words[i].is_capitalised() && !sentence_start {
                continue; // `Will` inside a sentence is a name.
            }
            if i > 0 && sentence_of[i - 1] == sentence && rule.not_after.contains(&folded[i - 1]) {
                continue;
            }
            let verb = (i + 1..words.len())
                .take_while(|&j| sentence_of[j] == sentence)
                .find(|&j| !fillers.contains(&folded[j]));
            let Some(verb) = verb else { continue };
            if words[verb].is_capitalised() {
                continue;
            }
            let mut weight = rule.weight;
            let mut rule_name = rule.name.clone();
            let mut spans = vec![words[i].span()];
            if rule.verbs.contains(&stems[verb]) {
                weight += rule.verb_weight;
                rule_name.push_str("+verb");
                spans.push(words[verb].span());
            }
            let context = (0..words.len())
                .filter(|&j| sentence_of[j] == sentence && j != i && j != verb)
                .find(|&j| rule.context.contains(&stems[j]));
            if let Some(j) = context {
                weight += rule.context_weight;
                rule_name.push_str("+context");
                spans.push(words[j].span());
            }
            spans.sort();
            let shown: Vec<&str> = spans.iter().map(|s| s.slice(text)).collect();
            let evidence = Evidence { rule: rule_name, text: shown.join(" … "), weight, spans };
            let best = best_per_sentence.entry(sentence).or_insert_with(|| evidence.clone());
            if evidence.weight > best.weight {
                *best = evidence;
            }
        }
    }
    let mut evidence: Vec<Evidence> = best_per_sentence.into_values().filter(|e| e.weight > 0).collect();
    evidence.sort_by_key(|e| e.spans[0]);
    evidence
}

// ---------------------------------------------------------------------------------------------
// Entities and voices
// ---------------------------------------------------------------------------------------------

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
    /// The rules' word lists, folded once.
    words: RuleWords,
}

/// `entities.toml`'s word lists, folded (not spelling-normalised: `minister` is no variant).
struct RuleWords {
    roles: HashSet<String>,
    role_links: HashSet<String>,
    organisation_heads: HashSet<String>,
    connectors: HashSet<String>,
    list_joiners: HashSet<String>,
    articles: HashSet<String>,
    not_names: HashSet<String>,
    pronouns: HashSet<String>,
}

impl RuleWords {
    fn new(rules: &NameRules) -> Self {
        let set = |list: &[String]| list.iter().map(|w| fold(w)).collect::<HashSet<_>>();
        Self {
            roles: set(&rules.roles),
            role_links: set(&rules.role_links),
            organisation_heads: set(&rules.organisation_heads),
            connectors: set(&rules.name_connectors),
            list_joiners: set(&rules.list_joiners),
            articles: set(&rules.articles),
            not_names: set(&rules.not_names),
            pronouns: set(&rules.pronouns),
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
    last_person: Option<usize>,
}

/// Tagging result for one passage.
#[derive(Debug, Default, PartialEq)]
pub struct PassageEntities {
    pub mentions: Vec<Mention>,
    pub voices: Vec<u32>,
}

impl EntityTagger {
    pub fn new(vocab: &EntitiesFile) -> Self {
        let rules = &vocab.rules;
        let mut tagger = Self {
            titles: Vec::new(),
            speech_cues: Vec::new(),
            entities: Vec::new(),
            aliases: HashMap::new(),
            spelling: rules.spelling.clone(),
            words: RuleWords::new(rules),
        };
        tagger.titles = rules.titles.iter().map(|t| tagger.keys_of(t)).collect();
        tagger.titles.sort_by_key(|t| std::cmp::Reverse(t.len()));
        tagger.speech_cues = rules.speech_cues.iter().map(|t| tagger.keys_of(t)).collect();
        tagger.speech_cues.sort_by_key(|t| std::cmp::Reverse(t.len()));
        for spec in &vocab.entities {
            let kind = EntityKind::parse(spec.kind.get_ref()).unwrap_or(EntityKind::Other);
            let index = tagger.entities.len();
            tagger.entities.push(EntityRecord {
                id: spec.id.get_ref().clone(),
                name: spec.name.clone(),
                kind,
                aliases: spec.aliases.iter().cloned().collect(),
                origin: "gazetteer".into(),
            });
            for form in std::iter::once(&spec.name).chain(&spec.aliases) {
                let keys = tagger.keys_of(form);
                add_alias(&mut tagger.aliases, keys, index);
            }
        }
        tagger
    }

    /// Folded, spelling-normalised key of each word of `text`.
    fn keys_of(&self, text: &str) -> Vec<String> {
        text::words(text).map(|w| self.key(w.text)).collect()
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
            let Some((len, entity, found_by)) = self.best_match(&tokens, i, state) else {
                i += 1;
                continue;
            };
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
        found_by: &str,
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
            if name_words.len() > 1 && found_by != "short form" {
                for word in name_words {
                    if word.text.chars().count() > 1 && word.is_capitalised() && !self.words.not_names.contains(&fold(word.text)) {
                        add_alias(&mut state.aliases, vec![self.key(word.text)], entity);
                    }
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
    }

    /// The longest name starting at token `i`: a known alias (gazetteer or this document's short
    /// forms), a titled person, an organisation, a person described by a role, or a name beside
    /// a speech verb. Known aliases win ties.
    fn best_match(&mut self, tokens: &[Token], i: usize, state: &DocumentState) -> Option<(usize, usize, &'static str)> {
        let known = longest_alias(&self.aliases, tokens, i)
            .map(|(len, e)| (len, e, "gazetteer"))
            .into_iter()
            .chain(longest_alias(&state.aliases, tokens, i).map(|(len, e)| (len, e, "short form")))
            .max_by_key(|m| m.0);
        let titled = self.titled_person(tokens, i);
        let organisation = self.organisation_run(tokens, i);
        let best_known_len = known.map_or(0, |k| k.0);
        if let Some((len, name)) = titled.filter(|t| t.0 > best_known_len) {
            let entity = self.resolve(&name, EntityKind::Person, "title", state);
            return Some((len, entity, "title"));
        }
        if let Some((len, name)) = organisation.filter(|o| o.0 > best_known_len) {
            let entity = self.resolve(&name, EntityKind::Organisation, "organisation name", state);
            return Some((len, entity, "organisation name"));
        }
        if known.is_some() {
            return known;
        }
        if let Some((len, name)) = self.described_person(tokens, i) {
            let entity = self.resolve(&name, EntityKind::Person, "role", state);
            return Some((len, entity, "role"));
        }
        None
    }

    /// `Associate Professor Sussex`, `President Vladimir Putin`: a title then 1–3 capitalised words.
    fn titled_person(&self, tokens: &[Token], i: usize) -> Option<(usize, String)> {
        let title = self.titles.iter().find(|t| matches_keys(tokens, i, t) && tokens[i].word.is_capitalised())?;
        let name_start = i + title.len();
        let name_len = self.capitalised_run(tokens, name_start, 3);
        if name_len == 0 {
            return None;
        }
        let name = surface(tokens, name_start, name_start + name_len);
        Some((title.len() + name_len, name))
    }

    /// `China Programme`, `S. Rajaratnam School of International Studies`: a capitalised run,
    /// connectors allowed inside, holding an organisation head word.
    fn organisation_run(&self, tokens: &[Token], i: usize) -> Option<(usize, String)> {
        if !self.can_start_name(tokens, i) {
            return None;
        }
        let mut end = i;
        let mut j = i;
        while j < tokens.len() && tokens[j].is_word && tokens[j].sentence == tokens[i].sentence {
            if tokens[j].word.is_capitalised() {
                j += 1;
                end = j;
            } else if self.words.connectors.contains(&tokens[j].folded) {
                // `X Organisation and BRICS` is two names: stop at `and` after a complete
                // organisation name or before a known one.
                let complete = tokens[j - 1].word.is_capitalised() && self.words.organisation_heads.contains(&tokens[j - 1].folded);
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
        let has_head = run.iter().any(|t| t.word.is_capitalised() && self.words.organisation_heads.contains(&t.folded));
        (has_head && run.len() >= 2).then(|| (run.len(), surface(tokens, i, end)))
    }

    /// `Jane Doe, a policy fellow at …` or `Jane Doe said`: a 2–3 word capitalised name that a
    /// role appositive or a speech verb marks as a person.
    fn described_person(&self, tokens: &[Token], i: usize) -> Option<(usize, String)> {
        if !self.can_start_name(tokens, i) {
            return None;
        }
        let len = self.capitalised_run(tokens, i, 3);
        if len < 2 {
            return None;
        }
        let after = i + len;
        let speaks = self.speech_cues.iter().any(|cue| matches_keys(tokens, after, cue))
            || (i >= 1 && self.speech_cues.iter().any(|cue| i >= cue.len() && matches_keys(tokens, i - cue.len(), cue)));
        // `, a senior fellow at …`: a role, then a link word, among the lower-case words.
        let has_role = tokens.get(after).is_some_and(|t| t.word.text == ",")
            && tokens.get(after + 1).is_some_and(|t| self.words.articles.contains(&t.folded))
            && {
                let description: Vec<&Token> =
                    tokens[(after + 2).min(tokens.len())..].iter().take(6).take_while(|t| t.is_word && !t.word.is_capitalised()).collect();
                let role = description.iter().position(|t| self.words.is_role(&t.folded));
                role.is_some_and(|r| description[r + 1..].iter().any(|t| self.words.role_links.contains(&t.folded)))
            };
        // `… economy minister, Robert Habeck, …` or `spokesman Dmitry Peskov`: a role just before.
        let role_before = {
            let before = if i >= 1 && tokens[i - 1].word.text == "," { i.checked_sub(2) } else { i.checked_sub(1) };
            before.is_some_and(|k| tokens[k].is_word && !tokens[k].word.is_capitalised() && self.words.is_role(&tokens[k].folded))
        };
        (speaks || has_role || role_before).then(|| (len, surface(tokens, i, after)))
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

    /// The entity a detected name stands for: a known alias, a unique person with that
    /// surname, or a new entity.
    fn resolve(&mut self, name: &str, kind: EntityKind, origin: &str, state: &DocumentState) -> usize {
        let keys = self.keys_of(name);
        for table in [&state.aliases, &self.aliases] {
            if let Some(entry) = table.get(&keys[0]).and_then(|entries| entries.iter().find(|e| e.keys == keys)) {
                return entry.entity;
            }
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
        let base = text::slug(name);
        let mut id = base.clone();
        let mut n = 2;
        while self.entities.iter().any(|e| e.id == id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        let index = self.entities.len();
        self.entities.push(EntityRecord { id, name: name.to_string(), kind, aliases: BTreeSet::new(), origin: origin.to_string() });
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

fn matches_keys(tokens: &[Token], i: usize, keys: &[String]) -> bool {
    i + keys.len() <= tokens.len() && tokens[i..i + keys.len()].iter().zip(keys).all(|(t, k)| t.is_word && &t.key == k)
}

/// The words of tokens `[start, end)` joined by single spaces, with a possessive dropped
/// (`China’s` → `China`).
fn surface(tokens: &[Token], start: usize, end: usize) -> String {
    let parts: Vec<String> = tokens[start..end]
        .iter()
        .map(|t| {
            let w = t.word.text;
            let w = w.strip_suffix("’s").or_else(|| w.strip_suffix("'s")).unwrap_or(w);
            if t.word.text.chars().count() == 1 && t.word.is_capitalised() { format!("{w}.") } else { w.to_string() }
        })
        .collect();
    parts.join(" ")
}
