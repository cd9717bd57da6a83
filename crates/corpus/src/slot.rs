//! Where the app finds its corpus: a small descriptor in the wasm's data that `loupe build`
//! fills in after placing the encoded corpus at the end of the app's initial memory.
//!
//! The app (`src/state.rs`) holds one [`Slot`] as a static, starting as [`Slot::EMPTY`], and
//! reads it with a volatile load, so that neither rustc nor wasm-opt can fold the placeholder
//! into the code. The site builder (`site::wasm`) finds the slot by its [`MAGIC`] in the
//! module's data segments and writes the corpus's address and length into it. The app also
//! carries the corpus format it reads, as the custom section [`FORMAT_SECTION`] holding
//! [`crate::encode::FORMAT_VERSION`] as a little-endian `u16`, which the builder checks.

/// The first 16 bytes of the slot; found exactly once in a Loupe app's data.
pub const MAGIC: [u8; 16] = *b"loupe:corpus-at:";

/// What `offset` and `len` hold before a corpus is placed (all ones, never zero, so that
/// wasm-opt's memory packing keeps them inside the data segment).
pub const UNSET: u32 = u32::MAX;

/// The slot's size in bytes: the magic, then `offset` and `len` (little-endian `u32`s).
pub const SIZE: usize = 24;

/// The name of the custom section that holds the corpus format version the app reads.
pub const FORMAT_SECTION: &str = "loupe-corpus-format";

#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    pub magic: [u8; 16],
    /// Address of the corpus in linear memory.
    pub offset: u32,
    /// Length of the corpus in bytes.
    pub len: u32,
}

impl Slot {
    pub const EMPTY: Slot = Slot { magic: MAGIC, offset: UNSET, len: UNSET };

    /// Where the corpus is, if one was placed.
    pub fn placed(&self) -> Option<(u32, u32)> {
        (self.offset != UNSET).then_some((self.offset, self.len))
    }
}

const _: () = assert!(std::mem::size_of::<Slot>() == SIZE);
