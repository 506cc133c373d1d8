//! Ranking numbers: the indices that put a slice in order. One shared (stable) sort keeps
//! the wasm module small: every `sort_by` with its own closure is a separate copy of the sort.

/// The indices of `values` from the smallest value to the largest (by `total_cmp`; equal
/// values keep their index order, NaN last).
pub fn ascending(values: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    order
}

/// The indices of `values` from the largest value to the smallest (equal values keep their
/// index order).
pub fn descending(values: &[f64]) -> Vec<usize> {
    let negated: Vec<f64> = values.iter().map(|v| -v).collect();
    ascending(&negated)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranks_are_stable_in_both_directions() {
        let values = [3.0, 1.0, 2.0, 1.0, f64::NAN];
        assert_eq!(ascending(&values), vec![1, 3, 2, 0, 4]);
        assert_eq!(&descending(&values)[1..], &[0, 2, 1, 3]);
    }
}
