//! The prerendered page: the app's default view, rendered at build time by the app's own
//! components, written into `index.html` between the template's two markers (replacing what an
//! earlier build wrote there, as a site built from a site holds its page), and the URL keys that
//! ask for another view, which the page's first script reads. A template without the markers
//! gets neither.

use super::finish::INDEX;
use super::{Error, Files};

/// Where the page starts in the template's `index.html`.
pub const START: &str = "<!-- loupe:prerendered -->";
/// Where it ends.
pub const END: &str = "<!-- /loupe:prerendered -->";

/// Where the URL keys start, in the page's first script.
pub const KEYS_START: &str = "/*loupe:url-keys*/";
/// Where they end.
pub const KEYS_END: &str = "/*/loupe:url-keys*/";

/// Writes `html` between the page's markers of `index.html`, and Loupe's URL keys (a JavaScript
/// array) between the keys' markers.
pub fn place(files: &mut Files, html: &str) -> Result<(), Error> {
    let index = files.get(INDEX).ok_or_else(|| Error::NotAnApp(format!("the template has no {INDEX}")))?;
    let index = std::str::from_utf8(index).map_err(|_| Error::NotAnApp(format!("its {INDEX} is not UTF-8")))?;
    let keys: Vec<String> = crate::query::url_keys().map(|key| format!("\"{key}\"")).collect();
    let index = between(index, (KEYS_START, KEYS_END), &format!("[{}]", keys.join(",")))?;
    let index = between(&index, (START, END), html)?;
    files.insert(INDEX.to_string(), index.into_bytes());
    Ok(())
}

/// `index` with `text` between the two markers (as it was, without the opening one).
fn between(index: &str, (open, close): (&str, &str), text: &str) -> Result<String, Error> {
    let Some(start) = index.find(open).map(|at| at + open.len()) else { return Ok(index.to_string()) };
    let end = index[start..].find(close).map(|at| start + at).ok_or_else(|| Error::NotAnApp(format!("its {INDEX} has {open} and never {close}")))?;
    Ok(format!("{}{text}{}", &index[..start], &index[end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index_with(body: &str) -> Files {
        Files::from([(INDEX.to_string(), format!("<body>{body}</body>").into_bytes())])
    }

    fn index(files: &Files) -> &str {
        std::str::from_utf8(&files[INDEX]).unwrap()
    }

    #[test]
    fn the_page_goes_between_the_markers_and_replaces_an_earlier_one() {
        let mut files = index_with(&format!("<div id=\"prerendered\">{START}{END}</div>"));
        place(&mut files, "<p>first</p>").unwrap();
        assert_eq!(index(&files), format!("<body><div id=\"prerendered\">{START}<p>first</p>{END}</div></body>"));
        place(&mut files, "<p>second</p>").unwrap();
        assert_eq!(index(&files), format!("<body><div id=\"prerendered\">{START}<p>second</p>{END}</div></body>"));
    }

    #[test]
    fn the_url_keys_go_between_their_markers() {
        let mut files = index_with(&format!("<script>var keys = {KEYS_START}[]{KEYS_END};</script>"));
        place(&mut files, "").unwrap();
        let expected: Vec<String> = crate::query::url_keys().map(|k| format!("\"{k}\"")).collect();
        assert_eq!(index(&files), format!("<body><script>var keys = {KEYS_START}[{}]{KEYS_END};</script></body>", expected.join(",")));
        assert!(expected.contains(&"\"q\"".to_string()) && expected.contains(&"\"theme\"".to_string()), "{expected:?}");
    }

    #[test]
    fn a_template_without_markers_gets_no_page() {
        let mut files = index_with("<main></main>");
        place(&mut files, "<p>page</p>").unwrap();
        assert_eq!(index(&files), "<body><main></main></body>");
    }

    #[test]
    fn an_unclosed_marker_is_an_error() {
        let mut files = index_with(START);
        assert!(matches!(place(&mut files, "<p>page</p>"), Err(Error::NotAnApp(_))));
    }
}
