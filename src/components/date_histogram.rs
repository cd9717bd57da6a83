//! The date histogram of the facet panel: passages per period (month or year) under every filter
//! but the dates, one button per period that sets the range to it (Shift extends the range), From
//! and To selects for the keyboard, and a checkbox for undated documents. A corpus with one date
//! shows that date and no range.

use leptos::ev::{Event, MouseEvent};
use leptos::prelude::*;
use loupe_corpus::dates::{Bound, DateFilter};
use loupe_corpus::sort::sort_by;

use crate::state::corpus;
use crate::view::View;

#[component]
pub fn DateHistogram() -> impl IntoView {
    let t = corpus().timeline();
    if t.periods.is_empty() {
        return ().into_any();
    }
    let body = match t.only_day() {
        Some(day) => view! {
            <p class="date-only" data-testid="date-only">
                "Every dated passage is from " <time datetime=day.iso()>{day.label()}</time> "."
            </p>
        }
        .into_any(),
        None => view! { <RangeSelects /> <PeriodBars /> }.into_any(),
    };
    view! {
        <details class="facet-group" open data-facet="date">
            <summary>"Dates"</summary>
            <fieldset data-testid="facet-date">
                <legend class="visually-hidden">"Dates"</legend>
                {body}
                {t.has_undated().then(|| view! { <UndatedToggle /> })}
            </fieldset>
        </details>
    }
    .into_any()
}

/// The period buttons: a bar as long as its count, pressed when the range is that period.
#[component]
fn PeriodBars() -> impl IntoView {
    let view = expect_context::<View>();
    let periods = &corpus().timeline().periods;
    let counts = Memo::new(move |_| view.with_counts(|c| c.dates.periods.clone()));
    let bars = periods
        .iter()
        .enumerate()
        .map(|(i, &period)| {
            let count = move || counts.with(|c| c[i]);
            let share = move || counts.with(|c| c[i] * 100 / c.iter().copied().max().unwrap_or(1).max(1));
            let dates = move || view.filters.with(|q| q.dates);
            let pressed = move || dates().from == Some(period) && dates().to == Some(period);
            let inside = move || dates().has_range() && dates().admits(Some(period.first())) && dates().admits(Some(period.last()));
            let choose = move |ev: MouseEvent| {
                view.update(|q| {
                    q.dates = match (ev.shift_key(), q.dates.from, q.dates.to) {
                        (false, Some(f), Some(t)) if f == period && t == period => q.dates.with_range(None, None),
                        (false, ..) => q.dates.with_range(Some(period), Some(period)),
                        (true, from, to) => {
                            let from = from.map_or(period, |f| f.min(period));
                            q.dates.with_range(Some(from), Some(to.map_or(period, |t| t.max(period))))
                        }
                    }
                })
            };
            view! {
                <li>
                    <button class="date-bar" class:in-range=inside data-period=period.key() aria-pressed=move || pressed().to_string() on:click=choose>
                        <span class="date-label">{period.label()}</span>
                        <span class="date-track" aria-hidden="true"><span class="date-fill" style:width=move || format!("{}%", share())></span></span>
                        <span class="count">{count}<span class="visually-hidden">" passages"</span></span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <p class="date-help">"Choose a period"<span class="with-keyboard">"; Shift extends the range"</span>"."</p>
        <ul class="date-bars" data-testid="date-bars">{bars}</ul>
    }
}

/// From and To: native selects of the periods, plus the URL's own bound when it is no period.
#[component]
fn RangeSelects() -> impl IntoView {
    let view = expect_context::<View>();
    let select = |label: &'static str, testid: &'static str, is_from: bool| {
        let bound = move || view.filters.with(|q| if is_from { q.dates.from } else { q.dates.to });
        let options = move || {
            let mut shown = corpus().timeline().periods.clone();
            shown.extend(bound().filter(|b| !shown.contains(b)));
            sort_by(&mut shown, Ord::cmp);
            shown.into_iter().map(|b| view! { <option value=b.key() selected=move || bound() == Some(b)>{b.label()}</option> }).collect_view()
        };
        let change = move |ev: Event| {
            let chosen = Bound::parse(&event_target_value(&ev));
            view.update(|q| {
                let DateFilter { from, to, .. } = q.dates;
                q.dates = if is_from { q.dates.with_range(chosen, to) } else { q.dates.with_range(from, chosen) };
            })
        };
        view! {
            <label class="date-select">
                <span>{label}</span>
                <select data-testid=testid prop:value=move || bound().map(Bound::key).unwrap_or_default() on:change=change>
                    <option value="" selected=move || bound().is_none()>"Any"</option>
                    {options}
                </select>
            </label>
        }
    };
    view! { <div class="date-range">{select("From", "date-from", true)} {select("To", "date-to", false)}</div> }
}

/// Whether documents without a date are kept, with their passages' count.
#[component]
fn UndatedToggle() -> impl IntoView {
    let view = expect_context::<View>();
    let keeps = move || view.filters.with(|q| q.dates.keeps_undated());
    view! {
        <div class="facet-value">
            <input
                type="checkbox"
                id="date-undated"
                data-testid="date-undated"
                // The attribute for the prerendered page (HTML has no properties), the property
                // for the live box.
                checked=keeps
                prop:checked=keeps
                on:change=move |_| view.update(|q| q.dates.undated = Some(!q.dates.keeps_undated()))
            />
            <label for="date-undated">
                <span class="facet-label">"Undated"</span>
                " "
                <span class="count">{move || view.with_counts(|c| c.dates.undated)}</span>
            </label>
        </div>
    }
}
