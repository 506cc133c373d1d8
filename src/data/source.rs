//! Where a dataset comes from — a generator, a classic table, the user's CSV, points drawn by
//! hand — and how drawn points join it. The rules live here, apart from the page, so that
//! native tests reach them and a worker can rebuild the same rows.

use super::{Dataset, Target};
use crate::rng::seeded;
use crate::{Error, Result};

/// Where the session's data comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum DataSource {
    /// A seeded generator: circle, xor, gaussians, spiral, moons, blobs, line, sine, plane.
    Synthetic {
        /// Generator id.
        id: String,
        /// Number of points.
        points: usize,
        /// Noise level.
        noise: f64,
        /// Generator seed.
        seed: u32,
    },
    /// iris, wine, breast_cancer or diabetes, with the text of its file in `www/data/`
    /// (the page fetches it; `datasetCatalog()` names the files).
    Classic {
        /// Table id.
        id: String,
        /// The file's text.
        text: String,
    },
    /// The user's CSV file (made by `loadCsv`, not by `setData`).
    Uploaded {
        /// The file's name.
        name: String,
    },
    /// Points clicked onto the canvas.
    Hand {
        /// true: two classes (click / shift-click); false: regression (a click sets x and y).
        classes: bool,
    },
}

/// Points drawn by hand, kept apart from the dataset so that undo and clear are exact.
#[derive(Debug, Clone, Default)]
pub struct Drawn {
    /// (x, y, class or value) per point, in the order drawn.
    pub points: Vec<[f64; 3]>,
}

impl DataSource {
    /// The dataset this source gives by itself: a generated set or a classic table; `None`
    /// for points drawn by hand (they come with [`Drawn`]). An uploaded CSV is read by
    /// `parse_csv`, never through this.
    pub fn base_dataset(&self) -> Result<Option<Dataset>> {
        Ok(match self {
            DataSource::Synthetic {
                id,
                points,
                noise,
                seed,
            } => Some(super::generate(
                id,
                *points,
                *noise,
                &mut seeded(*seed as u64),
            )?),
            DataSource::Classic { id, text } => Some(super::classic_from_text(id, text)?),
            DataSource::Uploaded { .. } => {
                return Err(Error::setting(
                    "data",
                    "a CSV file is loaded with the file picker, by drag and drop or by paste",
                ));
            }
            DataSource::Hand { .. } => None,
        })
    }

    /// The credit line of a classic table (empty for the others).
    pub fn credit(&self) -> String {
        match self {
            DataSource::Classic { id, .. } => super::classic_credit(id).to_string(),
            _ => String::new(),
        }
    }
}

/// The dataset to train on: `base` plus the drawn points, or the drawn points alone (a
/// two-class or a regression canvas, as `source` says).
pub fn combined(source: &DataSource, base: Option<&Dataset>, drawn: &Drawn) -> Result<Dataset> {
    if let Some(base) = base {
        if let (1, Target::Values(values)) = (base.n_features(), base.target())
            && !drawn.points.is_empty()
        {
            // One feature against its target: a click gives both (x, y).
            let mut features = base.features().to_vec();
            let mut values = values.clone();
            for &[x, y, _] in &drawn.points {
                features.push(x);
                values.push(y);
            }
            return Dataset::new(
                base.name(),
                features,
                base.feature_names().to_vec(),
                Target::Values(values),
            );
        }
        let mut data = base.clone();
        for &[x, y, c] in &drawn.points {
            data.push_point(x, y, c)?;
        }
        return Ok(data);
    }
    let classes = matches!(source, DataSource::Hand { classes: true });
    let (features, target) = if classes {
        let labels = drawn.points.iter().map(|p| p[2] as usize).collect();
        let names = vec!["class 1".to_string(), "class 2".to_string()];
        let features = drawn.points.iter().flat_map(|p| [p[0], p[1]]).collect();
        (
            features,
            Target::Classes {
                labels,
                class_names: names,
            },
        )
    } else {
        let features = drawn.points.iter().map(|p| p[0]).collect();
        (
            features,
            Target::Values(drawn.points.iter().map(|p| p[1]).collect()),
        )
    };
    let names = if classes {
        vec!["x".to_string(), "y".to_string()]
    } else {
        vec!["x".to_string()]
    };
    Dataset::new("points drawn by hand", features, names, target)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn synthetic(id: &str) -> DataSource {
        DataSource::Synthetic {
            id: id.into(),
            points: 60,
            noise: 0.1,
            seed: 4,
        }
    }

    #[test]
    fn a_generated_source_gives_the_same_rows_every_time() {
        let a = synthetic("moons").base_dataset().unwrap().unwrap();
        let b = synthetic("moons").base_dataset().unwrap().unwrap();
        assert_eq!(a, b);
        assert_eq!(a.n_rows(), 60);
        assert!(synthetic("no-such-set").base_dataset().is_err());
        assert_eq!(DataSource::Hand { classes: true }.base_dataset(), Ok(None));
    }

    #[test]
    fn drawn_points_join_the_base_or_make_a_canvas_of_their_own() {
        let drawn = Drawn {
            points: vec![[0.1, 0.2, 0.0], [0.3, -0.4, 1.0], [0.5, 0.5, 1.0]],
        };
        let base = synthetic("circle").base_dataset().unwrap().unwrap();
        let joined = combined(&synthetic("circle"), Some(&base), &drawn).unwrap();
        assert_eq!(joined.n_rows(), 63);
        assert_eq!(joined.row(62), &[0.5, 0.5]);
        let canvas = combined(&DataSource::Hand { classes: true }, None, &drawn).unwrap();
        assert_eq!(canvas.n_features(), 2);
        assert_eq!(canvas.target().n_classes(), Some(2));
        let curve = combined(&DataSource::Hand { classes: false }, None, &drawn).unwrap();
        assert_eq!(curve.n_features(), 1);
        assert_eq!(curve.target(), &Target::Values(vec![0.2, -0.4, 0.5]));
        // One feature against its target (a regression set): a click adds x and y.
        let sine = synthetic("sine");
        let base = sine.base_dataset().unwrap().unwrap();
        let extended = combined(&sine, Some(&base), &drawn).unwrap();
        assert_eq!(extended.n_rows(), 63);
        assert_eq!(extended.row(61), &[0.3]);
    }
}
