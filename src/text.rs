//! Numbers as text, for messages and for the formulas beside the canvas.
//!
//! Written out here instead of with `{}` on an `f64`: the standard library's float formatting
//! (shortest round-trip digits, exact digits, their tables) is several KB of the gzipped wasm
//! module, and a reader needs a handful of significant digits, not round-trip precision.

use std::fmt;
use std::ops::Range;

/// An `f64` shown in a message: up to 6 significant digits, whole numbers in full, scientific
/// notation outside [1e-4, 1e15). Use it as `format!("got {}", Num(value))`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num(pub f64);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&number(self.0, 6, 1e-4..1e15, "-"))
    }
}

/// Computed values smaller than this in magnitude are zero up to rounding, and read 0 (the
/// page's `num()` in www/ui/format.js applies the same rule to what it shows).
pub const ZERO_BELOW: f64 = 1e-12;

/// A computed number as written in a formula: 3 significant digits, whole numbers in full, a
/// true minus sign (−), scientific notation outside [1e-3, 1e4), 0 below [`ZERO_BELOW`].
pub fn formula_number(x: f64) -> String {
    if x.abs() < ZERO_BELOW {
        return "0".into();
    }
    number(x, 3, 1e-3..1e4, "−")
}

/// `x` with `significant` digits, in fixed notation when its magnitude lies in `fixed`;
/// trailing zeros after the point are dropped.
fn number(x: f64, significant: usize, fixed: Range<f64>, minus: &str) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    let sign = if x < 0.0 { minus } else { "" };
    let magnitude = x.abs();
    if magnitude.is_infinite() {
        return format!("{sign}∞");
    }
    if magnitude == 0.0 {
        return "0".into();
    }
    if fixed.contains(&magnitude) && magnitude.fract() == 0.0 {
        return format!("{sign}{}", magnitude as u64);
    }
    // Fixed notation keeps every digit before the point: 1234.4 reads 1234, not 1230.
    let whole_digits = if magnitude >= 1.0 && fixed.contains(&magnitude) {
        magnitude.log10().floor() as usize + 1
    } else {
        0
    };
    let (digits, exponent) = significant_digits(magnitude, significant.max(whole_digits));
    // Decided after rounding, so that 9999.7 with 3 digits reads 1e4, not 10000.
    let body = if fixed.contains(&10f64.powi(exponent)) {
        fixed_point(&digits, exponent)
    } else {
        let (first, rest) = (part(&digits, ..1), part(&digits, 1..));
        let rest = rest.trim_end_matches('0');
        let point = if rest.is_empty() { "" } else { "." };
        let exponent_sign = if exponent < 0 { minus } else { "" };
        format!(
            "{first}{point}{rest}e{exponent_sign}{}",
            exponent.unsigned_abs()
        )
    };
    format!("{sign}{body}")
}

/// The first `count` significant digits of a finite `magnitude` > 0, rounded, and the power of
/// ten of the first digit: 0.07349 with 3 digits is ("735", −2).
fn significant_digits(magnitude: f64, count: usize) -> (String, i32) {
    // Subnormal numbers are scaled up first, so that no power of ten below overflows.
    let (magnitude, shift) = if magnitude < 1e-290 {
        (magnitude * 1e300, -300)
    } else {
        (magnitude, 0)
    };
    let count = count as i32;
    let mut exponent = magnitude.log10().floor() as i32;
    let scaled = |exponent: i32| (magnitude * 10f64.powi(count - 1 - exponent)).round();
    let mut digits = scaled(exponent);
    // log10 can land one off next to a power of ten, and rounding can carry into a new digit.
    if digits < 10f64.powi(count - 1) {
        exponent -= 1;
        digits = scaled(exponent);
    }
    if digits >= 10f64.powi(count) {
        exponent += 1;
        digits = scaled(exponent);
    }
    ((digits as u64).to_string(), exponent + shift)
}

/// `text[range]`, or "" if a cut is not on a character boundary. Every caller cuts where it
/// found a character; unlike indexing, this has no panic path, whose message would bring
/// Unicode's printable tables (~10 KB) into the wasm module.
pub fn part<R: std::slice::SliceIndex<str, Output = str>>(text: &str, range: R) -> &str {
    text.get(range).unwrap_or_default()
}

/// Digits with their first digit at 10^`exponent`, in fixed notation: ("735", −2) is 0.0735.
fn fixed_point(digits: &str, exponent: i32) -> String {
    let text = if exponent < 0 {
        let zeros = "0".repeat(exponent.unsigned_abs() as usize - 1);
        format!("0.{zeros}{digits}")
    } else {
        let whole = exponent as usize + 1;
        if digits.len() <= whole {
            return format!("{digits}{}", "0".repeat(whole - digits.len()));
        }
        format!("{}.{}", part(digits, ..whole), part(digits, whole..))
    };
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_slices_and_a_cut_inside_a_character_is_empty() {
        assert_eq!(part("abc", 1..), "bc");
        assert_eq!(part("été", ..2), "é");
        assert_eq!(part("été", ..1), "");
        assert_eq!(part("abc", 2..9), "");
    }

    #[test]
    fn messages_show_six_significant_digits_and_whole_numbers_in_full() {
        let shown = |x: f64| Num(x).to_string();
        assert_eq!(shown(33.0), "33");
        assert_eq!(shown(-0.5), "-0.5");
        assert_eq!(shown(0.05), "0.05");
        assert_eq!(shown(0.1 + 0.2), "0.3");
        assert_eq!(shown(1e6), "1000000");
        assert_eq!(shown(123_456_789.0), "123456789");
        assert_eq!(shown(2.0 / 3.0), "0.666667");
        assert_eq!(shown(1234.5678), "1234.57");
        assert_eq!(shown(98_765_432.1), "98765432");
        assert_eq!(shown(0.000_123_4), "0.0001234");
        assert_eq!(shown(1e-6), "1e-6");
        assert_eq!(shown(-2.5e-9), "-2.5e-9");
        assert_eq!(shown(1e15), "1e15");
        assert_eq!(shown(1.234_567_89e300), "1.23457e300");
        assert_eq!(shown(5e-324), "4.94066e-324");
        assert_eq!(shown(f64::MAX), "1.79769e308");
        assert_eq!(shown(0.0), "0");
        assert_eq!(shown(-0.0), "0");
        assert_eq!(shown(f64::NAN), "NaN");
        assert_eq!(shown(f64::NEG_INFINITY), "-∞");
    }

    #[test]
    fn rounding_carries_into_a_new_digit() {
        assert_eq!(Num(9.999_999_9).to_string(), "10");
        assert_eq!(Num(0.099_999_99).to_string(), "0.1");
        assert_eq!(formula_number(999.7), "1000");
        assert_eq!(formula_number(9_999.7), "1e4");
    }

    #[test]
    fn every_power_of_ten_is_written_exactly() {
        for exponent in -20..=20 {
            let x = 10f64.powi(exponent);
            let text = Num(x).to_string();
            let expected = if (-4..15).contains(&exponent) {
                if exponent < 0 {
                    format!("0.{}1", "0".repeat((-exponent - 1) as usize))
                } else {
                    format!("1{}", "0".repeat(exponent as usize))
                }
            } else {
                format!("1e{exponent}")
            };
            assert_eq!(text, expected);
        }
    }

    #[test]
    fn formula_numbers_read_like_a_blackboard() {
        assert_eq!(formula_number(0.41), "0.41");
        assert_eq!(formula_number(-0.7349), "−0.735");
        assert_eq!(formula_number(12.0), "12");
        assert_eq!(formula_number(1234.0), "1234");
        assert_eq!(formula_number(1234.4), "1234");
        assert_eq!(formula_number(-987.6), "−988");
        assert_eq!(formula_number(0.0), "0");
        assert_eq!(formula_number(1.5e-5), "1.5e−5");
        assert_eq!(formula_number(-31_415.9), "−3.14e4");
        assert_eq!(formula_number(f64::INFINITY), "∞");
        // Zero up to rounding (Ackley's J at its minimum once was −4.4e−16) reads 0.
        assert_eq!(formula_number(-4.4e-16), "0");
        assert_eq!(formula_number(9.9e-13), "0");
        assert_eq!(formula_number(2e-12), "2e−12");
    }
}
