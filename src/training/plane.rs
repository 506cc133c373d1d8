//! The 2-D display plane and how its points map to the model's inputs.
//!
//! Feature pairs are shown in their own units (so the axes read "petal length (cm)"), while
//! the model sees standardized inputs; the plane converts between the two.

use crate::data::Pca;

/// How a point (u, v) of the display plane becomes a row of model inputs.
#[derive(Debug, Clone, PartialEq)]
pub enum Plane {
    /// One feature, shown against the target (regression) or on a line: u is the feature in
    /// its units, the model input is u standardized.
    Single {
        /// Training mean and scale of the feature.
        standard: [f64; 2],
    },
    /// Features `i` and `j` in their units. The model sees either just the two of them
    /// standardized (`all == None`), or all `d` standardized features with the others at
    /// their training mean, 0 (`all == Some(d)`).
    Pair {
        /// Feature on the horizontal axis.
        i: usize,
        /// Feature on the vertical axis.
        j: usize,
        /// Training means of features i and j.
        means: [f64; 2],
        /// Training scales of features i and j.
        scales: [f64; 2],
        /// Number of model inputs when the model sees every feature.
        all: Option<usize>,
    },
    /// The principal-component plane of the standardized features. The model sees the two
    /// plane coordinates (`all == false`) or every standardized feature, taken from the
    /// point of the plane (`all == true`).
    Pca {
        /// The fitted axes.
        pca: Pca,
        /// Whether the model sees every feature.
        all: bool,
    },
}

impl Plane {
    /// Number of model inputs per plane point.
    pub fn inputs(&self) -> usize {
        match self {
            Plane::Single { .. } => 1,
            Plane::Pair { all, .. } => all.unwrap_or(2),
            Plane::Pca { pca, all: true } => pca.dim(),
            Plane::Pca { all: false, .. } => 2,
        }
    }

    /// Writes the model inputs of plane point (u, v) into `out` (length [`Plane::inputs`]).
    pub fn inputs_at(&self, u: f64, v: f64, out: &mut [f64]) {
        match self {
            Plane::Single {
                standard: [mean, scale],
            } => out[0] = (u - mean) / scale,
            Plane::Pair {
                i,
                j,
                means,
                scales,
                all,
            } => {
                let (a, b) = ((u - means[0]) / scales[0], (v - means[1]) / scales[1]);
                if all.is_some() {
                    out.fill(0.0);
                    out[*i] = a;
                    out[*j] = b;
                } else {
                    out[0] = a;
                    out[1] = b;
                }
            }
            Plane::Pca { pca, all: true } => pca.unproject(u, v, out),
            Plane::Pca { all: false, .. } => {
                out[0] = u;
                out[1] = v;
            }
        }
    }

    /// Model inputs for the pixel centres of a `width` × `height` image of `bounds`
    /// (`[u_min, u_max, v_min, v_max]`), row-major, top row = largest v.
    pub fn grid_inputs(&self, bounds: [f64; 4], width: usize, height: usize) -> Vec<f64> {
        self.grid_rows(bounds, width, height, 0..height)
    }

    /// The image rows `rows` of [`Plane::grid_inputs`] (a band of the picture).
    pub fn grid_rows(
        &self,
        bounds: [f64; 4],
        width: usize,
        height: usize,
        rows: std::ops::Range<usize>,
    ) -> Vec<f64> {
        let d = self.inputs();
        let mut out = vec![0.0; width * rows.len() * d];
        let mut cells = out.chunks_exact_mut(d);
        for r in rows {
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
    fn a_pair_standardizes_and_a_slice_fixes_the_hidden_features_at_their_mean() {
        let pair = |all| Plane::Pair {
            i: 2,
            j: 0,
            means: [1.0, -1.0],
            scales: [2.0, 0.5],
            all,
        };
        let mut two = [0.0; 2];
        pair(None).inputs_at(2.0, 0.0, &mut two);
        assert_eq!(two, [0.5, 2.0]);
        let mut four = [9.0; 4];
        pair(Some(4)).inputs_at(2.0, 0.0, &mut four);
        assert_eq!(four, [2.0, 0.0, 0.5, 0.0]);
    }

    #[test]
    fn grid_rows_run_top_down_and_columns_left_right() {
        let plane = Plane::Pair {
            i: 0,
            j: 1,
            means: [0.0; 2],
            scales: [1.0; 2],
            all: None,
        };
        let grid = plane.grid_inputs([0.0, 4.0, 0.0, 2.0], 4, 2);
        assert_eq!(&grid[..2], &[0.5, 1.5]);
        assert_eq!(&grid[6..8], &[3.5, 1.5]);
        assert_eq!(&grid[8..10], &[0.5, 0.5]);
    }
}
