//! Rows grouped by class, each group shuffled: the building block of stratified splits.

use crate::rng::{Rng, shuffle};

/// The row indices of each class present in `labels` (in increasing label order), each group
/// in random order, with its label.
pub(super) fn shuffled_classes(labels: &[usize], rng: &mut Rng) -> Vec<(usize, Vec<usize>)> {
    // One group per label up to the largest (labels are class indices, so few); the empty
    // ones dropped. (A BTreeMap did the same with 1.6 KB more of the wasm module, gzipped.)
    let mut groups = vec![Vec::new(); labels.iter().max().map_or(0, |&m| m + 1)];
    for (i, &label) in labels.iter().enumerate() {
        groups[label].push(i);
    }
    groups
        .into_iter()
        .enumerate()
        .filter(|(_, rows)| !rows.is_empty())
        .map(|(label, mut rows)| {
            shuffle(rng, &mut rows);
            (label, rows)
        })
        .collect()
}
