//! A picture of a model over the display plane — its output (the decision boundary or the
//! regression surface) or one neuron's output — computed a band of image rows at a time, so
//! that a large picture of a large network is spread over several calls (frames) instead of
//! blocking the page. A picture done in parts is the same, byte for byte, as one done at once.

use super::plane::Plane;
use crate::Result;
use crate::model::ModelSpec;
use crate::render::boundary::{output_rgba, value_rgba};

/// Work units of colouring one pixel (against one unit per parameter to compute it).
const COLOUR_UNITS: usize = 32;

/// What a picture shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shows {
    /// The model's output: class regions, or the value on the diverging ramp.
    Output,
    /// The model's output discretized: flat class regions, or the value in bands.
    Regions,
    /// One neuron's output (layer 0 = the inputs) on the diverging ramp, scaled to its
    /// largest magnitude over the picture.
    Neuron {
        /// The layer, from 0 (the inputs) to the outputs.
        layer: usize,
        /// The neuron within its layer, from 0.
        neuron: usize,
    },
    /// Nothing to shade (a one-feature regression: the page draws the fitted curve).
    Blank,
}

/// A picture in progress: a copy of the model it shows (later steps do not change it), the
/// plane's bounds, its size, the values of the image rows computed so far and the pixels of
/// the rows coloured so far. The output's rows are coloured as they are computed; a
/// neuron's once all are computed (its colours depend on its largest value).
#[derive(Debug, Clone)]
pub struct Picture {
    theta: Vec<f64>,
    shows: Shows,
    bounds: [f64; 4],
    width: usize,
    height: usize,
    values: Vec<f64>,
    computed: usize,
    rgba: Vec<u8>,
}

impl Picture {
    /// Starts a `width` × `height` picture of model `theta` of `spec` over `bounds`
    /// (`[u_min, u_max, v_min, v_max]`). A neuron the model lacks is refused.
    pub fn new(
        spec: &ModelSpec,
        theta: &[f64],
        shows: Shows,
        bounds: [f64; 4],
        width: usize,
        height: usize,
    ) -> Result<Picture> {
        if let Shows::Neuron { layer, neuron } = shows {
            spec.neuron_outputs(theta, &[], layer, neuron)?;
        }
        Ok(Picture {
            theta: theta.to_vec(),
            shows,
            bounds,
            width,
            height,
            values: Vec::new(),
            computed: 0,
            rgba: Vec::new(),
        })
    }

    /// Whether every pixel is coloured.
    pub fn done(&self) -> bool {
        self.rgba.len() >= 4 * self.width * self.height
    }

    /// Carries the picture on for about `budget` units of work (computing a pixel costs the
    /// model's parameters, the unit of a training step; colouring it [`COLOUR_UNITS`]), at
    /// least one image row; returns whether the picture is complete.
    pub fn advance(&mut self, spec: &ModelSpec, plane: &Plane, budget: usize) -> bool {
        if self.done() {
            return true;
        }
        let row_pixels = 4 * self.width;
        let coloured = self.rgba.len() / row_pixels.max(1);
        match self.shows {
            Shows::Blank => self.rgba = value_rgba(&vec![0.0; self.width * self.height], 1.0),
            Shows::Output | Shows::Regions => {
                // Computed and coloured together, pixel by pixel.
                let rows = self.rows_for(budget, spec.n_params() + COLOUR_UNITS);
                let values = self.compute(spec, plane, rows);
                let regions = self.shows == Shows::Regions;
                self.rgba
                    .extend(output_rgba(spec.output(), &values, regions));
            }
            Shows::Neuron { .. } if self.computed < self.height => {
                let rows = self.rows_for(budget, spec.n_params());
                let values = self.compute(spec, plane, rows);
                self.values.extend_from_slice(&values);
            }
            Shows::Neuron { .. } => {
                let scale = self.values.iter().fold(1e-9f64, |m, v| {
                    if v.is_finite() { m.max(v.abs()) } else { m }
                });
                let rows =
                    (budget / (self.width * COLOUR_UNITS).max(1)).clamp(1, self.height - coloured);
                let band = &self.values[coloured * self.width..(coloured + rows) * self.width];
                self.rgba.extend(value_rgba(band, scale));
            }
        }
        self.done()
    }

    /// How many image rows still to compute `budget` allows at `per_pixel` units, at least one.
    fn rows_for(&self, budget: usize, per_pixel: usize) -> usize {
        (budget / (self.width * per_pixel).max(1)).clamp(1, self.height - self.computed)
    }

    /// Computes the next `rows` image rows: the values shown, row after row.
    fn compute(&mut self, spec: &ModelSpec, plane: &Plane, rows: usize) -> Vec<f64> {
        let band = self.computed..self.computed + rows;
        let grid = plane.grid_rows(self.bounds, self.width, self.height, band);
        self.computed += rows;
        match self.shows {
            Shows::Neuron { layer, neuron } => spec
                .neuron_outputs(&self.theta, &grid, layer, neuron)
                .expect("the neuron was checked when the picture started"),
            _ => spec.predict(&self.theta, &grid),
        }
    }

    /// The picture as RGBA (`width` × `height`, top row first) once it is complete.
    pub fn rgba(&self) -> Option<&[u8]> {
        self.done().then_some(&self.rgba[..])
    }
}
