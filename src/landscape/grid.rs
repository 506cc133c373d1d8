//! Sampling a landscape on a pixel grid, with y pointing up the image.

use super::Landscape;

/// The sample coordinates of a `width` × `height` image of the landscape's domain: the pixel
/// centres, xs ascending (left to right) and ys descending (top row first, so y points up).
pub fn grid_axes(landscape: &dyn Landscape, width: usize, height: usize) -> (Vec<f64>, Vec<f64>) {
    let ((x_min, x_max), (y_min, y_max)) = landscape.domain();
    let centres = |from: f64, to: f64, n: usize| -> Vec<f64> {
        (0..n)
            .map(|i| from + (to - from) * (i as f64 + 0.5) / n as f64)
            .collect()
    };
    (centres(x_min, x_max, width), centres(y_max, y_min, height))
}

/// J at every pixel centre of a `width` × `height` image (see [`grid_axes`]), row-major with
/// row 0 at the top (largest y).
pub fn sample_grid(landscape: &dyn Landscape, width: usize, height: usize) -> Vec<f64> {
    let (xs, ys) = grid_axes(landscape, width, height);
    let mut out = vec![0.0; width * height];
    landscape.fill_grid(&xs, &ys, &mut out);
    out
}
