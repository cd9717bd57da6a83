//! The co-occurrence matrix: under the current view, how many passages carry each theme and
//! name each person, organisation and place. A cell adds both filters.

use leptos::prelude::*;
use loupe_corpus::model::EntityKind;
use loupe_corpus::query::Facet;
use loupe_corpus::views::{cooccurrence, ViewMode};

use crate::plural::count_of;
use crate::state::corpus;
use crate::view::View;

#[component]
pub fn CooccurrenceMatrix() -> impl IntoView {
    let view = expect_context::<View>();
    let c = corpus();
    let matrix = Memo::new(move |_| {
        view.evaluation.with(|e| cooccurrence(c, &e.passages, &[EntityKind::Person, EntityKind::Organisation, EntityKind::Place]))
    });
    let header = c.themes.iter().map(|t| view! { <th scope="col" style=format!("--theme:{}", t.colour)>{t.label.clone()}</th> }).collect_view();
    let rows = move || {
        matrix.with(|m| {
            m.entities
                .iter()
                .zip(&m.counts)
                .map(|(&e, counts)| {
                    let entity = &c.entities[e as usize];
                    let row_max = counts.iter().copied().max().unwrap_or(0).max(1);
                    let cells = counts
                        .iter()
                        .enumerate()
                        .map(|(t, &count)| {
                            let theme = &c.themes[t];
                            let (theme_id, entity_id) = (theme.id.clone(), entity.id.clone());
                            let add = move |_| {
                                view.update(|q| {
                                    q.add(Facet::Theme, &theme_id);
                                    q.add(Facet::Entity, &entity_id);
                                    q.view = ViewMode::List;
                                })
                            };
                            let label = format!("{} about {} naming {}: show them", count_of(count as usize, "passage", "passages"), theme.label, entity.name);
                            view! {
                                <td style=format!("--theme:{}; --strength:{}%", theme.colour, count * 100 / row_max)>
                                    {(count > 0).then(|| view! {
                                        <button class="cell" data-theme=theme.id.clone() data-entity=entity.id.clone() aria-label=label on:click=add>{count}</button>
                                    })}
                                </td>
                            }
                        })
                        .collect_view();
                    view! {
                        <tr data-entity=entity.id.clone()>
                            <th scope="row">{entity.name.clone()}<span class="kind">{format!(" {}", entity.kind.as_str())}</span></th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="matrix" data-testid="matrix">
            <p class="view-help">"Passages in the current view that carry a theme (columns) and name an entity (rows). Choose a number to see those passages."</p>
            <div class="matrix-scroll" tabindex="0" role="region" aria-label="Co-occurrence table (scrolls sideways)" data-testid="matrix-scroll">
                <table>
                    <caption class="visually-hidden">"Themes by people, organisations and places"</caption>
                    <thead><tr><th scope="col">"Named"</th>{header}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </div>
    }
}
