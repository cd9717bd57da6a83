//! The compiler: a seeds folder (or the same files in memory) → a tagged, indexed [`Corpus`]
//! plus diagnostics. Invalid documents are reported and left out; the rest still compile.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use crate::diag::Diagnostic;
use crate::model::{Corpus, Document, Entity, Passage, Section, Theme};
use crate::parse::{self, ParsedDocument, Sidecar};
use crate::tag::{DocumentState, EntityTagger, ThemeTagger};
use crate::text;
use crate::vocab::{self, BRANDS_FILE, COMPANIES_FILE, ENTITIES_FILE, PLACES_FILE, THEMES_FILE, WORDNET_FILE};

/// A file of the seeds folder: its name (no directory) and its bytes.
#[derive(Debug, Clone)]
pub struct SeedFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Default)]
pub struct Compiled {
    pub corpus: Corpus,
    pub diagnostics: Vec<Diagnostic>,
}

impl Compiled {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// The body of a build script that embeds a corpus: compiles `$LOUPE_SEEDS`, or else
/// `default_seeds` (relative to the crate being built), into `$OUT_DIR/corpus.bin`.
/// Diagnostics become cargo warnings; seeds with no usable passage fail the build, naming the
/// file and line of each problem.
pub fn run_build_script(default_seeds: &str) {
    println!("cargo:rerun-if-env-changed=LOUPE_SEEDS");
    let seeds = std::env::var_os("LOUPE_SEEDS").map(std::path::PathBuf::from).unwrap_or_else(|| default_seeds.into());
    println!("cargo:rerun-if-changed={}", seeds.display());
    let compiled = compile_dir(&seeds);
    for diagnostic in &compiled.diagnostics {
        println!("cargo:warning={diagnostic}");
    }
    if compiled.corpus.passages.is_empty() {
        let shown: Vec<String> = compiled.diagnostics.iter().map(ToString::to_string).collect();
        panic!("no passages could be compiled from {}:\n{}", seeds.display(), shown.join("\n"));
    }
    let out = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("corpus.bin");
    std::fs::write(&out, crate::encode::encode(&compiled.corpus)).expect("OUT_DIR is writable");
}

/// Reads every file directly inside `dir` and compiles them. Diagnostics name files as
/// `<dir>/<file>`.
pub fn compile_dir(dir: &Path) -> Compiled {
    let shown_dir = dir.display().to_string();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            return Compiled { diagnostics: vec![Diagnostic::error(&shown_dir, None, format!("cannot read the seeds folder: {e}"))], ..Default::default() };
        }
    };
    let mut files = Vec::new();
    let mut diagnostics = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if !path.is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        match std::fs::read(&path) {
            Ok(bytes) => files.push(SeedFile { name, bytes }),
            Err(e) => diagnostics.push(Diagnostic::error(path.display().to_string(), None, format!("cannot read: {e}"))),
        }
    }
    let mut compiled = compile_files(&files);
    for d in &mut compiled.diagnostics {
        d.file = Path::new(dir).join(&d.file).display().to_string();
    }
    diagnostics.append(&mut compiled.diagnostics);
    compiled.diagnostics = diagnostics;
    compiled
}

/// Compiles in-memory seed files: `*.txt` documents, optional `<stem>.toml` sidecars, and the
/// two vocabularies. Documents are taken in file-name order.
pub fn compile_files(files: &[SeedFile]) -> Compiled {
    let mut diagnostics = Vec::new();
    let by_name: BTreeMap<&str, &SeedFile> = files.iter().map(|f| (f.name.as_str(), f)).collect();
    let vocab_text = |name: &str, diagnostics: &mut Vec<Diagnostic>| -> Option<String> {
        let Some(file) = by_name.get(name) else {
            diagnostics.push(Diagnostic::error(name, None, "missing: the seeds folder needs this vocabulary"));
            return None;
        };
        match parse::decode_text(name, &file.bytes) {
            Ok((text, warnings)) => {
                diagnostics.extend(warnings);
                Some(text)
            }
            Err(e) => {
                diagnostics.push(e);
                None
            }
        }
    };
    let themes_text = vocab_text(THEMES_FILE, &mut diagnostics);
    let entities_text = vocab_text(ENTITIES_FILE, &mut diagnostics);
    let themes = themes_text.and_then(|t| usable(vocab::read_themes_leaving_out_bad_rules(&t, THEMES_FILE), &mut diagnostics));
    let entities = entities_text.and_then(|t| usable(vocab::read_entities_leaving_out_bad_rows(&t, ENTITIES_FILE), &mut diagnostics));
    // The generated lists (the world gazetteer, the company list, WordNet's places and
    // organisations, the brand names; one shape) are optional: without them, only `entities.toml` names things.
    let list_texts: Vec<(&str, String)> = [PLACES_FILE, COMPANIES_FILE, WORDNET_FILE, BRANDS_FILE]
        .into_iter()
        .filter(|name| by_name.contains_key(name))
        .filter_map(|name| Some((name, vocab_text(name, &mut diagnostics)?)))
        .collect();
    let mut places = Vec::new();
    for (name, text) in &list_texts {
        let (rows, problems) = vocab::read_gazetteer(text, name);
        diagnostics.extend(problems);
        places.extend(rows);
    }
    let (Some(themes), Some(entities)) = (themes, entities) else {
        return Compiled { corpus: Corpus::default(), diagnostics };
    };

    let mut documents = Vec::new();
    for (name, file) in &by_name {
        let Some(stem) = name.strip_suffix(".txt") else {
            let is_sidecar = name.strip_suffix(".toml").is_some_and(|stem| by_name.contains_key(format!("{stem}.txt").as_str()));
            if !is_sidecar && !vocab::FILES.contains(name) && !name.starts_with('.') {
                diagnostics.push(Diagnostic::warning(*name, None, "ignored: documents are `*.txt`, metadata `<document>.toml`"));
            }
            continue;
        };
        let sidecar_name = format!("{stem}.toml");
        let sidecar = match by_name.get(sidecar_name.as_str()) {
            Some(f) => match parse::decode_text(&sidecar_name, &f.bytes) {
                Ok((text, _)) => {
                    let (sidecar, problems) = parse::read_sidecar(&sidecar_name, &text);
                    diagnostics.extend(problems);
                    sidecar
                }
                Err(e) => {
                    diagnostics.push(e);
                    Sidecar::default()
                }
            },
            None => Sidecar::default(),
        };
        match parse::decode_text(name, &file.bytes) {
            Ok((text, warnings)) => {
                diagnostics.extend(warnings);
                let document = parse::parse_document(name, &text, &sidecar);
                if document.passages.is_empty() {
                    diagnostics.push(Diagnostic::error(*name, None, "no paragraphs found: the file holds only headings"));
                } else {
                    documents.push(document);
                }
            }
            Err(e) => diagnostics.push(e),
        }
    }
    let texts = documents.iter().flat_map(|d| d.passages.iter().map(|p| p.text.as_ref()));
    let corpus = assemble(&documents, &ThemeTagger::new(&themes), &mut EntityTagger::new(&entities, &places, texts), &themes);
    Compiled { corpus, diagnostics }
}

/// A vocabulary that could be read (its rule-level problems reported), or none.
fn usable<T>(result: Result<(T, Vec<Diagnostic>), Vec<Diagnostic>>, diagnostics: &mut Vec<Diagnostic>) -> Option<T> {
    match result {
        Ok((file, problems)) => {
            diagnostics.extend(problems);
            Some(file)
        }
        Err(problems) => {
            diagnostics.extend(problems);
            None
        }
    }
}

fn assemble(documents: &[ParsedDocument], theme_tagger: &ThemeTagger, entity_tagger: &mut EntityTagger, themes: &vocab::ThemesFile) -> Corpus {
    let mut corpus = Parts {
        themes: themes
            .themes
            .iter()
            .map(|t| Theme {
                id: t.id.get_ref().clone(),
                label: t.label.clone(),
                description: t.description.clone(),
                colour: t.colour.get_ref().clone(),
                cues: t.cues.keys().cloned().collect(),
            })
            .collect(),
        stop_words: {
            let mut words: Vec<String> = themes.stop_words.iter().map(|w| crate::text::fold(w)).collect();
            words.sort();
            words.dedup();
            words
        },
        ..Default::default()
    };
    let mut used_ids = HashSet::new();
    for parsed in documents {
        let doc_index = corpus.documents.len() as u32;
        let id = unique(&mut used_ids, parsed.id.clone().unwrap_or_else(|| text::document_slug(&parsed.title)));
        let first_section = corpus.sections.len() as u32;
        for section in &parsed.sections {
            let section_id = unique(&mut used_ids, format!("{id}/{}", text::slug(&section.heading)));
            corpus.sections.push(Section { id: section_id, document: doc_index, heading: section.heading.clone(), line: section.line as u32 });
        }
        let mut state = DocumentState::default();
        for (n, passage) in parsed.passages.iter().enumerate() {
            let sentences = text::sentences(&passage.text);
            let tagged = entity_tagger.tag(&passage.text, &sentences, &mut state);
            let mut entities: Vec<u32> = tagged.mentions.iter().map(|m| m.entity).collect();
            entities.sort_unstable();
            entities.dedup();
            corpus.passages.push(Passage {
                id: format!("{id}-p{}", n + 1),
                document: doc_index,
                section: first_section + passage.section as u32,
                line: passage.line as u32,
                themes: theme_tagger.tag(&passage.text, &sentences, &tagged.mentions),
                sentences,
                mentions: tagged.mentions,
                entities,
                voices: tagged.voices,
                text: passage.text.clone().into(),
            });
        }
        corpus.documents.push(Document {
            id,
            title: parsed.title.clone(),
            date: parsed.date.clone(),
            source: parsed.source.clone(),
            url: parsed.url.clone(),
            source_file: parsed.source_file.clone(),
        });
    }
    keep_mentioned_entities(&mut corpus, entity_tagger);
    let Parts { documents, sections, passages, themes, entities, stop_words } = corpus;
    Corpus::new(documents, sections, passages, themes, entities, stop_words)
}

/// A corpus being assembled.
#[derive(Default)]
struct Parts {
    documents: Vec<Document>,
    sections: Vec<Section>,
    passages: Vec<Passage>,
    themes: Vec<Theme>,
    entities: Vec<Entity>,
    stop_words: Vec<String>,
}

/// Only entities the corpus names are kept; passage references are renumbered to match.
fn keep_mentioned_entities(corpus: &mut Parts, tagger: &EntityTagger) {
    let mut mentioned: Vec<bool> = vec![false; tagger.entities.len()];
    for p in &corpus.passages {
        p.entities.iter().chain(&p.voices).for_each(|&e| mentioned[e as usize] = true);
    }
    let mut renumber = vec![u32::MAX; tagger.entities.len()];
    for (old, record) in tagger.entities.iter().enumerate().filter(|(i, _)| mentioned[*i]) {
        renumber[old] = corpus.entities.len() as u32;
        corpus.entities.push(Entity {
            id: record.id.clone(),
            name: record.name.clone(),
            kind: record.kind,
            aliases: record.aliases.iter().filter(|a| **a != record.name).cloned().collect(),
            origin: record.origin.clone(),
        });
    }
    for p in &mut corpus.passages {
        p.entities.iter_mut().chain(p.voices.iter_mut()).for_each(|e| *e = renumber[*e as usize]);
        p.mentions.iter_mut().for_each(|m| m.entity = renumber[m.entity as usize]);
    }
}

fn unique(used: &mut HashSet<String>, base: String) -> String {
    let mut id = base.clone();
    let mut n = 2;
    while !used.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}
