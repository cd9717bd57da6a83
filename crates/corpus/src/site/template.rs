//! The app template: a prebuilt Loupe site (Trunk's release build) whose wasm modules (the
//! app's and the headless engine's) receive the corpus. It comes from `--template` (a site
//! folder or a template file), from inside the binary (feature `embedded-template`), or from the
//! checkout this binary was built in, where the first call prepares it with Trunk and later
//! calls reuse it while the app's sources are unchanged.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use sha2::{Digest, Sha256};

use super::{Error, Files};
use crate::slot;

/// The first bytes of a template file (`loupe template --pack`).
const PACK_MAGIC: &[u8; 16] = b"LOUPE-TEMPLATE\0\x01";

/// The template this binary carries (`LOUPE_TEMPLATE` names the file when it is compiled).
#[cfg(feature = "embedded-template")]
const EMBEDDED: Option<&[u8]> = Some(include_bytes!(env!("LOUPE_TEMPLATE")));
#[cfg(not(feature = "embedded-template"))]
const EMBEDDED: Option<&[u8]> = None;

/// The app's sources: a change to any of them makes a prepared template stale.
const APP_SOURCES: &[&str] = &[
    "Cargo.toml",
    "Cargo.lock",
    "Trunk.toml",
    "index.html",
    "src",
    "assets",
    "style",
    "crates/corpus/Cargo.toml",
    "crates/corpus/src",
    "crates/engine/Cargo.toml",
    "crates/engine/src",
];
/// Parts of the core's sources the app does not contain.
const NOT_IN_APP: &[&str] = &["crates/corpus/src/site"];

pub struct Template {
    pub files: Files,
    /// Where it came from, for messages.
    pub origin: String,
    /// The app's renderer of its default view, when the caller links the app (the `loupe`
    /// command does): a site built with it has its first page in `index.html`.
    pub prerender: Option<super::Prerender>,
}

impl Template {
    /// The template named by `--template`, else the one inside this binary, else the
    /// checkout's (prepared first if it is missing or stale; `progress` says so).
    pub fn locate(explicit: Option<&Path>, progress: &mut dyn FnMut(&str)) -> Result<Template, Error> {
        if let Some(path) = explicit {
            return Template::open(path);
        }
        if let Some(bytes) = EMBEDDED {
            return Template::from_pack(bytes, "the template inside this loupe");
        }
        Checkout::find()?.template(progress)
    }

    /// A site folder, or a template file.
    pub fn open(path: &Path) -> Result<Template, Error> {
        if path.is_dir() {
            return Template::from_dir(path);
        }
        let bytes = std::fs::read(path).map_err(|e| Error::NoTemplate(format!("{}: {e}", path.display())))?;
        Template::from_pack(&bytes, &path.display().to_string())
    }

    /// Every file under `dir` but dot files (such as the build marker) and precompressed copies.
    pub fn from_dir(dir: &Path) -> Result<Template, Error> {
        fn walk(dir: &Path, prefix: &str, files: &mut Files) -> Result<(), Error> {
            let io = |e| Error::NoTemplate(format!("{}: {e}", dir.display()));
            for entry in std::fs::read_dir(dir).map_err(io)? {
                let entry = entry.map_err(io)?;
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.starts_with('.') || super::compress::is_copy(&name) {
                    continue;
                }
                let path = entry.path();
                if path.is_dir() {
                    walk(&path, &format!("{prefix}{name}/"), files)?;
                } else {
                    files.insert(format!("{prefix}{name}"), std::fs::read(&path).map_err(|e| Error::NoTemplate(format!("{}: {e}", path.display())))?);
                }
            }
            Ok(())
        }
        let mut files = Files::new();
        walk(dir, "", &mut files)?;
        Ok(Template { files, origin: dir.display().to_string(), prerender: None })
    }

    fn from_pack(bytes: &[u8], origin: &str) -> Result<Template, Error> {
        let damaged = || Error::DamagedTemplate(format!("{origin} is not a Loupe template file"));
        let mut rest = bytes.strip_prefix(PACK_MAGIC.as_slice()).ok_or_else(damaged)?;
        let mut take = |n: usize| -> Result<&[u8], Error> {
            let (head, tail) = rest.split_at_checked(n).ok_or_else(damaged)?;
            rest = tail;
            Ok(head)
        };
        let mut files = Files::new();
        let count = u32::from_le_bytes(take(4)?.try_into().expect("four bytes"));
        for _ in 0..count {
            let name_len = u32::from_le_bytes(take(4)?.try_into().expect("four bytes")) as usize;
            let name = String::from_utf8(take(name_len)?.to_vec()).map_err(|_| damaged())?;
            let len = u64::from_le_bytes(take(8)?.try_into().expect("eight bytes")) as usize;
            files.insert(name, take(len)?.to_vec());
        }
        Ok(Template { files, origin: origin.to_string(), prerender: None })
    }

    /// The template as one file, for `--template` or for a binary that carries it.
    pub fn to_pack(&self) -> Vec<u8> {
        let mut out = PACK_MAGIC.to_vec();
        out.extend_from_slice(&(self.files.len() as u32).to_le_bytes());
        for (name, bytes) in &self.files {
            out.extend_from_slice(&(name.len() as u32).to_le_bytes());
            out.extend_from_slice(name.as_bytes());
            out.extend_from_slice(&(bytes.len() as u64).to_le_bytes());
            out.extend_from_slice(bytes);
        }
        out
    }

    /// The app's wasm module: besides the engine's, the only `.wasm` file, or the one holding a
    /// corpus slot.
    pub fn app_wasm(&self) -> Result<(&str, &[u8]), Error> {
        let modules: Vec<(&String, &Vec<u8>)> =
            self.files.iter().filter(|(name, _)| name.ends_with(".wasm") && !super::engine::is_engine_file(name)).collect();
        let found = match modules.as_slice() {
            [one] => Some(*one),
            many => many.iter().copied().find(|(_, bytes)| bytes.windows(slot::MAGIC.len()).any(|w| w == slot::MAGIC)),
        };
        let (name, bytes) = found.ok_or_else(|| Error::NotAnApp(format!("{} has no app wasm", self.origin)))?;
        Ok((name, bytes))
    }
}

/// The Loupe checkout this binary was built from, where a template can be prepared.
struct Checkout {
    root: PathBuf,
    store: PathBuf,
}

impl Checkout {
    fn find() -> Result<Checkout, Error> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        if !root.join("Trunk.toml").is_file() {
            return Err(Error::NoTemplate(
                "this loupe carries none and its Loupe checkout is gone: pass --template, or use a loupe that carries one (README.md)".into(),
            ));
        }
        let root = root.canonicalize().map_err(|e| Error::Io(root.clone(), e))?;
        let target = std::env::var_os("CARGO_TARGET_DIR").map(PathBuf::from).unwrap_or_else(|| root.join("target"));
        Ok(Checkout { root, store: target.join("loupe-template") })
    }

    /// The prepared template, prepared (again) first if missing or stale.
    fn template(&self, progress: &mut dyn FnMut(&str)) -> Result<Template, Error> {
        let fingerprint = self.fingerprint()?;
        let site = self.store.join("site");
        let recorded = std::fs::read_to_string(self.store.join("fingerprint")).unwrap_or_default();
        if recorded != fingerprint || !site.is_dir() {
            self.prepare(&fingerprint, progress)?;
        }
        Template::from_dir(&site)
    }

    /// A hash of the app's sources (paths and contents).
    fn fingerprint(&self) -> Result<String, Error> {
        fn add(path: &Path, root: &Path, hash: &mut Sha256) -> Result<(), Error> {
            let shown = path.strip_prefix(root).unwrap_or(path);
            if NOT_IN_APP.iter().any(|skip| shown == Path::new(skip)) {
                return Ok(());
            }
            if path.is_dir() {
                let mut entries: Vec<PathBuf> = std::fs::read_dir(path).map_err(|e| Error::Io(path.into(), e))?.flatten().map(|e| e.path()).collect();
                entries.sort();
                return entries.iter().try_for_each(|entry| add(entry, root, hash));
            }
            let bytes = std::fs::read(path).map_err(|e| Error::Io(path.into(), e))?;
            hash.update(shown.to_string_lossy().as_bytes());
            hash.update([0]);
            hash.update((bytes.len() as u64).to_le_bytes());
            hash.update(&bytes);
            Ok(())
        }
        let mut hash = Sha256::new();
        for source in APP_SOURCES {
            add(&self.root.join(source), &self.root, &mut hash)?;
        }
        Ok(hash.finalize().iter().map(|b| format!("{b:02x}")).collect())
    }

    /// Runs `trunk build --release` into the store (its output in `trunk.log`).
    fn prepare(&self, fingerprint: &str, progress: &mut dyn FnMut(&str)) -> Result<(), Error> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |e| Error::Io(path, e)
        };
        std::fs::create_dir_all(&self.store).map_err(io(&self.store))?;
        let log_path = self.store.join("trunk.log");
        progress(&format!("preparing the app template, once: trunk build --release (a few minutes; log in {})", log_path.display()));
        let staging = self.store.join("site.new");
        if staging.exists() {
            std::fs::remove_dir_all(&staging).map_err(io(&staging))?;
        }
        let log = std::fs::File::create(&log_path).map_err(io(&log_path))?;
        let mut path = std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()).collect::<Vec<_>>();
        path.insert(0, self.root.join("tests/node_modules/.bin"));
        if let Some(home) = std::env::var_os("HOME") {
            path.insert(0, Path::new(&home).join(".cargo/bin"));
        }
        let status = Command::new("trunk")
            .args(["build", "--release", "--dist"])
            .arg(&staging)
            .current_dir(&self.root)
            .env("PATH", std::env::join_paths(path).expect("PATH entries have no separator"))
            .env_remove("LOUPE_SEEDS")
            .stdin(Stdio::null())
            .stdout(log.try_clone().map_err(io(&log_path))?)
            .stderr(log)
            .status()
            .map_err(|e| Error::NoTemplate(format!("cannot run trunk ({e}): run `bash scripts/setup.sh` first")))?;
        if !status.success() {
            return Err(Error::NoTemplate(format!("trunk build --release failed; see {}", log_path.display())));
        }
        let site = self.store.join("site");
        if site.exists() {
            std::fs::remove_dir_all(&site).map_err(io(&site))?;
        }
        std::fs::rename(&staging, &site).map_err(io(&site))?;
        let recorded = self.store.join("fingerprint");
        std::fs::write(&recorded, fingerprint).map_err(io(&recorded))
    }
}
