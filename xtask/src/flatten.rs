//! Turns the page's ES modules into one inline module script, so the playground works as a
//! single HTML file opened from `file://` (where browsers refuse to load module files).
//!
//! Each module becomes a function whose return value holds its exports; imports become
//! destructuring of those values. It understands the forms the project uses: `import X`,
//! `import { a, b as c }`, `import X, { a }`, `import * as ns` from a relative path, and
//! `export function|async function|class|const|let NAME`, `export default NAME`, and
//! `export { a, b as default }`.

use crate::TaskResult;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

struct Module {
    key: String,
    body: String,
}

/// Flattens the module at `entry` (and everything it imports) into one script.
pub fn flatten(entry: &Path) -> TaskResult<String> {
    let mut done: Vec<Module> = Vec::new();
    let mut visiting = Vec::new();
    visit(&normalize(entry), &mut done, &mut visiting)?;
    let mut script = String::from("const __modules = {};\n");
    for module in &done {
        script.push_str(&format!(
            "__modules[{:?}] = (() => {{\n{}\n}})();\n",
            module.key, module.body
        ));
    }
    Ok(script)
}

fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::ParentDir => {
                out.pop();
            }
            std::path::Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

fn visit(path: &Path, done: &mut Vec<Module>, visiting: &mut Vec<PathBuf>) -> TaskResult {
    let key = path.display().to_string();
    if done.iter().any(|m| m.key == key) {
        return Ok(());
    }
    if visiting.contains(&path.to_path_buf()) {
        return Err(format!("flatten: import cycle through {key}"));
    }
    visiting.push(path.to_path_buf());
    let source = std::fs::read_to_string(path).map_err(|e| format!("flatten: {key}: {e}"))?;
    let (body, imports) = rewrite(&source, path)?;
    for dependency in imports {
        visit(&dependency, done, visiting)?;
    }
    visiting.pop();
    done.push(Module { key, body });
    Ok(())
}

/// Rewrites one module's imports and exports; returns the body and the imported paths.
fn rewrite(source: &str, path: &Path) -> TaskResult<(String, Vec<PathBuf>)> {
    let folder = path.parent().unwrap_or(Path::new(""));
    let mut body = String::new();
    let mut imports = Vec::new();
    let mut exports: BTreeMap<String, String> = BTreeMap::new();
    let mut pending_import = String::new();
    for line in source.lines() {
        let trimmed = line.trim_start();
        if !pending_import.is_empty()
            || (trimmed.starts_with("import ") && !trimmed.starts_with("import("))
        {
            pending_import.push_str(trimmed);
            pending_import.push(' ');
            if !(trimmed.contains(" from ")
                || trimmed.starts_with("from ")
                || trimmed.starts_with("} from"))
            {
                continue;
            }
            let statement = std::mem::take(&mut pending_import);
            let (binding, target) = parse_import(&statement)
                .ok_or_else(|| format!("flatten: {}: cannot read `{statement}`", path.display()))?;
            let dependency = normalize(&folder.join(&target));
            body.push_str(&format!(
                "{binding} = __modules[{:?}];\n",
                dependency.display().to_string()
            ));
            imports.push(dependency);
        } else if let Some(rest) = trimmed.strip_prefix("export default ") {
            let name = rest.trim_end_matches(';').trim();
            if let Some(declared) = declared_name(name) {
                exports.insert("default".into(), declared.clone());
                body.push_str(name);
            } else {
                exports.insert("default".into(), name.to_string());
            }
            body.push('\n');
        } else if let Some(list) = trimmed.strip_prefix("export {") {
            for item in list
                .trim_end_matches(';')
                .trim_end_matches('}')
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
            {
                match item.split_once(" as ") {
                    Some((local, exported)) => {
                        exports.insert(exported.trim().into(), local.trim().into())
                    }
                    None => exports.insert(item.into(), item.into()),
                };
            }
        } else if let Some(rest) = trimmed.strip_prefix("export ") {
            let name = declared_name(rest).ok_or_else(|| {
                format!(
                    "flatten: {}: cannot read export `{trimmed}`",
                    path.display()
                )
            })?;
            exports.insert(name.clone(), name);
            body.push_str(rest);
            body.push('\n');
        } else {
            body.push_str(line);
            body.push('\n');
        }
    }
    let fields: Vec<String> = exports
        .iter()
        .map(|(exported, local)| format!("{exported:?}: {local}"))
        .collect();
    body.push_str(&format!("return {{ {} }};", fields.join(", ")));
    Ok((body, imports))
}

/// The name declared by `function f`, `async function f`, `class C`, `const x` or `let x`.
fn declared_name(declaration: &str) -> Option<String> {
    let rest = declaration.strip_prefix("async ").unwrap_or(declaration);
    let rest = ["function* ", "function ", "class ", "const ", "let "]
        .iter()
        .find_map(|k| rest.strip_prefix(k))?;
    let name: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
        .collect();
    (!name.is_empty()).then_some(name)
}

/// Turns `import <clause> from '<path>';` into a `const` binding pattern and the path.
fn parse_import(statement: &str) -> Option<(String, String)> {
    let statement = statement.trim().trim_end_matches(';').trim();
    let inner = statement.strip_prefix("import ")?;
    let (clause, from) = inner.rsplit_once(" from ")?;
    let target = from
        .trim()
        .trim_matches(|c| c == '\'' || c == '"')
        .to_string();
    if !target.starts_with('.') {
        return None;
    }
    let clause = clause.trim();
    if let Some(namespace) = clause.strip_prefix("* as ") {
        return Some((format!("const {}", namespace.trim()), target));
    }
    let (default, named) = match clause.split_once('{') {
        Some((head, tail)) => (
            head.trim().trim_end_matches(',').trim(),
            tail.trim_end_matches('}').trim(),
        ),
        None => (clause, ""),
    };
    let mut fields: Vec<String> = Vec::new();
    if !default.is_empty() {
        fields.push(format!("default: {default}"));
    }
    for item in named.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        fields.push(match item.split_once(" as ") {
            Some((exported, local)) => format!("{}: {}", exported.trim(), local.trim()),
            None => item.to_string(),
        });
    }
    Some((format!("const {{ {} }}", fields.join(", ")), target))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn imports_become_destructuring() {
        assert_eq!(
            parse_import("import init, { Session, version as v } from '../pkg/x.js';"),
            Some((
                "const { default: init, Session, version: v }".into(),
                "../pkg/x.js".into()
            ))
        );
        assert_eq!(
            parse_import("import * as draw from './draw.js';"),
            Some(("const draw".into(), "./draw.js".into()))
        );
        assert_eq!(parse_import("import { a } from 'bare';"), None);
    }

    #[test]
    fn exports_are_collected_and_keywords_stripped() {
        let source = "export function f() {}\nexport class C {}\nexport const k = 1;\nfunction g() {}\nexport { g as default };\n";
        let (body, imports) = rewrite(source, Path::new("www/a.js")).unwrap();
        assert!(imports.is_empty());
        assert!(body.starts_with("function f() {}\nclass C {}\nconst k = 1;\nfunction g() {}\n"));
        assert!(body.ends_with("return { \"C\": C, \"default\": g, \"f\": f, \"k\": k };"));
    }

    #[test]
    fn multi_line_imports_resolve_relative_to_the_module() {
        let source = "import {\n  a,\n  b,\n} from './ui/c.js';\nuse(a, b);\n";
        let (body, imports) = rewrite(source, Path::new("www/main.js")).unwrap();
        assert_eq!(imports, vec![PathBuf::from("www/ui/c.js")]);
        assert!(body.starts_with("const { a, b } = __modules[\"www/ui/c.js\"];\nuse(a, b);"));
    }
}
