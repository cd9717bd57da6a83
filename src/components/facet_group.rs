//! One facet group: a `<fieldset>` of native checkboxes whose labels carry the live count; a
//! long group shows its first values until expanded, and has a box to filter its values.

use leptos::prelude::*;
use loupe_corpus::query::Facet;
use loupe_corpus::text::fold;
use loupe_corpus::sort::sort_by;

use crate::state::corpus;
use crate::view::View;

/// A value offered in a facet group.
#[derive(Clone, Debug, PartialEq)]
pub struct FacetOption {
    pub facet: Facet,
    pub index: u32,
    pub id: String,
    /// As the group shows it: its label, with its document when a section's heading needs one.
    pub label: String,
    pub colour: Option<String>,
}

impl FacetOption {
    pub fn new(facet: Facet, index: u32) -> Self {
        let c = corpus();
        let label = if facet == Facet::Section { facet.display_label(c, index) } else { facet.label(c, index).to_string() };
        Self { facet, index, id: facet.id(c, index).to_string(), label, colour: None }
    }

    pub fn with_colour(mut self, colour: String) -> Self {
        self.colour = Some(colour);
        self
    }
}

/// Values shown in a collapsed group.
const COLLAPSED_VALUES: usize = 12;

/// `ranked` groups list values by their count over the whole corpus (most named first);
/// others keep the corpus order (themes as the taxonomy lists them, sections as they stand).
#[component]
pub fn FacetGroup(legend: &'static str, slug: &'static str, mut options: Vec<FacetOption>, ranked: bool) -> impl IntoView {
    if options.is_empty() {
        return ().into_any();
    }
    if ranked {
        let c = corpus();
        let total = |o: &FacetOption| o.facet.postings(c, o.index).len();
        sort_by(&mut options, |a, b| total(b).cmp(&total(a)).then_with(|| a.label.cmp(&b.label)));
    }
    // Long groups show their first values (and any selected one) until expanded, so a large
    // corpus does not redraw thousands of counts per keystroke; their filter box shows every
    // value whose label holds what is typed.
    let view = expect_context::<View>();
    let total = options.len();
    let long = total > COLLAPSED_VALUES;
    let folded: Vec<String> = options.iter().map(|o| fold(&o.label)).collect();
    let options = StoredValue::new(options);
    let expanded = RwSignal::new(false);
    let filter = RwSignal::new(String::new());
    let visible = Memo::new(move |_| {
        let wanted = fold(filter.get().trim());
        let all = expanded.get() || !long;
        view.filters.with(|q| {
            options.with_value(|options| {
                options
                    .iter()
                    .enumerate()
                    .filter(|(i, o)| {
                        if !wanted.is_empty() {
                            return folded[*i].contains(&wanted);
                        }
                        all || *i < COLLAPSED_VALUES || q.contains(o.facet, &o.id)
                    })
                    .map(|(i, _)| i)
                    .collect::<Vec<_>>()
            })
        })
    });
    let noun = legend.to_ascii_lowercase();
    view! {
        <details class="facet-group" open data-facet=slug>
            <summary>{legend}</summary>
            <fieldset data-testid=format!("facet-{slug}")>
                <legend class="visually-hidden">{legend}</legend>
                <Show when=move || long>
                    <input
                        type="search"
                        class="facet-filter"
                        data-testid=format!("facet-filter-{slug}")
                        placeholder=format!("Filter {noun}…")
                        aria-label=format!("Filter {noun}")
                        prop:value=move || filter.get()
                        on:input=move |ev| filter.set(event_target_value(&ev))
                        on:keydown=move |ev| {
                            // Escape empties the box first (the drawer it sits in closes on the next).
                            if ev.key() == "Escape" && !filter.with(String::is_empty) {
                                ev.prevent_default();
                                ev.stop_propagation();
                                filter.set(String::new());
                            }
                        }
                    />
                </Show>
                <ul class="facet-values">
                    <For each=move || visible.get() key=|i| *i let:i>
                        <FacetValue option=options.with_value(|o| o[i].clone()) />
                    </For>
                </ul>
                <Show when=move || long && filter.with(String::is_empty)>
                    <button class="facet-more" aria-expanded=move || expanded.get().to_string() on:click=move |_| expanded.update(|e| *e = !*e)>
                        {move || if expanded.get() { format!("Show fewer {}", legend.to_ascii_lowercase()) } else { format!("Show all {total} {}", legend.to_ascii_lowercase()) }}
                    </button>
                </Show>
                <Show when=move || !filter.with(String::is_empty) && visible.with(Vec::is_empty)>
                    <p class="facet-none">{move || format!("No {} named “{}”", legend.to_ascii_lowercase(), filter.get().trim())}</p>
                </Show>
            </fieldset>
        </details>
    }
    .into_any()
}

#[component]
fn FacetValue(option: FacetOption) -> impl IntoView {
    let view = expect_context::<View>();
    let FacetOption { facet, index, id, label, colour } = option;
    let checked = {
        let id = id.clone();
        Memo::new(move |_| view.filters.with(|q| q.contains(facet, &id)))
    };
    let count = Memo::new(move |_| view.with_counts(|c| c.facets.get(&facet).and_then(|c| c.get(index as usize)).copied().unwrap_or(0)));
    let input_id = format!("facet-{}-{}", facet.key(), id.replace('/', "--"));
    let toggle_id = id.clone();
    let swatch = colour.map(|c| view! { <span class="swatch" aria-hidden="true" style=format!("background:{c}")></span> });
    view! {
        <li class="facet-value" class:zero=move || count.get() == 0 && !checked.get()>
            <input
                type="checkbox"
                id=input_id.clone()
                data-facet=facet.key()
                data-value=id.clone()
                prop:checked=move || checked.get()
                on:change=move |_| view.update(|q| q.toggle(facet, &toggle_id))
            />
            <label for=input_id>
                {swatch}
                <span class="facet-label">{label}</span>
                " "
                <span class="count" data-testid="count">{move || count.get()}</span>
            </label>
        </li>
    }
}
