//! Tests that the class palette stays readable with colour-vision deficiencies: every pair of
//! class colours, seen through a simulated protanopia, deuteranopia or tritanopia (Machado,
//! Oliveira and Fernandes 2009, severity 1), stays at least [`MIN_DELTA_E`] apart in CIELAB.

use super::boundary::CLASS_COLOURS;

/// The least CIE ΔE*ab (1976) between two simulated class colours. About 2.3 is a just
/// noticeable difference between two large patches side by side; class colours are small dots
/// and regions seen across a room on a washed-out projector, so we ask for several times more:
/// 15 keeps two classes apart at a glance (the old palette's orange and green were 5.0 apart
/// for a protanope).
const MIN_DELTA_E: f64 = 15.0;

/// Machado et al. (2009) simulation matrices at severity 1, applied to linear RGB.
const DEFICIENCIES: [(&str, [[f64; 3]; 3]); 3] = [
    (
        "protanopia",
        [
            [0.152286, 1.052583, -0.204868],
            [0.114503, 0.786281, 0.099216],
            [-0.003882, -0.048116, 1.051998],
        ],
    ),
    (
        "deuteranopia",
        [
            [0.367322, 0.860646, -0.227968],
            [0.280085, 0.672501, 0.047413],
            [-0.011820, 0.042940, 0.968881],
        ],
    ),
    (
        "tritanopia",
        [
            [1.255528, -0.076749, -0.178779],
            [-0.078411, 0.930809, 0.147602],
            [0.004733, 0.691367, 0.303900],
        ],
    ),
];

/// sRGB byte → linear light.
fn linear(c: u8) -> f64 {
    let c = f64::from(c) / 255.0;
    if c <= 0.04045 {
        c / 12.92
    } else {
        ((c + 0.055) / 1.055).powf(2.4)
    }
}

/// Linear RGB → CIELAB (D65).
fn lab([r, g, b]: [f64; 3]) -> [f64; 3] {
    let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    let f = |t: f64| {
        if t > 0.008856 {
            t.cbrt()
        } else {
            7.787 * t + 16.0 / 116.0
        }
    };
    let (fx, fy, fz) = (f(x), f(y), f(z));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

/// The colour as seen with `matrix`'s deficiency, in CIELAB.
fn seen(colour: [u8; 3], matrix: &[[f64; 3]; 3]) -> [f64; 3] {
    let rgb = colour.map(linear);
    lab(matrix.map(|row| (0..3).map(|k| row[k] * rgb[k]).sum::<f64>().clamp(0.0, 1.0)))
}

fn delta_e(a: [f64; 3], b: [f64; 3]) -> f64 {
    (0..3).map(|k| (a[k] - b[k]).powi(2)).sum::<f64>().sqrt()
}

#[test]
fn every_pair_of_class_colours_stays_apart_for_colour_blind_eyes() {
    let mut too_close = Vec::new();
    for (name, matrix) in &DEFICIENCIES {
        for (i, &a) in CLASS_COLOURS.iter().enumerate() {
            for (j, &b) in CLASS_COLOURS.iter().enumerate().skip(i + 1) {
                let d = delta_e(seen(a, matrix), seen(b, matrix));
                if d < MIN_DELTA_E {
                    too_close.push(format!("{name}: classes {i} and {j}, ΔE = {d:.1}"));
                }
            }
        }
    }
    assert!(too_close.is_empty(), "{too_close:#?}");
}

#[test]
fn the_simulation_keeps_grey_grey_and_merges_orange_and_green_for_protanopes() {
    let identity = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]];
    for (_, matrix) in &DEFICIENCIES {
        assert!(delta_e(seen([128; 3], matrix), seen([128; 3], &identity)) < 1.0);
    }
    let protan = &DEFICIENCIES[0].1;
    let (orange, green) = ([232, 136, 30], [44, 160, 44]);
    assert!(delta_e(seen(orange, &identity), seen(green, &identity)) > 60.0);
    assert!(delta_e(seen(orange, protan), seen(green, protan)) < 8.0);
}
