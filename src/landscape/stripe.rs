//! A surface on which only one of the two axes matters much.

use super::Landscape;

/// Where the minimum lies: x* = 1/√3, y* = −1/√5 (no simple fraction, so no regular grid of
/// the box has a point on it).
const MINIMUM: (f64, f64) = (0.577_350_269_189_625_8, -0.447_213_595_499_958);

/// J(x, y) = (x − x*)² + (y − y*)²/100, with (x*, y*) = (1/√3, −1/√5).
///
/// J changes a hundred times less along y than along x: the case of Bergstra and Bengio's
/// random search versus grid search, where a grid of n × n points tries only n values of the
/// axis that matters and random search n². Domain [−2, 2]²; the only minimum is (x*, y*, 0).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Stripe;

impl Landscape for Stripe {
    fn id(&self) -> &'static str {
        "stripe"
    }

    fn label(&self) -> &'static str {
        "One axis matters"
    }

    fn formula(&self) -> &'static str {
        "J(x,y) = (x − 1/√3)² + (y + 1/√5)²/100"
    }

    fn value(&self, x: f64, y: f64) -> f64 {
        let (dx, dy) = (x - MINIMUM.0, y - MINIMUM.1);
        dx * dx + 0.01 * dy * dy
    }

    fn gradient(&self, x: f64, y: f64) -> (f64, f64) {
        (2.0 * (x - MINIMUM.0), 0.02 * (y - MINIMUM.1))
    }

    fn domain(&self) -> ((f64, f64), (f64, f64)) {
        ((-2.0, 2.0), (-2.0, 2.0))
    }

    fn minima(&self) -> Vec<(f64, f64, f64)> {
        vec![(MINIMUM.0, MINIMUM.1, 0.0)]
    }
}
