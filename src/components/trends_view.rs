//! The trends view: per theme, its share of the matching passages in each period (month or year,
//! from the span of the date range), as an SVG line chart in the theme colours with direct
//! labels, and a table of the same numbers. Hovering or focusing a period shows its counts;
//! choosing it (click, Enter) sets the date range to it; arrow keys move between periods. A
//! single period, which has no trend, shows each theme's share of it as bars.

use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use loupe_corpus::dates::{Bound, Scale};
use loupe_corpus::views::{trends, Trends};
use loupe_corpus::sort::sort_by;
use wasm_bindgen::JsCast;

use crate::plural::count_of;
use crate::state::corpus;
use crate::view::View;

// The chart's geometry, in whole SVG units (no float formatting in the wasm).
const LEFT: i32 = 44;
const PLOT_W: i32 = 480;
const LABELS_W: i32 = 240;
const TOP: i32 = 12;
const PLOT_H: i32 = 220;
const BOTTOM: i32 = 30;
/// Least distance between two direct labels.
const LABEL_GAP: i32 = 15;
/// Period labels drawn at most under the axis.
const AXIS_LABELS: usize = 10;

fn y(percent: u32) -> i32 {
    TOP + PLOT_H - percent as i32 * PLOT_H / 100
}

/// The themes some matching passage carries, in the taxonomy's order.
fn drawn_themes(t: &Trends) -> Vec<usize> {
    (0..corpus().themes.len()).filter(|&theme| t.counts.iter().any(|c| c[theme] > 0)).collect()
}

/// A period's counts in words: "2023: 12 passages — Trade & economy 50% (6), …".
fn readout(t: &Trends, period: usize) -> String {
    let c = corpus();
    let shares: Vec<String> = drawn_themes(t)
        .into_iter()
        .map(|theme| match t.percent(period, theme) {
            Some(p) => format!("{} {p}% ({})", c.themes[theme].label, t.counts[period][theme]),
            None => format!("{} —", c.themes[theme].label),
        })
        .collect();
    let total = count_of(t.totals[period] as usize, "passage", "passages");
    format!("{}: {total}{}{}", t.timeline.periods[period].label(), if shares.is_empty() { "" } else { " — " }, shares.join(", "))
}

/// Sets the date range to one period (the view stays, and re-scales to it).
fn choose(view: View, period: Bound) {
    view.update(|q| q.dates = q.dates.with_range(Some(period), Some(period)));
}

#[component]
pub fn TrendsView() -> impl IntoView {
    let view = expect_context::<View>();
    let data = Memo::new(move |_| {
        let dates = view.query.with(|q| q.dates);
        view.evaluation.with(|e| trends(corpus(), &e.passages, &dates))
    });
    let active = RwSignal::new(None::<usize>);
    let shown = move || {
        data.with(|t| {
            if t.totals.iter().all(|&n| n == 0) {
                return view! { <p class="view-help" data-testid="trends-empty">"No dated passage matches, so there is no trend to draw."</p> }.into_any();
            }
            let undated = (t.undated > 0).then(|| format!(" {} without a date are left out.", count_of(t.undated as usize, "passage", "passages")));
            if t.timeline.periods.len() == 1 {
                return view! {
                    <OnePeriodShares trends=t.clone() undated />
                    <TrendTable trends=t.clone() />
                }
                .into_any();
            }
            let noun = if t.timeline.scale == Scale::Year { "year" } else { "month" };
            view! {
                <p class="view-help">
                    {format!("Each line is a theme's share of the matching passages of each {noun}; a passage may carry several themes. Choose a {noun} to show only it.")}
                    {undated}
                </p>
                <TrendChart trends=t.clone() active />
                <p class="map-tooltip" aria-live="polite" data-testid="trend-readout">
                    {move || active.get().and_then(|i| data.with(|t| (i < t.totals.len()).then(|| readout(t, i))))}
                </p>
                <TrendTable trends=t.clone() />
            }
            .into_any()
        })
    };
    view! { <div class="trends" data-testid="trends">{shown}</div> }
}

/// One period has no trend to draw: each theme's share of its matching passages, as bars,
/// largest first.
#[component]
fn OnePeriodShares(trends: Trends, undated: Option<String>) -> impl IntoView {
    let c = corpus();
    let mut themes: Vec<(usize, u32)> = drawn_themes(&trends).into_iter().map(|theme| (theme, trends.percent(0, theme).unwrap_or(0))).collect();
    sort_by(&mut themes, |a, b| b.1.cmp(&a.1));
    let bars = themes
        .into_iter()
        .map(|(theme, percent)| {
            let t = &c.themes[theme];
            view! {
                <li data-theme=t.id.clone() style=format!("--theme:{}", t.colour)>
                    <span class="share-label">{t.label.clone()}</span>
                    <span class="share-track" aria-hidden="true"><span class="share-bar" style=format!("width:{percent}%")></span></span>
                    <span class="share-value">{format!("{percent}% ({})", trends.counts[0][theme])}</span>
                </li>
            }
        })
        .collect_view();
    let period = trends.timeline.periods[0].label();
    let total = count_of(trends.totals[0] as usize, "passage", "passages");
    view! {
        <p class="view-help">
            {format!("Every matching dated passage is from {period} ({total}), so there is no trend over time to draw. Each theme's share of them; a passage may carry several themes.")}
            {undated}
        </p>
        <ul class="trend-shares" data-testid="trend-shares">{bars}</ul>
    }
}

/// The direct labels' heights: at each line's last point, pushed apart to stay readable.
fn label_heights(ends: &[i32]) -> Vec<i32> {
    let mut order: Vec<usize> = (0..ends.len()).collect();
    sort_by(&mut order, |&a, &b| ends[a].cmp(&ends[b]));
    let mut placed = ends.to_vec();
    let mut previous = i32::MIN / 2;
    for &i in &order {
        placed[i] = ends[i].max(previous + LABEL_GAP);
        previous = placed[i];
    }
    let overflow = previous - (TOP + PLOT_H + BOTTOM - 4);
    if overflow > 0 {
        placed.iter_mut().for_each(|y| *y -= overflow);
    }
    placed
}

#[component]
fn TrendChart(trends: Trends, active: RwSignal<Option<usize>>) -> impl IntoView {
    let view = expect_context::<View>();
    let c = corpus();
    let periods = trends.timeline.periods.clone();
    let n = periods.len();
    let column = PLOT_W / n as i32;
    let x = move |i: usize| LEFT + (2 * i as i32 + 1) * PLOT_W / (2 * n as i32);
    let (width, height) = (LEFT + PLOT_W + LABELS_W, TOP + PLOT_H + BOTTOM);
    let themes = drawn_themes(&trends);
    let grid = [0, 25, 50, 75, 100]
        .into_iter()
        .map(|p| view! { <line x1=LEFT x2=LEFT + PLOT_W y1=y(p) y2=y(p) /><text x=LEFT - 6 y=y(p) + 4 text-anchor="end">{format!("{p}%")}</text> })
        .collect_view();
    let every = n.div_ceil(AXIS_LABELS);
    let axis = periods
        .iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0)
        .map(|(i, p)| view! { <text x=x(i) y=TOP + PLOT_H + 18 text-anchor="middle">{p.label()}</text> })
        .collect_view();
    // Roving focus: one period is in the Tab order; arrows move it.
    let focused = RwSignal::new(0usize);
    let focus_period = move |i: usize| {
        focused.set(i);
        if let Some(el) = document().get_element_by_id(&format!("trend-period-{i}")) {
            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    };
    let targets = periods
        .iter()
        .enumerate()
        .map(|(i, &period)| {
            let keydown = move |ev: KeyboardEvent| {
                let next = match ev.key().as_str() {
                    "ArrowRight" | "ArrowDown" => (i + 1).min(n - 1),
                    "ArrowLeft" | "ArrowUp" => i.saturating_sub(1),
                    "Home" => 0,
                    "End" => n - 1,
                    "Enter" | " " => {
                        ev.prevent_default();
                        return choose(view, period);
                    }
                    _ => return,
                };
                ev.prevent_default();
                focus_period(next);
            };
            view! {
                <g
                    class="trend-period"
                    class:active=move || active.get() == Some(i)
                    id=format!("trend-period-{i}")
                    role="button"
                    data-period=period.key()
                    tabindex=move || if focused.get() == i { "0" } else { "-1" }
                    aria-label=readout(&trends, i)
                    on:mouseenter=move |_| active.set(Some(i))
                    on:focus=move |_| {
                        focused.set(i);
                        active.set(Some(i));
                    }
                    on:click=move |_| choose(view, period)
                    on:keydown=keydown
                >
                    <rect x=LEFT + i as i32 * column y=TOP width=column height=PLOT_H />
                </g>
            }
        })
        .collect_view();
    let mut ends = Vec::new();
    let lines = themes
        .iter()
        .map(|&theme| {
            let colour = c.themes[theme].colour.clone();
            let mut path = String::new();
            let mut dots = Vec::new();
            let mut gap = true;
            for i in 0..n {
                match trends.percent(i, theme) {
                    Some(p) => {
                        path.push_str(&format!("{}{} {}", if gap { "M" } else { "L" }, x(i), y(p)));
                        dots.push(view! { <circle cx=x(i) cy=y(p) r="3.5" fill=colour.clone() /> });
                        gap = false;
                    }
                    None => gap = true,
                }
            }
            let last = (0..n).rev().find_map(|i| trends.percent(i, theme)).unwrap_or(0);
            ends.push((theme, last));
            view! { <g data-theme=c.themes[theme].id.clone()><path d=path stroke=colour.clone() /> {dots}</g> }
        })
        .collect_view();
    let heights = label_heights(&ends.iter().map(|&(_, p)| y(p)).collect::<Vec<_>>());
    let labels = ends
        .iter()
        .zip(heights)
        .map(|(&(theme, percent), at)| {
            let t = &c.themes[theme];
            let x0 = LEFT + PLOT_W + 6;
            view! {
                <line x1=x0 x2=x0 + 12 y1=at y2=at stroke=t.colour.clone() />
                <text x=x0 + 16 y=at + 4>{format!("{} {percent}%", t.label)}</text>
            }
        })
        .collect_view();
    // The same labels as a key under the chart, for a window too narrow to show them beside it.
    let key = ends
        .iter()
        .map(|&(theme, percent)| {
            let t = &c.themes[theme];
            view! {
                <li>
                    <svg width="12" height="12"><rect width="12" height="12" rx="2" fill=t.colour.clone() /></svg>
                    {format!("{} {percent}%", t.label)}
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="trend-scroll">
            <svg class="trend-chart" viewBox=format!("0 0 {width} {height}") width=width height=height role="group" aria-label="Theme shares per period" data-testid="trend-chart">
                <g class="trend-grid" aria-hidden="true">{grid}{axis}</g>
                {targets}
                <g class="trend-lines" aria-hidden="true">{lines}</g>
                <g class="trend-labels" aria-hidden="true">{labels}</g>
            </svg>
        </div>
        <ul class="trend-key" aria-hidden="true" data-testid="trend-key">{key}</ul>
    }
}

/// The numbers of the chart (or of the bars) as a table; a period's button sets the range to it.
#[component]
fn TrendTable(trends: Trends) -> impl IntoView {
    let view = expect_context::<View>();
    let c = corpus();
    let themes = drawn_themes(&trends);
    let header = themes.iter().map(|&t| view! { <th scope="col">{c.themes[t].label.clone()}</th> }).collect_view();
    let rows = trends
        .timeline
        .periods
        .iter()
        .enumerate()
        .map(|(i, &period)| {
            let cells = themes
                .iter()
                .map(|&t| view! { <td>{trends.percent(i, t).map_or("—".to_string(), |p| format!("{p}% ({})", trends.counts[i][t]))}</td> })
                .collect_view();
            view! {
                <tr data-period=period.key()>
                    <th scope="row"><button class="facet-more" on:click=move |_| choose(view, period)>{period.label()}</button></th>
                    <td>{trends.totals[i]}</td>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <details class="map-table">
            <summary>"The numbers as a table"</summary>
            <div class="trend-scroll">
                <table data-testid="trend-table">
                    <thead><tr><th scope="col">"Period"</th><th scope="col">"Passages"</th>{header}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </details>
    }
}
