//! The prerendered page: the app's default view, rendered at build time by the app's own
//! components, written into `index.html` between the template's two markers (replacing what an
//! earlier build wrote there, as a site built from a site holds its page). A template without
//! the markers gets no page.

use super::finish::INDEX;
use super::{Error, Files};

/// Where the page starts in the template's `index.html`.
pub const START: &str = "<!-- loupe:prerendered -->";
/// Where it ends.
pub const END: &str = "<!-- /loupe:prerendered -->";

/// Writes `html` between the markers of `index.html`.
pub fn place(files: &mut Files, html: &str) -> Result<(), Error> {
    let index = files.get(INDEX).ok_or_else(|| Error::NotAnApp(format!("the template has no {INDEX}")))?;
    let index = std::str::from_utf8(index).map_err(|_| Error::NotAnApp(format!("its {INDEX} is not UTF-8")))?;
    let Some(start) = index.find(START).map(|at| at + START.len()) else { return Ok(()) };
    let end = index[start..].find(END).map(|at| start + at).ok_or_else(|| Error::NotAnApp(format!("its {INDEX} opens the prerendered page and never closes it ({END})")))?;
    let placed = format!("{}{html}{}", &index[..start], &index[end..]);
    files.insert(INDEX.to_string(), placed.into_bytes());
    Ok(())
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
