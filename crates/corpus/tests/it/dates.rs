//! Dates, one test per rule, each a table: reading dates (the URL's partial dates, sidecars and
//! text), the errors of bad sidecar dates (`loupe check`'s own test is the command's), the range filter, undated documents, the
//! histogram's counts against a brute-force oracle, the timeline's scale, trends and exports.
//! The corpus is `tests/corpus/dated`: five articles dated 2022-05-10 (dateline), 2023-01-31
//! (sidecar string), 2023-02-01 (sidecar TOML date), 2024-12-31 (text) and one undated.

use loupe_corpus::compile::{compile_files, SeedFile};
use loupe_corpus::dates::{Bound, Day, Scale, Timeline};
use loupe_corpus::model::{Corpus, Document};
use loupe_corpus::query::{evaluate, Query, QueryResult};
use loupe_corpus::views::{citation, export_rows, to_csv, trends};

use crate::{compile_dir, load, repo_root};

fn dated() -> &'static Corpus {
    let compiled = compile_dir(&repo_root().join("tests/corpus/dated"));
    assert!(!compiled.has_errors(), "{:?}", compiled.diagnostics);
    &compiled.corpus
}

/// The documents (by file stem) a query's passages come from, in corpus order.
fn documents_of(corpus: &Corpus, query: &str) -> Vec<String> {
    let mut stems: Vec<String> = evaluate(corpus, &Query::parse(query))
        .passages
        .iter()
        .map(|&p| corpus.documents[corpus.passages[p as usize].document as usize].source_file.trim_end_matches(".txt").to_string())
        .collect();
    stems.sort();
    stems.dedup();
    stems
}

/// A URL date as written, and its first day, last day and canonical key (`None`: malformed).
type DateRow<'a> = (&'a str, Option<(&'a str, &'a str, &'a str)>);

#[test]
fn url_dates_are_years_months_or_days_and_partial_ones_expand_to_their_period() {
    // (written, first day, last day, canonical key); `None`: malformed, ignored.
    let table: &[DateRow] = &[
        ("2023", Some(("2023-01-01", "2023-12-31", "2023"))),
        ("2023-02", Some(("2023-02-01", "2023-02-28", "2023-02"))),
        ("2024-02", Some(("2024-02-01", "2024-02-29", "2024-02"))),
        ("2023-04", Some(("2023-04-01", "2023-04-30", "2023-04"))),
        ("2023-02-24", Some(("2023-02-24", "2023-02-24", "2023-02-24"))),
        (" 2023-12 ", Some(("2023-12-01", "2023-12-31", "2023-12"))),
        ("2024-02-29", Some(("2024-02-29", "2024-02-29", "2024-02-29"))),
        ("2023-02-29", None),
        ("2023-13", None),
        ("2023-00", None),
        ("2023-2", None),
        ("23", None),
        ("0000", None),
        ("2023-02-24T10:00", None),
        ("2023-02-", None),
        ("24/02/2023", None),
        ("", None),
        ("yesterday", None),
    ];
    for (written, expected) in table {
        let got = Bound::parse(written).map(|b| (b.first().iso(), b.last().iso(), b.key()));
        let expected = expected.map(|(f, l, k)| (f.to_string(), l.to_string(), k.to_string()));
        assert_eq!(got, expected, "{written:?}");
    }
}

#[test]
fn dates_in_the_text_must_be_calendar_dates() {
    let table: &[(&str, Option<&str>)] = &[
        ("24th February 2023 – One year on", Some("2023-02-24")),
        ("Published March 3, 2024. Text", Some("2024-03-03")),
        ("Dated 2021-11-05 by the desk", Some("2021-11-05")),
        ("29 February 2024 – a leap day", Some("2024-02-29")),
        ("31 February 2023 – no such day", None),
        ("Dated 2023-02-30 by mistake", None),
        ("In May the talks resumed.", None),
    ];
    for (text, expected) in table {
        assert_eq!(loupe_corpus::parse::find_date(text).as_deref(), *expected, "{text:?}");
    }
}

/// Compiles one article with a sidecar whose lines are `sidecar`.
fn with_sidecar(sidecar: &str) -> loupe_corpus::compile::Compiled {
    let mut files = load(&repo_root().join("tests/corpus/dated"));
    files.retain(|f| f.name == "themes.toml" || f.name == "entities.toml");
    files.push(SeedFile { name: "x.txt".into(), bytes: b"A Title Here\n\n1 March 2020 - Trade and tariffs grew.\n".to_vec() });
    files.push(SeedFile { name: "x.toml".into(), bytes: sidecar.as_bytes().to_vec() });
    compile_files(&files)
}

#[test]
fn bad_sidecar_dates_are_errors_naming_file_and_line() {
    // (sidecar, the error shown (`None`: accepted), the document's date).
    let table: &[(&str, Option<&str>, &str)] = &[
        ("date = \"2023-02-24\"\n", None, "2023-02-24"),
        ("date = 2023-02-24\n", None, "2023-02-24"),
        ("title = \"T\"\ndate = \"2024-02-29\"\n", None, "2024-02-29"),
        ("title = \"T\"\ndate = \"2023-02-30\"\n", Some("x.toml:2: error: date \"2023-02-30\" is not a calendar date"), "2020-03-01"),
        ("date = \"2023-13-01\"\n", Some("x.toml:1: error: date \"2023-13-01\" is not a calendar date"), "2020-03-01"),
        ("# dated\n\ndate = \"24/02/2023\"\n", Some("x.toml:3: error: date \"24/02/2023\" is not a calendar date"), "2020-03-01"),
        ("date = \"2023\"\n", Some("x.toml:1: error: date \"2023\" is not a calendar date"), "2020-03-01"),
        ("date = 2023\n", Some("x.toml:1: error: date \"2023\" is not a calendar date"), "2020-03-01"),
        ("date = 2023-02-24T10:00:00Z\n", Some("x.toml:1: error: date \"2023-02-24T10:00:00Z\" is not a calendar date"), "2020-03-01"),
    ];
    for (sidecar, error, date) in table {
        let compiled = with_sidecar(sidecar);
        let shown: Vec<String> = compiled.diagnostics.iter().map(ToString::to_string).collect();
        match error {
            None => assert!(shown.is_empty(), "{sidecar:?}: {shown:?}"),
            Some(error) => {
                assert_eq!(shown.len(), 1, "{sidecar:?}: {shown:?}");
                assert!(shown[0].starts_with(error), "{sidecar:?}: {}", shown[0]);
                assert!(shown[0].contains("YYYY-MM-DD"), "the message says how to write it: {}", shown[0]);
            }
        }
        assert_eq!(compiled.corpus.documents[0].date, *date, "{sidecar:?}: a bad date falls back to the text's");
    }
}

#[test]
fn every_document_has_its_date_from_the_sidecar_or_the_text() {
    let corpus = dated();
    let dates: Vec<(&str, &str)> = corpus.documents.iter().map(|Document { source_file, date, .. }| (source_file.as_str(), date.as_str())).collect();
    assert_eq!(
        dates,
        [("a-2022.txt", "2022-05-10"), ("b-2023.txt", "2023-01-31"), ("c-2023.txt", "2023-02-01"), ("d-2024.txt", "2024-12-31"), ("e-undated.txt", "")]
    );
}

#[test]
fn a_range_keeps_the_documents_dated_inside_it_inclusive() {
    let corpus = dated();
    let table: &[(&str, &[&str])] = &[
        ("", &["a-2022", "b-2023", "c-2023", "d-2024", "e-undated"]),
        ("from=2023", &["b-2023", "c-2023", "d-2024"]),
        ("to=2023", &["a-2022", "b-2023", "c-2023"]),
        ("from=2023&to=2023", &["b-2023", "c-2023"]),
        ("from=2023-01&to=2023-01", &["b-2023"]),
        ("from=2023-02", &["c-2023", "d-2024"]),
        ("to=2023-01-31", &["a-2022", "b-2023"]),
        ("from=2023-01-31&to=2023-02-01", &["b-2023", "c-2023"]),
        ("from=2024-12-31", &["d-2024"]),
        ("from=2025", &[]),
        ("to=2022-05-09", &[]),
        ("from=2022-05-10&to=2022-05-10", &["a-2022"]),
        // Backwards: read forwards.
        ("from=2024&to=2022", &["a-2022", "b-2023", "c-2023", "d-2024"]),
        // Combined with a facet and the search.
        ("to=2023-01&theme=energy", &["a-2022", "b-2023"]),
        ("q=tariff&to=2023", &["b-2023"]),
    ];
    for (query, expected) in table {
        assert_eq!(documents_of(corpus, query), *expected, "{query}");
    }
}

#[test]
fn malformed_url_dates_are_ignored_and_the_url_says_what_was_read() {
    let corpus = dated();
    let table: &[(&str, &str)] = &[
        ("from=2023-02-30", ""),
        ("from=soon&to=2023", "to=2023"),
        ("to=2023&from=2024-02", "from=2023&to=2024-02"),
        ("from=2023-2", ""),
        ("undated=maybe", ""),
        ("undated=1&from=2023", "from=2023&undated=1"),
        ("theme=trade&from=%202023%20&view=trends", "theme=trade&from=2023&view=trends"),
        ("from=2022&from=2023", "from=2023"),
    ];
    for (query, canonical) in table {
        assert_eq!(Query::parse(query).known_only(corpus).to_query_string(), *canonical, "{query}");
    }
    assert_eq!(documents_of(corpus, "from=2023-02-30&theme=energy"), documents_of(corpus, "theme=energy"));
}

#[test]
fn undated_documents_are_kept_without_a_range_and_left_out_with_one() {
    let corpus = dated();
    let table: &[(&str, bool)] = &[
        ("", true),
        ("undated=1", true),
        ("undated=0", false),
        ("from=2022", false),
        ("to=2030", false),
        ("from=2022&undated=1", true),
        ("from=2022&undated=0", false),
        ("from=2030&undated=1", true),
    ];
    for (query, kept) in table {
        let documents = documents_of(corpus, query);
        assert_eq!(documents.contains(&"e-undated".to_string()), *kept, "{query}: {documents:?}");
    }
    assert_eq!(documents_of(corpus, "from=2030&undated=1"), ["e-undated"], "undated only");
}

#[test]
fn histogram_counts_apply_every_filter_but_the_dates() {
    let corpus = dated();
    let timeline = Timeline::new(corpus);
    for query in ["", "theme=trade", "from=2023", "from=2023&theme=energy", "q=oil&to=2022", "undated=0", "theme=trade&theme=energy&from=2024"] {
        let parsed = Query::parse(query);
        let evaluation = evaluate(corpus, &parsed).counts(corpus);
        let without_dates = evaluate(corpus, &Query { dates: Default::default(), ..parsed.clone() });
        for (i, period) in timeline.periods.iter().enumerate() {
            let direct = without_dates
                .passages
                .iter()
                .filter(|&&p| timeline.dates[corpus.passages[p as usize].document as usize].is_some_and(|d| period.contains(d)))
                .count() as u32;
            assert_eq!(evaluation.dates.periods[i], direct, "{query}: {}", period.key());
        }
        let undated = without_dates.passages.iter().filter(|&&p| timeline.dates[corpus.passages[p as usize].document as usize].is_none()).count() as u32;
        assert_eq!(evaluation.dates.undated, undated, "{query}: undated");
        // The facets' counts include the date filter, like any other filter.
        let themes = &evaluation.facets[&loupe_corpus::query::Facet::Theme];
        for (t, &count) in themes.iter().enumerate() {
            let mut with_theme = parsed.selection();
            with_theme.filters.retain(|(f, _)| *f != loupe_corpus::query::Facet::Theme);
            with_theme.add(loupe_corpus::query::Facet::Theme, &corpus.themes[t].id);
            assert_eq!(count as usize, evaluate(corpus, &with_theme).passages.len(), "{query}: theme {}", corpus.themes[t].id);
        }
    }
}

#[test]
fn loupe_query_lists_every_period_with_its_count() {
    let corpus = dated();
    let result = QueryResult::new(corpus, &evaluate(corpus, &Query::parse("theme=energy&from=2024")));
    let json = serde_json::to_value(&result.dates).unwrap();
    let passages_in = |stem: &str| corpus.passages.iter().filter(|p| corpus.documents[p.document as usize].source_file.starts_with(stem) && p.themes.iter().any(|h| corpus.themes[h.theme as usize].id == "energy")).count();
    assert_eq!(
        json,
        serde_json::json!({
            "scale": "year",
            "periods": {"2022": passages_in("a-"), "2023": passages_in("b-") + passages_in("c-"), "2024": passages_in("d-")},
            "undated": passages_in("e-"),
        })
    );
}

#[test]
fn the_scale_is_months_up_to_two_years_and_years_beyond() {
    let day = |s: &str| s.to_string();
    // (document dates, scale, periods).
    let table: &[(&[&str], Scale, &[&str])] = &[
        (&["2023-02-24"], Scale::Month, &["2023-02"]),
        (&["2023-02-24", "2023-02-24", ""], Scale::Month, &["2023-02"]),
        (&["2023-11-30", "2024-02-01"], Scale::Month, &["2023-11", "2023-12", "2024-01", "2024-02"]),
        (&["2022-01-01", "2023-12-31"], Scale::Month, &[]),
        (&["2022-01-01", "2024-01-01"], Scale::Year, &["2022", "2023", "2024"]),
        (&["2022-05-10", "2025-01-01", "2023-03-03"], Scale::Year, &["2022", "2023", "2024", "2025"]),
        (&["", ""], Scale::Month, &[]),
    ];
    for (dates, scale, periods) in table {
        let documents = dates.iter().map(|d| Document { id: d.to_string(), title: String::new(), date: day(d), source: String::new(), url: String::new(), source_file: String::new() }).collect();
        let corpus = Corpus::new(documents, Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let timeline = Timeline::new(&corpus);
        assert_eq!(timeline.scale, *scale, "{dates:?}");
        if !periods.is_empty() || dates.iter().all(|d| d.is_empty()) {
            assert_eq!(timeline.periods.iter().map(|p| p.key()).collect::<Vec<_>>(), *periods, "{dates:?}");
        } else {
            assert_eq!(timeline.periods.len(), 24, "{dates:?}: two years of months");
        }
        let single = dates.iter().filter(|d| !d.is_empty()).collect::<std::collections::BTreeSet<_>>();
        assert_eq!(timeline.only_day().map(Day::iso), (single.len() == 1).then(|| single.iter().next().unwrap().to_string()), "{dates:?}");
    }
}

#[test]
fn trends_give_each_themes_share_of_a_periods_passages() {
    let corpus = dated();
    for query in ["", "theme=trade", "from=2023", "from=2023-01&to=2023-02", "q=oil"] {
        let parsed = Query::parse(query);
        let evaluation = evaluate(corpus, &parsed);
        let trends = trends(corpus, &evaluation.passages, &parsed.dates);
        for (i, period) in trends.timeline.periods.iter().enumerate() {
            let inside: Vec<u32> = evaluation
                .passages
                .iter()
                .copied()
                .filter(|&p| trends.timeline.dates[corpus.passages[p as usize].document as usize].is_some_and(|d| period.contains(d)))
                .collect();
            assert_eq!(trends.totals[i] as usize, inside.len(), "{query}: {}", period.key());
            for t in 0..corpus.themes.len() {
                let with = inside.iter().filter(|&&p| corpus.passages[p as usize].themes.iter().any(|h| h.theme as usize == t)).count();
                assert_eq!(trends.counts[i][t] as usize, with, "{query}: {} {}", period.key(), corpus.themes[t].id);
                let percent = (!inside.is_empty()).then(|| ((with * 100) as f64 / inside.len() as f64).round() as u32);
                assert_eq!(trends.percent(i, t), percent);
            }
        }
    }
    // A range narrows the periods, and their scale follows: one year in months.
    let parsed = Query::parse("from=2023&to=2023");
    let narrowed = trends(corpus, &evaluate(corpus, &parsed).passages, &parsed.dates);
    assert_eq!(narrowed.timeline.periods.iter().map(|p| p.key()).collect::<Vec<_>>(), ["2023-01", "2023-02"]);
    assert_eq!(trends(corpus, &evaluate(corpus, &Query::default()).passages, &Default::default()).undated, 1, "the undated passage is counted apart");
}

#[test]
fn exports_and_citations_carry_the_documents_date() {
    let corpus = dated();
    let all: Vec<u32> = (0..corpus.passages.len() as u32).collect();
    let rows = export_rows(corpus, &all);
    for row in &rows {
        let document = corpus.documents.iter().find(|d| d.id == row.document).unwrap();
        assert_eq!(row.date, document.date, "{}", row.id);
    }
    let csv = to_csv(&rows);
    assert!(csv.starts_with("id,document,date,section,line,text,themes,entities\r\n"), "{csv}");
    assert!(csv.lines().nth(1).unwrap().split(',').nth(2) == Some("2022-05-10"), "{csv}");
    let c = corpus.passages.iter().position(|p| corpus.documents[p.document as usize].date == "2023-02-01").unwrap();
    assert!(citation(corpus, c as u32, "L").contains(", Harbour Gazette, 2023-02-01, section"));
}
