//! Placing an encoded corpus into the app's prebuilt wasm module: a new active data segment at
//! the end of the initial memory (whose minimum grows to hold it), and the app's corpus slot
//! ([`crate::slot`]) pointing at it. A corpus placed earlier is taken out first, so any Loupe
//! site's wasm serves as a template.

use std::ops::Range;

use wasm_encoder::{ConstExpr, DataCountSection, DataSection, MemorySection, MemoryType, Module, RawSection};
use wasmparser::{DataKind, Operator, Parser, Payload, Validator};

use super::Error;
use crate::encode::FORMAT_VERSION;
use crate::slot::{self, Slot};

const PAGE: u64 = 65_536;
/// Pages a 32-bit memory can have at most (4 GiB).
const MAX_PAGES: u64 = 65_536;

/// What the builder needs to know about an app module.
struct App<'a> {
    /// Sections in order: id and byte range (of the contents, after the size).
    sections: Vec<(u8, Range<usize>)>,
    memory: wasmparser::MemoryType,
    segments: Vec<Segment<'a>>,
    /// Index of the segment holding the slot, and the slot's position in it.
    slot_at: (usize, usize),
    slot: Slot,
}

struct Segment<'a> {
    /// `None` for a passive segment.
    offset: Option<u32>,
    data: &'a [u8],
}

/// The corpus format version an app module reads (from its custom section).
pub fn format_version(module: &[u8]) -> Result<u16, Error> {
    for payload in Parser::new(0).parse_all(module) {
        let payload = payload.map_err(|e| Error::DamagedTemplate(e.to_string()))?;
        if let Payload::CustomSection(section) = payload {
            if section.name() == slot::FORMAT_SECTION {
                return match section.data() {
                    [a, b] => Ok(u16::from_le_bytes([*a, *b])),
                    _ => Err(Error::NotAnApp(format!("its `{}` section is not a version number", slot::FORMAT_SECTION))),
                };
            }
        }
    }
    Err(Error::NotAnApp(format!("it has no `{}` section", slot::FORMAT_SECTION)))
}

/// The corpus bytes placed into an app module, if any.
pub fn placed_corpus(module: &[u8]) -> Result<Option<&[u8]>, Error> {
    let app = App::read(module)?;
    Ok(app.corpus_segment().map(|i| app.segments[i].data))
}

/// A copy of `module` holding `corpus`, replacing a corpus placed earlier.
pub fn place(module: &[u8], corpus: &[u8]) -> Result<Vec<u8>, Error> {
    Validator::new().validate_all(module).map_err(|e| Error::DamagedTemplate(e.to_string()))?;
    let found = format_version(module)?;
    if found != FORMAT_VERSION {
        return Err(Error::FormatMismatch { template: found, binary: FORMAT_VERSION });
    }
    let app = App::read(module)?;
    let old = app.corpus_segment();
    // The corpus goes where the app's own initial memory ends (where an earlier corpus began).
    let base_pages = match (old, app.slot.placed()) {
        (Some(_), Some((offset, _))) => u64::from(offset) / PAGE,
        _ => app.memory.initial,
    };
    let corpus_pages = (corpus.len() as u64).div_ceil(PAGE);
    let maximum = app.memory.maximum.unwrap_or(MAX_PAGES).min(MAX_PAGES);
    // Decoding needs about as much heap again as the corpus takes.
    if base_pages + 2 * corpus_pages > maximum {
        return Err(Error::CorpusTooLarge { corpus: corpus.len() as u64, memory: maximum * PAGE, app: base_pages * PAGE });
    }
    let offset = u32::try_from(base_pages * PAGE).expect("below the 32-bit maximum, checked above");

    let mut slot_bytes = [0u8; slot::SIZE];
    slot_bytes[..16].copy_from_slice(&slot::MAGIC);
    slot_bytes[16..20].copy_from_slice(&offset.to_le_bytes());
    slot_bytes[20..].copy_from_slice(&(corpus.len() as u32).to_le_bytes());
    let mut data = DataSection::new();
    for (i, segment) in app.segments.iter().enumerate() {
        if Some(i) == old {
            continue;
        }
        let bytes: std::borrow::Cow<[u8]> = if i == app.slot_at.0 {
            let mut patched = segment.data.to_vec();
            patched[app.slot_at.1..app.slot_at.1 + slot::SIZE].copy_from_slice(&slot_bytes);
            patched.into()
        } else {
            segment.data.into()
        };
        match segment.offset {
            Some(at) => data.active(0, &ConstExpr::i32_const(at as i32), bytes.iter().copied()),
            None => data.passive(bytes.iter().copied()),
        };
    }
    data.active(0, &ConstExpr::i32_const(offset as i32), corpus.iter().copied());

    let mut memories = MemorySection::new();
    memories.memory(MemoryType {
        minimum: base_pages + corpus_pages,
        maximum: app.memory.maximum,
        memory64: false,
        shared: app.memory.shared,
        page_size_log2: None,
    });
    let mut out = Module::new();
    for (id, range) in &app.sections {
        match id {
            5 => out.section(&memories),
            11 => out.section(&data),
            12 => out.section(&DataCountSection { count: data.len() }),
            _ => out.section(&RawSection { id: *id, data: &module[range.clone()] }),
        };
    }
    Ok(out.finish())
}

impl<'a> App<'a> {
    fn read(module: &'a [u8]) -> Result<Self, Error> {
        let damaged = |e: wasmparser::BinaryReaderError| Error::DamagedTemplate(e.to_string());
        let mut sections = Vec::new();
        let mut memory = None;
        let mut segments = Vec::new();
        for payload in Parser::new(0).parse_all(module) {
            let payload = payload.map_err(damaged)?;
            match &payload {
                Payload::ImportSection(imports) => {
                    for import in imports.clone().into_imports() {
                        if matches!(import.map_err(damaged)?.ty, wasmparser::TypeRef::Memory(_)) {
                            return Err(Error::NotAnApp("it imports its memory".into()));
                        }
                    }
                }
                Payload::MemorySection(memories) => {
                    let all: Vec<_> = memories.clone().into_iter().collect::<Result<_, _>>().map_err(damaged)?;
                    match all.as_slice() {
                        [one] if !one.memory64 && one.page_size_log2.is_none() => memory = Some(*one),
                        _ => return Err(Error::NotAnApp("it needs exactly one 32-bit memory".into())),
                    }
                }
                Payload::DataSection(reader) => {
                    for segment in reader.clone() {
                        let segment = segment.map_err(damaged)?;
                        let offset = match segment.kind {
                            DataKind::Passive => None,
                            DataKind::Active { offset_expr, .. } => match offset_expr.get_operators_reader().read().map_err(damaged)? {
                                Operator::I32Const { value } => Some(value as u32),
                                _ => return Err(Error::NotAnApp("a data segment's address is not a constant".into())),
                            },
                        };
                        segments.push(Segment { offset, data: segment.data });
                    }
                }
                _ => {}
            }
            if let Some((id, range)) = payload.as_section() {
                sections.push((id, range.start as usize..range.end as usize));
            }
        }
        let memory = memory.ok_or_else(|| Error::NotAnApp("it has no memory".into()))?;
        if !sections.iter().any(|(id, _)| *id == 11) {
            return Err(Error::NotAnApp("it has no data".into()));
        }
        let mut found = segments.iter().enumerate().filter(|(_, s)| s.offset.is_some()).flat_map(|(i, s)| {
            s.data.windows(slot::MAGIC.len()).enumerate().filter(|(_, w)| *w == slot::MAGIC).map(move |(at, _)| (i, at))
        });
        let slot_at = match (found.next(), found.next()) {
            (Some(at), None) => at,
            (None, _) => return Err(Error::NotAnApp("it has no corpus slot".into())),
            (Some(_), Some(_)) => return Err(Error::NotAnApp("it has more than one corpus slot".into())),
        };
        let bytes = segments[slot_at.0].data.get(slot_at.1..slot_at.1 + slot::SIZE).ok_or_else(|| Error::NotAnApp("its corpus slot is cut short".into()))?;
        let word = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().expect("four bytes"));
        let slot = Slot { magic: slot::MAGIC, offset: word(16), len: word(20) };
        Ok(App { sections, memory, segments, slot_at, slot })
    }

    /// The segment an earlier placement added: at the slot's address, of the slot's length.
    fn corpus_segment(&self) -> Option<usize> {
        let (offset, len) = self.slot.placed()?;
        self.segments.iter().position(|s| s.offset == Some(offset) && s.data.len() == len as usize)
    }
}
