//! One passage in the list: its text (highlighted), section and document, themes with their
//! evidence, entities, a link to it in the reading view, and "Copy citation".

use leptos::prelude::*;
use loupe_corpus::views::citation;

use crate::app::View;
use crate::components::passage_text::PassageText;
use crate::state::{self, corpus};

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
    let copied = RwSignal::new(false);
    let copy_citation = move |_| {
        let link = state::absolute_url(&untrack(|| view.reading_url(&p.id)));
        let text = citation(c, passage, &link);
        leptos::task::spawn_local(async move { copied.set(state::copy_text(&text).await) });
    };
    view! {
        <li class="passage" id=p.id.clone() data-passage=p.id.clone() data-testid="passage">
            <p class="passage-where">
                <span class="section">{section.heading.clone()}</span>
                <span class="document">{format!(" · {} · line {}", document.title, p.line)}</span>
            </p>
            <p class="passage-text"><PassageText passage trim=true /></p>
            <ul class="theme-chips" aria-label="Themes">{chips}</ul>
            <ul class="entities" aria-label="Named">{entities}</ul>
            <div class="passage-actions">
                <a
                    class="in-context"
                    href=move || view.reading_url(&p.id)
                    aria-label=format!("Read passage {} in context", p.id)
                    on:click=move |ev| view.follow_reading_link(&ev, &p.id)
                >
                    "In context ↗"
                </a>
                <button class="copy-citation" data-testid="copy-citation" on:click=copy_citation>
                    {move || if copied.get() { "Citation copied" } else { "Copy citation" }}
                </button>
            </div>
        </li>
    }
}
