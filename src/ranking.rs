//! Ranking numbers: the indices that put a slice in order. This one hand-written merge sort
//! is the crate's only sort: every `sort_by` with its own closure would be another copy of the
//! standard library's sort in the wasm module.

/// The indices of `values` from the smallest value to the largest (equal values, including
/// 0 and −0, keep their index order; NaN last).
pub fn ascending(values: &[f64]) -> Vec<usize> {
    ranked(values, false)
}

/// The indices of `values` from the largest value to the smallest (equal values keep their
/// index order; NaN last).
pub fn descending(values: &[f64]) -> Vec<usize> {
    ranked(values, true)
}

/// Whether `a` may come before `b` (or tie with it): NaN after every number.
fn in_order(a: f64, b: f64, descending: bool) -> bool {
    match (a.is_nan(), b.is_nan()) {
        (false, false) if descending => a >= b,
        (false, false) => a <= b,
        (false, true) => true,
        (true, b_is_nan) => b_is_nan,
    }
}

/// A stable bottom-up merge sort of the indices of `values`.
fn ranked(values: &[f64], descending: bool) -> Vec<usize> {
    let n = values.len();
    let mut order: Vec<usize> = (0..n).collect();
    let mut merged = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let middle = (start + width).min(n);
            let end = (start + 2 * width).min(n);
            merge(
                values,
                descending,
                &order[start..middle],
                &order[middle..end],
                &mut merged[start..end],
            );
            start = end;
        }
        std::mem::swap(&mut order, &mut merged);
        width *= 2;
    }
    order
}

/// Merges two runs of indices, each already in order of `values`, into `out`; on a tie the
/// left run goes first, which keeps the sort stable.
fn merge(values: &[f64], descending: bool, left: &[usize], right: &[usize], out: &mut [usize]) {
    let (mut i, mut j) = (0, 0);
    for slot in out.iter_mut() {
        let take_left = j == right.len()
            || (i < left.len() && in_order(values[left[i]], values[right[j]], descending));
        if take_left {
            *slot = left[i];
            i += 1;
        } else {
            *slot = right[j];
            j += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_are_stable_in_both_directions() {
        let values = [3.0, 1.0, 2.0, 1.0, f64::NAN];
        assert_eq!(ascending(&values), vec![1, 3, 2, 0, 4]);
        assert_eq!(descending(&values), vec![0, 2, 1, 3, 4]);
        assert_eq!(descending(&[1.0, f64::NAN, 3.0]), vec![2, 0, 1]);
        assert_eq!(ascending(&[0.0, -0.0]), vec![0, 1]);
        assert_eq!(descending(&[-0.0, 0.0]), vec![0, 1]);
    }

    #[test]
    fn matches_the_standard_stable_sort_on_every_length_up_to_70() {
        let mut rng = crate::rng::seeded(5);
        for n in 0..70 {
            // Few distinct values, so that ties (and their order) are tested too.
            let values: Vec<f64> = (0..n)
                .map(|_| crate::rng::uniform(&mut rng, 0.0, 8.0).floor())
                .collect();
            let mut expected: Vec<usize> = (0..n).collect();
            expected.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
            assert_eq!(ascending(&values), expected, "n = {n}");
        }
    }
}
