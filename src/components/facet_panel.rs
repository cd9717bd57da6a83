//! The facet panel: one group per facet (themes, dates, people, organisations, places, voices,
//! sections, documents), each value with its live count.

use leptos::prelude::*;
use loupe_corpus::model::EntityKind;
use loupe_corpus::query::Facet;

use crate::components::date_histogram::DateHistogram;
use crate::components::facet_group::{FacetGroup, FacetOption};
use crate::state::corpus;

/// The values of `facet` that `keep` accepts, labelled as the group shows them.
fn options(facet: Facet, keep: impl Fn(u32) -> bool) -> Vec<FacetOption> {
    let c = corpus();
    facet.values(c).filter(|&v| keep(v)).map(|v| FacetOption::new(facet, v)).collect()
}

#[component]
pub fn FacetPanel() -> impl IntoView {
    let c = corpus();
    let themes = options(Facet::Theme, |_| true).into_iter().map(|o| {
        let colour = c.themes[o.index as usize].colour.clone();
        o.with_colour(colour)
    });
    let entities_of = |kind: EntityKind| options(Facet::Entity, move |v| c.entities[v as usize].kind == kind);
    let several_documents = c.documents.len() > 1;
    view! {
        <FacetGroup legend="Themes" slug="theme" options=themes.collect() ranked=false />
        <DateHistogram />
        <FacetGroup legend="People" slug="person" options=entities_of(EntityKind::Person) ranked=true />
        <FacetGroup legend="Organisations" slug="organisation" options=entities_of(EntityKind::Organisation) ranked=true />
        <FacetGroup legend="Places" slug="place" options=entities_of(EntityKind::Place) ranked=true />
        <FacetGroup legend="Other names" slug="other" options=entities_of(EntityKind::Other) ranked=true />
        <FacetGroup legend="Voices (quoted)" slug="voice" options=options(Facet::Voice, |_| true) ranked=true />
        <FacetGroup legend="Sections" slug="section" options=options(Facet::Section, |_| true) ranked=false />
        <Show when=move || several_documents>
            <FacetGroup legend="Documents" slug="document" options=options(Facet::Document, |_| true) ranked=false />
        </Show>
    }
}
