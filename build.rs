//! Build script: a fingerprint of everything that decides what the corpus model extracts (the
//! corpus code and the data tables), so the corpus cache never serves what an older extractor
//! found. Cargo re-runs this whenever a file under those folders changes.

use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn main() {
    let mut all = Vec::new();
    for dir in ["src/corpus", "data"] {
        println!("cargo:rerun-if-changed={dir}");
        files(Path::new(dir), &mut all);
    }
    all.sort();
    // FNV-1a over paths and contents: stable, and enough to tell builds apart.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in &all {
        for b in p.to_string_lossy().bytes().chain(std::fs::read(p).unwrap_or_default()) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    println!("cargo:rustc-env=NEWSDESK_MODEL_FINGERPRINT={h:016x}");
}
