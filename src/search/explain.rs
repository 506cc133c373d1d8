//! Number formatting for the update formulas shown beside the canvas.

/// Formats a number compactly for a formula: 3 significant digits, a true minus sign,
/// scientific notation outside [1e-3, 1e4).
pub fn num(x: f64) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "NaN".into()
        } else if x > 0.0 {
            "∞".into()
        } else {
            "−∞".into()
        };
    }
    let magnitude = x.abs();
    let text = if magnitude == 0.0 {
        "0".to_string()
    } else if !(1e-3..1e4).contains(&magnitude) {
        format!("{x:.2e}")
    } else {
        let decimals = (2 - magnitude.log10().floor() as i32).clamp(0, 5) as usize;
        let fixed = format!("{x:.decimals$}");
        if fixed.contains('.') {
            fixed
                .trim_end_matches('0')
                .trim_end_matches('.')
                .to_string()
        } else {
            fixed
        }
    };
    text.replace('-', "−")
}

/// Formats a vector as `(a, b)`; long vectors show their first two entries and their length.
pub fn vector(v: &[f64]) -> String {
    match v.len() {
        0..=3 => format!(
            "({})",
            v.iter().map(|&x| num(x)).collect::<Vec<_>>().join(", ")
        ),
        n => format!("({}, {}, … {n} values)", num(v[0]), num(v[1])),
    }
}

/// A step number as Unicode subscript digits, e.g. 12 → "₁₂".
pub fn subscript(n: usize) -> String {
    n.to_string()
        .chars()
        .map(|c| char::from_u32(0x2080 + c.to_digit(10).unwrap_or(0)).unwrap_or(c))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_like_a_blackboard() {
        assert_eq!(num(0.41), "0.41");
        assert_eq!(num(-0.7349), "−0.735");
        assert_eq!(num(12.0), "12");
        assert_eq!(num(0.0), "0");
        assert_eq!(num(1.5e-5), "1.50e−5");
        assert_eq!(num(f64::NAN), "NaN");
        assert_eq!(vector(&[0.41, -0.73]), "(0.41, −0.73)");
        assert_eq!(vector(&[1.0, 2.0, 3.0, 4.0]), "(1, 2, … 4 values)");
        assert_eq!(subscript(12), "₁₂");
    }
}
