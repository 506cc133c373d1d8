//! `cargo xtask test`: every test layer, one summary line each; non-zero exit if any fails.

use crate::{TaskResult, dist, root, tee, tools};
use std::process::Command;
use std::time::Instant;

fn cargo(args: &[&str]) -> Command {
    let mut command = Command::new("cargo");
    command.args(args).current_dir(root());
    command
}

/// Runs one command of a test layer; on failure the message repeats the command's last lines.
fn run_command(command: &mut Command, what: &str) -> TaskResult {
    let (succeeded, printed) = tee::run(command, what, &[])?;
    failure_with_tail(succeeded, &printed, what)
}

fn failure_with_tail(succeeded: bool, printed: &tee::Printed, what: &str) -> TaskResult {
    if succeeded {
        Ok(())
    } else {
        Err(format!("{what} failed; its last lines:{}", printed.tail()))
    }
}

/// How often the wasm tests are started when chromedriver or chromium fails before any test ran.
const BROWSER_STARTS: usize = 3;

fn wasm_tests() -> TaskResult {
    tools::wasm_target()?;
    let bin = tools::wasm_bindgen()?;
    let (_, driver) = tools::chromium()?;
    let what = "wasm-bindgen-test in chromium";
    let mut start = 1;
    loop {
        let mut command = cargo(&[
            "test",
            "--target",
            "wasm32-unknown-unknown",
            "--test",
            "browser",
        ]);
        command
            .env("PATH", tools::path_with(&bin))
            .env("CHROMEDRIVER", &driver)
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120");
        let (succeeded, printed) = tee::run(&mut command, what, &["Running tests/", "running "])?;
        // The tests were built and the runner started, but no test ran: chromedriver or chromium
        // failed to come up (a known intermittent failure of driver sessions), not a test.
        let browser_failed =
            printed.has_line_starting("Running tests/") && !printed.has_line_starting("running ");
        if succeeded || !browser_failed || start == BROWSER_STARTS {
            return failure_with_tail(succeeded, &printed, what);
        }
        println!(
            "xtask: the browser did not start the tests (start {start} of {BROWSER_STARTS}); starting it again…"
        );
        start += 1;
    }
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
