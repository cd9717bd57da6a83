//! One passage: its text with the active themes' evidence highlighted (or subtle theme chips),
//! its section and document, its entities, and a link to it in context.

use leptos::prelude::*;
use loupe_corpus::highlight::runs;
use loupe_corpus::model::Span;
use loupe_corpus::query::Facet;

use crate::app::View;
use crate::state::corpus;

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
        let marks: Vec<(Span, u32)> = p
            .themes
            .iter()
            .filter(|hit| active.contains(&hit.theme))
            .flat_map(|hit| hit.evidence.iter().flat_map(move |e| e.spans.iter().map(move |s| (*s, hit.theme))))
            .collect();
        runs(&p.text, &marks)
            .into_iter()
            .map(|run| match run.mark {
                Some(theme) => {
                    let t = &c.themes[theme as usize];
                    view! {
                        <mark class="evidence" style=format!("--theme:{}", t.colour) title=t.label.clone()>{run.text}</mark>
                    }
                    .into_any()
                }
                None => run.text.into_any(),
            })
            .collect_view()
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
