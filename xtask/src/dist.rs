//! `cargo xtask dist`: a static site in `dist/` and one self-contained HTML file,
//! `dist/automl-playground.html`, that works when opened from `file://`; plus the peer
//! benchmark's entry in `dist/bench/` (`bench.html` beside its own copy of `pkg/`), a folder
//! the benchmark runner takes as it is: `node run.mjs --extra dist/bench`.

use crate::{TaskResult, build, flatten, root};
use std::path::Path;

fn copy_tree(from: &Path, to: &Path) -> TaskResult {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in std::fs::read_dir(from)
        .map_err(|e| format!("{}: {e}", from.display()))?
        .flatten()
    {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)
                .map_err(|e| format!("{}: {e}", target.display()))?;
        }
    }
    Ok(())
}

/// Standard base64 of `bytes`.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |acc, (i, &b)| acc | (b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

fn replace_once(html: &str, needle: &str, with: &str) -> TaskResult<String> {
    if html.matches(needle).count() != 1 {
        return Err(format!(
            "dist: index.html must contain `{needle}` exactly once"
        ));
    }
    Ok(html.replacen(needle, with, 1))
}

/// The classic tables of `www/data` as a JS object literal `{ "iris.csv": "…", … }`, so the
/// single file needs no fetch (which `file://` forbids).
fn tables_object(folder: &Path) -> TaskResult<String> {
    let mut entries = Vec::new();
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .map_err(|e| format!("{}: {e}", folder.display()))?
        .flatten()
        .collect();
    files.sort_by_key(|f| f.file_name());
    for file in files {
        let name = file.file_name().to_string_lossy().into_owned();
        if name.ends_with(".csv") || name.ends_with(".txt") {
            let text = std::fs::read_to_string(file.path()).map_err(|e| format!("{name}: {e}"))?;
            entries.push(format!("{name:?}: {}", js_string(&text)));
        }
    }
    Ok(format!("{{ {} }}", entries.join(",\n")))
}

/// A JS string literal holding `text` (safe inside a `<script>` element).
fn js_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '<' => out.push_str("\\u003c"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Writes the single-file page: CSS and JS inlined, the wasm embedded as base64.
fn single_file(wasm: &Path) -> TaskResult<String> {
    let root = root();
    let read = |p: &Path| std::fs::read_to_string(p).map_err(|e| format!("{}: {e}", p.display()));
    let html = read(&root.join("index.html"))?;
    let css = read(&root.join("www/style.css"))?;
    std::env::set_current_dir(&root).map_err(|e| e.to_string())?;
    let script = flatten::flatten(Path::new("www/main.js"))?;
    // The search's Web Workers start from this text (file:// cannot load worker files). From
    // file:// only a classic worker can start from a blob, and a classic script has no
    // `import.meta`: the glue's default wasm address (unused: the page sends the module) is
    // read from the worker's own location instead.
    let worker = flatten::flatten(Path::new("www/search/worker.js"))?
        .replace("import.meta.url", "self.location.href");
    let wasm_bytes = std::fs::read(wasm).map_err(|e| format!("{}: {e}", wasm.display()))?;
    let html = replace_once(
        &html,
        r#"<link rel="stylesheet" href="www/style.css">"#,
        &format!("<style>\n{css}</style>"),
    )?;
    // `</script` inside the inlined code would end the element early.
    let script = script.replace("</script", "<\\/script");
    let inline = format!(
        "<script>globalThis.AUTOML_WASM_BASE64 = \"{}\";\nglobalThis.AUTOML_TABLES = {};\nglobalThis.AUTOML_WORKER_SOURCE = {};</script>\n<script type=\"module\">\n{script}</script>",
        base64(&wasm_bytes),
        tables_object(&root.join("www/data"))?,
        js_string(&worker)
    );
    replace_once(
        &html,
        r#"<script type="module" src="www/main.js"></script>"#,
        &inline,
    )
}

/// Moves the benchmark page from `dist/www/` to `dist/bench/`, beside a copy of `pkg/`: the
/// runner serves one folder per `--extra` and runs every page in it.
fn bench_page(root: &Path, dist: &Path) -> TaskResult {
    let bench = dist.join("bench");
    std::fs::create_dir_all(&bench).map_err(|e| format!("{}: {e}", bench.display()))?;
    let from = dist.join("www").join("bench.html");
    std::fs::rename(&from, bench.join("bench.html"))
        .map_err(|e| format!("{}: {e}", from.display()))?;
    copy_tree(&root.join("pkg"), &bench.join("pkg"))
}

/// Builds and writes `dist/`.
pub fn run() -> TaskResult {
    let wasm = build::wasm()?;
    let root = root();
    let dist = root.join("dist");
    let _ = std::fs::remove_dir_all(&dist);
    copy_tree(&root.join("www"), &dist.join("www"))?;
    copy_tree(&root.join("pkg"), &dist.join("pkg"))?;
    bench_page(&root, &dist)?;
    std::fs::copy(root.join("index.html"), dist.join("index.html"))
        .map_err(|e| format!("index.html: {e}"))?;
    let page = single_file(&wasm)?;
    let page_kb = page.len() / 1024;
    std::fs::write(dist.join("automl-playground.html"), page).map_err(|e| format!("dist: {e}"))?;
    println!(
        "xtask: wrote dist/ (static site), dist/automl-playground.html (single file, {page_kb} KB) and dist/bench/ (peer benchmark entry)"
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{base64, js_string};

    #[test]
    fn js_strings_escape_quotes_newlines_and_script_ends() {
        assert_eq!(
            js_string("a\"b\\c\nd</script>"),
            "\"a\\\"b\\\\c\\nd\\u003c/script>\""
        );
    }

    #[test]
    fn base64_matches_the_standard_alphabet_and_padding() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }
}
