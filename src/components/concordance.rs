//! The concordance (keyword in context): every occurrence of the searched words with a fixed
//! window of words each side, aligned on the keyword, sortable by left or right context.

use leptos::prelude::*;
use loupe_corpus::views::{concordance, ConcordanceSort};

use crate::plural::count_of;
use crate::state::corpus;
use crate::view::View;

/// Words shown each side of the keyword.
const WINDOW: usize = 6;

#[component]
pub fn Concordance() -> impl IntoView {
    let view = expect_context::<View>();
    let sort = RwSignal::new(ConcordanceSort::Position);
    let lines = Memo::new(move |_| {
        let order = sort.get();
        view.evaluation.with(|e| concordance(corpus(), &e.passages, &e.matched_words, WINDOW, order))
    });
    let searching = move || view.query.with(|q| !q.text.trim().is_empty());
    let sort_button = move |order: ConcordanceSort, label: &'static str| {
        view! {
            <button class="sort" aria-pressed=move || (sort.get() == order).to_string() on:click=move |_| sort.set(order)>{label}</button>
        }
    };
    view! {
        <div class="kwic" data-testid="kwic">
            <Show
                when=searching
                fallback=|| view! { <p class="view-help">"Type a word in the search box to see every occurrence in its context."</p> }
            >
                <div class="kwic-sort" role="group" aria-label="Sort the concordance">
                    "Sort by: " {sort_button(ConcordanceSort::Position, "position in the text")} {sort_button(ConcordanceSort::Left, "left context")}
                    {sort_button(ConcordanceSort::Right, "right context")}
                </div>
                <p class="view-help">{move || count_of(lines.with(Vec::len), "occurrence", "occurrences")}</p>
                <table class="kwic-lines">
                    <thead class="visually-hidden"><tr><th scope="col">"Left"</th><th scope="col">"Keyword"</th><th scope="col">"Right"</th></tr></thead>
                    <tbody>
                        {move || lines.with(|lines| lines.iter().map(|line| {
                            let id = &corpus().passages[line.passage as usize].id;
                            let href = untrack(|| view.reading_url(id));
                            view! {
                                <tr data-passage=id.clone()>
                                    // Right-aligned and cut at its start; the inner span keeps the
                                    // text's own direction, so punctuation stays where it stands.
                                    // On a phone both sides wrap onto two lines (the spans
                                    // clip them), staggered so the keyword shares a line with
                                    // the words either side of it.
                                    <td class="left"><span dir="ltr">{line.left.clone()}</span></td>
                                    <td class="keyword">
                                        <a href=href on:click=move |ev| view.follow_reading_link(&ev, id)>
                                            {line.keyword.clone()}
                                        </a>
                                    </td>
                                    <td class="right"><span>{line.right.clone()}</span></td>
                                </tr>
                            }
                        }).collect_view())}
                    </tbody>
                </table>
            </Show>
        </div>
    }
}
