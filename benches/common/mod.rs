//! What the benchmarks share: their command-line options and the median of their runs.

/// The whole-number option `name` from the command line (`-- --name N`), else `default`.
/// `cargo bench` passes `--bench`; everything else is the benchmark's.
pub fn option(name: &str, default: usize) -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map_or(default, |v| v.parse().expect("a whole number"))
}

/// Whether the flag `name` was given.
#[allow(dead_code)] // not every benchmark has a flag
pub fn flag(name: &str) -> bool {
    std::env::args().any(|a| a == name)
}

/// The median of `values` (the upper one of an even count).
pub fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}
