//! Rule X36: Functional vs economic items (pension, health, housing fund)

use super::*;

rules! {
    /// ## What it checks
    /// In 基本支出, each 功能分类 项 group (表5) against the 经济分类 款 group (表6) that usually records the same
    /// payment: 2080505 ↔ 30108; 2080506 ↔ 30109; 2101101/2101102 ↔ 30110; 2101103 ↔ 30111; 2210201
    /// ↔ 30113; 2080501/2080502 ↔ 30301 + 30302. A note for each pair whose printed amounts differ;
    /// a pair with one side not printed is skipped. Runs the shared `correspond` (cross/econ.rs) on
    /// each pair.
    ///
    /// ## Why it must hold
    /// The employer's pension, annuity, health and housing contributions are one payment seen by
    /// function and by nature; a gap suggests part of it is booked under another 款 (often "其他").
    /// Applies to every template with both tables.
    ///
    /// ## Example
    /// Xinjiang sample: 表6 30108 87.48 against 表5 2080505 203.41 (115.93 apart) and 30110 39.51
    /// against 2101101 92.97 (53.46 apart) are noted; 30109 = 2080506 = 43.74 and 30113 = 2210201 =
    /// 156.00 hold.
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
