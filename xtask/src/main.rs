//! Project tasks: `cargo xtask serve | build | test | dist`.
//!
//! Every task installs what it is missing (the wasm32 target, the wasm-bindgen CLI at the
//! exact version in Cargo.lock, npm packages, and on Debian as root chromium) into caches
//! inside the repository, so a fresh clone needs nothing but Rust, Node.js and npm.

mod build;
mod dist;
mod flatten;
mod serve;
mod tee;
mod test;
mod tools;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: cargo xtask <command>
  serve [--port 8000]   build what is missing or stale, then serve the playground
  build                 build the wasm package into pkg/
  test                  run every test layer (fmt, clippy, native, wasm in chromium, end-to-end)
  dist                  write dist/ (static site) and dist/automl-playground.html (one file)";

/// The repository root (the parent of xtask/).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the repository")
        .to_path_buf()
}

/// A task's failure, printed as one line.
pub type TaskResult<T = ()> = Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let outcome = match args.first().map(String::as_str) {
        Some("serve") => serve::run(&args[1..]),
        Some("build") => build::wasm().map(|_| ()),
        Some("test") => test::run(),
        Some("dist") => dist::run(),
        _ => Err(USAGE.to_string()),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}
