//! The handover from the prerendered page (the default view `loupe build` writes into
//! `index.html`) to the app that takes its place: what the reader did there before the app
//! started (a search typed, filters ticked, panels opened or closed, buttons pressed, the focus)
//! is carried into the app. The two pages are the same components' rendering of the same view, so
//! an element of one is found in the other by the nearest id above it and the path from there.

use loupe_corpus::dates::DateFilter;
use loupe_corpus::query::{Facet, Query};
use loupe_corpus::sort::sort_by;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, EventInit, HtmlElement, HtmlInputElement};

use crate::state::{self, corpus};

/// What the reader did on the prerendered page.
pub struct Handover {
    /// A search was typed there (the app's history entry is then a search being typed).
    pub typed: bool,
    /// The focused element, and what was typed in it when it is a text box.
    focus: Option<(Locator, Option<Typed>)>,
    /// Every disclosure panel, and whether it was open.
    panels: Vec<(Locator, bool)>,
    /// The buttons pressed, in order (`shell.js` numbers them).
    presses: Vec<Locator>,
}

/// A text box's text and selection.
struct Typed {
    value: String,
    selection: (u32, u32),
}

/// Where an element is: the nearest element with an id at or above it, and the child indices from
/// there down to it.
struct Locator {
    id: String,
    path: Vec<u32>,
}

/// Reads the prerendered page when the page shows it, writes the view chosen there into the URL
/// (a new history entry, so Back returns to the default view) and removes the page's stand-ins
/// for the app. `None` when no prerendered page was shown.
pub fn take() -> Option<Handover> {
    let document = state::window().document()?;
    let page = shows_prerendered_page(&document).then(|| document.get_element_by_id("prerendered")).flatten();
    let handover = page.map(|page| {
        let chosen = chosen_view(&page);
        if chosen != Query::default() {
            state::push_url(&chosen.known_only(corpus()), None);
        }
        let focus = document.active_element().filter(|active| page.contains(Some(active))).and_then(|active| {
            let typed = active.dyn_ref::<HtmlInputElement>().and_then(|input| {
                Some(Typed { value: input.value(), selection: (input.selection_start().ok()??, input.selection_end().ok()??) })
            });
            Some((Locator::of(&active, &page)?, typed))
        });
        let panels = elements(&page, "details").filter_map(|panel| Some((Locator::of(&panel, &page)?, panel.has_attribute("open")))).collect();
        let mut pressed: Vec<(u32, Element)> = elements(&page, "[data-loupe-press]")
            .filter_map(|button| Some((button.get_attribute("data-loupe-press")?.parse().ok()?, button)))
            .collect();
        sort_by(&mut pressed, |a, b| a.0.cmp(&b.0));
        let presses = pressed.iter().filter_map(|(_, button)| Locator::of(button, &page)).collect();
        Handover { typed: !chosen.text.is_empty(), focus, panels, presses }
    });
    state::remove_stand_ins();
    handover
}

impl Handover {
    /// Gives the mounted app what the reader did: the panels as they were, the buttons pressed
    /// again, then the focus where it was. A text box focused there gets its text and selection
    /// (the app may not have written its own text yet) and, when it holds text, an `input` event
    /// as after a keystroke: the search box offers its suggestions for a word typed in part, a
    /// facet group's filter box filters.
    pub fn apply(&self) {
        let Some(document) = state::window().document() else { return };
        for (panel, open) in &self.panels {
            if let Some(panel) = panel.find(&document) {
                let _ = if *open { panel.set_attribute("open", "") } else { panel.remove_attribute("open") };
            }
        }
        for button in &self.presses {
            if let Some(button) = button.find(&document).and_then(|b| b.dyn_into::<HtmlElement>().ok()) {
                button.click();
            }
        }
        let Some((focus, typed)) = &self.focus else { return };
        let Some(element) = focus.find(&document).and_then(|e| e.dyn_into::<HtmlElement>().ok()) else { return };
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element.focus_with_options(&options);
        if let (Some(Typed { value, selection: (start, end) }), Some(input)) = (typed, element.dyn_ref::<HtmlInputElement>()) {
            if input.value() != *value {
                input.set_value(value);
            }
            let _ = input.set_selection_range(*start, *end);
            if !value.is_empty() {
                let init = EventInit::new();
                init.set_bubbles(true);
                if let Ok(keystroke) = Event::new_with_event_init_dict("input", &init) {
                    let _ = input.dispatch_event(&keystroke);
                }
            }
        }
    }
}

/// Whether the page shows the default view prerendered by `loupe build` (none in a Trunk-only
/// build; hidden when the URL asks for another view: `index.html` marks the page so).
pub fn shows_prerendered_page(document: &Document) -> bool {
    let other_view = document.document_element().is_some_and(|html| html.class_list().contains("other-view"));
    !other_view && document.get_element_by_id("prerendered").is_some_and(|page| page.child_element_count() > 0)
}

/// The view the reader chose on the prerendered page: its search box's text, the facet values
/// ticked, and undated documents left out.
fn chosen_view(page: &Element) -> Query {
    let mut query = Query::default();
    let input = |selector: &str| page.query_selector(selector).ok().flatten().and_then(|e| e.dyn_into::<HtmlInputElement>().ok());
    if let Some(search) = input("#search-input") {
        query.text = search.value();
    }
    for ticked in elements(page, "input[type=checkbox][data-facet]:checked") {
        let facet = ticked.get_attribute("data-facet").and_then(|key| Facet::from_key(&key));
        if let (Some(facet), Some(value)) = (facet, ticked.get_attribute("data-value")) {
            query.toggle(facet, &value);
        }
    }
    if let Some(undated) = input("#date-undated") {
        if undated.checked() != DateFilter::default().keeps_undated() {
            query.dates.undated = Some(undated.checked());
        }
    }
    query
}

/// The elements under `root` that `selector` picks.
fn elements(root: &Element, selector: &str) -> impl Iterator<Item = Element> {
    let found = root.query_selector_all(selector).ok();
    let count = found.as_ref().map_or(0, |list| list.length());
    (0..count).filter_map(move |i| found.as_ref()?.item(i)?.dyn_into::<Element>().ok())
}

impl Locator {
    /// Where `element` is, by ids inside `page` only (the page's own id is not the app's).
    fn of(element: &Element, page: &Element) -> Option<Locator> {
        let mut path = Vec::new();
        let mut at = element.clone();
        while at.id().is_empty() {
            let parent = at.parent_element()?;
            let index = (0..parent.child_element_count()).find(|&i| parent.children().item(i).as_ref() == Some(&at))?;
            path.push(index);
            at = parent;
        }
        if &at == page {
            return None;
        }
        path.reverse();
        Some(Locator { id: at.id(), path })
    }

    /// The element at this place in the document.
    fn find(&self, document: &Document) -> Option<Element> {
        self.path.iter().try_fold(document.get_element_by_id(&self.id)?, |at, &index| at.children().item(index))
    }
}
