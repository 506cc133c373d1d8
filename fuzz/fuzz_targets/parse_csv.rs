//! `parse_csv` must return a dataset or an error, never panic, on any bytes. The first byte
//! chooses the options (header mode, target kind, target column); the rest is the file.

#![no_main]

use automl_playground::data::{CsvOptions, HeaderRow, TargetKind, parse_csv};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&choice, file)) = data.split_first() else {
        return;
    };
    let options = CsvOptions {
        header: [HeaderRow::Auto, HeaderRow::Present, HeaderRow::Absent][usize::from(choice % 3)],
        target_kind: [
            TargetKind::Auto,
            TargetKind::Classification,
            TargetKind::Regression,
        ][usize::from(choice / 3 % 3)],
        target_column: match choice / 9 % 4 {
            0 => None,
            column => Some(usize::from(column) - 1),
        },
        ..CsvOptions::default()
    };
    if let Ok(parsed) = parse_csv(file, &options) {
        let dataset = &parsed.dataset;
        assert_eq!(
            dataset.features().len(),
            dataset.n_rows() * dataset.n_features()
        );
        assert_eq!(parsed.column_names.len(), dataset.n_features() + 1);
    }
});
