//! The app's components, one per file; each only wires signals to markup.

pub mod active_filters;
pub mod concordance;
pub mod copy_button;
pub mod cooccurrence_matrix;
pub mod date_histogram;
pub mod empty_state;
pub mod facet_group;
pub mod facet_panel;
pub mod filter_drawer;
pub mod hidden_target;
pub mod passage_card;
pub mod passage_list;
pub mod passage_text;
pub mod reading_view;
pub mod result_status;
pub mod search_box;
pub mod theme_map;
pub mod trends_view;
pub mod view_tabs;
