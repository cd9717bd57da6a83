//! The theme map: per document, one column per passage and one row per theme, drawn as SVG;
//! passages matching the current view stand out; a table gives the same counts as text. The
//! row labels stay in view while a long document's columns scroll sideways.

use leptos::prelude::*;
use loupe_corpus::model::Document;

use crate::state::corpus;
use crate::view::View;

const CELL: u32 = 14;
const GAP: u32 = 2;
/// The row labels' column, which stays in view while the columns scroll.
const LABEL_WIDTH: u32 = 200;
/// Room left of the first column for its section's line.
const LEFT: u32 = 2;
const TOP: u32 = 18;

/// Documents drawn at once.
const DOCUMENTS_PER_PAGE: usize = 20;

#[component]
pub fn ThemeMap() -> impl IntoView {
    let total = corpus().documents.len();
    let limit = RwSignal::new(DOCUMENTS_PER_PAGE);
    let documents = move || (0..limit.get().min(total) as u32).collect::<Vec<_>>();
    view! {
        <div class="theme-map" data-testid="theme-map">
            <For each=documents key=|d| *d let:document>
                <DocumentMap document />
            </For>
            <Show when=move || limit.get() < total>
                <button class="show-more" on:click=move |_| limit.update(|n| *n += DOCUMENTS_PER_PAGE)>
                    {move || format!("Show more documents ({} left)", total - limit.get())}
                </button>
            </Show>
        </div>
    }
}

/// The first words of a passage, for tooltips.
fn first_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().take(n + 1).collect();
    if words.len() > n { format!("{}…", words[..n].join(" ")) } else { words.join(" ") }
}

#[component]
fn DocumentMap(document: u32) -> impl IntoView {
    let view = expect_context::<View>();
    let c = corpus();
    let Document { title, .. } = &c.documents[document as usize];
    let passages: &[u32] = &c.facets.document[document as usize];
    let width = LEFT + passages.len() as u32 * (CELL + GAP);
    let height = TOP + c.themes.len() as u32 * (CELL + GAP);
    let passage_count = passages.len();
    // How many of this document's passages match, among those that pass `keep`.
    let matching = move |keep: &dyn Fn(u32) -> bool| {
        view.evaluation.with(|e| passages.iter().filter(|&&p| e.contains(p) && keep(p)).count())
    };
    let tooltip = RwSignal::new(String::new());
    let counts = move |theme: u32| {
        matching(&|p| c.passages[p as usize].themes.iter().any(|h| h.theme == theme))
    };
    let row_labels = (0..c.themes.len() as u32)
        .map(|t| {
            let theme = &c.themes[t as usize];
            let y = TOP + t * (CELL + GAP) + CELL - 3;
            view! { <text x="0" y=y class="map-label" data-theme=theme.id.clone()>{move || format!("{} ({})", theme.label, counts(t))}</text> }
        })
        .collect_view();
    let sections = passages
        .iter()
        .enumerate()
        .filter(|(i, &p)| *i == 0 || c.passages[p as usize].section != c.passages[passages[i - 1] as usize].section)
        .map(|(i, &p)| {
            let x = LEFT + i as u32 * (CELL + GAP);
            let heading = c.sections[c.passages[p as usize].section as usize].heading.clone();
            view! {
                <g class="map-section">
                    <line x1=x - 1 x2=x - 1 y1="0" y2=height />
                    <text x=x + 2 y="11">{format!("§{}", c.passages[p as usize].section + 1)}</text>
                    <title>{heading}</title>
                </g>
            }
        })
        .collect_view();
    let columns = passages
        .iter()
        .enumerate()
        .map(|(i, &p)| {
            let passage = &c.passages[p as usize];
            let x = LEFT + i as u32 * (CELL + GAP);
            let themes: Vec<&str> = passage.themes.iter().map(|h| c.themes[h.theme as usize].label.as_str()).collect();
            let summary = format!(
                "{} — {}. Themes: {}",
                c.sections[passage.section as usize].heading,
                first_words(&passage.text, 12),
                if themes.is_empty() { "none".to_string() } else { themes.join(", ") }
            );
            let cells = passage
                .themes
                .iter()
                .map(|hit| {
                    let y = TOP + hit.theme * (CELL + GAP);
                    view! { <rect x=x y=y width=CELL height=CELL rx="2" fill=c.themes[hit.theme as usize].colour.clone() /> }
                })
                .collect_view();
            let is_match = move || view.evaluation.with(|e| e.contains(p));
            let show = summary.clone();
            let open = move || view.read_passage(&passage.id);
            view! {
                <g
                    class="map-column"
                    class:match=is_match
                    role="link"
                    tabindex="0"
                    data-passage=passage.id.clone()
                    aria-label=summary.clone()
                    on:mouseenter={ let show = show.clone(); move |_| tooltip.set(show.clone()) }
                    on:focus=move |_| tooltip.set(show.clone())
                    on:click=move |_| open()
                    on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" { open() }
                >
                    <title>{summary.clone()}</title>
                    <rect x=x - 1 y=TOP - 2 width=CELL + 2 height=height - TOP + 2 class="map-hit" />
                    {cells}
                </g>
            }
        })
        .collect_view();
    let table_rows = (0..c.themes.len() as u32)
        .map(|t| view! { <tr><th scope="row">{c.themes[t as usize].label.clone()}</th><td>{move || counts(t)}</td></tr> })
        .collect_view();
    view! {
        <figure class="document-map">
            <figcaption>
                <strong>{title.clone()}</strong>
                {move || format!(" — {} passages in order, one column each; coloured cells mark themes; {} match the current view.", passage_count, matching(&|_| true))}
            </figcaption>
            // The row labels stay in view while the columns scroll sideways.
            <div class="map-body" role="group" aria-label=format!("Theme map of {title}")>
                <svg class="map-labels" width=LABEL_WIDTH height=height viewBox=format!("0 0 {LABEL_WIDTH} {height}")>{row_labels}</svg>
                <div class="map-scroll">
                    <svg width=width height=height viewBox=format!("0 0 {width} {height}")>
                        {sections}
                        {columns}
                    </svg>
                </div>
            </div>
            <p class="map-tooltip" aria-live="polite" data-testid="map-tooltip">{move || tooltip.get()}</p>
            <details class="map-table">
                <summary>"The map as a table"</summary>
                <table>
                    <thead><tr><th scope="col">"Theme"</th><th scope="col">"Matching passages"</th></tr></thead>
                    <tbody>{table_rows}</tbody>
                </table>
            </details>
        </figure>
    }
}
