//! Rows go through the network in blocks of [`LANES`], one lane per row: every weight is then
//! loaded once per block and the arithmetic over the lanes is independent, so it vectorises.

/// Rows per block.
pub(crate) const LANES: usize = 2;

/// One value per lane.
pub(crate) type Lanes = [f64; LANES];

/// Calls `f` on consecutive blocks of at most [`LANES`] rows from `rows` (only the last block
/// may be short); returns the number of rows.
pub(crate) fn for_each_block(
    rows: impl IntoIterator<Item = usize>,
    mut f: impl FnMut(&[usize]),
) -> usize {
    let mut rows = rows.into_iter();
    let mut block = [0; LANES];
    let mut total = 0;
    loop {
        let mut count = 0;
        for (slot, row) in block.iter_mut().zip(rows.by_ref()) {
            *slot = row;
            count += 1;
        }
        if count > 0 {
            f(&block[..count]);
            total += count;
        }
        if count < LANES {
            return total;
        }
    }
}

/// Copies lane `lane` of each of `values` into `row`.
pub(crate) fn gather(values: &[Lanes], lane: usize, row: &mut [f64]) {
    row.iter_mut().zip(values).for_each(|(r, v)| *r = v[lane]);
}

/// Copies `row` into lane `lane` of each of `values`.
pub(crate) fn scatter(row: &[f64], lane: usize, values: &mut [Lanes]) {
    values.iter_mut().zip(row).for_each(|(v, &r)| v[lane] = r);
}

// The helpers below spell out the lanes one by one rather than looping over them, so that
// the arithmetic is straight-line code even at `opt-level = "s"` (the WebAssembly build),
// where LLVM neither unrolls nor vectorises short loops.

/// acc += w·x, lane by lane.
#[inline(always)]
pub(crate) fn axpy(acc: &mut Lanes, w: f64, x: &Lanes) {
    acc[0] += w * x[0];
    acc[1] += w * x[1];
}

/// Applies `f` to each lane.
#[inline(always)]
pub(crate) fn map(values: &mut Lanes, f: impl Fn(f64) -> f64) {
    values[0] = f(values[0]);
    values[1] = f(values[1]);
}

/// Multiplies each lane of `values` by `f` of the same lane of `by`.
#[inline(always)]
pub(crate) fn scale(values: &mut Lanes, by: &Lanes, f: impl Fn(f64) -> f64) {
    values[0] *= f(by[0]);
    values[1] *= f(by[1]);
}

/// Σₖ aₖ·bₖ over the lanes.
#[inline(always)]
pub(crate) fn dot(a: &Lanes, b: &Lanes) -> f64 {
    a[0] * b[0] + a[1] * b[1]
}

/// Σₖ aₖ over the lanes.
#[inline(always)]
pub(crate) fn sum(a: &Lanes) -> f64 {
    a[0] + a[1]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_cover_the_rows_in_order() {
        let mut seen = Vec::new();
        let total = for_each_block([5, 1, 4, 2, 3], |block| seen.push(block.to_vec()));
        assert_eq!(total, 5);
        assert_eq!(seen, vec![vec![5, 1], vec![4, 2], vec![3]]);
        let mut calls = 0;
        assert_eq!(for_each_block(0..8, |_| calls += 1), 8);
        assert_eq!(calls, 4);
        assert_eq!(for_each_block(0..0, |_| calls += 1), 0);
        assert_eq!(calls, 4);
    }

    #[test]
    fn gather_and_scatter_move_one_lane() {
        let mut values = [[1.0, 2.0], [3.0, 4.0]];
        let mut row = [0.0; 2];
        gather(&values, 1, &mut row);
        assert_eq!(row, [2.0, 4.0]);
        scatter(&[7.0, 8.0], 0, &mut values);
        assert_eq!(values, [[7.0, 2.0], [8.0, 4.0]]);
    }

    #[test]
    fn lane_arithmetic() {
        let mut acc = [1.0, 1.0];
        axpy(&mut acc, 2.0, &[1.0, 2.0]);
        assert_eq!(acc, [3.0, 5.0]);
        map(&mut acc, |v| v - 1.0);
        assert_eq!(acc, [2.0, 4.0]);
        scale(&mut acc, &[1.0, 2.0], |v| v * 0.5);
        assert_eq!(acc, [1.0, 4.0]);
        assert_eq!(dot(&[1.0, 2.0], &[3.0, 0.5]), 4.0);
        assert_eq!(sum(&[1.0, 2.0]), 3.0);
    }
}
