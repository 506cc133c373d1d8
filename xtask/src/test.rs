//! `cargo xtask test`: every test layer, one summary line each; non-zero exit if any fails.

use crate::tools::{self, run as run_command};
use crate::{TaskResult, dist, root};
use std::process::Command;
use std::time::Instant;

fn cargo(args: &[&str]) -> Command {
    let mut command = Command::new("cargo");
    command.args(args).current_dir(root());
    command
}

fn wasm_tests() -> TaskResult {
    tools::wasm_target()?;
    let bin = tools::wasm_bindgen()?;
    let (_, driver) = tools::chromium()?;
    run_command(
        cargo(&[
            "test",
            "--target",
            "wasm32-unknown-unknown",
            "--test",
            "browser",
        ])
        .env("PATH", tools::path_with(&bin))
        .env("CHROMEDRIVER", driver)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120"),
        "wasm-bindgen-test in chromium",
    )
}

fn end_to_end() -> TaskResult {
    tools::chromium()?;
    // dist builds the wasm first; the e2e server and the single-file test both need dist/.
    dist::run()?;
    tools::npm_packages("tests/e2e")?;
    run_command(
        Command::new("npx")
            .args(["playwright", "test"])
            .current_dir(root().join("tests/e2e")),
        "playwright end-to-end tests",
    )
}

/// `cargo xtask test`: runs every layer in order and prints one line per layer.
pub fn run() -> TaskResult {
    type Layer = (&'static str, fn() -> TaskResult);
    let layers: [Layer; 5] = [
        ("format (cargo fmt --check)", || {
            tools::lint_components()?;
            run_command(&mut cargo(&["fmt", "--all", "--", "--check"]), "cargo fmt")
        }),
        ("lint (cargo clippy -D warnings, native and wasm32)", || {
            run_command(
                &mut cargo(&[
                    "clippy",
                    "--workspace",
                    "--all-targets",
                    "--",
                    "-D",
                    "warnings",
                ]),
                "cargo clippy",
            )?;
            tools::wasm_target()?;
            run_command(
                &mut cargo(&[
                    "clippy",
                    "--lib",
                    "--tests",
                    "--target",
                    "wasm32-unknown-unknown",
                    "--",
                    "-D",
                    "warnings",
                ]),
                "cargo clippy (wasm32)",
            )
        }),
        ("native tests (cargo test)", || {
            run_command(&mut cargo(&["test", "--workspace"]), "cargo test")
        }),
        ("wasm tests in chromium (wasm-bindgen-test)", wasm_tests),
        ("end-to-end page tests (playwright)", end_to_end),
    ];
    let mut results = Vec::new();
    for (name, layer) in layers {
        println!("\n=== {name} ===");
        let started = Instant::now();
        let outcome = layer();
        results.push((name, outcome, started.elapsed().as_secs_f64()));
    }
    println!("\n=== summary ===");
    let mut failed = 0;
    for (name, outcome, seconds) in &results {
        match outcome {
            Ok(()) => println!("PASS  {name}  ({seconds:.0} s)"),
            Err(message) => {
                failed += 1;
                println!("FAIL  {name}  ({seconds:.0} s): {message}");
            }
        }
    }
    if failed == 0 {
        Ok(())
    } else {
        Err(format!("{failed} of {} test layers failed", results.len()))
    }
}
