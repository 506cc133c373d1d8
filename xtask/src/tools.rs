//! Finds or installs the tools a build needs, each into a cache inside the repository.

use crate::{TaskResult, root};
use std::path::PathBuf;
use std::process::Command;

/// Where installed tools live (git-ignored, reused by later runs).
pub fn tools_dir() -> PathBuf {
    root().join("target").join("tools")
}

/// Runs a command, failing with its description when it cannot start or exits non-zero.
pub fn run(command: &mut Command, what: &str) -> TaskResult {
    let status = command
        .status()
        .map_err(|e| format!("{what}: could not start ({e})"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what}: failed ({status})"))
    }
}

/// Runs a command and returns its stdout, or `None` if it could not run or failed.
pub fn output(command: &mut Command) -> Option<String> {
    let out = command.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// Makes sure rustup has the wasm32-unknown-unknown target.
pub fn wasm_target() -> TaskResult {
    let installed = rustup(&["target", "list", "--installed"])?;
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    println!("xtask: installing the wasm32-unknown-unknown target (rustup, a few seconds)…");
    run(
        Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]),
        "rustup target add",
    )
}

/// Makes sure rustup has rustfmt and clippy (a minimal rustup profile has neither).
pub fn lint_components() -> TaskResult {
    let installed = rustup(&["component", "list", "--installed"])?;
    let missing: Vec<&str> = ["rustfmt", "clippy"]
        .into_iter()
        .filter(|c| !installed.lines().any(|l| l.starts_with(c)))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    println!(
        "xtask: installing {} (rustup, a few seconds)…",
        missing.join(" and ")
    );
    run(
        Command::new("rustup")
            .args(["component", "add"])
            .args(&missing),
        "rustup component add",
    )
}

/// The output of a rustup query, or the reason rustup is required.
fn rustup(args: &[&str]) -> TaskResult<String> {
    output(Command::new("rustup").args(args)).ok_or_else(|| {
        "rustup is required (the wasm32 target and rustfmt/clippy are installed through it): \
         see https://rustup.rs"
            .to_string()
    })
}

/// The wasm-bindgen version pinned in Cargo.lock.
fn locked_wasm_bindgen_version() -> TaskResult<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\""
            && let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
        {
            return Ok(version.trim_end_matches('"').to_string());
        }
    }
    Err("Cargo.lock has no wasm-bindgen entry".into())
}

/// The bin folder holding wasm-bindgen and wasm-bindgen-test-runner at the locked version.
pub fn wasm_bindgen() -> TaskResult<PathBuf> {
    let version = locked_wasm_bindgen_version()?;
    let bin = tools_dir().join("bin");
    let have = output(Command::new(bin.join("wasm-bindgen")).arg("--version")).unwrap_or_default();
    if have.split_whitespace().nth(1) == Some(version.as_str()) {
        return Ok(bin);
    }
    println!(
        "xtask: installing wasm-bindgen-cli {version} into target/tools (cargo install, about 3 minutes, once)…"
    );
    // No --locked: one locked dependency of the CLI is newer than some registry mirrors carry.
    run(
        Command::new("cargo")
            .args([
                "install",
                "wasm-bindgen-cli",
                "--version",
                &version,
                "--root",
            ])
            .arg(tools_dir()),
        "cargo install wasm-bindgen-cli",
    )?;
    Ok(bin)
}

/// Runs `npm ci` in `folder` (relative to the root) unless its node_modules is up to date.
pub fn npm_packages(folder: &str) -> TaskResult {
    let dir = root().join(folder);
    let lock = dir.join("package-lock.json");
    let marker = dir.join("node_modules").join(".package-lock.json");
    let fresh = match (std::fs::metadata(&lock), std::fs::metadata(&marker)) {
        (Ok(l), Ok(m)) => m.modified().ok() >= l.modified().ok(),
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    println!("xtask: installing npm packages in {folder} (npm ci, seconds)…");
    run(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(&dir),
        &format!("npm ci in {folder}"),
    )
}

/// The npm binaryen's wasm-opt (never Debian's, which breaks wasm-bindgen output).
pub fn wasm_opt() -> TaskResult<PathBuf> {
    npm_packages("xtask/npm")?;
    Ok(root().join("xtask/npm/node_modules/.bin/wasm-opt"))
}

/// Paths of chromium and chromedriver, installing Debian's packages when running as root.
pub fn chromium() -> TaskResult<(PathBuf, PathBuf)> {
    let browser =
        PathBuf::from(std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()));
    let driver = PathBuf::from(
        std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into()),
    );
    if browser.exists() && driver.exists() {
        return Ok((browser, driver));
    }
    let is_root = output(Command::new("id").arg("-u")).is_some_and(|id| id.trim() == "0");
    let debian = std::path::Path::new("/usr/bin/apt-get").exists();
    if !(is_root && debian) {
        return Err(
            "chromium and chromedriver are needed for the browser tests: run `sudo apt-get install -y chromium chromium-driver` (or set CHROMIUM and CHROMEDRIVER)".into(),
        );
    }
    println!("xtask: installing chromium and chromium-driver (apt-get, about a minute)…");
    run(
        Command::new("apt-get").arg("update").arg("-q"),
        "apt-get update",
    )?;
    run(
        Command::new("apt-get")
            .args(["install", "-y", "-q", "chromium", "chromium-driver"])
            .env("DEBIAN_FRONTEND", "noninteractive"),
        "apt-get install chromium chromium-driver",
    )?;
    Ok((browser, driver))
}

/// PATH with the tools folder first.
pub fn path_with(bin: &std::path::Path) -> String {
    let old = std::env::var("PATH").unwrap_or_default();
    format!("{}:{old}", bin.display())
}
