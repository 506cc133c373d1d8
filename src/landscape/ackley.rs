//! Ackley's function: a nearly flat, bumpy plain with one deep funnel.

use super::{Landscape, Tuning};
use std::f64::consts::{E, PI, TAU};

/// J(x, y) = −20 exp(−0.2 √(½(x² + y²))) − exp(½(cos 2πx + cos 2πy)) + e + 20
/// (a = 20, b = 0.2, c = 2π).
///
/// Domain [−5, 5]²; the global minimum is (0, 0, 0) (computed to within 1e-12), surrounded by
/// a lattice of shallow local minima. J has a cone-shaped kink at the origin, where the
/// gradient is taken to be (0, 0).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Ackley;

/// The per-coordinate factor exp(½ cos 2πt); the cosine term of J is the product of two.
fn ripple(t: f64) -> f64 {
    (0.5 * (TAU * t).cos()).exp()
}

/// J from the squared radius x² + y² and the two [`ripple`] factors, never below 0: at the
/// origin the two halves cancel only up to rounding (−4.4e−16), and a loss shown below its
/// minimum would mislead.
fn combine(radius_sq: f64, ripple_x: f64, ripple_y: f64) -> f64 {
    let value = (20.0 - 20.0 * (-0.2 * (0.5 * radius_sq).sqrt()).exp()) + (E - ripple_x * ripple_y);
    value.max(0.0)
}

impl Landscape for Ackley {
    fn id(&self) -> &'static str {
        "ackley"
    }

    fn label(&self) -> &'static str {
        "Ackley (one deep funnel)"
    }

    fn formula(&self) -> &'static str {
        "J(x,y) = −20·exp(−0.2√(½(x²+y²))) − exp(½(cos 2πx + cos 2πy)) + e + 20"
    }

    fn value(&self, x: f64, y: f64) -> f64 {
        combine(x * x + y * y, ripple(x), ripple(y))
    }

    fn gradient(&self, x: f64, y: f64) -> (f64, f64) {
        let r = (0.5 * (x * x + y * y)).sqrt();
        // d/dx of −20 exp(−0.2 r) is 2x exp(−0.2 r) / r; zero at the kink.
        let radial = if r > 0.0 {
            2.0 * (-0.2 * r).exp() / r
        } else {
            0.0
        };
        let ripples = PI * ripple(x) * ripple(y);
        (
            radial * x + ripples * (TAU * x).sin(),
            radial * y + ripples * (TAU * y).sin(),
        )
    }

    fn domain(&self) -> ((f64, f64), (f64, f64)) {
        ((-5.0, 5.0), (-5.0, 5.0))
    }

    /// α = 0.1 lets plain descent step across the shallow dimples into the funnel; the adaptive
    /// rules' short steps settle in the nearest dimple. σ = 0.5 reaches the next dimple.
    fn tuning(&self) -> Tuning {
        Tuning {
            learning_rate: 0.1,
            adaptive_rate: 0.05,
            sigma: 0.5,
        }
    }

    fn minima(&self) -> Vec<(f64, f64, f64)> {
        vec![(0.0, 0.0, 0.0)]
    }

    /// Separable cosines: one cosine and exponential per column and per row, leaving one square
    /// root and one exponential per cell.
    fn fill_grid(&self, xs: &[f64], ys: &[f64], out: &mut [f64]) {
        assert!(
            out.len() == xs.len() * ys.len(),
            "fill_grid: out must hold ys × xs cells"
        );
        let columns: Vec<(f64, f64)> = xs.iter().map(|&x| (x * x, ripple(x))).collect();
        for (row, &y) in out.chunks_exact_mut(xs.len().max(1)).zip(ys) {
            let (y_sq, ripple_y) = (y * y, ripple(y));
            for (cell, &(x_sq, ripple_x)) in row.iter_mut().zip(&columns) {
                *cell = combine(x_sq + y_sq, ripple_x, ripple_y);
            }
        }
    }
}
