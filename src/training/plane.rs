//! The 2-D display plane and how its points map to the model's inputs.

use crate::data::Pca;

/// How a point (u, v) of the display plane becomes a row of model inputs.
#[derive(Debug, Clone, PartialEq)]
pub enum Plane {
    /// The model's inputs are the plane's coordinates: (u, v), or just u when the data has
    /// one feature (the plane then shows the feature against the target).
    Direct {
        /// 1 or 2.
        inputs: usize,
    },
    /// The model sees all `d` standardized features; the plane shows features `i` and `j`
    /// and the others sit at their training mean (0 after standardization).
    Slice {
        /// Number of model inputs.
        d: usize,
        /// Feature on the horizontal axis.
        i: usize,
        /// Feature on the vertical axis.
        j: usize,
    },
    /// The model sees all standardized features; the plane is their principal-component
    /// plane and a point maps back onto it.
    Pca(Pca),
}

impl Plane {
    /// Number of model inputs per plane point.
    pub fn inputs(&self) -> usize {
        match self {
            Plane::Direct { inputs } => *inputs,
            Plane::Slice { d, .. } => *d,
            Plane::Pca(pca) => pca.dim(),
        }
    }

    /// Writes the model inputs of plane point (u, v) into `out` (length [`Plane::inputs`]).
    pub fn inputs_at(&self, u: f64, v: f64, out: &mut [f64]) {
        match self {
            Plane::Direct { inputs: 1 } => out[0] = u,
            Plane::Direct { .. } => {
                out[0] = u;
                out[1] = v;
            }
            Plane::Slice { i, j, .. } => {
                out.fill(0.0);
                out[*i] = u;
                out[*j] = v;
            }
            Plane::Pca(pca) => pca.unproject(u, v, out),
        }
    }

    /// Model inputs for the pixel centres of a `width` × `height` image of `bounds`
    /// (`[u_min, u_max, v_min, v_max]`), row-major, top row = largest v.
    pub fn grid_inputs(&self, bounds: [f64; 4], width: usize, height: usize) -> Vec<f64> {
        let d = self.inputs();
        let mut out = vec![0.0; width * height * d];
        let mut cells = out.chunks_exact_mut(d);
        for r in 0..height {
            let v = bounds[3] - (bounds[3] - bounds[2]) * (r as f64 + 0.5) / height as f64;
            for c in 0..width {
                let u = bounds[0] + (bounds[1] - bounds[0]) * (c as f64 + 0.5) / width as f64;
                if let Some(cell) = cells.next() {
                    self.inputs_at(u, v, cell);
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_slice_fixes_the_hidden_features_at_their_mean() {
        let plane = Plane::Slice { d: 4, i: 2, j: 0 };
        let mut out = [9.0; 4];
        plane.inputs_at(0.5, -1.0, &mut out);
        assert_eq!(out, [-1.0, 0.0, 0.5, 0.0]);
    }

    #[test]
    fn grid_rows_run_top_down_and_columns_left_right() {
        let grid = Plane::Direct { inputs: 2 }.grid_inputs([0.0, 4.0, 0.0, 2.0], 4, 2);
        assert_eq!(&grid[..2], &[0.5, 1.5]);
        assert_eq!(&grid[6..8], &[3.5, 1.5]);
        assert_eq!(&grid[8..10], &[0.5, 0.5]);
    }
}
