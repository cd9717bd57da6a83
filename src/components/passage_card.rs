//! One passage in the list: its text (highlighted), section and document, themes and names
//! that add their filter, why it carries each theme, a link to it in the reading view, and
//! "Copy citation".

use leptos::prelude::*;
use loupe_corpus::query::Facet;
use loupe_corpus::views::citation;

use crate::components::copy_button::CopyButton;
use crate::components::passage_text::PassageText;
use crate::state::{self, corpus};
use crate::view::View;

#[component]
pub fn PassageCard(passage: u32) -> impl IntoView {
    let view = expect_context::<View>();
    let c = corpus();
    let p = &c.passages[passage as usize];
    let section = &c.sections[p.section as usize];
    let document = &c.documents[p.document as usize];
    let filter_button = move |facet: Facet, value: u32| {
        let id = facet.id(c, value);
        move |_| view.update(|q| q.add(facet, id))
    };
    let chips = p
        .themes
        .iter()
        .map(|hit| {
            let t = &c.themes[hit.theme as usize];
            view! {
                <li>
                    <button class="theme-chip" style=format!("--theme:{}", t.colour) aria-label=format!("Filter by theme: {}", t.label) on:click=filter_button(Facet::Theme, hit.theme)>
                        {t.label.clone()}
                    </button>
                </li>
            }
        })
        .collect_view();
    let reasons = p
        .themes
        .iter()
        .map(|hit| {
            let why: Vec<String> = hit.evidence.iter().map(|e| format!("“{}” ({}, weight {})", e.text, e.rule, e.weight)).collect();
            view! { <li><strong>{c.themes[hit.theme as usize].label.clone()}</strong>{format!(": {}", why.join("; "))}</li> }
        })
        .collect_view();
    let entities = p
        .entities
        .iter()
        .map(|&e| {
            let entity = &c.entities[e as usize];
            let quoted = p.voices.contains(&e);
            view! {
                <li class="entity" class:voice=quoted data-kind=entity.kind.as_str()>
                    <button class="entity-name" aria-label=format!("Filter by {}: {}", entity.kind.noun().to_ascii_lowercase(), entity.name) on:click=filter_button(Facet::Entity, e)>
                        {entity.name.clone()}
                    </button>
                    {quoted.then_some(" (quoted)")}
                </li>
            }
        })
        .collect_view();
    let citation_text = Callback::new(move |()| citation(c, passage, &state::absolute_url(&untrack(|| view.reading_url(&p.id)))));
    view! {
        <li class="passage" id=p.id.clone() data-passage=p.id.clone() data-testid="passage" tabindex="-1">
            <p class="passage-where">
                <span class="section">{section.heading.clone()}</span>
                <span class="document">{format!(" · {} · line {}", document.title, p.line)}</span>
            </p>
            <p class="passage-text"><PassageText passage trim=true /></p>
            <ul class="theme-chips" aria-label="Themes">{chips}</ul>
            <ul class="entities" aria-label="Named">{entities}</ul>
            {(!p.themes.is_empty()).then(|| view! {
                <details class="why">
                    <summary>"Why these themes?"</summary>
                    <ul>{reasons}</ul>
                </details>
            })}
            <div class="passage-actions">
                <a
                    class="in-context"
                    href=move || view.reading_url(&p.id)
                    aria-label=format!("Read passage {} in context", p.id)
                    on:click=move |ev| view.follow_reading_link(&ev, &p.id)
                >
                    "In context ↗"
                </a>
                <CopyButton label="Copy citation" copied="Citation copied" testid="copy-citation" text=citation_text />
            </div>
        </li>
    }
}
