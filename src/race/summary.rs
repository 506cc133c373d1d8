//! The race's one summary rule: at each evaluation count e, over a strategy's seeds, the
//! median, least and greatest best-so-far.

/// The best-so-far of a lane after `e` evaluations (e ≥ 1): its curve's `e`-th value, or its
/// last when the lane stopped before spending `e` (a stopped lane keeps its best).
pub fn best_at(curve: &[f64], e: usize) -> f64 {
    match curve.get(e.saturating_sub(1)).or(curve.last()) {
        Some(&best) => best,
        None => f64::INFINITY,
    }
}

/// Median, minimum and maximum of `values` (not empty, no NaN): the median is the middle value,
/// or the mean of the two middle values for an even count.
pub fn band(values: &mut [f64]) -> [f64; 3] {
    values.sort_unstable_by(f64::total_cmp);
    let n = values.len();
    let median = if n % 2 == 1 {
        values[n / 2]
    } else {
        0.5 * (values[n / 2 - 1] + values[n / 2])
    };
    [median, values[0], values[n - 1]]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_band_is_the_median_and_the_extremes() {
        assert_eq!(band(&mut [5.0, 1.0, 3.0]), [3.0, 1.0, 5.0]);
        assert_eq!(band(&mut [4.0, 1.0, 2.0, 8.0]), [3.0, 1.0, 8.0]);
        assert_eq!(band(&mut [7.0]), [7.0, 7.0, 7.0]);
        assert_eq!(band(&mut [9.0, 8.0, 7.0, 6.0, 5.0]), [7.0, 5.0, 9.0]);
        assert_eq!(
            band(&mut [f64::INFINITY, 2.0]),
            [f64::INFINITY, 2.0, f64::INFINITY]
        );
    }

    #[test]
    fn a_stopped_lane_keeps_its_last_best() {
        let curve = [9.0, 4.0, 4.0, 1.0];
        assert_eq!(best_at(&curve, 1), 9.0);
        assert_eq!(best_at(&curve, 4), 1.0);
        assert_eq!(best_at(&curve, 50), 1.0);
        assert_eq!(best_at(&[], 3), f64::INFINITY);
    }
}
