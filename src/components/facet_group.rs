//! One facet group: a `<fieldset>` of native checkboxes whose labels carry the live count.

use leptos::prelude::*;
use loupe_corpus::query::{value_id, Facet};

use crate::app::View;
use crate::state::corpus;

/// A value offered in a facet group.
#[derive(Clone, Debug, PartialEq)]
pub struct FacetOption {
    pub facet: Facet,
    pub index: u32,
    pub id: String,
    pub label: String,
    pub colour: Option<String>,
}

impl FacetOption {
    pub fn new(facet: Facet, index: u32, label: String) -> Self {
        Self { facet, index, id: value_id(corpus(), facet, index).to_string(), label, colour: None }
    }

    pub fn with_colour(mut self, colour: &str) -> Self {
        self.colour = Some(colour.to_string());
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
        let total = |o: &FacetOption| {
            let f = &c.index.facets;
            match o.facet {
                Facet::Voice => f.voice[o.index as usize].len(),
                _ => f.entity[o.index as usize].len(),
            }
        };
        options.sort_by(|a, b| total(b).cmp(&total(a)).then_with(|| a.label.cmp(&b.label)));
    }
    // Long groups show their first values (and any selected one) until expanded, so a large
    // corpus does not redraw thousands of counts per keystroke.
    let view = expect_context::<View>();
    let total = options.len();
    let options = StoredValue::new(options);
    let expanded = RwSignal::new(false);
    let visible = Memo::new(move |_| {
        let all = expanded.get() || total <= COLLAPSED_VALUES;
        view.query.with(|q| {
            options.with_value(|options| {
                options
                    .iter()
                    .enumerate()
                    .filter(|(i, o)| all || *i < COLLAPSED_VALUES || q.contains(o.facet, &o.id))
                    .map(|(i, _)| i)
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <details class="facet-group" open data-facet=slug>
            <summary>{legend}</summary>
            <fieldset data-testid=format!("facet-{slug}")>
                <legend class="visually-hidden">{legend}</legend>
                <ul class="facet-values">
                    <For each=move || visible.get() key=|i| *i let:i>
                        <FacetValue option=options.with_value(|o| o[i].clone()) />
                    </For>
                </ul>
                <Show when=move || { total > COLLAPSED_VALUES }>
                    <button class="facet-more" aria-expanded=move || expanded.get().to_string() on:click=move |_| expanded.update(|e| *e = !*e)>
                        {move || if expanded.get() { format!("Show fewer {}", legend.to_lowercase()) } else { format!("Show all {total} {}", legend.to_lowercase()) }}
                    </button>
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
        Memo::new(move |_| view.query.with(|q| q.contains(facet, &id)))
    };
    let count = Memo::new(move |_| view.evaluation.with(|e| e.counts.get(&facet).and_then(|c| c.get(index as usize)).copied().unwrap_or(0)));
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
