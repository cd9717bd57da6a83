//! The Leptos floor: the smallest client-side Leptos app with the parts Loupe's list relies on
//! (a signal, an event handler, a keyed `<For>`), built with the app's release profile.

use leptos::prelude::*;

#[component]
fn Counter() -> impl IntoView {
    let (count, set_count) = signal(0u32);
    let items = move || (0..count.get()).collect::<Vec<u32>>();
    view! {
        <button on:click=move |_| set_count.update(|n| *n += 1)>{count}</button>
        <ul>
            <For each=items key=|i| *i let:i>
                <li>{i}</li>
            </For>
        </ul>
    }
}

fn main() {
    mount_to_body(Counter);
}
