//! One passage in the list: its text (highlighted), section and document, themes and names
//! that add their filter, why it carries each theme, a link to it in the reading view, and
//! "Copy citation". The filter buttons and the link carry what they do as data, and one
//! listener on the list acts on their clicks ([`follow_card_click`]): a card is built and
//! dropped with no listener of its own but its copy button.

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use loupe_corpus::query::Facet;
use loupe_corpus::views::citation;
use wasm_bindgen::JsCast;
use web_sys::Element;

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
    let chips = p
        .themes
        .iter()
        .map(|hit| {
            let t = &c.themes[hit.theme as usize];
            view! {
                <li>
                    <button class="theme-chip" style=format!("--theme:{}", t.colour) aria-label=format!("Filter by theme: {}", t.label) data-filter=Facet::Theme.key() data-value=Facet::Theme.id(c, hit.theme).to_string()>
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
                    <button class="entity-name" aria-label=format!("Filter by {}: {}", entity.kind.noun().to_ascii_lowercase(), entity.name) data-filter=Facet::Entity.key() data-value=Facet::Entity.id(c, e).to_string()>
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
                    data-read=p.id.clone()
                >
                    "In context ↗"
                </a>
                <CopyButton label="Copy citation" copied="Citation copied" testid="copy-citation" text=citation_text />
            </div>
        </li>
    }
}

/// A click in the list of cards: a card's theme or name adds its filter, and its "In context"
/// link opens the passage in the reading view (unless the reader asked for a new tab).
pub fn follow_card_click(view: View, event: &MouseEvent) {
    let Some(target) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    if let Ok(Some(button)) = target.closest("button[data-filter]") {
        let facet = button.get_attribute("data-filter").and_then(|key| Facet::from_key(&key));
        if let (Some(facet), Some(value)) = (facet, button.get_attribute("data-value")) {
            view.update(|q| q.add(facet, &value));
        }
    } else if let Ok(Some(link)) = target.closest("a[data-read]") {
        if let Some(id) = link.get_attribute("data-read") {
            view.follow_reading_link(event, &id);
        }
    }
}
