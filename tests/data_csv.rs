//! The user's CSV file: what is accepted, and the exact message for each problem.

use automl_playground::data::{
    CsvOptions, HeaderRow, MAX_CSV_BYTES, ParsedCsv, Target, TargetKind, check_csv_size, parse_csv,
};

fn parse(text: &[u8]) -> Result<ParsedCsv, String> {
    parse_csv(text, &CsvOptions::default()).map_err(|e| e.to_string())
}

fn classes(labels: &[usize], names: &[&str]) -> Target {
    Target::Classes {
        labels: labels.to_vec(),
        class_names: names.iter().map(|s| s.to_string()).collect(),
    }
}

#[test]
fn bad_files_get_an_exact_message() {
    let many_columns = format!("{}\n", vec!["1"; 101].join(","));
    let many_rows = "1,a\n2,b\n".repeat(50_001);
    let many_classes: String = (0..101).map(|i| format!("{i},k{i}\n")).collect();
    let cases: Vec<(&[u8], &str)> = vec![
        (b"", "the file is empty"),
        (b"\xEF\xBB\xBF\n  \r\n", "the file is empty"),
        (b"x,y,class\n", "the file has a header row but no data rows"),
        (
            b"x,y,class\n\n\n",
            "the file has a header row but no data rows",
        ),
        (b"x,y,c\n1,2,a\n3,b\n", "line 3: has 2 fields, expected 3"),
        (
            b"x,y,c\n1,2,a\n3,4,5,b\n",
            "line 3: has 4 fields, expected 3",
        ),
        (
            b"x,y,c\n1,2,a\n3,four,b\n",
            "line 3, column 2: \"four\" is not a number",
        ),
        (
            b"x,y,c\n1,2,a\n3,,b\n",
            "line 3, column 2: empty cell, expected a number",
        ),
        (
            b"x,y,c\n1,NaN,a\n3,4,b\n",
            "line 2, column 2: \"NaN\" is not a finite number",
        ),
        (
            b"x,y,c\n1,2,a\n-inf,4,b\n",
            "line 3, column 1: \"-inf\" is not a finite number",
        ),
        (
            b"x,y,c\n1,2,a\n3,4,\n",
            "line 3, column 3: empty target cell",
        ),
        (
            b"x,y,c\n1,2,a\n3,4,a\n",
            "only one class (\"a\") is present; classification needs at least 2 classes",
        ),
        (
            b"x,y\n1,0.5\n2,nan\n",
            "line 3, column 2: \"nan\" is not a finite number",
        ),
        (
            b"x,y,c\n1,2,a\n3,\"4,b\n",
            "line 3, column 2: a quoted field is never closed",
        ),
        (
            b"x,y,c\n1,2,\"a\"b\n",
            "line 2, column 3: unexpected text after a closing quote",
        ),
        (
            b"x,y,c\n1,2,a\n\xFF,4,b\n",
            "line 3: the file is not UTF-8 text; save it as UTF-8 CSV",
        ),
        (
            b"only\none\ncolumn\n",
            "line 1: only one column; a dataset needs at least one feature column and a target column",
        ),
        (
            many_columns.as_bytes(),
            "line 1: more than 100 columns (the limit is 100)",
        ),
        (
            many_classes.as_bytes(),
            "line 101, column 2: \"k100\" would be class number 101; the limit is 100 classes",
        ),
        (
            many_rows.as_bytes(),
            "line 100001: more than 100000 data rows (the limit is 100000)",
        ),
    ];
    for (text, expected) in cases {
        let shown = String::from_utf8_lossy(&text[..text.len().min(40)]).into_owned();
        assert_eq!(
            parse(text).err().as_deref(),
            Some(expected),
            "file {shown:?}"
        );
    }
}

#[test]
fn a_header_is_detected_or_forced() {
    let with = parse(b"sepal,petal,species\n1,2,setosa\n3,4,virginica\n").unwrap();
    assert!(with.has_header);
    assert_eq!(with.column_names, ["sepal", "petal", "species"]);
    assert_eq!(with.dataset.feature_names(), ["sepal", "petal"]);
    assert_eq!(with.dataset.features(), [1.0, 2.0, 3.0, 4.0]);

    let without = parse(b"1,2,setosa\n3,4,virginica\n").unwrap();
    assert!(!without.has_header);
    assert_eq!(without.column_names, ["column 1", "column 2", "column 3"]);
    assert_eq!(without.dataset.n_rows(), 2);

    let forced = CsvOptions {
        header: HeaderRow::Present,
        ..CsvOptions::default()
    };
    let parsed = parse_csv(b"1,2,a\n3,4,b\n5,6,a\n", &forced).unwrap();
    assert_eq!(parsed.column_names, ["1", "2", "a"]);
    assert_eq!(parsed.dataset.n_rows(), 2);

    let absent = CsvOptions {
        header: HeaderRow::Absent,
        ..CsvOptions::default()
    };
    assert_eq!(
        parse_csv(b"x,y,c\n1,2,a\n", &absent)
            .unwrap_err()
            .to_string(),
        "line 1, column 1: \"x\" is not a number"
    );
}

#[test]
fn a_byte_order_mark_and_windows_line_ends_are_accepted() {
    let parsed = parse(b"\xEF\xBB\xBFx,y,label\r\n1,2,0\r\n3,4,1\r\n").unwrap();
    assert_eq!(parsed.column_names, ["x", "y", "label"]);
    assert_eq!(parsed.dataset.target(), &classes(&[0, 1], &["0", "1"]));
}

#[test]
fn quoted_fields_may_hold_commas_quotes_and_line_breaks() {
    let parsed = parse(
        b"\"width, cm\",\"height\",kind\n1,2,\"big, round\"\n3,4,\"say \"\"hi\"\"\"\n5,6,\"two\nlines\"\n",
    )
    .unwrap();
    assert_eq!(parsed.column_names, ["width, cm", "height", "kind"]);
    assert_eq!(
        parsed.dataset.target(),
        &classes(&[0, 1, 2], &["big, round", "say \"hi\"", "two\nlines"])
    );
}

#[test]
fn string_classes_keep_their_order_of_first_appearance() {
    let parsed = parse(b"a,b,animal\n1,1,dog\n2,2,cat\n3,3,dog\n4,4,emu\n").unwrap();
    assert_eq!(
        parsed.dataset.target(),
        &classes(&[0, 1, 0, 2], &["dog", "cat", "emu"])
    );
}

#[test]
fn numeric_targets_are_classes_only_when_few_and_whole() {
    let few = parse(b"x,y\n1,3\n2,1\n3,3\n").unwrap();
    assert_eq!(few.dataset.target(), &classes(&[1, 0, 1], &["1", "3"]));
    let fractional = parse(b"x,y\n1,0.5\n2,1\n").unwrap();
    assert_eq!(fractional.dataset.target(), &Target::Values(vec![0.5, 1.0]));
    let as_values = CsvOptions {
        target_kind: TargetKind::Regression,
        ..CsvOptions::default()
    };
    let forced = parse_csv(b"x,y\n1,3\n2,1\n", &as_values).unwrap();
    assert_eq!(forced.dataset.target(), &Target::Values(vec![3.0, 1.0]));
}

#[test]
fn any_column_may_be_the_target() {
    let options = CsvOptions {
        target_column: Some(0),
        ..CsvOptions::default()
    };
    let parsed = parse_csv(b"kind,x,y\na,1,2\nb,3,4\n", &options).unwrap();
    assert_eq!(parsed.target_column, 0);
    assert_eq!(parsed.dataset.feature_names(), ["x", "y"]);
    let options = CsvOptions {
        target_column: Some(3),
        ..CsvOptions::default()
    };
    assert_eq!(
        parse_csv(b"kind,x,y\na,1,2\n", &options)
            .unwrap_err()
            .to_string(),
        "target column: must be a column number from 1 to 3 (got 4)"
    );
    let options = CsvOptions {
        target_column: Some(usize::MAX),
        ..CsvOptions::default()
    };
    assert!(parse_csv(b"kind,x,y\na,1,2\n", &options).is_err());
}

#[test]
fn semicolons_and_tabs_are_detected() {
    let semicolons = parse(b"x;y;c\n1.5;2;a\n3;4;b\n").unwrap();
    assert_eq!(semicolons.delimiter, ';');
    assert_eq!(semicolons.dataset.features(), [1.5, 2.0, 3.0, 4.0]);
    let tabs = parse(b"x\ty\tc\n1\t2\ta, b\n3\t4\tc\n").unwrap();
    assert_eq!(tabs.delimiter, '\t');
    assert_eq!(tabs.dataset.target(), &classes(&[0, 1], &["a, b", "c"]));
}

#[test]
fn blank_lines_and_spaces_around_fields_are_ignored() {
    let parsed = parse(b"\n x , y ,c\n\n 1 , 2 , a \n   \n3,4,b\n\n\n").unwrap();
    assert_eq!(parsed.column_names, ["x", "y", "c"]);
    assert_eq!(parsed.dataset.features(), [1.0, 2.0, 3.0, 4.0]);
    assert_eq!(parsed.dataset.target(), &classes(&[0, 1], &["a", "b"]));
}

#[test]
fn odd_inputs_never_panic() {
    let odd: [&[u8]; 12] = [
        b"\"",
        b"\"\"\"",
        b"\r",
        b",",
        b"\xEF\xBB",
        b"\xEF\xBB\xBF",
        b"1,2\r\r\n3,2\r",
        b"a,\"b\"\"",
        b"\t\t\n\t",
        b"1e308,1e309\n",
        b"\"\n\n\",1\n2,\"\"\n",
        b";;;\n;;;\n",
    ];
    for text in odd {
        assert!(parse(text).is_err(), "{text:?}");
        for target_kind in [TargetKind::Classification, TargetKind::Regression] {
            let options = CsvOptions {
                target_kind,
                ..CsvOptions::default()
            };
            // Some of these are valid regression files; what matters is that none panics.
            let _ = parse_csv(text, &options);
        }
    }
}

#[test]
fn huge_numbers_are_refused_at_their_cell_and_huge_files_by_their_size() {
    assert_eq!(
        parse(b"x,y,c\n1,2,a\n-1.7e308,3,b\n").unwrap_err(),
        "line 3, column 1: \"-1.7e308\" is too large: numbers are read up to ±1e150"
    );
    assert_eq!(
        parse(b"x,y,v\n1,2,3\n4,5,1.7e308\n").unwrap_err(),
        "line 3, column 3: \"1.7e308\" is too large: numbers are read up to ±1e150"
    );
    assert!(parse(b"x,y,c\n1e150,2,a\n-1e150,3,b\n").is_ok());
    assert_eq!(
        check_csv_size(3.5e9).unwrap_err().to_string(),
        "the file is 3.5 GB; files up to 50 MB are read"
    );
    assert!(check_csv_size(MAX_CSV_BYTES as f64).is_ok());
    let over = vec![b'1'; MAX_CSV_BYTES + 1];
    assert_eq!(
        parse(&over).unwrap_err(),
        "the file is 50.1 MB; files up to 50 MB are read"
    );
}

#[test]
fn very_long_column_and_class_names_are_cut_with_an_ellipsis() {
    use automl_playground::data::MAX_NAME_CHARS;
    let long = "é".repeat(64 * 1024);
    let text = format!("{long},b,kind\n1,1,{long}x\n2,2,short\n3,3,{long}x\n");
    let parsed = parse(text.as_bytes()).unwrap();
    let name = &parsed.column_names[0];
    assert_eq!(name.chars().count(), MAX_NAME_CHARS);
    assert!(name.ends_with('…') && name.starts_with("éé"));
    assert_eq!(parsed.column_names[1], "b", "short names stay as they are");
    match parsed.dataset.target() {
        Target::Classes {
            class_names,
            labels,
        } => {
            assert_eq!(labels, &[0, 1, 0]);
            assert_eq!(class_names[0].chars().count(), MAX_NAME_CHARS);
            assert!(class_names[0].ends_with('…'));
            assert_eq!(class_names[1], "short");
        }
        other => panic!("expected classes, got {other:?}"),
    }
}
