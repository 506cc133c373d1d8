//! Rastrigin's egg-crate: a bowl covered in local minima.

use super::{Landscape, Tuning};
use std::f64::consts::TAU;

/// J(x, y) = 20 + x² − 10 cos 2πx + y² − 10 cos 2πy (A = 10).
///
/// Domain [−5.12, 5.12]²; the global minimum is (0, 0, 0), with a local minimum near every
/// other integer point, where J ≈ x² + y².
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Rastrigin;

/// The one-coordinate term t² − 10 cos 2πt + 10; J is the sum of the x and y terms.
fn term(t: f64) -> f64 {
    t * t - 10.0 * (TAU * t).cos() + 10.0
}

/// The derivative of [`term`].
fn term_slope(t: f64) -> f64 {
    2.0 * t + 10.0 * TAU * (TAU * t).sin()
}

impl Landscape for Rastrigin {
    fn id(&self) -> &'static str {
        "rastrigin"
    }

    fn label(&self) -> &'static str {
        "Rastrigin (many local minima)"
    }

    fn formula(&self) -> &'static str {
        "J(x,y) = 20 + x² − 10cos 2πx + y² − 10cos 2πy"
    }

    fn value(&self, x: f64, y: f64) -> f64 {
        term(x) + term(y)
    }

    fn gradient(&self, x: f64, y: f64) -> (f64, f64) {
        (term_slope(x), term_slope(y))
    }

    fn domain(&self) -> ((f64, f64), (f64, f64)) {
        ((-5.12, 5.12), (-5.12, 5.12))
    }

    /// The ripples have curvature about 400: α = 0.02 hops over the nearest ones toward the
    /// centre, while the adaptive rules' short steps settle in the nearest dimple. σ = 0.5
    /// lets the walk and the mutations reach the next dimple (they are 1 apart).
    fn tuning(&self) -> Tuning {
        Tuning {
            learning_rate: 0.02,
            adaptive_rate: 0.01,
            sigma: 0.5,
        }
    }

    fn minima(&self) -> Vec<(f64, f64, f64)> {
        vec![(0.0, 0.0, 0.0)]
    }

    /// Separable: one cosine per column and per row instead of two per cell.
    fn fill_grid(&self, xs: &[f64], ys: &[f64], out: &mut [f64]) {
        assert!(
            out.len() == xs.len() * ys.len(),
            "fill_grid: out must hold ys × xs cells"
        );
        let columns: Vec<f64> = xs.iter().map(|&x| term(x)).collect();
        for (row, &y) in out.chunks_exact_mut(xs.len().max(1)).zip(ys) {
            let row_term = term(y);
            for (cell, column_term) in row.iter_mut().zip(&columns) {
                *cell = column_term + row_term;
            }
        }
    }
}
