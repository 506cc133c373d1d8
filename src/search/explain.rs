//! Number formatting for the update formulas shown beside the canvas.

/// Formats a number compactly for a formula (3 significant digits, a true minus sign).
pub use crate::text::formula_number as num;

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

/// A power as Unicode superscript digits, e.g. 12 → "¹²".
pub fn superscript(n: usize) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .chars()
        .map(|c| c.to_digit(10).map_or(c, |d| DIGITS[d as usize]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vectors_and_step_numbers_read_like_a_blackboard() {
        assert_eq!(vector(&[0.41, -0.73]), "(0.41, −0.73)");
        assert_eq!(vector(&[1.0, 2.0, 3.0, 4.0]), "(1, 2, … 4 values)");
        assert_eq!(subscript(12), "₁₂");
        assert_eq!(superscript(2031), "²⁰³¹");
    }
}
