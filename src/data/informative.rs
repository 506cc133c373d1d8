//! Picks the two features most worth plotting when a dataset has more than two.

use super::{Dataset, Target};

/// The two features that best separate the target, lower index first: for classification
/// the highest ANOVA F scores, for regression the highest |correlation| with the target.
/// Ties go to the lower index; a one-feature dataset gives `(0, 0)`.
pub fn most_informative_pair(dataset: &Dataset) -> (usize, usize) {
    let d = dataset.n_features();
    if d < 2 {
        return (0, 0);
    }
    let scores: Vec<f64> = (0..d)
        .map(|j| {
            let column: Vec<f64> = dataset
                .features()
                .iter()
                .skip(j)
                .step_by(d)
                .copied()
                .collect();
            match dataset.target() {
                Target::Classes {
                    labels,
                    class_names,
                } => anova_f(&column, labels, class_names.len()),
                Target::Values(values) => correlation(&column, values).abs(),
            }
        })
        .collect();
    // A stable ranking, so equal scores keep the lower index first.
    let order = crate::ranking::descending(&scores);
    (order[0].min(order[1]), order[0].max(order[1]))
}

/// One-way ANOVA F statistic of `x` grouped by `labels` (each below `k`): between-class
/// variance over within-class variance. Infinite when classes are perfectly constant.
fn anova_f(x: &[f64], labels: &[usize], k: usize) -> f64 {
    let n = x.len();
    let mut counts = vec![0usize; k];
    let mut sums = vec![0.0; k];
    for (&v, &l) in x.iter().zip(labels) {
        counts[l] += 1;
        sums[l] += v;
    }
    let mean = x.iter().sum::<f64>() / n as f64;
    let class_mean = |l: usize| sums[l] / counts[l] as f64;
    let between: f64 = (0..k)
        .filter(|&l| counts[l] > 0)
        .map(|l| counts[l] as f64 * (class_mean(l) - mean).powi(2))
        .sum();
    let within: f64 = x
        .iter()
        .zip(labels)
        .map(|(&v, &l)| (v - class_mean(l)).powi(2))
        .sum();
    let groups = counts.iter().filter(|&&c| c > 0).count();
    if groups < 2 || between == 0.0 {
        return 0.0;
    }
    if within == 0.0 || n <= groups {
        return f64::INFINITY;
    }
    (between / (groups - 1) as f64) / (within / (n - groups) as f64)
}

/// Pearson correlation; 0 when either side is constant.
fn correlation(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (&a, &b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx).powi(2);
        syy += (b - my).powi(2);
    }
    if sxx == 0.0 || syy == 0.0 {
        0.0
    } else {
        sxy / (sxx * syy).sqrt()
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::data::classic;

    #[test]
    fn iris_is_best_shown_by_its_petals() {
        assert_eq!(most_informative_pair(&classic("iris").unwrap()), (2, 3));
    }

    #[test]
    fn regression_picks_the_most_correlated_features() {
        // Target = x0 + x2; x1 alternates and is nearly uncorrelated with it.
        let x0 = [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0];
        let x1 = [1.0, -1.0, -1.0, 1.0, 1.0, -1.0, -1.0, 1.0];
        let x2 = [3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0];
        let features = (0..8).flat_map(|i| [x0[i], x1[i], x2[i]]).collect();
        let values = (0..8).map(|i| x0[i] + x2[i]).collect();
        let names = vec!["x0".into(), "x1".into(), "x2".into()];
        let data = Dataset::new("t", features, names, Target::Values(values)).unwrap();
        assert_eq!(most_informative_pair(&data), (0, 2));
    }

    #[test]
    fn perfectly_separating_features_score_infinitely() {
        assert_eq!(
            anova_f(&[0.0, 0.0, 1.0, 1.0], &[0, 0, 1, 1], 2),
            f64::INFINITY
        );
        assert_eq!(anova_f(&[1.0, 1.0, 1.0, 1.0], &[0, 0, 1, 1], 2), 0.0);
        assert_eq!(correlation(&[1.0, 2.0, 3.0], &[2.0, 2.0, 2.0]), 0.0);
    }
}
