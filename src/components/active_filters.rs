//! The active filters as "Remove filter" chips, in the order chosen, then the dates, with
//! "Clear all".

use leptos::prelude::*;
use loupe_corpus::dates::DateFilter;
use loupe_corpus::query::{Facet, Query};

use crate::state::corpus;
use crate::view::View;

/// The label a reader knows a filter value by (the id itself when the corpus does not know it).
fn filter_label(facet: Facet, id: &str) -> String {
    let c = corpus();
    facet.index_of(c, id).map_or_else(|| id.to_string(), |value| facet.display_label(c, value))
}

#[component]
pub fn ActiveFilters() -> impl IntoView {
    let view = expect_context::<View>();
    let chips = move || view.query.with(|q| q.pairs().map(|(f, v)| (f, v.to_string())).collect::<Vec<_>>());
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
                    {move || view.query.with(|q| q.dates.label()).map(|label| view! {
                        <li>
                            <button class="chip" data-testid="date-chip" aria-label=format!("Remove filter: dates {label}") on:click=move |_| view.update(|q| q.dates = DateFilter::default())>
                                <span>{format!("Dates: {label}")}</span>
                                <span aria-hidden="true">" ×"</span>
                            </button>
                        </li>
                    })}
                </ul>
                <button class="clear-all" data-testid="clear-all" on:click=move |_| view.update(|q| *q = q.cleared())>
                    "Clear all"
                </button>
            </div>
        </Show>
    }
}
