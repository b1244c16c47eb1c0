//! `precompress DIR`: beside each text or wasm file of a built site (`dist/`), a gzip copy
//! `NAME.gz` made with zopfli, the slow and thorough deflate encoder, for a server that sends
//! such copies as they are (nginx `gzip_static on`, Caddy `precompressed gzip`, the test server
//! in tests/e2e/server.mjs). Zopfli's gzip is ordinary gzip, read by every browser; it is about
//! 5 % smaller than `gzip -9`, which on the slow network of the first-load target is ~0.15 s
//! for the page's wasm (README "First load").
//!
//! A copy is written only when it is smaller than the file; stale copies (of files that are gone
//! or changed since) are replaced or removed, so the folder never serves an old file.

use std::fs;
use std::io;
use std::num::NonZeroU64;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The kinds of file a browser asks for compressed: the page, its scripts, styles and wasm, the
/// example text.
const EXTENSIONS: &[&str] = &[
    "html",
    "js",
    "mjs",
    "css",
    "wasm",
    "txt",
    "json",
    "svg",
    "webmanifest",
];

/// Files below this size gain nothing worth a second file.
const MIN_BYTES: u64 = 512;

/// One file's outcome.
#[derive(Debug, PartialEq, Eq)]
struct Done {
    path: PathBuf,
    raw: u64,
    /// The size of the copy written, or `None` when none was (compression did not help).
    gz: Option<u64>,
}

/// The files of `dir` (and its folders) that get a copy, largest first.
fn candidates(dir: &Path) -> io::Result<Vec<(PathBuf, u64)>> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in fs::read_dir(&folder)? {
            let entry = entry?;
            let kind = entry.file_type()?;
            let path = entry.path();
            if kind.is_dir() {
                folders.push(path);
                continue;
            }
            let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
            if ext == "gz" {
                // A copy (of a kind this makes) whose file is gone is stale: remove it. Other
                // .gz files (an archive the site offers) are left alone.
                let base = path.with_extension("");
                let kind = base.extension().and_then(|e| e.to_str()).unwrap_or("");
                if EXTENSIONS.contains(&kind) && !base.exists() {
                    fs::remove_file(&path)?;
                }
                continue;
            }
            let len = entry.metadata()?.len();
            if kind.is_file() && EXTENSIONS.contains(&ext) {
                if len >= MIN_BYTES {
                    found.push((path, len));
                } else {
                    remove_copy(&path)?;
                }
            }
        }
    }
    found.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(found)
}

/// `name.wasm` → `name.wasm.gz`.
fn copy_path(path: &Path) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".gz");
    PathBuf::from(name)
}

fn remove_copy(path: &Path) -> io::Result<()> {
    match fs::remove_file(copy_path(path)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Zopfli's gzip of `bytes`: 15 iterations (its default), 5 above 2 MB where more gain little
/// and cost seconds.
fn gzip(bytes: &[u8]) -> io::Result<Vec<u8>> {
    let iterations = if bytes.len() > 2_000_000 { 5 } else { 15 };
    let options = zopfli::Options {
        iteration_count: NonZeroU64::new(iterations).unwrap_or(NonZeroU64::MIN),
        ..zopfli::Options::default()
    };
    let mut out = Vec::with_capacity(bytes.len() / 3);
    zopfli::compress(options, zopfli::Format::Gzip, bytes, &mut out)?;
    Ok(out)
}

/// Writes the copy of one file (or removes an old one when compression does not help).
fn one(path: &Path) -> io::Result<Done> {
    let bytes = fs::read(path)?;
    let raw = bytes.len() as u64;
    let packed = gzip(&bytes)?;
    if (packed.len() as u64) < raw {
        // Written aside, then renamed: an interrupted run never leaves a truncated copy that a
        // server would send.
        let copy = copy_path(path);
        let mut aside = copy.clone().into_os_string();
        aside.push(".part");
        fs::write(&aside, &packed)?;
        fs::rename(&aside, &copy)?;
        Ok(Done {
            path: path.to_path_buf(),
            raw,
            gz: Some(packed.len() as u64),
        })
    } else {
        remove_copy(path)?;
        Ok(Done {
            path: path.to_path_buf(),
            raw,
            gz: None,
        })
    }
}

/// Every copy of `dir`, made on as many threads as the machine has.
fn run(dir: &Path) -> io::Result<Vec<Done>> {
    let files = candidates(dir)?;
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some((path, _)) = files.get(i) else { break };
                        done.push(one(path));
                    }
                    done
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| {
                w.join().unwrap_or_else(|_| {
                    vec![Err(io::Error::other("a compressing thread panicked"))]
                })
            })
            .collect::<Vec<_>>()
    });
    let mut done = results.into_iter().collect::<io::Result<Vec<_>>>()?;
    done.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(done)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir] = args.as_slice() else {
        eprintln!(
            "usage: precompress DIR   (writes NAME.gz beside each text and wasm file of DIR)"
        );
        return ExitCode::from(2);
    };
    let dir = Path::new(dir);
    if !dir.is_dir() {
        eprintln!(
            "precompress: {} is not a folder (build the site first)",
            dir.display()
        );
        return ExitCode::from(2);
    }
    match run(dir) {
        Ok(done) => {
            for d in &done {
                let name = d.path.strip_prefix(dir).unwrap_or(&d.path).display();
                match d.gz {
                    Some(gz) => println!("precompress: {name:<44} {:>9} -> {:>9} bytes", d.raw, gz),
                    None => println!(
                        "precompress: {name:<44} {:>9} bytes, left as it is (gzip is no smaller)",
                        d.raw
                    ),
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("precompress: {}: {e}", dir.display());
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn gunzip(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        flate2::read::GzDecoder::new(bytes)
            .read_to_end(&mut out)
            .expect("a valid gzip stream");
        out
    }

    /// A fresh folder under the system's temp folder.
    fn folder(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("precompress-test-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("sub")).unwrap();
        dir
    }

    #[test]
    fn copies_read_back_as_the_files_and_only_the_right_files_get_one() {
        let dir = folder("kinds");
        let sample = include_bytes!("../../../fixtures/xinjiang-korla-chaoyang-2024-budget.txt");
        fs::write(dir.join("example.txt"), sample).unwrap();
        fs::write(dir.join("sub/app.js"), "const a = 1;\n".repeat(200)).unwrap();
        fs::write(dir.join("tiny.css"), "body{margin:0}").unwrap();
        fs::write(dir.join("image.png"), vec![7u8; 4000]).unwrap();
        // Bytes deflate cannot shrink: no copy.
        let mut x = 0x9e37_79b9_7f4a_7c15_u64;
        let noise: Vec<u8> = (0..4000)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 32) as u8
            })
            .collect();
        fs::write(dir.join("noise.wasm"), &noise).unwrap();
        // A stale copy of a file that is gone, and one of a file now too small; an archive the
        // site offers, which is no copy.
        fs::write(dir.join("gone.js.gz"), b"old").unwrap();
        fs::write(dir.join("data.tar.gz"), b"an archive").unwrap();
        fs::write(dir.join("tiny.css.gz"), b"old").unwrap();

        let done = run(&dir).unwrap();

        let gz = fs::read(dir.join("example.txt.gz")).unwrap();
        assert_eq!(gunzip(&gz), sample);
        assert!(
            gz.len() * 3 < sample.len(),
            "the sample packs to {} of {} bytes",
            gz.len(),
            sample.len()
        );
        assert_eq!(
            gunzip(&fs::read(dir.join("sub/app.js.gz")).unwrap()),
            "const a = 1;\n".repeat(200).as_bytes()
        );
        for absent in [
            "tiny.css.gz",
            "image.png.gz",
            "noise.wasm.gz",
            "gone.js.gz",
            "example.txt.gz.part",
        ] {
            assert!(!dir.join(absent).exists(), "{absent} should not be there");
        }
        assert_eq!(fs::read(dir.join("data.tar.gz")).unwrap(), b"an archive");
        let names: Vec<_> = done
            .iter()
            .map(|d| {
                (
                    d.path.strip_prefix(&dir).unwrap().to_path_buf(),
                    d.gz.is_some(),
                )
            })
            .collect();
        assert_eq!(
            names,
            [
                (PathBuf::from("example.txt"), true),
                (PathBuf::from("noise.wasm"), false),
                (PathBuf::from("sub/app.js"), true)
            ]
        );
        // Run again: same copies, nothing left over.
        assert_eq!(run(&dir).unwrap(), done);
        fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn smaller_than_the_best_ordinary_gzip() {
        let sample = include_bytes!("../../../fixtures/xinjiang-korla-chaoyang-2024-budget.txt");
        let mut best = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        io::Write::write_all(&mut best, sample).unwrap();
        let best = best.finish().unwrap();
        let ours = gzip(sample).unwrap();
        assert!(
            ours.len() < best.len(),
            "zopfli {} bytes, gzip -9 {} bytes",
            ours.len(),
            best.len()
        );
    }
}
