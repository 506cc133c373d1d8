//! Colours for a model's output over the display plane: class regions shaded by confidence,
//! or regression values on a diverging ramp.

use super::surface::NON_FINITE_RGBA;
use crate::model::most_probable_class;

/// Class colours (RGB), the one palette of the page (exported to it by `classColours`):
/// orange, blue, wine, sky, sand, indigo, brown, grey (Okabe–Ito's orange and blue, then
/// Paul Tol's muted colours), repeated beyond 8. Chosen so that every pair stays apart under
/// protanopia, deuteranopia and tritanopia, in hue and in lightness (see the test below).
pub const CLASS_COLOURS: [[u8; 3]; 8] = [
    [230, 159, 0],
    [0, 114, 178],
    [136, 34, 85],
    [136, 204, 238],
    [221, 204, 119],
    [51, 34, 136],
    [139, 90, 43],
    [127, 127, 127],
];

/// The model output (in standardized target units) drawn at full colour by [`output_rgba`]:
/// ±2, two standard deviations of the training targets.
pub const VALUE_SCALE: f64 = 2.0;

const PAPER: [f64; 3] = [250.0, 250.0, 247.0];

fn mix(colour: [u8; 3], amount: f64, pixel: &mut [u8]) {
    for k in 0..3 {
        pixel[k] = (PAPER[k] + (colour[k] as f64 - PAPER[k]) * amount).round() as u8;
    }
    pixel[3] = 255;
}

/// A model's outputs over a grid as RGBA: class regions for a classifier (`output`'s size
/// values per pixel), values on the diverging ramp (±2 at full colour) for regression. With
/// `regions` the picture is discretized: each class's region in one flat colour, whatever the
/// confidence; values in bands one unit wide (−2, −1, 0, 1, 2).
pub fn output_rgba(output: crate::model::Output, values: &[f64], regions: bool) -> Vec<u8> {
    match output {
        crate::model::Output::Linear if regions => {
            let bands: Vec<f64> = values
                .iter()
                .map(|v| v.round().clamp(-VALUE_SCALE, VALUE_SCALE))
                .collect();
            value_rgba(&bands, VALUE_SCALE)
        }
        crate::model::Output::Linear => value_rgba(values, VALUE_SCALE),
        classifier => class_rgba(values, classifier.size(), regions),
    }
}

/// Shades each pixel by its most probable class: the more confident, the deeper the colour
/// (`flat`: every pixel of a class as if half confident). `probabilities` holds `classes`
/// values per pixel; with `classes == 1` it holds the probability of class 1 (a sigmoid
/// output). Non-finite outputs are drawn grey.
pub fn class_rgba(probabilities: &[f64], classes: usize, flat: bool) -> Vec<u8> {
    let per_pixel = classes.max(1);
    let mut out = vec![0u8; probabilities.len() / per_pixel * 4];
    for (p, pixel) in probabilities
        .chunks_exact(per_pixel)
        .zip(out.chunks_exact_mut(4))
    {
        let class = most_probable_class(p);
        let confidence = if flat {
            0.5
        } else if per_pixel == 1 {
            (2.0 * p[0] - 1.0).abs()
        } else {
            let chance = 1.0 / per_pixel as f64;
            (p[class] - chance) / (1.0 - chance)
        };
        if confidence.is_finite() && p.iter().all(|v| v.is_finite()) {
            mix(
                CLASS_COLOURS[class % CLASS_COLOURS.len()],
                0.12 + 0.6 * confidence.clamp(0.0, 1.0),
                pixel,
            );
        } else {
            pixel.copy_from_slice(&NON_FINITE_RGBA);
        }
    }
    out
}

/// Colours regression outputs on a diverging ramp: blue below 0, orange above, white at 0,
/// full colour at ±`scale`. Non-finite outputs are grey.
pub fn value_rgba(values: &[f64], scale: f64) -> Vec<u8> {
    let mut out = vec![0u8; values.len() * 4];
    for (&v, pixel) in values.iter().zip(out.chunks_exact_mut(4)) {
        let t = v / scale;
        if !t.is_finite() {
            pixel.copy_from_slice(&NON_FINITE_RGBA);
        } else if t < 0.0 {
            mix(CLASS_COLOURS[1], 0.75 * (-t).min(1.0), pixel);
        } else {
            mix(CLASS_COLOURS[0], 0.75 * t.min(1.0), pixel);
        }
    }
    out
}

/// `n` evenly spaced values from `a` to `b` (n ≥ 2; one value `a` for n = 1).
fn spaced(a: f64, b: f64, n: usize) -> impl Iterator<Item = f64> {
    let last = n.saturating_sub(1).max(1) as f64;
    (0..n).map(move |i| a + (b - a) * i as f64 / last)
}

/// The colour bar of [`value_rgba`]: `n` RGBA pixels for values from −1 to +1 at scale 1.
pub fn value_bar(n: usize) -> Vec<u8> {
    value_rgba(&spaced(-1.0, 1.0, n).collect::<Vec<_>>(), 1.0)
}

/// The colour bar of [`class_rgba`], `n` RGBA pixels. Two classes (`classes` ≤ 2, one
/// sigmoid output): the probability of class 1 from 0 to 1. More: class `class` from chance
/// (1 / `classes`) to certain, the rest shared by the others.
pub fn class_bar(classes: usize, class: usize, n: usize) -> Vec<u8> {
    if classes <= 2 {
        return class_rgba(&spaced(0.0, 1.0, n).collect::<Vec<_>>(), 1, false);
    }
    let chance = 1.0 / classes as f64;
    let mut probabilities = Vec::with_capacity(n * classes);
    for p in spaced(chance, 1.0, n) {
        probabilities.extend((0..classes).map(|k| {
            if k == class % classes {
                p
            } else {
                (1.0 - p) / (classes - 1) as f64
            }
        }));
    }
    class_rgba(&probabilities, classes, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confident_pixels_are_deeper_than_uncertain_ones() {
        let pixels = class_rgba(&[0.99, 0.51, 0.01], 1, false);
        assert_eq!(pixels.len(), 12);
        // Class 1 (blue) at 0.99: blue channel dominates; at 0.51 much nearer the paper.
        let distance = |p: &[u8]| {
            p[..3]
                .iter()
                .zip(PAPER)
                .map(|(&c, w)| (c as f64 - w).abs())
                .sum::<f64>()
        };
        assert!(pixels[2] > pixels[0]);
        assert!(distance(&pixels[4..8]) < 0.3 * distance(&pixels[0..4]));
        // Class 0 (orange) at 0.01: red channel dominates.
        assert!(pixels[8] > pixels[10]);
    }

    #[test]
    fn softmax_picks_the_most_probable_class_and_nan_is_grey() {
        let pixels = class_rgba(&[0.1, 0.1, 0.8, f64::NAN, 0.5, 0.5], 3, false);
        assert_eq!(pixels.len(), 8);
        assert!(
            pixels[0] > pixels[2] && pixels[2] > pixels[1],
            "wine wins: {:?}",
            &pixels[..4]
        );
        assert_eq!(&pixels[4..8], &NON_FINITE_RGBA);
    }

    #[test]
    fn the_bars_end_in_the_colours_of_their_end_values() {
        let value = value_bar(5);
        assert_eq!(&value[..4], &value_rgba(&[-1.0], 1.0)[..]);
        assert_eq!(&value[8..12], &[250, 250, 247, 255]);
        assert_eq!(&value[16..], &value_rgba(&[1.0], 1.0)[..]);
        let binary = class_bar(2, 0, 3);
        assert_eq!(&binary[..4], &class_rgba(&[0.0], 1, false)[..]);
        assert_eq!(&binary[8..], &class_rgba(&[1.0], 1, false)[..]);
        let third = class_bar(3, 2, 4);
        assert_eq!(&third[12..], &class_rgba(&[0.0, 0.0, 1.0], 3, false)[..]);
        assert_eq!(&third[..4], &class_rgba(&[1.0 / 3.0; 3], 3, false)[..]);
    }

    #[test]
    fn regions_are_flat_per_class_and_values_fall_in_bands() {
        let output = crate::model::Output::Sigmoid;
        let pixels = output_rgba(output, &[0.99, 0.6, 0.4, 0.01], true);
        assert_eq!(&pixels[0..4], &pixels[4..8]);
        assert_eq!(&pixels[8..12], &pixels[12..16]);
        assert_ne!(&pixels[0..4], &pixels[8..12]);
        let shaded = output_rgba(output, &[0.99, 0.6], false);
        assert_ne!(&shaded[0..4], &shaded[4..8]);
        let bands = output_rgba(
            crate::model::Output::Linear,
            &[0.2, -0.3, 0.8, 1.3, 9.0, 2.4],
            true,
        );
        assert_eq!(&bands[0..4], &bands[4..8]);
        assert_eq!(&bands[8..12], &bands[12..16]);
        assert_eq!(&bands[16..20], &bands[20..24]);
        assert_ne!(&bands[0..4], &bands[8..12]);
    }

    #[test]
    fn values_diverge_around_zero() {
        let pixels = value_rgba(&[-2.0, 0.0, 2.0, f64::INFINITY], 2.0);
        assert!(pixels[2] > pixels[0]);
        assert_eq!(&pixels[4..8], &[250, 250, 247, 255]);
        assert!(pixels[8] > pixels[10]);
        assert_eq!(&pixels[12..16], &NON_FINITE_RGBA);
    }
}
