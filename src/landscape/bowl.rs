//! The ill-conditioned quadratic bowl.

use super::{Landscape, Tuning};
use crate::Result;
use crate::error::check_range;

/// Allowed condition numbers κ.
pub const CONDITION_RANGE: [f64; 2] = [1.0, 1000.0];
/// Allowed rotations φ, in degrees.
pub const ROTATION_RANGE: [f64; 2] = [-90.0, 90.0];

/// J(x, y) = ½ (u² + κ v²), where (u, v) = (x cos φ + y sin φ, −x sin φ + y cos φ) is (x, y)
/// rotated by φ.
///
/// The curvatures are λ₁ = 1 along u and λ₂ = κ along v, so κ is the condition number and plain
/// gradient descent needs α < 2/κ. Domain [−3, 3]²; the only minimum is (0, 0, 0).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bowl {
    condition: f64,
    cos: f64,
    sin: f64,
}

impl Bowl {
    /// A bowl with condition number `condition` (in [`CONDITION_RANGE`]) whose long axis is
    /// turned by `rotation_deg` degrees (in [`ROTATION_RANGE`]).
    pub fn new(condition: f64, rotation_deg: f64) -> Result<Self> {
        let [min, max] = CONDITION_RANGE;
        let condition = check_range("condition number κ", condition, min, max)?;
        let [min, max] = ROTATION_RANGE;
        let rotation = check_range("rotation φ", rotation_deg, min, max)?.to_radians();
        Ok(Bowl {
            condition,
            cos: rotation.cos(),
            sin: rotation.sin(),
        })
    }

    /// The rotated coordinates (u, v).
    fn rotate(&self, x: f64, y: f64) -> (f64, f64) {
        (x * self.cos + y * self.sin, -x * self.sin + y * self.cos)
    }
}

impl Landscape for Bowl {
    fn id(&self) -> &'static str {
        "bowl"
    }

    fn label(&self) -> &'static str {
        "Ill-conditioned bowl"
    }

    fn formula(&self) -> &'static str {
        "J(x,y) = ½(u² + κv²), (u,v) = (x,y) rotated by φ"
    }

    fn value(&self, x: f64, y: f64) -> f64 {
        let (u, v) = self.rotate(x, y);
        0.5 * (u * u + self.condition * v * v)
    }

    fn gradient(&self, x: f64, y: f64) -> (f64, f64) {
        let (u, v) = self.rotate(x, y);
        let kv = self.condition * v;
        (u * self.cos - kv * self.sin, u * self.sin + kv * self.cos)
    }

    fn domain(&self) -> ((f64, f64), (f64, f64)) {
        ((-3.0, 3.0), (-3.0, 3.0))
    }

    /// Plain descent is stable for α < 2/κ: α = min(0.05, 1/κ) converges on every bowl.
    fn tuning(&self) -> Tuning {
        Tuning {
            learning_rate: 0.05f64.min(1.0 / self.condition),
            ..Tuning::default()
        }
    }

    fn minima(&self) -> Vec<(f64, f64, f64)> {
        vec![(0.0, 0.0, 0.0)]
    }
}
