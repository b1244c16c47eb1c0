//! The Xinjiang reference sample's findings, pinned: work on other template families must not
//! change a single (rule, severity, lines) triple of the sample. The list was recorded from the
//! checker before Shanghai support was added.

/// The reference sample, kept in the repository.
const SAMPLE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../fixtures/xinjiang-korla-chaoyang-2024-budget.txt"
));

/// `(rule, severity, lines)` of every finding, in the checker's order.
const GOLDEN: &[(&str, &str, &[u32])] = &[
    ("N30", "warning", &[52, 1270]),
    ("N25", "warning", &[1057, 1694, 1696]),
    ("N30", "warning", &[1133, 1176, 1233, 1671, 1673, 1675]),
    ("U1", "warning", &[1578]),
    ("T1.10", "rounding", &[65, 73, 77, 79, 83, 103, 107, 125]),
    (
        "T2.3",
        "rounding",
        &[204, 206, 309, 315, 327, 422, 430, 436],
    ),
    (
        "T2.5",
        "rounding",
        &[329, 331, 333, 334, 336, 337, 339, 340, 342, 343],
    ),
    (
        "T3.2",
        "rounding",
        &[464, 466, 492, 498, 510, 524, 532, 548],
    ),
    ("N7", "rounding", &[464, 1172, 1174]),
    ("N7", "rounding", &[464, 1178, 1180]),
    ("T3.4", "rounding", &[512, 514, 516, 518]),
    ("T4.4", "rounding", &[574, 582, 586, 588, 592, 612, 634]),
    ("T5.2", "rounding", &[650, 652, 672, 678, 686, 700, 708]),
    ("T5.4", "rounding", &[688, 690, 692, 694]),
    (
        "T6.3",
        "rounding",
        &[731, 733, 735, 737, 739, 741, 743, 745, 747, 749, 751],
    ),
    (
        "T6.3",
        "rounding",
        &[753, 755, 757, 759, 761, 763, 765, 767, 769, 771, 773, 775],
    ),
    (
        "N12",
        "rounding",
        &[
            1229, 1235, 1260, 1262, 1268, 1270, 1276, 1278, 1288, 1296, 1300, 1302, 1309, 1319,
            1327, 1329, 1335, 1337, 1343, 1345, 1351, 1358, 1366, 1370, 1372,
        ],
    ),
    ("N29", "info", &[50]),
    ("N5", "info", &[1135, 1137]),
    ("N11", "info", &[1276, 1278]),
    ("N11", "info", &[1309]),
    ("N11", "info", &[1319]),
];

#[test]
fn xinjiang_sample_findings_are_unchanged() {
    let parsed = disclosure::parse(SAMPLE);
    assert_eq!(parsed.document.meta.family, disclosure::Family::Xinjiang);
    let got: Vec<(String, &str, Vec<u32>)> = disclosure::check::check(&parsed.document)
        .into_iter()
        .map(|f| (f.rule, f.severity.slug(), f.lines))
        .collect();
    let want: Vec<(String, &str, Vec<u32>)> = GOLDEN
        .iter()
        .map(|&(r, s, l)| (r.to_owned(), s, l.to_vec()))
        .collect();
    assert_eq!(got, want);
}
