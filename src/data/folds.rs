//! k-fold cross-validation: every row is tested exactly once, in one of k folds.

use super::strata::shuffled_classes;
use crate::error::check_count;
use crate::rng::{Rng, shuffle};
use crate::{Error, Result};

/// One round of cross-validation: row indices (increasing) to train on and to test on.
#[derive(Debug, Clone, PartialEq)]
pub struct Fold {
    /// Rows the model learns from: every row not in `test`.
    pub train: Vec<usize>,
    /// Rows scored in this round.
    pub test: Vec<usize>,
}

/// Deals `n` shuffled rows into `k` folds (2 ≤ k ≤ n) whose sizes differ by at most one.
pub fn k_fold(n: usize, k: usize, rng: &mut Rng) -> Result<Vec<Fold>> {
    if n < 2 {
        return Err(Error::data(format!(
            "cross-validation needs at least 2 rows (got {n})"
        )));
    }
    check_count("folds", k, 2, n)?;
    let mut order: Vec<usize> = (0..n).collect();
    shuffle(rng, &mut order);
    Ok(deal(&order, k))
}

/// Like [`k_fold`], but every fold holds each class's rows in proportion (within one row
/// per class). `k` may be at most the size of the smallest class present.
pub fn stratified_k_fold(labels: &[usize], k: usize, rng: &mut Rng) -> Result<Vec<Fold>> {
    let classes = shuffled_classes(labels, rng);
    let Some((label, smallest)) = classes
        .iter()
        .map(|(label, rows)| (*label, rows.len()))
        .min_by_key(|&(_, m)| m)
    else {
        return Err(Error::data(
            "cross-validation needs at least 2 rows (got 0)",
        ));
    };
    if smallest < 2 {
        return Err(Error::data(format!(
            "stratified cross-validation needs at least 2 rows of every class; class {label} has 1"
        )));
    }
    if !(2..=smallest).contains(&k) {
        return Err(Error::setting(
            "folds",
            format!(
                "must be a whole number from 2 to {smallest}, the size of the smallest class \
                 (got {k})"
            ),
        ));
    }
    let order: Vec<usize> = classes.into_iter().flat_map(|(_, rows)| rows).collect();
    Ok(deal(&order, k))
}

/// Row `order[p]` goes to test fold `p % k`; `order` is a permutation of `0..order.len()`.
fn deal(order: &[usize], k: usize) -> Vec<Fold> {
    let n = order.len();
    let mut fold_of = vec![0; n];
    for (p, &row) in order.iter().enumerate() {
        fold_of[row] = p % k;
    }
    (0..k)
        .map(|f| {
            let (test, train) = (0..n).partition(|&row| fold_of[row] == f);
            Fold { train, test }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rng::seeded;

    fn check_partition(folds: &[Fold], n: usize) {
        let mut tested = vec![0; n];
        for fold in folds {
            fold.test.iter().for_each(|&i| tested[i] += 1);
            let mut all = [fold.train.clone(), fold.test.clone()].concat();
            all.sort_unstable();
            assert_eq!(
                all,
                (0..n).collect::<Vec<_>>(),
                "train ∪ test = all, disjoint"
            );
        }
        assert!(
            tested.iter().all(|&t| t == 1),
            "every row tested exactly once"
        );
        let sizes: Vec<usize> = folds.iter().map(|f| f.test.len()).collect();
        assert!(
            sizes.iter().max().unwrap() - sizes.iter().min().unwrap() <= 1,
            "{sizes:?}"
        );
    }

    #[test]
    fn k_fold_partitions_the_rows() {
        for (n, k) in [(10, 2), (23, 5), (7, 7), (100, 10)] {
            let folds = k_fold(n, k, &mut seeded(n as u64)).unwrap();
            assert_eq!(folds.len(), k);
            check_partition(&folds, n);
        }
    }

    #[test]
    fn stratified_folds_keep_class_proportions() {
        let labels: Vec<usize> = (0..97).map(|i| [0, 0, 1, 2, 2, 2][i % 6] * 3).collect();
        let folds = stratified_k_fold(&labels, 4, &mut seeded(2)).unwrap();
        check_partition(&folds, labels.len());
        for class in [0, 3, 6] {
            let total = labels.iter().filter(|&&l| l == class).count();
            for fold in &folds {
                let got = fold.test.iter().filter(|&&i| labels[i] == class).count();
                assert!(
                    got == total / 4 || got == total.div_ceil(4),
                    "class {class}: {got}"
                );
            }
        }
    }

    #[test]
    fn same_seed_same_folds() {
        assert_eq!(
            k_fold(30, 3, &mut seeded(1)).unwrap(),
            k_fold(30, 3, &mut seeded(1)).unwrap()
        );
        assert_ne!(
            k_fold(30, 3, &mut seeded(1)).unwrap(),
            k_fold(30, 3, &mut seeded(2)).unwrap()
        );
        let labels: Vec<usize> = (0..30).map(|i| i % 2).collect();
        assert_eq!(
            stratified_k_fold(&labels, 3, &mut seeded(1)).unwrap(),
            stratified_k_fold(&labels, 3, &mut seeded(1)).unwrap()
        );
    }

    #[test]
    fn fold_counts_are_validated() {
        let mut rng = seeded(0);
        assert_eq!(
            k_fold(5, 6, &mut rng).unwrap_err().to_string(),
            "folds: must be a whole number from 2 to 5 (got 6)"
        );
        assert!(k_fold(5, 1, &mut rng).is_err());
        assert!(k_fold(1, 2, &mut rng).is_err());
        let labels = [0, 0, 0, 1, 1, 1, 1];
        assert_eq!(
            stratified_k_fold(&labels, 4, &mut rng)
                .unwrap_err()
                .to_string(),
            "folds: must be a whole number from 2 to 3, the size of the smallest class (got 4)"
        );
        assert_eq!(
            stratified_k_fold(&[0, 0, 1], 2, &mut rng)
                .unwrap_err()
                .to_string(),
            "stratified cross-validation needs at least 2 rows of every class; class 1 has 1"
        );
        assert!(stratified_k_fold(&[], 2, &mut rng).is_err());
    }
}
