//! Pure functions that turn grids of numbers into RGBA pixels (no web-sys).

pub mod boundary;
pub mod surface;
