//! The facet panel: one group per facet (themes, people, organisations, places, voices,
//! sections, documents), each value with its live count.

use leptos::prelude::*;
use loupe_corpus::model::EntityKind;
use loupe_corpus::query::{is_facet_value, Facet};

use crate::components::facet_group::{FacetGroup, FacetOption};
use crate::state::corpus;

#[component]
pub fn FacetPanel() -> impl IntoView {
    let c = corpus();
    let themes = (0..c.themes.len() as u32)
        .map(|i| FacetOption::new(Facet::Theme, i, c.themes[i as usize].label.clone()).with_colour(&c.themes[i as usize].colour))
        .collect::<Vec<_>>();
    let entities_of = |kind: EntityKind| {
        (0..c.entities.len() as u32)
            .filter(|&i| c.entities[i as usize].kind == kind)
            .map(|i| FacetOption::new(Facet::Entity, i, c.entities[i as usize].name.clone()))
            .collect::<Vec<_>>()
    };
    let voices = (0..c.entities.len() as u32)
        .filter(|&i| is_facet_value(c, Facet::Voice, i))
        .map(|i| FacetOption::new(Facet::Voice, i, c.entities[i as usize].name.clone()))
        .collect::<Vec<_>>();
    let several_documents = c.documents.len() > 1;
    let sections = (0..c.sections.len() as u32)
        .map(|i| {
            let section = &c.sections[i as usize];
            let label = if several_documents {
                format!("{} — {}", c.documents[section.document as usize].title, section.heading)
            } else {
                section.heading.clone()
            };
            FacetOption::new(Facet::Section, i, label)
        })
        .collect::<Vec<_>>();
    let documents = (0..c.documents.len() as u32)
        .map(|i| FacetOption::new(Facet::Document, i, c.documents[i as usize].title.clone()))
        .collect::<Vec<_>>();
    view! {
        <FacetGroup legend="Themes" slug="theme" options=themes ranked=false />
        <FacetGroup legend="People" slug="person" options=entities_of(EntityKind::Person) ranked=true />
        <FacetGroup legend="Organisations" slug="organisation" options=entities_of(EntityKind::Organisation) ranked=true />
        <FacetGroup legend="Places" slug="place" options=entities_of(EntityKind::Place) ranked=true />
        <FacetGroup legend="Other names" slug="other" options=entities_of(EntityKind::Other) ranked=true />
        <FacetGroup legend="Voices (quoted)" slug="voice" options=voices ranked=true />
        <FacetGroup legend="Sections" slug="section" options=sections ranked=false />
        <Show when=move || several_documents>
            <FacetGroup legend="Documents" slug="document" options=documents.clone() ranked=false />
        </Show>
    }
}
