//! The `loupe` command: `export`, `check`, `query`, `suggest` and `facets` over a seeds folder,
//! and the site builder (`build`, `serve`, `template`, and `place` for Trunk's hook), for
//! curators and tests; the sites it builds carry their default view prerendered by the app.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use loupe_corpus::api;
use loupe_corpus::compile::{compile_dir, Compiled};
use loupe_corpus::export::Export;
use loupe_corpus::site::{self, Template};
use loupe_corpus::tag::stem_collisions;
use loupe_corpus::vocab;

const USAGE: &str = "\
usage: loupe <command> [options]

commands:
  export            print the compiled corpus as JSON
  check             validate seeds and vocabularies; print `file:line: message`; exit 1 on errors
  query '<query>'   evaluate a URL query string (theme=…&entity=…&section=…&doc=…&voice=…)
                    and print {total, passages, facets} as JSON
  suggest '<text>' ['<query>']
                    what the search box offers for <text> under the query's filters, as JSON
                    [{facet, value, label, noun, count, text}], best first
  facets            every facet value as JSON [{facet, value, label, kind, count}]
  build             write the site: the compiled corpus placed into the prebuilt app
  serve             serve the site on 127.0.0.1 and rebuild it, reloading the page, when the
                    seeds change
  template          prepare the app template if it is missing or stale (trunk build --release)
  place [DIR]       Trunk's post_build hook: place the corpus into the build Trunk staged in DIR
                    (default: $TRUNK_STAGING_DIR) and finish it

options:
  --seeds DIR       the seeds folder (default: $LOUPE_SEEDS, else seeds/)
  --out DIR         build: the site's folder, empty or an earlier build (default: dist/)
  --port N          serve: the port (default: 8080)
  --template PATH   build, serve: the app template, a site folder or a template file (default: the
                    one inside this loupe, else the checkout's, prepared on first use)
  --pack FILE       template: also write the template as one file, to embed (README.md)

Bad input (seeds with errors, a template that does not fit, an output folder that is not a
Loupe build) exits with status 2; a site is written all or nothing.
";

enum Command {
    Export,
    Check,
    Query(String),
    Suggest(String, String),
    Facets,
    Build,
    Serve,
    Template,
    Place(Option<PathBuf>),
}

struct Options {
    seeds: PathBuf,
    out: PathBuf,
    port: u16,
    template: Option<PathBuf>,
    pack: Option<PathBuf>,
}

fn parse_args(args: &[String]) -> Result<(Command, Options), String> {
    let seeds = std::env::var_os("LOUPE_SEEDS").map_or_else(|| PathBuf::from("seeds"), PathBuf::from);
    let mut options = Options { seeds, out: PathBuf::from("dist"), port: 8080, template: None, pack: None };
    let mut positional = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let arg = args[i].as_str();
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(value.to_string())),
            _ => (arg, None),
        };
        let mut value = || -> Result<String, String> {
            if let Some(v) = inline.clone() {
                return Ok(v);
            }
            i += 1;
            args.get(i).cloned().ok_or(format!("{name} needs a value"))
        };
        match name {
            "--seeds" => options.seeds = value()?.into(),
            "--out" => options.out = value()?.into(),
            "--template" => options.template = Some(value()?.into()),
            "--pack" => options.pack = Some(value()?.into()),
            "--port" => options.port = value()?.parse().map_err(|_| "--port needs a number from 0 to 65535")?,
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
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
        [c] if c == "facets" => Command::Facets,
        [c] if c == "build" => Command::Build,
        [c] if c == "serve" => Command::Serve,
        [c] if c == "template" => Command::Template,
        [c] if c == "place" => Command::Place(None),
        [c, dir] if c == "place" => Command::Place(Some(dir.into())),
        [] => return Err("a command is needed".into()),
        other => return Err(format!("unknown arguments: {}", other.join(" "))),
    };
    Ok((command, options))
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (command, options) = match parse_args(&args) {
        Ok(parsed) => parsed,
        Err(why) if why.is_empty() => {
            print(USAGE);
            return ExitCode::SUCCESS;
        }
        Err(why) => {
            note(&format!("loupe: {why}\n\n{USAGE}"));
            return ExitCode::from(2);
        }
    };
    match command {
        Command::Build => build(&options),
        Command::Serve => serve(&options),
        Command::Template => template(&options),
        Command::Place(dir) => place(dir, &options.seeds),
        Command::Check => check(&compile_dir(&options.seeds), &options.seeds),
        Command::Export => {
            let compiled = compile_dir(&options.seeds);
            with_corpus(&compiled, || print_json(&Export::new(&compiled.corpus)))
        }
        Command::Query(q) => {
            let compiled = compile_dir(&options.seeds);
            with_corpus(&compiled, || print_json(&api::query(&compiled.corpus, &q)))
        }
        Command::Suggest(text, q) => {
            let compiled = compile_dir(&options.seeds);
            with_corpus(&compiled, || print_json(&api::suggest(&compiled.corpus, &text, &q)))
        }
        Command::Facets => {
            let compiled = compile_dir(&options.seeds);
            with_corpus(&compiled, || print_json(&api::facets(&compiled.corpus)))
        }
    }
}

/// Prints to stdout; a closed pipe (`loupe export | head`) ends the command quietly.
fn print(text: &str) {
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
    }
}

/// A line on stderr (diagnostics, progress); a closed stderr loses it, nothing else.
fn note(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// Status 2 with the message: what bad input ends with.
fn fail(e: &site::Error) -> ExitCode {
    note(&format!("loupe: {e}"));
    ExitCode::from(2)
}

fn locate_template(options: &Options) -> Result<Template, site::Error> {
    let template = Template::locate(options.template.as_deref(), &mut |progress| note(&format!("loupe: {progress}")))?;
    Ok(Template { prerender: Some(prerender), ..template })
}

/// The app's default view over an encoded corpus, as HTML: the page a site opens with before its
/// wasm has run.
fn prerender(corpus: &[u8]) -> Result<String, String> {
    loupe_app::prerender(corpus).map_err(|e| e.to_string())
}

fn build(options: &Options) -> ExitCode {
    let started = Instant::now();
    let template = match locate_template(options) {
        Ok(template) => template,
        Err(e) => return fail(&e),
    };
    let (compiled, files) = site::from_seeds(&template, &options.seeds);
    for d in &compiled.diagnostics {
        note(&d.to_string());
    }
    let files = files.map(|mut files| {
        site::compress::add_copies(&mut files);
        files
    });
    let files = match files.and_then(|files| site::write(&files, &options.out).map(|()| files)) {
        Ok(files) => files,
        Err(e) => return fail(&e),
    };
    let bytes: usize = files.values().map(Vec::len).sum();
    note(&format!(
        "loupe: wrote {} ({} documents, {} passages; {} files, {:.1} MB) in {:.2} s",
        options.out.display(),
        compiled.corpus.documents.len(),
        compiled.corpus.passages.len(),
        files.len(),
        bytes as f64 / 1_048_576.0,
        started.elapsed().as_secs_f64()
    ));
    if compiled.has_errors() {
        note("loupe: the seeds have errors (above); the documents without errors were built");
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}

fn serve(options: &Options) -> ExitCode {
    let result = locate_template(options).and_then(|template| site::serve::run(template, &options.seeds, options.port, &|line| note(line)));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e),
    }
}

fn template(options: &Options) -> ExitCode {
    let template = match locate_template(options) {
        Ok(template) => template,
        Err(e) => return fail(&e),
    };
    note(&format!("loupe: the app template is {}", template.origin));
    let Some(pack) = &options.pack else { return ExitCode::SUCCESS };
    let staging = pack.with_extension("loupe-new");
    let written = std::fs::write(&staging, template.to_pack()).and_then(|()| std::fs::rename(&staging, pack));
    match written {
        Ok(()) => {
            note(&format!("loupe: wrote {}", pack.display()));
            ExitCode::SUCCESS
        }
        Err(e) => fail(&site::Error::Io(pack.clone(), e)),
    }
}

fn place(dir: Option<PathBuf>, seeds: &Path) -> ExitCode {
    let Some(dir) = dir.or_else(|| std::env::var_os("TRUNK_STAGING_DIR").map(PathBuf::from)) else {
        note("loupe: place needs a folder (or $TRUNK_STAGING_DIR, as Trunk's hook sets it)");
        return ExitCode::from(2);
    };
    let template = match Template::from_dir(&dir) {
        Ok(template) => Template { prerender: Some(prerender), ..template },
        Err(e) => return fail(&e),
    };
    let (compiled, files) = site::from_seeds(&template, seeds);
    for d in &compiled.diagnostics {
        note(&d.to_string());
    }
    let files = files.map(|mut files| {
        site::compress::add_copies(&mut files);
        files
    });
    match files.and_then(|files| site::rewrite(&dir, &template, &files)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&e),
    }
}

fn check(compiled: &Compiled, seeds: &std::path::Path) -> ExitCode {
    let mut report: String = compiled.diagnostics.iter().map(|d| format!("{d}\n")).collect();
    let corpus = &compiled.corpus;
    let errors = compiled.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = compiled.diagnostics.len() - errors;
    report += &format!(
        "{} documents, {} sections, {} passages, {} themes, {} entities; {errors} errors, {warnings} warnings\n",
        corpus.documents.len(),
        corpus.sections.len(),
        corpus.passages.len(),
        corpus.themes.len(),
        corpus.entities.len()
    );
    let themes_file = seeds.join(vocab::THEMES_FILE);
    let themes = std::fs::read_to_string(&themes_file).ok().and_then(|t| vocab::read_themes_leaving_out_bad_rules(&t, vocab::THEMES_FILE).ok());
    if let Some((themes, _)) = themes {
        let collisions = stem_collisions(&themes, corpus.passages.iter().map(|p| p.text.as_ref()));
        if !collisions.is_empty() {
            report += "stem collisions (pin a cue with `exact = true` or guard it with `unless` if a form misleads):\n";
        }
        for c in collisions {
            report += &format!("{}: {} cue `{}` also matches: {}\n", themes_file.display(), c.theme, c.cue, c.forms.join(", "));
        }
    }
    print(&report);
    if errors > 0 { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}

/// Reports diagnostics on stderr and runs `output` unless nothing could be compiled.
fn with_corpus(compiled: &Compiled, output: impl FnOnce()) -> ExitCode {
    for d in &compiled.diagnostics {
        note(&d.to_string());
    }
    if compiled.corpus.themes.is_empty() && compiled.has_errors() {
        note("loupe: nothing could be compiled");
        return ExitCode::FAILURE;
    }
    output();
    ExitCode::SUCCESS
}

fn print_json(value: &impl serde::Serialize) {
    print(&format!("{}\n", serde_json::to_string_pretty(value).expect("corpus JSON always serialises")));
}
