//! One passage in the list: its text (highlighted), section and document, themes and names
//! that add their filter, why it carries each theme, a link to it in the reading view, and
//! "Copy citation". The filter buttons and the link carry what they do as data, and one
//! listener on the list acts on their clicks ([`follow_card_click`]): a card is built and
//! dropped with no listener of its own but its copy button.

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use loupe_corpus::model::{Corpus, Passage};
use loupe_corpus::query::Facet;
use loupe_corpus::views::citation;
use wasm_bindgen::JsCast;
use web_sys::Element;

use crate::components::copy_button::CopyButton;
use crate::components::passage_text::PassageText;
use crate::markup::Markup;
use crate::state::{self, corpus};
use crate::view::View;

#[component]
pub fn PassageCard(passage: u32) -> impl IntoView {
    let view = expect_context::<View>();
    let c = corpus();
    let p = &c.passages[passage as usize];
    let citation_text = Callback::new(move |()| citation(c, passage, &state::absolute_url(&untrack(|| view.reading_url(&p.id)))));
    view! {
        <li class="passage" id=p.id.clone() data-passage=p.id.clone() data-testid="passage" tabindex="-1">
            {place(c, p)}
            <PassageText passage trim=true element=Markup::new("p").attr("class", "passage-text") />
            {theme_chips(c, p)}
            {names(c, p)}
            {why_these_themes(c, p)}
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

/// Where the passage is: its section, document and line.
fn place(c: &Corpus, p: &Passage) -> Markup {
    let section = &c.sections[p.section as usize];
    let document = &c.documents[p.document as usize];
    Markup::new("p")
        .attr("class", "passage-where")
        .child(Markup::new("span").attr("class", "section").text(section.heading.as_str()))
        .child(Markup::new("span").attr("class", "document").text(format!(" · {} · line {}", document.title, p.line)))
}

/// The passage's themes, each a button that adds its filter.
fn theme_chips(c: &Corpus, p: &Passage) -> Markup {
    let chips = p.themes.iter().map(|hit| {
        let t = &c.themes[hit.theme as usize];
        let chip = Markup::new("button")
            .attr("class", "theme-chip")
            .attr("style", format!("--theme:{}", t.colour))
            .attr("aria-label", format!("Filter by theme: {}", t.label))
            .attr("data-filter", Facet::Theme.key())
            .attr("data-value", Facet::Theme.id(c, hit.theme))
            .text(t.label.as_str());
        Markup::new("li").child(chip)
    });
    Markup::new("ul").attr("class", "theme-chips").attr("aria-label", "Themes").children(chips)
}

/// The people, organisations and places the passage names, each a button that adds its filter;
/// those quoted are marked.
fn names(c: &Corpus, p: &Passage) -> Markup {
    let names = p.entities.iter().map(|&e| {
        let entity = &c.entities[e as usize];
        let quoted = p.voices.contains(&e);
        let name = Markup::new("button")
            .attr("class", "entity-name")
            .attr("aria-label", format!("Filter by {}: {}", entity.kind.noun().to_ascii_lowercase(), entity.name))
            .attr("data-filter", Facet::Entity.key())
            .attr("data-value", Facet::Entity.id(c, e))
            .text(entity.name.as_str());
        let item = Markup::new("li").attr("class", if quoted { "entity voice" } else { "entity" }).attr("data-kind", entity.kind.as_str());
        item.child(name).text(if quoted { " (quoted)" } else { "" })
    });
    Markup::new("ul").attr("class", "entities").attr("aria-label", "Named").children(names)
}

/// Why the passage carries each theme: the evidence, its rule and weight (none without themes).
fn why_these_themes(c: &Corpus, p: &Passage) -> Option<Markup> {
    let reasons = p.themes.iter().map(|hit| {
        let why: Vec<String> = hit.evidence.iter().map(|e| format!("“{}” ({}, weight {})", e.text, e.rule, e.weight)).collect();
        Markup::new("li").child(Markup::new("strong").text(c.themes[hit.theme as usize].label.as_str())).text(format!(": {}", why.join("; ")))
    });
    (!p.themes.is_empty()).then(|| {
        Markup::new("details")
            .attr("class", "why")
            .child(Markup::new("summary").text("Why these themes?"))
            .child(Markup::new("ul").children(reasons))
    })
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
