//! Counts in words, as a reader says them: "1 passage", "3 passages".

/// `n` with the singular or plural noun.
pub fn count_of(n: usize, singular: &str, plural: &str) -> String {
    format!("{n} {}", if n == 1 { singular } else { plural })
}
