//! A 2-D view of many-feature data: projection onto the two leading principal components.

use super::Standardizer;
use ndarray::Array2;

/// Sweeps of the Jacobi eigenvalue method before giving up on further accuracy.
const MAX_SWEEPS: usize = 64;

/// The two leading principal axes of standardized data, with what is needed to go from
/// features to the 2-D plane and back.
#[derive(Debug, Clone, PartialEq)]
pub struct Pca {
    means: Vec<f64>,
    scales: Vec<f64>,
    axes: [Vec<f64>; 2],
}

impl Pca {
    /// Fits the two leading principal axes of the standardized columns of `n × d` row-major
    /// `features` (constant columns are only centred). Each axis's sign is chosen so that its
    /// largest-magnitude loading is positive. With one feature the second axis is zero.
    ///
    /// # Panics
    /// If `features.len() != n * d` or `n` or `d` is 0.
    pub fn fit(features: &[f64], n: usize, d: usize) -> Pca {
        assert!(features.len() == n * d, "features must hold n × d values");
        let all_rows: Vec<usize> = (0..n).collect();
        let standardizer =
            Standardizer::fit(features, d, &all_rows).expect("at least one row and one column");
        let z = standardizer.transform(features);
        let (values, vectors) = symmetric_eigen(covariance(&z, d));
        let order = crate::ranking::descending(&values);
        let axis = |k: usize| -> Vec<f64> {
            let Some(&component) = order.get(k) else {
                return vec![0.0; d];
            };
            let mut axis = vectors.column(component).to_vec();
            let largest = axis
                .iter()
                .copied()
                .fold(0.0, |m: f64, v| if v.abs() > m.abs() { v } else { m });
            if largest < 0.0 {
                axis.iter_mut().for_each(|v| *v = -*v);
            }
            axis
        };
        Pca {
            axes: [axis(0), axis(1)],
            means: standardizer.means().to_vec(),
            scales: standardizer.scales().to_vec(),
        }
    }

    /// Axes with these column means and scales (e.g. read back from a saved model).
    pub fn from_parts(means: Vec<f64>, scales: Vec<f64>, axes: [Vec<f64>; 2]) -> Pca {
        Pca {
            means,
            scales,
            axes,
        }
    }

    /// The column means, scales and the two axes, as [`Pca::from_parts`] takes them.
    pub fn parts(&self) -> (&[f64], &[f64], &[Vec<f64>; 2]) {
        (&self.means, &self.scales, &self.axes)
    }

    /// The number of features the axes span.
    pub fn dim(&self) -> usize {
        self.means.len()
    }

    /// The plane coordinates of every row of `features` (row-major, `d` columns), `n × 2`.
    pub fn project(&self, features: &[f64]) -> Vec<f64> {
        let d = self.means.len();
        let mut out = Vec::with_capacity(features.len() / d.max(1) * 2);
        for row in features.chunks_exact(d) {
            for axis in &self.axes {
                out.push(
                    row.iter()
                        .zip(&self.means)
                        .zip(&self.scales)
                        .zip(axis)
                        .map(|(((x, m), s), a)| (x - m) / s * a)
                        .sum(),
                );
            }
        }
        out
    }

    /// The feature vector at plane point (u, v): the point of the plane through the mean
    /// spanned by the two axes, in the original feature units.
    pub fn unproject(&self, u: f64, v: f64, out: &mut [f64]) {
        for (i, x) in out.iter_mut().enumerate() {
            *x = self.means[i] + self.scales[i] * (u * self.axes[0][i] + v * self.axes[1][i]);
        }
    }
}

/// Projects `n × d` row-major `features` onto the two leading principal components of the
/// standardized columns (see [`Pca::fit`]). Returns `n × 2` row-major coordinates.
///
/// # Panics
/// If `features.len() != n * d`.
pub fn pca_2d(features: &[f64], n: usize, d: usize) -> Vec<f64> {
    if n == 0 || d == 0 {
        assert!(features.len() == n * d, "features must hold n × d values");
        return vec![0.0; 2 * n];
    }
    Pca::fit(features, n, d).project(features)
}

/// The covariance matrix Zᵀ·Z / n of the centred, row-major `z` with `d` columns, by plain
/// loops (ndarray's general matrix product would add a whole GEMM kernel to the wasm module
/// for a d × d result).
fn covariance(z: &[f64], d: usize) -> Array2<f64> {
    let n = z.len() / d;
    let mut c = Array2::zeros((d, d));
    for row in z.chunks_exact(d) {
        for i in 0..d {
            for j in i..d {
                c[[i, j]] += row[i] * row[j];
            }
        }
    }
    for i in 0..d {
        for j in i..d {
            c[[i, j]] /= n as f64;
            c[[j, i]] = c[[i, j]];
        }
    }
    c
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
    // Entries (k, p) and (k, q) for every k: columns p and q when `transposed` is false.
    let turn = |m: &mut Array2<f64>, transposed: bool| {
        for k in 0..m.nrows() {
            let (kp, kq) = if transposed {
                ([p, k], [q, k])
            } else {
                ([k, p], [k, q])
            };
            let (x, y) = (m[kp], m[kq]);
            m[kp] = x * c - y * s;
            m[kq] = x * s + y * c;
        }
    };
    turn(a, false);
    turn(a, true);
    turn(vectors, false);
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
    fn unprojecting_a_projected_point_of_rank_two_data_gives_it_back() {
        let features: Vec<f64> = (0..12)
            .flat_map(|i| {
                let (a, b) = (i as f64, (i * i % 7) as f64);
                [a + b, 2.0 * a - b + 4.0, 0.5 * a]
            })
            .collect();
        let pca = Pca::fit(&features, 12, 3);
        let plane = pca.project(&features);
        let mut back = [0.0; 3];
        for (row, p) in features.chunks(3).zip(plane.chunks(2)) {
            pca.unproject(p[0], p[1], &mut back);
            for (x, y) in row.iter().zip(&back) {
                assert!((x - y).abs() < 1e-9, "{row:?} came back as {back:?}");
            }
        }
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
