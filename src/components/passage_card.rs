//! One passage: its text with the active themes' evidence highlighted (or subtle theme chips),
//! its section and document, its entities, and a link to it in context.

use leptos::prelude::*;
use loupe_corpus::highlight::snippet;
use loupe_corpus::model::Span;
use loupe_corpus::text::words;
use loupe_corpus::query::Facet;

use crate::app::View;
use crate::state::corpus;

/// The highlight tag of search matches (theme evidence uses theme positions).
const SEARCH_MARK: u32 = u32::MAX;
/// Words shown of a passage that matches a search; longer passages are trimmed around the match.
const SNIPPET_WORDS: usize = 80;

#[component]
pub fn PassageCard(passage: u32) -> impl IntoView {
    let view = expect_context::<View>();
    let c = corpus();
    let p = &c.passages[passage as usize];
    let section = &c.sections[p.section as usize];
    let document = &c.documents[p.document as usize];
    let active_themes = Memo::new(move |_| {
        view.query.with(|q| q.values(Facet::Theme).iter().filter_map(|id| c.theme_index(id)).collect::<Vec<u32>>())
    });
    let text = move || {
        let active = active_themes.get();
        let matched: Vec<Span> = view.matched_words.with(|m| {
            let positions = m.get(&passage).cloned().unwrap_or_default();
            words(&p.text).enumerate().filter(|(i, _)| positions.contains(&(*i as u32))).map(|(_, w)| w.span()).collect()
        });
        let marks: Vec<(Span, u32)> = matched
            .iter()
            .map(|s| (*s, SEARCH_MARK))
            .chain(
                p.themes
                    .iter()
                    .filter(|hit| active.contains(&hit.theme))
                    .flat_map(|hit| hit.evidence.iter().flat_map(move |e| e.spans.iter().map(move |s| (*s, hit.theme)))),
            )
            .collect();
        let max_words = if matched.is_empty() { 0 } else { SNIPPET_WORDS };
        let cut = snippet(&p.text, &marks, &matched, max_words);
        let runs = cut.runs.into_iter().map(|run| match run.mark {
            Some(SEARCH_MARK) => view! { <mark class="match">{run.text}</mark> }.into_any(),
            Some(theme) => {
                let t = &c.themes[theme as usize];
                view! {
                    <mark class="evidence" style=format!("--theme:{}", t.colour) title=t.label.clone()>{run.text}</mark>
                }
                .into_any()
            }
            None => run.text.into_any(),
        });
        (cut.cut_before.then_some("… "), runs.collect_view(), cut.cut_after.then_some(" …"))
    };
    let chips = p
        .themes
        .iter()
        .map(|hit| {
            let t = &c.themes[hit.theme as usize];
            let why: Vec<&str> = hit.evidence.iter().map(|e| e.text.as_str()).collect();
            view! {
                <li class="theme-chip" style=format!("--theme:{}", t.colour) title=format!("Why: {}", why.join(", "))>{t.label.clone()}</li>
            }
        })
        .collect_view();
    let entities = p
        .entities
        .iter()
        .map(|&e| {
            let entity = &c.entities[e as usize];
            let quoted = p.voices.contains(&e);
            view! { <li class="entity" class:voice=quoted data-kind=entity.kind.as_str()>{entity.name.clone()}{quoted.then_some(" (quoted)")}</li> }
        })
        .collect_view();
    let context_href = format!("?#{}", p.id);
    view! {
        <li class="passage" id=p.id.clone() data-passage=p.id.clone() data-testid="passage">
            <p class="passage-where">
                <span class="section">{section.heading.clone()}</span>
                <span class="document">{format!(" · {} · line {}", document.title, p.line)}</span>
            </p>
            <p class="passage-text">{text}</p>
            <ul class="theme-chips" aria-label="Themes">{chips}</ul>
            <ul class="entities" aria-label="Named">{entities}</ul>
            <a class="in-context" href=context_href aria-label=format!("Show passage {} in context", p.id)>"In context ↗"</a>
        </li>
    }
}
