//! Pure functions that turn grids of numbers into RGBA pixels (no web-sys).

pub mod boundary;
#[cfg(test)]
mod colour_vision;
pub mod surface;
