//! A bounded saddle: two valleys separated by a saddle point.

use super::Landscape;

/// J(x, y) = x² + y⁴/4 − y²/2.
///
/// Curving up along x and down along y at the origin, so (0, 0, 0) is a saddle point where the
/// gradient vanishes: gradient descent started on the line y = 0 stays on it, and one started
/// near it lingers before sliding off. Bounded below; domain [−2, 2]²; two global minima
/// (0, ±1, −¼).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Saddle;

impl Landscape for Saddle {
    fn id(&self) -> &'static str {
        "saddle"
    }

    fn label(&self) -> &'static str {
        "Saddle between two minima"
    }

    fn formula(&self) -> &'static str {
        "J(x,y) = x² + y⁴/4 − y²/2"
    }

    fn value(&self, x: f64, y: f64) -> f64 {
        let y_sq = y * y;
        x * x + y_sq * (0.25 * y_sq - 0.5)
    }

    fn gradient(&self, x: f64, y: f64) -> (f64, f64) {
        (2.0 * x, y * (y * y - 1.0))
    }

    fn domain(&self) -> ((f64, f64), (f64, f64)) {
        ((-2.0, 2.0), (-2.0, 2.0))
    }

    /// Just off the saddle's ridge: gradient descent slides to the saddle point and lingers there before it escapes to a minimum.
    fn default_start(&self) -> (f64, f64) {
        (-1.8, 0.01)
    }

    fn minima(&self) -> Vec<(f64, f64, f64)> {
        vec![(0.0, -1.0, -0.25), (0.0, 1.0, -0.25)]
    }
}
