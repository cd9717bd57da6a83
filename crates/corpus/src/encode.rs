//! The binary corpus format: written by `loupe build` (placed into the app's wasm) and read once
//! by the app at start-up.
//!
//! Layout (all of it little-endian where fixed-width):
//!
//! | bytes | content |
//! |---|---|
//! | 0..6  | magic `LOUPE\0` |
//! | 6..8  | format version, `u16` ([`FORMAT_VERSION`]) |
//! | 8..   | the [`Corpus`] in postcard encoding |
//!
//! Postcard writes integers as LEB128 varints, strings and vectors as a varint length then the
//! items, structs as their fields in declaration order and enums as a varint variant index. So
//! the schema is the field order of the types in `model.rs` and `index.rs`: reordering, adding
//! or removing a field there is a format change and must bump [`FORMAT_VERSION`]. Posting lists
//! are ascending passage positions; they are stored as varints, so small corpora stay small.

use crate::model::Corpus;

pub const MAGIC: &[u8; 6] = b"LOUPE\0";
pub const FORMAT_VERSION: u16 = 3;

#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    NotACorpus,
    WrongVersion { found: u16, expected: u16 },
    Corrupt(String),
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::NotACorpus => write!(f, "not a Loupe corpus (bad magic bytes)"),
            DecodeError::WrongVersion { found, expected } => {
                write!(f, "corpus format version {found}, this build reads version {expected}")
            }
            DecodeError::Corrupt(why) => write!(f, "corrupt corpus: {why}"),
        }
    }
}

pub fn encode(corpus: &Corpus) -> Vec<u8> {
    let mut out = Vec::with_capacity(8 + corpus.passages.len() * 512);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    postcard::to_extend(corpus, out).expect("encoding into a Vec cannot fail")
}

pub fn decode(bytes: &[u8]) -> Result<Corpus, DecodeError> {
    let body = bytes.strip_prefix(MAGIC.as_slice()).ok_or(DecodeError::NotACorpus)?;
    let (version, body) = body.split_at_checked(2).ok_or(DecodeError::NotACorpus)?;
    let found = u16::from_le_bytes([version[0], version[1]]);
    if found != FORMAT_VERSION {
        return Err(DecodeError::WrongVersion { found, expected: FORMAT_VERSION });
    }
    postcard::from_bytes(body).map_err(|e| DecodeError::Corrupt(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_foreign_and_future_bytes() {
        assert_eq!(decode(b"hello world"), Err(DecodeError::NotACorpus));
        let mut bytes = encode(&Corpus::default());
        bytes[6] = 99;
        assert_eq!(decode(&bytes), Err(DecodeError::WrongVersion { found: 99, expected: FORMAT_VERSION }));
        let good = encode(&Corpus::default());
        assert_eq!(decode(&good), Ok(Corpus::default()));
        assert!(matches!(decode(&good[..good.len() - 1]), Err(DecodeError::Corrupt(_))));
    }
}
