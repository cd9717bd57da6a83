//! The active filters as "Remove filter" chips, with "Clear all".

use leptos::prelude::*;
use loupe_corpus::query::{value_index, Facet, Query};

use crate::app::View;
use crate::state::corpus;

/// The label a reader knows a filter value by.
pub fn filter_label(facet: Facet, id: &str) -> String {
    let c = corpus();
    let Some(i) = value_index(c, facet, id).map(|i| i as usize) else { return id.to_string() };
    match facet {
        Facet::Theme => c.themes[i].label.clone(),
        Facet::Entity => c.entities[i].name.clone(),
        Facet::Voice => format!("quoted: {}", c.entities[i].name),
        Facet::Section => c.sections[i].heading.clone(),
        Facet::Document => c.documents[i].title.clone(),
    }
}

#[component]
pub fn ActiveFilters() -> impl IntoView {
    let view = expect_context::<View>();
    let chips = move || {
        view.query.with(|q| q.pairs().map(|(f, v)| (f, v.to_string())).collect::<Vec<_>>())
    };
    view! {
        <Show when=move || !view.query.with(Query::is_empty)>
            <div class="active-filters" data-testid="active-filters">
                <ul>
                    <Show when=move || view.query.with(|q| !q.text.trim().is_empty())>
                        <li>
                            <button
                                class="chip"
                                data-testid="search-chip"
                                aria-label=move || view.query.with(|q| format!("Remove filter: search “{}”", q.text.trim()))
                                on:click=move |_| view.update(|q| q.text.clear())
                            >
                                <span>{move || view.query.with(|q| format!("“{}”", q.text.trim()))}</span>
                                <span aria-hidden="true">" ×"</span>
                            </button>
                        </li>
                    </Show>
                    <For each=chips key=|(f, v)| (f.key(), v.clone()) let:((facet, value))>
                        <li>
                            <button
                                class="chip"
                                data-facet=facet.key()
                                data-value=value.clone()
                                aria-label=format!("Remove filter: {}", filter_label(facet, &value))
                                on:click={
                                    let value = value.clone();
                                    move |_| view.update(|q| q.remove(facet, &value))
                                }
                            >
                                <span>{filter_label(facet, &value)}</span>
                                <span aria-hidden="true">" ×"</span>
                            </button>
                        </li>
                    </For>
                </ul>
                <button class="clear-all" data-testid="clear-all" on:click=move |_| view.update(|q| *q = q.cleared())>
                    "Clear all"
                </button>
            </div>
        </Show>
    }
}
