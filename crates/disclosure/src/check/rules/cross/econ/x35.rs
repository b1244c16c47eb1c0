//! Rule X35: Table 6 30216 training ≈ Table 5 2050803 training

use super::*;

rules! {
    /// What: 表6 30216 培训费 against 表5 2050803 培训支出 (基本支出); a note when they differ.
    /// Why: training is usually both; a gap is allowed (training may sit under other
    /// functions) but worth a look. Example: 4.13 = 4.13.
    X35 = "X35", "表6 30216 培训费 ≈ 表5 2050803 培训支出", "Table 6 30216 training ≈ Table 5 2050803 training",
        |c| correspond(c, &["2050803"], &["30216"]);
}
