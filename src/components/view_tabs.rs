//! The view switcher (list, map, reading, matrix, concordance, trends) and the export of the current
//! view as JSON or CSV.

use leptos::prelude::*;
use loupe_corpus::views::{export_rows, to_csv, ViewMode};

use crate::components::copy_button::CopyButton;
use crate::state::{self, corpus};
use crate::view::View;

fn label(mode: ViewMode) -> &'static str {
    match mode {
        ViewMode::List => "List",
        ViewMode::Map => "Theme map",
        ViewMode::Read => "Reading",
        ViewMode::Matrix => "Co-occurrence",
        ViewMode::Kwic => "Concordance",
        ViewMode::Trends => "Trends",
    }
}

#[component]
pub fn ViewTabs() -> impl IntoView {
    let view = expect_context::<View>();
    let embed_code = Callback::new(move |()| view.query.with_untracked(|q| state::embed_snippet(q, &corpus().documents[0].title)));
    let tabs = ViewMode::ALL
        .into_iter()
        .map(|mode| {
            let current = move || view.query.with(|q| q.view == mode);
            view! {
                <li>
                    <button
                        class="view-tab"
                        data-view=mode.key()
                        aria-pressed=move || current().to_string()
                        on:click=move |_| view.update(|q| q.view = mode)
                    >
                        {label(mode)}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="toolbar" aria-label="Views and export">
            <ul class="view-tabs">{tabs}</ul>
            <div class="export">
                <button data-testid="export-json" on:click=move |_| download(view, Format::Json)>"Export JSON"</button>
                <button data-testid="export-csv" on:click=move |_| download(view, Format::Csv)>"Export CSV"</button>
                <CopyButton label="Copy embed code" copied="Embed code copied" testid="copy-embed" text=embed_code />
            </div>
        </nav>
    }
}

#[derive(Clone, Copy)]
enum Format {
    Json,
    Csv,
}

/// Downloads the passages of the current view.
fn download(view: View, format: Format) {
    let rows = view.evaluation.with_untracked(|e| export_rows(corpus(), &e.passages));
    let (body, mime, extension) = match format {
        Format::Json => {
            let value = loupe_engine::to_js(&rows).unwrap_or_default();
            let json = js_sys::JSON::stringify_with_replacer_and_space(&value, &wasm_bindgen::JsValue::NULL, &2.into())
                .map(String::from)
                .unwrap_or_default();
            (json, "application/json", "json")
        }
        Format::Csv => (to_csv(&rows), "text/csv", "csv"),
    };
    state::save_file(&format!("loupe-passages.{extension}"), &body, mime);
}
