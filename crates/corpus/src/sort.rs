//! Stable sorting through one shared instantiation of the standard library's sort.
//!
//! `slice::sort_by` is compiled anew for every element type and comparison, 3 to 4 KB of wasm
//! each; the engine sorted eight kinds of things, and their sort code was a tenth of its
//! gzipped wasm. [`sort_by`] sorts the positions `0..len` instead, always as `u32`s with the
//! comparison behind a `dyn`, so that there is one sort in the wasm, then moves the items into
//! that order (a few hundred bytes per element type): the engine's wasm is 6.2 KB smaller
//! gzipped.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably: the order `slice::sort_by` gives.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let mut order = sorted_positions(items.len(), &mut |a, b| compare(&items[a as usize], &items[b as usize]));
    permute(items, &mut order);
}

/// `0..len` sorted stably by `compare`; the one instantiation of the standard library's sort.
fn sorted_positions(len: usize, compare: &mut dyn FnMut(u32, u32) -> Ordering) -> Vec<u32> {
    // Positions are `u32`s, as passage and term numbers are everywhere in the corpus.
    let mut order: Vec<u32> = (0..len as u32).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Moves each `items[order[i]]` to `i`, one cycle of the permutation at a time (each element is
/// swapped at most once); `order` is left as `0..len`.
fn permute<T>(items: &mut [T], order: &mut [u32]) {
    for start in 0..items.len() {
        let mut at = start;
        loop {
            let from = order[at] as usize;
            order[at] = at as u32;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_library_does(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            // Compared on the first field only, so that equal keys test the stability.
            let mut ours = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut std = items;
            std.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn sorts_owned_values_and_leaves_nothing_behind() {
        let mut words: Vec<String> = ["pear", "fig", "apple", "fig", "kiwi"].map(String::from).to_vec();
        sort_by(&mut words, |a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        assert_eq!(words, ["apple", "kiwi", "pear", "fig", "fig"]);
        let mut none: Vec<String> = Vec::new();
        sort_by(&mut none, String::cmp);
        assert!(none.is_empty());
    }
}
