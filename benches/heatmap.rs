//! Landscape heatmaps: sampling a 400×400 grid and colouring it with contour lines, as the
//! page does whenever the landscape or the canvas size changes. Prints the median of 21 runs
//! per landscape.

use std::hint::black_box;
use std::time::Instant;

use automl_playground::landscape::{self, LANDSCAPE_IDS, LandscapeSettings};
use automl_playground::render::surface::surface_rgba;

const SIZE: usize = 400;
const RUNS: usize = 21;

fn main() {
    for id in LANDSCAPE_IDS {
        let surface = landscape::build(&LandscapeSettings {
            id: id.to_string(),
            ..Default::default()
        })
        .expect("every listed landscape builds");
        let mut times: Vec<f64> = (0..RUNS)
            .map(|_| {
                let start = Instant::now();
                let values = landscape::sample_grid(surface.as_ref(), SIZE, SIZE);
                black_box(surface_rgba(&values, SIZE, SIZE));
                start.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        times.sort_by(f64::total_cmp);
        println!(
            "{id:<12} {SIZE}×{SIZE} heatmap: median {:.2} ms (min {:.2})",
            times[RUNS / 2],
            times[0]
        );
    }
}
