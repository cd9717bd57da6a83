//! The `loupe` command: `export`, `check` and `query` over a seeds folder, for curators and tests.

use std::path::PathBuf;
use std::process::ExitCode;

use loupe_corpus::compile::{compile_dir, Compiled};
use loupe_corpus::export::Export;
use loupe_corpus::guide::suggest;
use loupe_corpus::query::{evaluate, Query, QueryResult};
use loupe_corpus::tag::stem_collisions;
use loupe_corpus::vocab;

const USAGE: &str = "\
usage: loupe <command> [--seeds DIR]

commands:
  export            print the compiled corpus as JSON
  check             validate seeds and vocabularies; print `file:line: message`; exit 1 on errors;
                    then list stem collisions (corpus word forms sharing a cue's stem but not its form)
  query '<query>'   evaluate a URL query string (theme=…&entity=…&section=…&doc=…&voice=…)
                    and print {total, passages, facets} as JSON
  suggest '<text>' ['<query>']
                    what the search box offers for <text> under the query's filters, as JSON
                    [{facet, value, label, noun, count, text}], best first

options:
  --seeds DIR       the seeds folder (default: seeds/)
";

enum Command {
    Export,
    Check,
    Query(String),
    Suggest(String, String),
}

fn parse_args(args: &[String]) -> Result<(Command, PathBuf), String> {
    let mut seeds = PathBuf::from("seeds");
    let mut positional = Vec::new();
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--seeds" => {
                seeds = PathBuf::from(args.get(i + 1).ok_or("--seeds needs a folder")?);
                i += 1;
            }
            s if s.starts_with("--seeds=") => seeds = PathBuf::from(&s["--seeds=".len()..]),
            "-h" | "--help" => return Err(String::new()),
            s => positional.push(s.to_string()),
        }
        i += 1;
    }
    let command = match positional.as_slice() {
        [c] if c == "export" => Command::Export,
        [c] if c == "check" => Command::Check,
        [c, q] if c == "query" => Command::Query(q.clone()),
        [c] if c == "query" => Command::Query(String::new()),
        [c, text] if c == "suggest" => Command::Suggest(text.clone(), String::new()),
        [c, text, q] if c == "suggest" => Command::Suggest(text.clone(), q.clone()),
        [] => return Err("a command is needed".into()),
        other => return Err(format!("unknown arguments: {}", other.join(" "))),
    };
    Ok((command, seeds))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, seeds) = match parse_args(&args) {
        Ok(parsed) => parsed,
        Err(why) if why.is_empty() => {
            print!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(why) => {
            eprintln!("loupe: {why}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let compiled = compile_dir(&seeds);
    match command {
        Command::Check => check(&compiled, &seeds),
        Command::Export => with_corpus(&compiled, || print_json(&Export::new(&compiled.corpus))),
        Command::Query(q) => with_corpus(&compiled, || {
            let query = Query::parse(&q);
            print_json(&QueryResult::new(&compiled.corpus, &evaluate(&compiled.corpus, &query)))
        }),
        Command::Suggest(text, q) => with_corpus(&compiled, || {
            let query = Query::parse(&q).known_only(&compiled.corpus);
            print_json(&suggest(&compiled.corpus, &text, &query))
        }),
    }
}

fn check(compiled: &Compiled, seeds: &std::path::Path) -> ExitCode {
    for d in &compiled.diagnostics {
        say(&format!("{d}"));
    }
    let corpus = &compiled.corpus;
    let errors = compiled.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = compiled.diagnostics.len() - errors;
    say(&format!(
        "{} documents, {} sections, {} passages, {} themes, {} entities; {errors} errors, {warnings} warnings",
        corpus.documents.len(),
        corpus.sections.len(),
        corpus.passages.len(),
        corpus.themes.len(),
        corpus.entities.len()
    ));
    let themes_file = seeds.join(vocab::THEMES_FILE);
    let themes = std::fs::read_to_string(&themes_file).ok().and_then(|t| vocab::read_themes_leaving_out_bad_rules(&t, vocab::THEMES_FILE).ok());
    if let Some((themes, _)) = themes {
        let collisions = stem_collisions(&themes, corpus.passages.iter().map(|p| p.text.as_str()));
        if !collisions.is_empty() {
            say("stem collisions (pin a cue with `exact = true` or guard it with `unless` if a form misleads):");
        }
        for c in collisions {
            say(&format!("{}: {} cue `{}` also matches: {}", themes_file.display(), c.theme, c.cue, c.forms.join(", ")));
        }
    }
    if errors > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

/// Reports diagnostics on stderr and runs `output` unless nothing could be compiled.
fn with_corpus(compiled: &Compiled, output: impl FnOnce()) -> ExitCode {
    for d in &compiled.diagnostics {
        eprintln!("{d}");
    }
    if compiled.corpus.themes.is_empty() && compiled.has_errors() {
        eprintln!("loupe: nothing could be compiled");
        return ExitCode::FAILURE;
    }
    output();
    ExitCode::SUCCESS
}

fn print_json(value: &impl serde::Serialize) {
    say(&serde_json::to_string_pretty(value).expect("corpus JSON always serialises"));
}

/// Prints a line on standard output. When the reader of the output has gone (`loupe export |
/// head`), the command stops quietly, as command-line tools do, instead of panicking.
fn say(line: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = writeln!(out, "{line}").and_then(|()| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("loupe: cannot write the output: {e}");
        std::process::exit(1);
    }
}
