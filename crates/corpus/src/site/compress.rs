//! Precompressed copies beside a site's text and wasm files (`app.wasm.br`, `app.wasm.gz`), so
//! that a host that serves them (Netlify, Cloudflare Pages, nginx with `gzip_static` and
//! `brotli_static`, Caddy's `precompressed`, `loupe serve` aside) sends brotli or gzip at the
//! highest levels without compressing per request. A template's copies are ignored: every build
//! makes its own.

use super::Files;

/// Brotli's highest quality and its largest standard window (16 MB); above [`LARGE`] bytes a
/// lower quality, as quality 11 takes seconds per megabyte and `loupe build` has a budget.
const BROTLI_QUALITY: i32 = 11;
const BROTLI_QUALITY_LARGE: i32 = 9;
const LARGE: usize = 1 << 20;
const BROTLI_WINDOW: i32 = 24;

/// A precompressed copy, made by [`add_copies`].
pub fn is_copy(name: &str) -> bool {
    name.ends_with(".br") || name.ends_with(".gz")
}

fn compressible(name: &str) -> bool {
    [".html", ".js", ".wasm", ".css", ".webmanifest", ".svg", ".json"].iter().any(|ext| name.ends_with(ext))
}

fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() / 3);
    let quality = if bytes.len() > LARGE { BROTLI_QUALITY_LARGE } else { BROTLI_QUALITY };
    let params = brotli::enc::BrotliEncoderParams { quality, lgwin: BROTLI_WINDOW, ..Default::default() };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).expect("compressing into a Vec cannot fail");
    out
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::with_capacity(bytes.len() / 3), flate2::Compression::best());
    encoder.write_all(bytes).expect("compressing into a Vec cannot fail");
    encoder.finish().expect("compressing into a Vec cannot fail")
}

/// Adds `<name>.br` and `<name>.gz` beside every compressible file, replacing any earlier
/// copies; files are compressed in parallel.
pub fn add_copies(files: &mut Files) {
    files.retain(|name, _| !is_copy(name));
    let copies: Vec<(String, Vec<u8>)> = std::thread::scope(|scope| {
        let jobs: Vec<_> = files
            .iter()
            .filter(|(name, _)| compressible(name))
            .flat_map(|(name, bytes)| {
                [(format!("{name}.br"), brotli as fn(&[u8]) -> Vec<u8>), (format!("{name}.gz"), gzip)]
                    .map(|(copy, compress)| scope.spawn(move || (copy, compress(bytes))))
            })
            .collect();
        jobs.into_iter().map(|job| job.join().expect("compressing does not panic")).collect()
    });
    files.extend(copies);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_decompress_to_the_file_and_replace_old_ones() {
        let mut files = Files::new();
        files.insert("index.html".into(), b"<p>hello hello hello</p>".repeat(50));
        files.insert("icons/a.png".into(), vec![1, 2, 3]);
        files.insert("old.js.br".into(), vec![0]);
        add_copies(&mut files);
        let names: Vec<&str> = files.keys().map(String::as_str).collect();
        assert_eq!(names, ["icons/a.png", "index.html", "index.html.br", "index.html.gz"]);
        let mut html = Vec::new();
        brotli::BrotliDecompress(&mut &files["index.html.br"][..], &mut html).unwrap();
        assert_eq!(html, files["index.html"]);
        let mut html = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&files["index.html.gz"][..]), &mut html).unwrap();
        assert_eq!(html, files["index.html"]);
    }
}
