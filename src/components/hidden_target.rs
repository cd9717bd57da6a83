//! A deep link to a passage that the current filters hide: say so, and offer to show it.

use leptos::prelude::*;

use crate::state::corpus;
use crate::view::View;

#[component]
pub fn HiddenTarget() -> impl IntoView {
    let view = expect_context::<View>();
    let c = corpus();
    let hidden = Memo::new(move |_| {
        let passage = view.target.with(|t| t.as_deref().and_then(|id| c.passage_index(id)))?;
        (!view.evaluation.with(|e| e.contains(passage))).then_some(passage)
    });
    move || {
        hidden.get().map(|passage| {
            let p = &c.passages[passage as usize];
            let place = format!("“{}”, line {}", c.sections[p.section as usize].heading, p.line);
            let show = move |_| {
                let query = view.query.get_untracked();
                view.show_passage(query.cleared(), &p.id);
            };
            view! {
                <div class="hidden-target" role="status" data-testid="hidden-target">
                    <p>{format!("The linked passage ({place}) is hidden by the current filters.")}</p>
                    <button class="undo-last" data-testid="show-hidden-target" on:click=show>"Show it (clears the filters)"</button>
                </div>
            }
        })
    }
}
