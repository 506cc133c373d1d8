//! Himmelblau's function: four equal minima.

use super::{Landscape, Tuning};

/// J(x, y) = (x² + y − 11)² + (x + y² − 7)².
///
/// Domain [−5, 5]²; four global minima, all with J = 0: (3, 2), (−2.805118…, 3.131313…),
/// (−3.779310…, −3.283186…) and (3.584428…, −1.848127…). Which one a run finds depends
/// on where it starts.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Himmelblau;

impl Landscape for Himmelblau {
    fn id(&self) -> &'static str {
        "himmelblau"
    }

    fn label(&self) -> &'static str {
        "Himmelblau (four minima)"
    }

    fn formula(&self) -> &'static str {
        "J(x,y) = (x²+y−11)² + (x+y²−7)²"
    }

    fn value(&self, x: f64, y: f64) -> f64 {
        let a = x * x + y - 11.0;
        let b = x + y * y - 7.0;
        a * a + b * b
    }

    fn gradient(&self, x: f64, y: f64) -> (f64, f64) {
        let a = x * x + y - 11.0;
        let b = x + y * y - 7.0;
        (4.0 * x * a + 2.0 * b, 2.0 * a + 4.0 * y * b)
    }

    fn domain(&self) -> ((f64, f64), (f64, f64)) {
        ((-5.0, 5.0), (-5.0, 5.0))
    }

    /// Between the four basins, so the strategy has to choose one.
    fn default_start(&self) -> (f64, f64) {
        (-0.5, 0.5)
    }

    /// The basins' walls are steeper than the bowl's (plain descent diverges from α ≈ 0.05):
    /// α = 0.01 descends without overshooting.
    fn tuning(&self) -> Tuning {
        Tuning {
            learning_rate: 0.01,
            ..Tuning::default()
        }
    }

    fn minima(&self) -> Vec<(f64, f64, f64)> {
        // The three irrational roots to full double precision (Newton's method).
        vec![
            (3.0, 2.0, 0.0),
            (-2.805118086952745, 3.131312518250573, 0.0),
            (-3.779310253377747, -3.2831859912861696, 0.0),
            (3.5844283403304917, -1.8481265269644036, 0.0),
        ]
    }
}
