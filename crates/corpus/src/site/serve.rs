//! `loupe serve`: the site built in memory and served on 127.0.0.1 by a small HTTP/1.1 server;
//! the seeds folder is polled, and a save rebuilds the site and reloads the open page.
//!
//! The served `index.html` gets one extra same-origin `<script src>` (the reload listener, which
//! opens an `EventSource` on this server), so the built site's CSP is served unchanged; a
//! deployed build never has it. No service worker is served (a cached build would hide the edit): the
//! listener marks the page so that the shell does not ask for one.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant, SystemTime};

use super::{Error, Files, Template};

const RELOAD_PATH: &str = "/__loupe/reload.js";
const EVENTS_PATH: &str = "/__loupe/events";
const POLL: Duration = Duration::from_millis(100);

/// The listener added to the served page: reloads it when the server's build changes.
const RELOAD_JS: &str = "\
// Added by `loupe serve` to the page it serves (never to a built site): reloads the page when
// the seeds have changed and the site has been rebuilt.
(function () {
  var build = new URL(document.currentScript.src).searchParams.get('build');
  // Tells the page shell not to register the service worker, which this server does not serve.
  document.documentElement.setAttribute('data-loupe-serve', '');
  if (navigator.serviceWorker) {
    navigator.serviceWorker.getRegistrations().then(function (all) { all.forEach(function (r) { r.unregister(); }); });
  }
  new EventSource('./__loupe/events').onmessage = function (event) {
    if (event.data !== build) location.reload();
  };
})();
";

/// The current build: its number and files.
struct Current {
    build: u64,
    files: Arc<Files>,
}

struct Shared {
    current: Mutex<Current>,
    changed: Condvar,
}

/// Builds the site over `seeds`, serves it on `127.0.0.1:port` and rebuilds it when the seeds
/// change, until the process is stopped. `say` reports builds and their diagnostics.
pub fn run(template: Template, seeds: &Path, port: u16, say: &(dyn Fn(&str) + Sync)) -> Result<(), Error> {
    let files = rebuild(&template, seeds, say)?;
    let listener = TcpListener::bind(("127.0.0.1", port)).map_err(|e| Error::Io(PathBuf::from(format!("127.0.0.1:{port}")), e))?;
    let address = listener.local_addr().map_err(|e| Error::Io(PathBuf::from("the listener"), e))?;
    let shared = Arc::new(Shared { current: Mutex::new(Current { build: 1, files: Arc::new(files) }), changed: Condvar::new() });
    say(&format!("serving http://{address}/ — watching {} (Ctrl-C stops)", seeds.display()));
    std::thread::scope(|scope| {
        scope.spawn(|| watch(&template, seeds, &shared, say));
        for stream in listener.incoming().flatten() {
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || respond(stream, &shared));
        }
    });
    Ok(())
}

/// Compiles the seeds and builds the site, reporting diagnostics and the time taken.
fn rebuild(template: &Template, seeds: &Path, say: &dyn Fn(&str)) -> Result<Files, Error> {
    let started = Instant::now();
    let (compiled, files) = super::from_seeds(template, seeds);
    for diagnostic in &compiled.diagnostics {
        say(&diagnostic.to_string());
    }
    let files = files?;
    let corpus = &compiled.corpus;
    say(&format!("built {} documents, {} passages in {} ms", corpus.documents.len(), corpus.passages.len(), started.elapsed().as_millis()));
    Ok(files)
}

/// What identifies the seeds folder's state: each file's name, length and modification time.
fn snapshot(seeds: &Path) -> Vec<(String, u64, Option<SystemTime>)> {
    let mut files: Vec<_> = std::fs::read_dir(seeds)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|entry| {
            let meta = entry.metadata().ok()?;
            meta.is_file().then(|| (entry.file_name().to_string_lossy().into_owned(), meta.len(), meta.modified().ok()))
        })
        .collect();
    files.sort();
    files
}

/// Polls the seeds folder; after a change, rebuilds and tells the open pages. A failed build
/// keeps the last good one.
fn watch(template: &Template, seeds: &Path, shared: &Shared, say: &dyn Fn(&str)) {
    let mut seen = snapshot(seeds);
    loop {
        std::thread::sleep(POLL);
        let now = snapshot(seeds);
        if now == seen {
            continue;
        }
        seen = now;
        match rebuild(template, seeds, say) {
            Ok(files) => {
                let mut current = shared.current.lock().expect("no thread panics holding it");
                current.build += 1;
                current.files = Arc::new(files);
                shared.changed.notify_all();
            }
            Err(e) => say(&format!("not rebuilt: {e}; still serving the last build")),
        }
    }
}

fn respond(stream: TcpStream, shared: &Shared) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut reader = BufReader::new(&stream);
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    // The headers are not needed; read them to the blank line.
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let mut parts = request.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let mut stream = stream;
    if method != "GET" && method != "HEAD" {
        let _ = send(&mut stream, "405 Method Not Allowed", "text/plain", b"GET or HEAD only\n", true);
        return;
    }
    if path == EVENTS_PATH {
        return events(stream, shared);
    }
    let (build, files) = {
        let current = shared.current.lock().expect("no thread panics holding it");
        (current.build, Arc::clone(&current.files))
    };
    let body = method == "GET";
    let name = crate::query::percent_decode(path.trim_start_matches('/'));
    let name = if name.is_empty() || name.ends_with('/') { format!("{name}index.html") } else { name };
    let _ = match (path, files.get(&name)) {
        (RELOAD_PATH, _) => send(&mut stream, "200 OK", "text/javascript", RELOAD_JS.as_bytes(), body),
        (_, Some(bytes)) if name == "index.html" => {
            let html = String::from_utf8_lossy(bytes);
            let tag = format!("<script src=\".{RELOAD_PATH}?build={build}\"></script>\n</head>");
            send(&mut stream, "200 OK", content_type(&name), html.replacen("</head>", &tag, 1).as_bytes(), body)
        }
        (_, Some(bytes)) if name != super::finish::WORKER => send(&mut stream, "200 OK", content_type(&name), bytes, body),
        _ => send(&mut stream, "404 Not Found", "text/plain", b"not found\n", body),
    };
}

fn send(stream: &mut TcpStream, status: &str, content_type: &str, bytes: &[u8], body: bool) -> std::io::Result<()> {
    let head = format!(
        "HTTP/1.1 {status}\r\ncontent-type: {content_type}\r\ncontent-length: {}\r\ncache-control: no-cache\r\nconnection: close\r\n\r\n",
        bytes.len()
    );
    stream.write_all(head.as_bytes())?;
    if body {
        stream.write_all(bytes)?;
    }
    stream.flush()
}

/// A server-sent event stream: the build number now, then each new one (and a comment now and
/// then, which ends the thread once the page has gone).
fn events(mut stream: TcpStream, shared: &Shared) {
    let head = "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ncache-control: no-cache\r\nconnection: keep-alive\r\n\r\n";
    if stream.write_all(head.as_bytes()).is_err() {
        return;
    }
    let mut sent = 0;
    loop {
        let build = {
            let current = shared.current.lock().expect("no thread panics holding it");
            let (current, _) = shared
                .changed
                .wait_timeout_while(current, Duration::from_secs(15), |c| c.build == sent)
                .expect("no thread panics holding it");
            current.build
        };
        let message = if build == sent { ": still here\n\n".to_string() } else { format!("data: {build}\n\n") };
        if stream.write_all(message.as_bytes()).and_then(|()| stream.flush()).is_err() {
            return;
        }
        sent = build;
    }
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit_once('.').map(|(_, ext)| ext) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("json") => "application/json",
        Some("webmanifest") => "application/manifest+json",
        Some("txt") => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}
