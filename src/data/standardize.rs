//! Feature standardization learnt on training rows only, so nothing leaks from the test set.

use crate::{Error, Result};

/// Per-column mean and scale: `transform` maps each value to `(value − mean) / scale`.
#[derive(Debug, Clone, PartialEq)]
pub struct Standardizer {
    means: Vec<f64>,
    scales: Vec<f64>,
}

impl Standardizer {
    /// Learns the mean and (population) standard deviation of each of the `d` columns of
    /// row-major `features`, over the listed `rows` only. A column that is constant on those
    /// rows (up to rounding) gets scale 1.
    ///
    /// # Panics
    /// If a row index is out of range.
    pub fn fit(features: &[f64], d: usize, rows: &[usize]) -> Result<Self> {
        if d == 0 {
            return Err(Error::data("there are no feature columns to standardize"));
        }
        if rows.is_empty() {
            return Err(Error::data("cannot standardize without any training rows"));
        }
        let count = rows.len() as f64;
        let row = |i: usize| &features[i * d..(i + 1) * d];
        let mut means = vec![0.0; d];
        for &i in rows {
            means
                .iter_mut()
                .zip(row(i))
                .for_each(|(m, v)| *m += v / count);
        }
        let mut variances = vec![0.0; d];
        for &i in rows {
            for ((s, v), m) in variances.iter_mut().zip(row(i)).zip(&means) {
                *s += (v - m).powi(2) / count;
            }
        }
        let scales = variances
            .iter()
            .zip(&means)
            .map(|(var, m)| {
                let std = var.sqrt();
                if std > 1e-12 * (1.0 + m.abs()) {
                    std
                } else {
                    1.0
                }
            })
            .collect();
        Ok(Standardizer { means, scales })
    }

    /// A standardizer with these means and scales (e.g. read back from a saved model).
    pub fn from_parts(means: Vec<f64>, scales: Vec<f64>) -> Self {
        Standardizer { means, scales }
    }

    /// Standardizes row-major features with the fitted number of columns (value `i` belongs
    /// to column `i % d`), e.g. every row of a dataset or the points of a plotting grid.
    pub fn transform(&self, features: &[f64]) -> Vec<f64> {
        let d = self.means.len();
        features
            .iter()
            .enumerate()
            .map(|(i, v)| (v - self.means[i % d]) / self.scales[i % d])
            .collect()
    }

    /// The learnt mean of each column.
    pub fn means(&self) -> &[f64] {
        &self.means
    }

    /// The learnt scale of each column (its standard deviation, or 1 if constant).
    pub fn scales(&self) -> &[f64] {
        &self.scales
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fits_on_the_chosen_rows_only() {
        // Rows: (1, 5), (3, 5), (100, -7); fit on the first two.
        let features = [1.0, 5.0, 3.0, 5.0, 100.0, -7.0];
        let s = Standardizer::fit(&features, 2, &[0, 1]).unwrap();
        assert_eq!(s.means(), &[2.0, 5.0]);
        assert_eq!(s.scales(), &[1.0, 1.0], "std 1, and constant column → 1");
        assert_eq!(
            s.transform(&features),
            vec![-1.0, 0.0, 1.0, 0.0, 98.0, -12.0]
        );
    }

    #[test]
    fn training_rows_come_out_with_zero_mean_and_unit_variance() {
        let features: Vec<f64> = (0..30).map(|i| (i * i) as f64 * 0.1).collect();
        let rows: Vec<usize> = (0..10).collect();
        let z = Standardizer::fit(&features, 3, &rows)
            .unwrap()
            .transform(&features);
        for j in 0..3 {
            let col: Vec<f64> = z.iter().skip(j).step_by(3).copied().collect();
            let mean = col.iter().sum::<f64>() / 10.0;
            let var = col.iter().map(|v| (v - mean).powi(2)).sum::<f64>() / 10.0;
            assert!(mean.abs() < 1e-12 && (var - 1.0).abs() < 1e-12);
        }
    }

    #[test]
    fn needs_rows_and_columns() {
        assert!(Standardizer::fit(&[1.0], 1, &[]).is_err());
        assert!(Standardizer::fit(&[], 0, &[0]).is_err());
    }
}
