//! A 2-D view of many-feature data: projection onto the two leading principal components.

use ndarray::{Array2, ArrayView2, Axis};

/// Sweeps of the Jacobi eigenvalue method before giving up on further accuracy.
const MAX_SWEEPS: usize = 64;

/// Projects `n × d` row-major `features` onto the two leading principal components of the
/// standardized columns (constant columns are only centred). Returns `n × 2` row-major
/// coordinates. Each component's sign is chosen so that its largest-magnitude loading is
/// positive. With one feature the second coordinate is 0.
///
/// # Panics
/// If `features.len() != n * d`.
pub fn pca_2d(features: &[f64], n: usize, d: usize) -> Vec<f64> {
    let data = ArrayView2::from_shape((n, d), features).expect("features must hold n × d values");
    if n == 0 || d == 0 {
        return vec![0.0; 2 * n];
    }
    let z = standardized(data);
    let covariance = z.t().dot(&z) / n as f64;
    let (values, vectors) = symmetric_eigen(covariance);
    let mut order: Vec<usize> = (0..d).collect();
    order.sort_by(|&a, &b| values[b].total_cmp(&values[a]));
    let mut projection = Array2::zeros((n, 2));
    for (k, &component) in order.iter().take(2).enumerate() {
        let mut axis = vectors.column(component).to_owned();
        let largest = axis
            .iter()
            .copied()
            .fold(0.0, |m: f64, v| if v.abs() > m.abs() { v } else { m });
        if largest < 0.0 {
            axis.mapv_inplace(|v| -v);
        }
        projection.column_mut(k).assign(&z.dot(&axis));
    }
    projection.into_raw_vec_and_offset().0
}

/// Columns centred and scaled to unit (population) variance; constant columns only centred.
fn standardized(data: ArrayView2<f64>) -> Array2<f64> {
    let mean = data.mean_axis(Axis(0)).expect("at least one row");
    let mut z = &data - &mean;
    for mut column in z.columns_mut() {
        let std = (column.iter().map(|v| v * v).sum::<f64>() / column.len() as f64).sqrt();
        if std > 0.0 {
            column /= std;
        }
    }
    z
}

/// Eigenvalues and eigenvectors (as columns) of a symmetric matrix by cyclic Jacobi rotations.
fn symmetric_eigen(mut a: Array2<f64>) -> (Vec<f64>, Array2<f64>) {
    let d = a.nrows();
    let mut vectors = Array2::eye(d);
    let scale: f64 = a.iter().map(|v| v * v).sum();
    for _ in 0..MAX_SWEEPS {
        let off: f64 = (0..d)
            .flat_map(|p| (p + 1..d).map(move |q| (p, q)))
            .map(|(p, q)| a[[p, q]].powi(2))
            .sum();
        if off <= 1e-30 * scale {
            break;
        }
        for p in 0..d {
            for q in p + 1..d {
                if a[[p, q]] != 0.0 {
                    rotate(&mut a, &mut vectors, p, q);
                }
            }
        }
    }
    ((0..d).map(|i| a[[i, i]]).collect(), vectors)
}

/// One Jacobi rotation zeroing `a[p][q]`: `a ← Jᵀ a J`, `vectors ← vectors J`.
fn rotate(a: &mut Array2<f64>, vectors: &mut Array2<f64>, p: usize, q: usize) {
    let theta = (a[[q, q]] - a[[p, p]]) / (2.0 * a[[p, q]]);
    let t = theta.signum() / (theta.abs() + theta.hypot(1.0));
    let c = 1.0 / t.hypot(1.0);
    let s = t * c;
    let turn = |m: &mut Array2<f64>, axis: Axis| {
        let (mp, mq) = (
            m.index_axis(axis, p).to_owned(),
            m.index_axis(axis, q).to_owned(),
        );
        m.index_axis_mut(axis, p).assign(&(&mp * c - &mq * s));
        m.index_axis_mut(axis, q).assign(&(&mp * s + &mq * c));
    };
    turn(a, Axis(1));
    turn(a, Axis(0));
    turn(vectors, Axis(1));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_on_a_line_has_no_second_component() {
        let features: Vec<f64> = (0..20)
            .flat_map(|i| [i as f64, 2.0 * i as f64 - 3.0, -0.5 * i as f64])
            .collect();
        let projected = pca_2d(&features, 20, 3);
        assert_eq!(projected.len(), 40);
        assert!(projected.chunks(2).all(|p| p[1].abs() < 1e-9));
        // The first component spreads the points out along the line.
        assert!(projected[0] * projected[38] < 0.0);
        assert!(projected.chunks(2).any(|p| p[0].abs() > 1.0));
    }

    #[test]
    fn eigen_decomposition_reconstructs_the_matrix() {
        let m = ndarray::array![[4.0, 1.0, 0.5], [1.0, 3.0, 0.2], [0.5, 0.2, 1.0]];
        let (values, vectors) = symmetric_eigen(m.clone());
        let rebuilt = vectors
            .dot(&Array2::from_diag(&ndarray::arr1(&values)))
            .dot(&vectors.t());
        assert!((&rebuilt - &m).iter().all(|v| v.abs() < 1e-12));
    }

    #[test]
    fn two_features_are_rotated_not_lost() {
        let features = [1.0, 0.0, -1.0, 0.0, 0.0, 0.5, 0.0, -0.5];
        let projected = pca_2d(&features, 4, 2);
        let spread = |k: usize| {
            projected
                .iter()
                .skip(k)
                .step_by(2)
                .map(|v| v * v)
                .sum::<f64>()
        };
        assert!((spread(0) + spread(1) - 8.0).abs() < 1e-9);
        assert!(
            pca_2d(&[1.0, 2.0, 3.0], 3, 1)
                .iter()
                .skip(1)
                .step_by(2)
                .all(|&v| v == 0.0)
        );
    }
}
