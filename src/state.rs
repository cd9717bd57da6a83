//! App state outside the components: the placed corpus (through the engine crate), the URL (the
//! first place for state), what the host page of an embed is told, and the static loading and
//! error screens of `index.html`.

use loupe_corpus::query::Query;
use serde::Serialize;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The corpus `loupe build` placed, read as the headless engine reads it.
pub use loupe_engine::corpus;

/// Builds the word index once the first results are on screen, in steps while the page is idle,
/// so the first search finds it ready and no single task holds up the reader's typing (the corpus
/// ships text, not an index: see `loupe_corpus::encode`). A search that comes first finishes it.
/// A step gives way as soon as a key or click waits (where the browser can tell), and once the
/// index is done, the suggestions' name words are made too, so the first keystroke waits for
/// neither; then typing is rehearsed, a search per step ([`crate::rehearsal`]).
pub fn index_when_idle() {
    /// Passages indexed between two looks at the clock: well under a millisecond each.
    const PASSAGES_PER_STEP: usize = 16;
    /// Time a step may run while another task could be waiting (Safari has no idle deadline).
    const SLICE_MS: f64 = 8.0;
    // Once the index is built, the searches left to rehearse, last first.
    let mut rehearsal: Option<Vec<String>> = None;
    let step = Closure::<dyn FnMut(JsValue)>::new(move |deadline: JsValue| {
        let clock = window().performance();
        let started = clock.as_ref().map_or(0.0, |c| c.now());
        let time_left = || {
            let idle = match deadline.dyn_ref::<web_sys::IdleDeadline>() {
                Some(deadline) => deadline.time_remaining() > 1.0,
                None => clock.as_ref().is_some_and(|c| c.now() - started < SLICE_MS),
            };
            idle && !input_pending()
        };
        loop {
            match rehearsal.as_mut() {
                None => {
                    if corpus().index_step(PASSAGES_PER_STEP) {
                        corpus().name_words();
                        rehearsal = Some(crate::rehearsal::texts(corpus()).into_iter().rev().collect());
                    }
                }
                Some(left) => {
                    let Some(text) = left.pop() else { return };
                    // One search per idle moment: a first one may take tens of milliseconds.
                    crate::rehearsal::rehearse(corpus(), &text);
                    break;
                }
            }
            if !time_left() {
                break;
            }
        }
        schedule_idle();
    });
    IDLE_STEP.with(|slot| *slot.borrow_mut() = Some(step));
    schedule_idle();
}

/// Whether a key press or click is waiting for the page (Chromium's
/// `navigator.scheduling.isInputPending`); false where the browser cannot tell.
fn input_pending() -> bool {
    let scheduling = js_sys::Reflect::get(&window().navigator(), &JsValue::from_str("scheduling")).unwrap_or(JsValue::UNDEFINED);
    let Some(is_input_pending) = js_sys::Reflect::get(&scheduling, &JsValue::from_str("isInputPending")).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok()) else {
        return false;
    };
    is_input_pending.call0(&scheduling).is_ok_and(|pending| pending.is_truthy())
}

/// One step of the index build, called back by `requestIdleCallback` with its deadline.
type IdleStep = Closure<dyn FnMut(JsValue)>;

thread_local! {
    /// The idle step of the index build, kept for the page's life (it is what the browser calls
    /// back, so it cannot drop itself).
    static IDLE_STEP: std::cell::RefCell<Option<IdleStep>> = const { std::cell::RefCell::new(None) };
}

fn schedule_idle() {
    IDLE_STEP.with(|slot| {
        let slot = slot.borrow();
        let Some(step) = slot.as_ref() else { return };
        let step: &js_sys::Function = step.as_ref().unchecked_ref();
        // Safari has no `requestIdleCallback`: a short timeout instead.
        if window().request_idle_callback(step).is_err() {
            let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(step, 50);
        }
    });
}

pub fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

/// The query in the current URL. Unknown keys and values are ignored.
pub fn query_from_location() -> Query {
    let search = window().location().search().unwrap_or_default();
    Query::parse(&search).known_only(corpus())
}

/// The passage named by the URL fragment, if it names one.
pub fn passage_from_hash() -> Option<String> {
    let hash = window().location().hash().unwrap_or_default();
    let id = loupe_corpus::query::percent_decode(hash.trim_start_matches('#'));
    corpus().passage_index(&id).map(|_| id)
}

/// The URL for a query: the current path with the canonical query string (natively, in a page
/// prerendered at build time, an address relative to the page).
pub fn url_for(query: &Query, fragment: Option<&str>) -> String {
    let path = if cfg!(target_family = "wasm") { window().location().pathname().unwrap_or_else(|_| "./".into()) } else { String::new() };
    let search = query.to_query_string();
    let mut url = if search.is_empty() { path } else { format!("{path}?{search}") };
    if let Some(fragment) = fragment {
        url.push('#');
        url.push_str(fragment);
    }
    url
}

/// Records a new view in the browser history (so Back returns to the previous one),
/// pointing at a passage when `fragment` names one.
pub fn push_url(query: &Query, fragment: Option<&str>) {
    write_typed_url();
    push_entry(reading_place_now(), &url_for(query, fragment));
}

/// Adds a history entry for `url`, the entry being left keeping the reader's `place` first.
fn push_entry(place: Option<js_sys::Object>, url: &str) {
    let Ok(history) = window().history() else { return };
    if let Some(place) = place {
        let _ = history.replace_state(&place, "");
    }
    let _ = history.push_state_with_url(&JsValue::NULL, "", Some(url));
}

/// The history entry's record of where the reader was: the first passage on screen, and how far
/// below the window's top it stood.
const PLACE_PASSAGE: &str = "passage";
const PLACE_TOP: &str = "top";

/// Where the reader is, for the history entry being left, so that Back returns to that passage:
/// not to a scroll offset, which lands elsewhere once the page is drawn again (cards off screen
/// are laid out at an estimated height). Read before the page changes, when its layout is clean.
fn reading_place_now() -> Option<js_sys::Object> {
    let passages = window().document()?.query_selector_all("[data-passage]").ok()?;
    let passage = (0..passages.length())
        .filter_map(|i| passages.item(i)?.dyn_into::<web_sys::Element>().ok())
        .find(|p| p.get_bounding_client_rect().bottom() > 0.0)?;
    let place = js_sys::Object::new();
    let id = passage.get_attribute("data-passage").unwrap_or_default();
    let _ = js_sys::Reflect::set(&place, &PLACE_PASSAGE.into(), &id.into());
    let _ = js_sys::Reflect::set(&place, &PLACE_TOP.into(), &passage.get_bounding_client_rect().top().into());
    Some(place)
}

/// The passage and its distance from the window's top that the current history entry kept
/// when the reader left it.
pub fn reading_place() -> Option<(String, f64)> {
    let place = window().history().ok()?.state().ok()?;
    let id = js_sys::Reflect::get(&place, &PLACE_PASSAGE.into()).ok()?.as_string()?;
    let top = js_sys::Reflect::get(&place, &PLACE_TOP.into()).ok()?.as_f64()?;
    Some((id, top))
}

/// Scrolls so that passage `id` stands `top` pixels below the window's top, as it did; again in
/// the next frames while it moves (a card that comes on screen above it is drawn at its own
/// height, no longer the estimate, and pushes it down).
pub fn return_to_reading_place(id: String, top: f64) {
    /// Frames in which the place is checked again.
    const FRAMES: u32 = 4;
    fn step(id: String, top: f64, frames_left: u32) {
        let Some(passage) = window().document().and_then(|d| d.get_element_by_id(&id)) else { return };
        let off = passage.get_bounding_client_rect().top() - top;
        if off.abs() >= 1.0 {
            window().scroll_by_with_x_and_y(0.0, off);
        }
        if frames_left > 0 {
            leptos::prelude::request_animation_frame(move || step(id, top, frames_left - 1));
        }
    }
    step(id, top, FRAMES);
}

/// Shows the results from their start when the reader had scrolled past it (a filter ticked
/// deep in a long list): the new list's start, not the end of a shorter one.
pub fn show_results_start() {
    let Some(results) = window().document().and_then(|d| d.get_element_by_id("results")) else { return };
    let top = results.get_bounding_client_rect().top();
    if top < 0.0 {
        window().scroll_by_with_x_and_y(0.0, top);
    }
}

/// A typed search's history write, not made yet.
struct TypedWrite {
    /// The search's address.
    url: String,
    entry: TypedEntry,
}

/// Where a typed search's address is written.
enum TypedEntry {
    /// A new search: a new entry, the entry it leaves keeping the reader's place.
    New { leaving: Option<js_sys::Object> },
    /// The search's own entry, rewritten.
    Same,
}

thread_local! {
    static TYPED: std::cell::RefCell<Option<TypedWrite>> = const { std::cell::RefCell::new(None) };
}

/// Records a search being typed in the history once the page is idle after its results are
/// painted ([`when_idle`]), and once for all the keystrokes before then: a history write costs
/// from 5 to 15 milliseconds in Chromium, too much to spend on a keystroke before its results
/// show. A new search (`new_entry`)
/// adds an entry, so that Back returns to the view before it; later keystrokes rewrite it. The
/// reading place a new search leaves is read now, before its results change the page.
pub fn write_typed_url_after_paint(query: &Query, new_entry: bool) {
    let url = url_for(query, None);
    let scheduled = TYPED.with(|typed| {
        let mut typed = typed.borrow_mut();
        let scheduled = typed.is_some();
        match typed.as_mut() {
            Some(pending) => pending.url = url,
            None => {
                let entry = if new_entry { TypedEntry::New { leaving: reading_place_now() } } else { TypedEntry::Same };
                *typed = Some(TypedWrite { url, entry });
            }
        }
        scheduled
    });
    if !scheduled {
        when_idle(Box::new(write_typed_url));
    }
}

/// Runs `task` once the page is idle after its next frame, and at the latest
/// [`IDLE_AT_MOST_MS`] after that frame (after a short timeout where the browser has no
/// `requestIdleCallback`): what a keystroke leaves until its results are painted (the typed
/// URL, the rest of a new list's page, the panel's counts). Boxed, so that the wasm holds one
/// copy of the callback's glue.
pub fn when_idle(task: Box<dyn FnOnce()>) {
    /// A busy page (a reader typing on) still gets its idle work done within this time.
    const IDLE_AT_MOST_MS: u32 = 250;
    leptos::prelude::request_animation_frame(move || {
        let task: js_sys::Function = Closure::once_into_js(task).unchecked_into();
        let options = web_sys::IdleRequestOptions::new();
        options.set_timeout(IDLE_AT_MOST_MS);
        if window().request_idle_callback_with_options(&task, &options).is_err() {
            let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&task, 50);
        }
    });
}

/// Makes a typed search's history write not made yet (before a new entry is pushed, so that
/// Back returns to the whole search, not to a part of it).
fn write_typed_url() {
    let Some(TypedWrite { url, entry }) = TYPED.with(|typed| typed.borrow_mut().take()) else { return };
    match entry {
        TypedEntry::New { leaving } => push_entry(leaving, &url),
        TypedEntry::Same => {
            let _ = window().history().and_then(|h| h.replace_state_with_url(&JsValue::NULL, "", Some(&url)));
        }
    }
}

/// Drops a typed search's history write not made yet: Back or Forward has left its entry, whose
/// address can no longer be written (within the frame or two the write waits, the entry keeps
/// the search as of the previous write, and a new search's first letters add none), and the
/// entry now current must keep its own.
pub fn forget_typed_url() {
    TYPED.with(|typed| typed.borrow_mut().take());
}

/// Whether a click asks for a new tab or window (then the browser should handle the link).
pub fn is_modified_click(event: &web_sys::MouseEvent) -> bool {
    event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key() || event.button() != 0
}

/// Embedded in another page's frame, tells the host the view's query string (without `embed`):
/// `{type: "loupe:change", query}`, which `<loupe-explorer>` turns into its `loupe-change` event.
pub fn tell_host(query: &Query) {
    #[derive(Serialize)]
    struct Change {
        r#type: &'static str,
        query: String,
    }
    let window = window();
    let Ok(Some(parent)) = window.parent() else { return };
    if js_sys::Object::is(&parent, &window) {
        return;
    }
    let change = Change { r#type: "loupe:change", query: Query { embed: false, ..query.clone() }.to_query_string() };
    // The query string is already in the frame's URL, which the host chose: any parent may read it.
    if let Ok(message) = serde_wasm_bindgen::to_value(&change) {
        let _ = parent.post_message(&message, "*");
    }
}

/// Rewrites the current URL in its canonical form without a history entry.
pub fn replace_url(query: &Query, fragment: Option<&str>) {
    forget_typed_url();
    let _ = window().history().and_then(|h| h.replace_state_with_url(&JsValue::NULL, "", Some(&url_for(query, fragment))));
}

/// Scrolls a passage into view and marks it as the target; with `focus`, moves focus to it (so
/// the next Tab continues from there, and a screen reader reads it).
pub fn reveal_passage(id: &str, focus: bool) {
    use wasm_bindgen::JsCast;
    let document = window().document().expect("a document");
    if let Ok(Some(old)) = document.query_selector(".targeted") {
        let _ = old.class_list().remove_1("targeted");
    }
    if let Some(element) = document.get_element_by_id(id) {
        let _ = element.class_list().add_1("targeted");
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        element.scroll_into_view_with_scroll_into_view_options(&options);
        // A bar that stays at the window's top (`data-covers-top`, the reading view's) must not
        // cover the passage's start: a passage taller than the window starts just below it.
        if let Ok(Some(bar)) = document.query_selector("[data-covers-top]") {
            const GAP_PX: f64 = 8.0;
            let covered = bar.get_bounding_client_rect().bottom() + GAP_PX - element.get_bounding_client_rect().top();
            if covered > 0.0 {
                window().scroll_by_with_x_and_y(0.0, -covered);
            }
        }
        if let (true, Ok(element)) = (focus, element.dyn_into::<web_sys::HtmlElement>()) {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = element.focus_with_options(&options);
        }
    }
}

/// The page's stand-ins for the app: the prerendered page, its note that the app is starting, and
/// the loading state (`assets/shell.js` lists them too, for a wasm that cannot start).
const STAND_INS: [&str; 3] = ["prerendered", "starting", "loading"];

/// Removes the page's stand-ins for the app, where they are.
pub fn remove_stand_ins() {
    remove_elements(STAND_INS);
}

fn remove_elements<'a>(ids: impl IntoIterator<Item = &'a str>) {
    let Some(document) = window().document() else { return };
    for id in ids {
        if let Some(element) = document.get_element_by_id(id) {
            element.remove();
        }
    }
}

/// Shows the static error screen of `index.html` (used by the panic hook). A prerendered page the
/// reader sees stays readable, with the error at its foot (`start-failed`), as `shell.js` does
/// when the wasm cannot load.
pub fn show_fatal_error(message: &str) {
    let Some(document) = window().document() else { return };
    if crate::handover::shows_prerendered_page(&document) {
        remove_elements(STAND_INS.into_iter().filter(|&id| id != "prerendered"));
        if let Some(html) = document.document_element() {
            let _ = html.class_list().add_1("start-failed");
        }
    } else {
        remove_stand_ins();
    }
    if let Some(fatal) = document.get_element_by_id("fatal") {
        let _ = fatal.remove_attribute("hidden");
        if let Some(detail) = document.get_element_by_id("fatal-detail") {
            detail.set_text_content(Some(message));
        }
    }
}

/// Offers `body` as a file download named `name`.
pub fn save_file(name: &str, body: &str, mime: &str) {
    use wasm_bindgen::JsCast;
    let parts = js_sys::Array::of1(&JsValue::from_str(body));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let document = window().document().expect("a document");
    if let Ok(anchor) = document.create_element("a").map(|a| a.unchecked_into::<web_sys::HtmlAnchorElement>()) {
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Copies text to the clipboard; resolves to whether it worked.
pub async fn copy_text(text: &str) -> bool {
    let promise = window().navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// `url` (from [`url_for`]) with this site's origin, for use outside the page.
pub fn absolute_url(url: &str) -> String {
    format!("{}{url}", window().location().origin().unwrap_or_default())
}

/// An `<iframe>` snippet embedding `query`'s view of this site.
pub fn embed_snippet(query: &Query, title: &str) -> String {
    let embedded = Query { embed: true, ..query.clone() };
    let src = absolute_url(&url_for(&embedded, None));
    let attr = |s: &str| s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" width=\"100%\" height=\"640\" style=\"border:0\"></iframe>",
        attr(&src),
        attr(&format!("Loupe: {title}"))
    )
}
