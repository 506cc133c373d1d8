//! Rows grouped by class, each group shuffled: the building block of stratified splits.

use std::collections::BTreeMap;

use crate::rng::{Rng, shuffle};

/// The row indices of each class present in `labels` (in increasing label order), each group
/// in random order, with its label.
pub(super) fn shuffled_classes(labels: &[usize], rng: &mut Rng) -> Vec<(usize, Vec<usize>)> {
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for (i, &label) in labels.iter().enumerate() {
        groups.entry(label).or_default().push(i);
    }
    groups
        .into_iter()
        .map(|(label, mut rows)| {
            shuffle(rng, &mut rows);
            (label, rows)
        })
        .collect()
}
