//! The app's components, one per file; each only wires signals to markup.

pub mod active_filters;
pub mod facet_group;
pub mod facet_panel;
pub mod passage_card;
pub mod passage_list;
pub mod result_status;
pub mod search_box;
