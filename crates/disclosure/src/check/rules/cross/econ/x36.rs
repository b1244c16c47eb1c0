//! Rule X36: Functional vs economic items (pension, health, housing fund)

use super::*;

rules! {
    /// What: in 基本支出, 功能分类 项 against the 经济分类 款 that usually record the same
    /// payment: 2080505 ↔ 30108; 2080506 ↔ 30109; 2101101/2101102 ↔ 30110; 2101103 ↔ 30111;
    /// 2210201 ↔ 30113; 2080501/2080502 ↔ 30301 + 30302. A note for each pair that differs.
    /// Why: a gap suggests contributions booked under another 款 (often "其他").
    /// Example: 30108 87.48 vs 2080505 203.41; 30110 39.51 vs 2101101 92.97.
    X36 = "X36", "功能分类与经济分类的对应（社保、医保、公积金）", "Functional vs economic items (pension, health, housing fund)",
        |c| {
            for (function, economic) in [
                (&["2080505"][..], &["30108"][..]),
                (&["2080506"], &["30109"]),
                (&["2101101", "2101102"], &["30110"]),
                (&["2101103"], &["30111"]),
                (&["2210201"], &["30113"]),
                (&["2080501", "2080502"], &["30301", "30302"]),
            ] {
                correspond(c, function, economic);
            }
        };
}
