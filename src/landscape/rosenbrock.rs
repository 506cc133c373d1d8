//! Rosenbrock's banana valley.

use super::{Landscape, Tuning};

/// J(x, y) = (1 − x)² + 100 (y − x²)² (a = 1, b = 100).
///
/// A curved, nearly flat valley along y = x²: easy to reach, slow to follow.
/// Domain [−2, 2] × [−1, 3]; the only minimum is (1, 1, 0).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Rosenbrock;

impl Landscape for Rosenbrock {
    fn id(&self) -> &'static str {
        "rosenbrock"
    }

    fn label(&self) -> &'static str {
        "Rosenbrock valley"
    }

    fn formula(&self) -> &'static str {
        "J(x,y) = (1−x)² + 100(y−x²)²"
    }

    fn value(&self, x: f64, y: f64) -> f64 {
        let valley = y - x * x;
        (1.0 - x).powi(2) + 100.0 * valley * valley
    }

    fn gradient(&self, x: f64, y: f64) -> (f64, f64) {
        let valley = y - x * x;
        (-2.0 * (1.0 - x) - 400.0 * x * valley, 200.0 * valley)
    }

    fn domain(&self) -> ((f64, f64), (f64, f64)) {
        ((-2.0, 2.0), (-1.0, 3.0))
    }

    /// The valley walls are steep (curvature about 1400 at the default start): plain descent
    /// needs α ≈ 0.001, and then crawls along the valley floor, which is the lesson.
    fn tuning(&self) -> Tuning {
        Tuning {
            learning_rate: 0.001,
            adaptive_rate: 0.2,
            ..Tuning::default()
        }
    }

    fn minima(&self) -> Vec<(f64, f64, f64)> {
        vec![(1.0, 1.0, 0.0)]
    }
}
