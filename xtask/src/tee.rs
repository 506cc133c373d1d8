//! Runs a command while echoing its output and keeping the last lines, so a failing test layer
//! can repeat its cause in the summary, where a CI log's tail shows it.

use crate::TaskResult;
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};

/// How many of a failing command's last lines its error message repeats.
const KEPT_LINES: usize = 30;

/// What a finished command printed (its last lines, stdout and stderr interleaved as read).
pub struct Printed {
    lines: VecDeque<String>,
    seen: Vec<String>,
}

impl Printed {
    /// Whether a line began with `text`, leading blanks aside (one of the `watch` texts given to
    /// [`run`]; looked for in every line, not only the kept ones).
    pub fn has_line_starting(&self, text: &str) -> bool {
        self.seen.iter().any(|line| line.starts_with(text))
    }

    /// The kept last lines, one per line, indented.
    pub fn tail(&self) -> String {
        self.lines
            .iter()
            .map(|line| format!("\n    {line}"))
            .collect()
    }
}

/// Runs `command`, echoing stdout and stderr as they come. Returns whether it succeeded and
/// what it printed; fails only when it cannot start.
pub fn run(command: &mut Command, what: &str, watch: &[&str]) -> TaskResult<(bool, Printed)> {
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{what}: could not start ({e})"))?;
    let printed = Arc::new(Mutex::new(Printed {
        lines: VecDeque::new(),
        seen: Vec::new(),
    }));
    let readers = [
        echo(child.stdout.take().expect("piped"), false, &printed, watch),
        echo(child.stderr.take().expect("piped"), true, &printed, watch),
    ];
    let status = child
        .wait()
        .map_err(|e| format!("{what}: could not wait ({e})"))?;
    for reader in readers {
        let _ = reader.join();
    }
    let printed = Arc::try_unwrap(printed)
        .ok()
        .expect("readers joined")
        .into_inner()
        .expect("no reader panicked");
    Ok((status.success(), printed))
}

/// A thread copying `stream` line by line to this process's stdout or stderr, keeping the last
/// lines and every line beginning with one of the `watch` texts (leading blanks aside).
fn echo(
    stream: impl Read + Send + 'static,
    to_stderr: bool,
    printed: &Arc<Mutex<Printed>>,
    watch: &[&str],
) -> std::thread::JoinHandle<()> {
    let printed = Arc::clone(printed);
    let watch: Vec<String> = watch.iter().map(|w| w.to_string()).collect();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            if to_stderr {
                let _ = writeln!(std::io::stderr(), "{line}");
            } else {
                let _ = writeln!(std::io::stdout(), "{line}");
            }
            let mut printed = printed.lock().expect("no reader panicked");
            let trimmed = line.trim_start();
            if watch.iter().any(|w| trimmed.starts_with(w.as_str())) {
                printed.seen.push(trimmed.to_string());
            }
            if printed.lines.len() == KEPT_LINES {
                printed.lines.pop_front();
            }
            printed.lines.push_back(line);
        }
    })
}
