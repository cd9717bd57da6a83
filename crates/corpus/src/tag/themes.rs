//! Theme tagging: cue phrases, sense guards, modal constructions and frame rules, each adding
//! weighted evidence that names its rule and its words.

use std::collections::{HashMap, HashSet};

use crate::model::{Evidence, Mention, Span, ThemeHit};
use crate::text::{self, fold, Analyzer, Word};
use crate::vocab::{FrameRule, ModalRule, ThemesFile};

use super::sentence_of;

/// The rule behind a piece of evidence; its label is what `Evidence::rule` shows.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Rule<'a> {
    Cue,
    Modal { name: &'a str, verb: bool, context: bool },
    Frame { name: &'a str },
}

impl Rule<'_> {
    fn label(&self) -> String {
        match self {
            Rule::Cue => "cue".to_string(),
            Rule::Modal { name, verb, context } => {
                format!("{name}{}{}", if *verb { "+verb" } else { "" }, if *context { "+context" } else { "" })
            }
            Rule::Frame { name } => format!("frame {name}"),
        }
    }
}

/// A passage's words, three ways, and the sentence of each.
struct PassageWords<'t> {
    text: &'t str,
    words: Vec<Word<'t>>,
    stems: Vec<String>,
    folded: Vec<String>,
    sentence_of: Vec<usize>,
}

impl PassageWords<'_> {
    /// Whether any of `vetoes` (stems) stands in sentence `sentence`.
    fn sentence_has(&self, sentence: usize, vetoes: &[String]) -> bool {
        !vetoes.is_empty() && (0..self.stems.len()).any(|j| self.sentence_of[j] == sentence && vetoes.contains(&self.stems[j]))
    }

    /// Whether the phrase (stems, or folded words when `exact`) starts at word `i`.
    fn phrase_at(&self, i: usize, phrase: &[String], exact: bool) -> bool {
        let words = if exact { &self.folded } else { &self.stems };
        words[i..].starts_with(phrase) && (i..i + phrase.len()).all(|j| self.sentence_of[j] == self.sentence_of[i])
    }
}


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
    /// Longest first.
    cues: Vec<CompiledCue>,
    modals: Vec<CompiledModal>,
    frames: Vec<CompiledFrame>,
}

struct CompiledCue {
    /// Stems, or folded words when `exact`.
    words: Vec<String>,
    exact: bool,
    weight: u32,
    /// Stems that veto the cue in their sentence.
    unless: Vec<String>,
}

struct CompiledFrame {
    name: String,
    /// Stemmed phrases.
    triggers: Vec<Vec<String>>,
    partners: Vec<Vec<String>>,
    within: Option<usize>,
    actor: bool,
    partner_after: bool,
    weight: u32,
    unless: Vec<String>,
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
                let mut cues: Vec<CompiledCue> = spec
                    .cues
                    .iter()
                    .map(|(phrase, cue)| {
                        let cue = cue.get_ref();
                        let words = if cue.exact() { text::words(phrase).map(|w| fold(w.text)).collect() } else { stems_of(&analyzer, phrase) };
                        let unless = cue.unless().iter().flat_map(|u| stems_of(&analyzer, u)).collect();
                        CompiledCue { words, exact: cue.exact(), weight: cue.weight(), unless }
                    })
                    .filter(|cue| !cue.words.is_empty())
                    .collect();
                cues.sort_by(|a, b| b.words.len().cmp(&a.words.len()).then_with(|| a.words.cmp(&b.words)));
                let mut ignore: Vec<Vec<String>> =
                    spec.ignore.iter().map(|p| text::words(p).map(|w| fold(w.text)).collect::<Vec<_>>()).filter(|w| !w.is_empty()).collect();
                ignore.sort_by_key(|words| std::cmp::Reverse(words.len()));
                let modals = spec.modals.iter().map(|rule| compile_modal(rule, &analyzer)).collect();
                let frames = spec.frame_rules.iter().map(|rule| compile_frame(rule, &analyzer)).collect();
                CompiledTheme { threshold: spec.threshold, ignore, cues, modals, frames }
            })
            .collect();
        let fillers = ModalFillers {
            words: vocab.modal_fillers.iter().map(|w| fold(w)).collect(),
            endings: vocab.modal_filler_endings.iter().map(|w| fold(w)).collect(),
        };
        Self { themes, fillers, analyzer }
    }

    /// The themes a passage carries, each with the evidence that put it there. `sentences` are
    /// the passage's (`text::sentences`); `mentions` are the entities named in it, which frame
    /// rules that need an actor look for.
    pub fn tag(&self, text: &str, sentences: &[Span], mentions: &[Mention]) -> Vec<ThemeHit> {
        let words: Vec<Word> = text::words(text).collect();
        let passage = PassageWords {
            text,
            stems: words.iter().map(|w| self.analyzer.term(w.text)).collect(),
            folded: words.iter().map(|w| fold(w.text)).collect(),
            sentence_of: words.iter().map(|w| sentence_of(sentences, w.start)).collect(),
            words,
        };
        let mut actor_in = vec![false; sentences.len().max(1)];
        for m in mentions {
            actor_in[sentence_of(sentences, m.span.start as usize)] = true;
        }
        let mut hits = Vec::new();
        for (index, theme) in self.themes.iter().enumerate() {
            let mut evidence = cue_evidence(theme, &passage);
            evidence.extend(modal_evidence(theme, &self.fillers, &passage));
            let ignored = ignored_words(theme, &passage);
            evidence.extend(theme.frames.iter().filter_map(|frame| frame_evidence(frame, &passage, &actor_in, &ignored)));
            let score: u32 = evidence.iter().map(|e| e.weight).sum();
            if score >= theme.threshold && score > 0 {
                evidence.sort_by_key(|e| e.spans.first().copied());
                hits.push(ThemeHit { theme: index as u32, score, evidence });
            }
        }
        hits
    }
}

/// A cue whose stem the corpus also writes in other forms (`aid` → `aides`), so a curator can
/// see them before they mislead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StemCollision {
    pub theme: String,
    pub cue: String,
    /// Folded corpus word forms sharing a cue word's stem but not its form, sorted.
    pub forms: Vec<String>,
}

/// Stem collisions of every stemmed (not `exact`) cue over the given passage texts.
pub fn stem_collisions<'t>(vocab: &ThemesFile, texts: impl IntoIterator<Item = &'t str>) -> Vec<StemCollision> {
    let analyzer = Analyzer::default();
    let mut forms_of_stem: HashMap<String, std::collections::BTreeSet<String>> = HashMap::new();
    for text in texts {
        for word in text::words(text) {
            forms_of_stem.entry(analyzer.term(word.text)).or_default().insert(fold(word.text));
        }
    }
    let mut collisions = Vec::new();
    for theme in &vocab.themes {
        for (cue, spec) in &theme.cues {
            if spec.get_ref().exact() {
                continue;
            }
            let written: HashSet<String> = text::words(cue).map(|w| fold(w.text)).collect();
            let forms: Vec<String> = text::words(cue)
                .filter_map(|w| forms_of_stem.get(&analyzer.term(w.text)))
                .flatten()
                .filter(|form| !written.contains(*form))
                .cloned()
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            if !forms.is_empty() {
                collisions.push(StemCollision { theme: theme.id.get_ref().clone(), cue: cue.clone(), forms });
            }
        }
    }
    collisions
}

fn stems_of(analyzer: &Analyzer, phrase: &str) -> Vec<String> {
    analyzer.terms(phrase).into_iter().map(|t| t.0).collect()
}

fn compile_frame(rule: &FrameRule, analyzer: &Analyzer) -> CompiledFrame {
    let phrases = |list: &[String]| list.iter().map(|p| stems_of(analyzer, p)).filter(|p| !p.is_empty()).collect::<Vec<_>>();
    CompiledFrame {
        name: rule.name.clone(),
        triggers: phrases(&rule.triggers),
        partners: phrases(&rule.partners),
        within: rule.within,
        actor: rule.actor,
        partner_after: rule.partner_after,
        weight: rule.weight,
        unless: rule.unless.iter().flat_map(|u| stems_of(analyzer, u)).collect(),
    }
}

/// The first place in the passage where a trigger and a partner meet in one sentence (within
/// the rule's distance, with an actor named there when the rule asks, and no veto word).
fn frame_evidence(frame: &CompiledFrame, passage: &PassageWords, actor_in: &[bool], ignored: &[bool]) -> Option<Evidence> {
    let found = |phrases: &[Vec<String>]| -> Vec<(usize, usize)> {
        (0..passage.stems.len())
            .filter_map(|i| phrases.iter().find(|p| passage.phrase_at(i, p, false)).map(|p| (i, i + p.len())))
            .filter(|&(start, end)| !ignored[start..end].iter().any(|&w| w))
            .collect()
    };
    let (triggers, partners) = (found(&frame.triggers), found(&frame.partners));
    for &(ts, te) in &triggers {
        let sentence = passage.sentence_of[ts];
        if (frame.actor && !actor_in.get(sentence).copied().unwrap_or(false)) || passage.sentence_has(sentence, &frame.unless) {
            continue;
        }
        let partner = partners.iter().find(|&&(ps, pe)| {
            let apart = if ps >= te { ps - te } else if ts >= pe && !frame.partner_after { ts - pe } else { return false };
            passage.sentence_of[ps] == sentence && frame.within.is_none_or(|n| apart <= n)
        });
        if let Some(&(ps, pe)) = partner {
            let mut spans = vec![Span::new(passage.words[ts].start, passage.words[te - 1].end), Span::new(passage.words[ps].start, passage.words[pe - 1].end)];
            spans.sort();
            let shown: Vec<&str> = spans.iter().map(|s| s.slice(passage.text)).collect();
            return Some(Evidence { rule: Rule::Frame { name: &frame.name }.label(), text: shown.join(" … "), weight: frame.weight, spans });
        }
    }
    None
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

/// Which words stand inside one of the theme's ignored phrases (`press conference`), which
/// frames leave alone as cues do.
fn ignored_words(theme: &CompiledTheme, passage: &PassageWords) -> Vec<bool> {
    let mut ignored = vec![false; passage.folded.len()];
    let mut i = 0;
    while i < passage.folded.len() {
        match theme.ignore.iter().find(|phrase| passage.folded[i..].starts_with(phrase)) {
            Some(phrase) => {
                ignored[i..i + phrase.len()].iter_mut().for_each(|w| *w = true);
                i += phrase.len();
            }
            None => i += 1,
        }
    }
    ignored
}

/// Cue phrases, matched longest first without overlap; each distinct phrase counts once.
/// Ignored phrases are matched first, on exact words, and skipped; a cue whose `unless` word
/// stands in the same sentence does not match there.
fn cue_evidence(theme: &CompiledTheme, passage: &PassageWords) -> Vec<Evidence> {
    let mut found: Vec<(usize, Vec<Span>, u32)> = Vec::new();
    let mut i = 0;
    while i < passage.stems.len() {
        if let Some(ignored) = theme.ignore.iter().find(|phrase| passage.folded[i..].starts_with(phrase)) {
            i += ignored.len();
            continue;
        }
        let matched = theme.cues.iter().enumerate().find(|(_, cue)| {
            passage.phrase_at(i, &cue.words, cue.exact) && !passage.sentence_has(passage.sentence_of[i], &cue.unless)
        });
        match matched {
            Some((cue_index, cue)) => {
                let span = Span::new(passage.words[i].start, passage.words[i + cue.words.len() - 1].end);
                match found.iter_mut().find(|(c, _, _)| *c == cue_index) {
                    Some((_, spans, _)) => spans.push(span),
                    None => found.push((cue_index, vec![span], cue.weight)),
                }
                i += cue.words.len();
            }
            None => i += 1,
        }
    }
    found
        .into_iter()
        .map(|(_, spans, weight)| Evidence { rule: Rule::Cue.label(), text: spans[0].slice(passage.text).to_string(), weight, spans })
        .collect()
}

/// Modal constructions: the strongest one in the passage counts.
fn modal_evidence(theme: &CompiledTheme, fillers: &ModalFillers, passage: &PassageWords) -> Vec<Evidence> {
    let PassageWords { text, words, stems, folded, sentence_of } = passage;
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
            let mut spans = vec![words[i].span()];
            let has_verb = rule.verbs.contains(&stems[verb]);
            if has_verb {
                weight += rule.verb_weight;
                spans.push(words[verb].span());
            }
            let context = (0..words.len())
                .filter(|&j| sentence_of[j] == sentence && j != i && j != verb)
                .find(|&j| rule.context.contains(&stems[j]));
            if let Some(j) = context {
                weight += rule.context_weight;
                spans.push(words[j].span());
            }
            spans.sort();
            let shown: Vec<&str> = spans.iter().map(|s| s.slice(text)).collect();
            let label = Rule::Modal { name: &rule.name, verb: has_verb, context: context.is_some() }.label();
            let evidence = Evidence { rule: label, text: shown.join(" … "), weight, spans };
            let best = best_per_sentence.entry(sentence).or_insert_with(|| evidence.clone());
            if evidence.weight > best.weight {
                *best = evidence;
            }
        }
    }
    // Across sentences, the strongest construction counts once: weak modals in two sentences
    // ("will stay", "will continue") add up to no forecast.
    let mut evidence: Vec<Evidence> = best_per_sentence.into_values().filter(|e| e.weight > 0).collect();
    evidence.sort_by_key(|e| (std::cmp::Reverse(e.weight), e.spans[0]));
    evidence.truncate(1);
    evidence
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocab::read_themes;

    const HEAD: &str = "[[theme]]\nid = \"t\"\nlabel = \"T\"\ndescription = \"d\"\ncolour = \"#123456\"\nthreshold = 2\n";

    /// Evidence labels (`rule:text`) of theme `t` on `text`, with `mentions` as named actors.
    fn evidence(rules: &str, text: &str, mentions: &[Mention]) -> Vec<String> {
        let file = read_themes(&format!("{HEAD}{rules}"), "themes.toml").unwrap();
        let tagger = ThemeTagger::new(&file);
        let hits = tagger.tag(text, &text::sentences(text), mentions);
        hits.iter().flat_map(|h| h.evidence.iter().map(|e| format!("{}:{}", e.rule, e.text))).collect()
    }

    fn mention_of(text: &str, word: &str) -> Mention {
        let start = text.find(word).unwrap();
        Mention { entity: 0, span: Span::new(start, start + word.len()) }
    }

    #[test]
    fn stem_collision_lists_other_forms_of_a_cue() {
        let file = read_themes(&format!("{HEAD}[theme.cues]\n\"security\" = 2\n\"close\" = {{ weight = 1, exact = true }}\n"), "themes.toml").unwrap();
        let got = stem_collisions(&file, ["Security and securities.", "Closeness is close."]);
        assert_eq!(got, [StemCollision { theme: "t".into(), cue: "security".into(), forms: vec!["securities".into()] }]);
    }

    #[test]
    fn cue_matches_on_stems() {
        assert_eq!(evidence("[theme.cues]\n\"export\" = 2\n", "Exports rose.", &[]), ["cue:Exports"]);
    }

    #[test]
    fn ignored_phrase_counts_for_nothing() {
        assert!(evidence("ignore = [\"in relation to\"]\n[theme.cues]\n\"relation\" = 2\n", "In relation to prices, little moved.", &[]).is_empty());
    }

    #[test]
    fn unless_word_vetoes_the_cue_in_its_sentence_only() {
        let rules = "[theme.cues]\n\"settlement\" = { weight = 2, unless = [\"currency\"] }\n";
        assert!(evidence(rules, "The settlement was paid in a local currency.", &[]).is_empty());
        assert_eq!(evidence(rules, "The currency fell. The settlement holds.", &[]), ["cue:settlement"]);
    }

    #[test]
    fn exact_cue_matches_only_its_written_form() {
        let rules = "[theme.cues]\n\"closeness\" = { weight = 2, exact = true }\n";
        assert!(evidence(rules, "They worked closely.", &[]).is_empty());
        assert_eq!(evidence(rules, "Their closeness grew.", &[]), ["cue:closeness"]);
    }

    #[test]
    fn weak_cue_needs_company_to_reach_the_threshold() {
        let rules = "[theme.cues]\n\"market\" = 1\n\"price\" = 1\n";
        assert!(evidence(rules, "The market was calm.", &[]).is_empty());
        assert_eq!(evidence(rules, "The market price was calm.", &[]).len(), 2);
    }

    #[test]
    fn modal_grows_with_its_verb_and_context() {
        let rules = "[[theme.modals]]\nname = \"modal\"\nwords = [\"may\"]\nweight = 1\nverbs = [\"rise\"]\nverb_weight = 1\n";
        assert_eq!(evidence(rules, "Prices may rise.", &[]), ["modal+verb:may … rise"]);
        assert!(evidence(rules, "Prices may be high.", &[]).is_empty());
    }

    #[test]
    fn weak_modals_in_two_sentences_count_once() {
        let rules = "[[theme.modals]]\nname = \"future\"\nwords = [\"will\"]\nweight = 1\nverbs = [\"grow\"]\nverb_weight = 1\n";
        assert!(evidence(rules, "The mission will stay. They will continue.", &[]).is_empty());
        assert_eq!(evidence(rules, "The mission will stay. Trade will grow.", &[]), ["future+verb:will … grow"]);
    }

    #[test]
    fn modal_of_no_weight_counts_only_with_its_context() {
        let rules = "[[theme.modals]]\nname = \"conditional\"\nwords = [\"would\"]\nweight = 0\ncontext = [\"decade\"]\ncontext_weight = 2\n";
        assert!(evidence(rules, "He said it would be ready.", &[]).is_empty());
        assert_eq!(evidence(rules, "It would be ready by the end of the decade.", &[]), ["conditional+context:would … decade"]);
    }

    #[test]
    fn frame_needs_trigger_and_partner_within_its_distance() {
        let rules = "[[theme.frames]]\nname = \"force\"\ntriggers = [\"tank\"]\npartners = [\"crossed\"]\nwithin = 3\nweight = 2\n";
        assert_eq!(evidence(rules, "Tanks crossed the river.", &[]), ["frame force:Tanks … crossed"]);
        assert!(evidence(rules, "Tanks waited for many long days before anyone crossed.", &[]).is_empty());
        assert!(evidence(rules, "Tanks waited. Farmers crossed.", &[]).is_empty());
    }

    #[test]
    fn frame_with_partner_after_needs_the_partner_to_follow() {
        let rules = "[[theme.frames]]\nname = \"appeal\"\ntriggers = [\"call\"]\npartners = [\"government\"]\nwithin = 2\npartner_after = true\nweight = 2\n";
        assert_eq!(evidence(rules, "She called on the government to act.", &[]), ["frame appeal:called … government"]);
        assert!(evidence(rules, "It was what the government called bias.", &[]).is_empty());
    }

    #[test]
    fn frame_leaves_ignored_phrases_alone() {
        let rules = "ignore = [\"press conference\"]\n[[theme.frames]]\nname = \"appeal\"\ntriggers = [\"press\"]\npartners = [\"minister\"]\nweight = 2\n";
        assert!(evidence(rules, "The minister told a press conference.", &[]).is_empty());
        assert_eq!(evidence(rules, "The minister will press for more.", &[]), ["frame appeal:minister … press"]);
    }

    #[test]
    fn frame_with_actor_needs_a_named_entity_in_the_sentence() {
        let rules = "[[theme.frames]]\nname = \"appeal\"\ntriggers = [\"call\"]\npartners = [\"president\"]\nactor = true\nweight = 2\n";
        let text = "She called the president of Ruritania.";
        assert!(evidence(rules, text, &[]).is_empty());
        assert_eq!(evidence(rules, text, &[mention_of(text, "Ruritania")]), ["frame appeal:called … president"]);
    }
}
