//! The release wasm build: cargo → wasm-bindgen `--target web` → wasm-opt, into `pkg/`.
//! Skipped when `pkg/` is newer than every input.

use crate::tools::{self, run};
use crate::{TaskResult, root};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::SystemTime;

/// The crate's name as wasm-bindgen writes it.
pub const CRATE: &str = "automl_playground";

/// The optimized module in `pkg/`.
pub fn wasm_file() -> PathBuf {
    root().join("pkg").join(format!("{CRATE}_bg.wasm"))
}

fn newest_in(path: &Path) -> Option<SystemTime> {
    let meta = std::fs::metadata(path).ok()?;
    if meta.is_file() {
        return meta.modified().ok();
    }
    std::fs::read_dir(path)
        .ok()?
        .flatten()
        .filter_map(|entry| newest_in(&entry.path()))
        .max()
}

fn is_stale() -> bool {
    let built = newest_in(&wasm_file());
    let inputs = ["src", "Cargo.toml", "Cargo.lock", ".cargo/config.toml"];
    let newest_input = inputs
        .iter()
        .filter_map(|p| newest_in(&root().join(p)))
        .max();
    built.is_none() || newest_input > built
}

/// Builds `pkg/` if it is missing or stale; returns the path of the `.wasm`.
pub fn wasm() -> TaskResult<PathBuf> {
    tools::wasm_target()?;
    let bin = tools::wasm_bindgen()?;
    let wasm_opt = tools::wasm_opt()?;
    if !is_stale() {
        return Ok(wasm_file());
    }
    println!("xtask: building the wasm module (release, ~30 s the first time)…");
    run(
        Command::new("cargo")
            .args([
                "build",
                "--release",
                "--lib",
                "--target",
                "wasm32-unknown-unknown",
            ])
            .current_dir(root()),
        "cargo build (wasm32)",
    )?;
    let raw = root()
        .join("target/wasm32-unknown-unknown/release")
        .join(format!("{CRATE}.wasm"));
    let pkg = root().join("pkg");
    run(
        Command::new(bin.join("wasm-bindgen"))
            .args(["--target", "web", "--no-typescript", "--out-dir"])
            .arg(&pkg)
            .arg(&raw),
        "wasm-bindgen",
    )?;
    let out = wasm_file();
    run(
        Command::new(&wasm_opt)
            // --converge repeats -Oz while it still shrinks the module (1.3 KB gzipped).
            // --low-memory-unused lets `p + c` (c < 1024) become a load offset, which cannot
            // wrap round: true of Rust's pointers, whose stack sits at the bottom of memory and
            // traps when it overflows (1.4 KB gzipped).
            .args([
                "-Oz",
                "--converge",
                "--low-memory-unused",
                "--strip-producers",
                "--enable-bulk-memory",
                "--enable-nontrapping-float-to-int",
                "--enable-simd",
                "--enable-sign-ext",
                "--enable-mutable-globals",
                "--enable-reference-types",
                "--enable-multivalue",
            ])
            .arg(&out)
            .arg("-o")
            .arg(&out),
        "wasm-opt",
    )?;
    let size = std::fs::metadata(&out).map(|m| m.len()).unwrap_or(0);
    println!("xtask: pkg/{CRATE}_bg.wasm is {} KB", size / 1024);
    Ok(out)
}
