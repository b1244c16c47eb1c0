//! Rule T6.4: Table 6: 301/303 only under personnel, 302/310 only under public expenses

use super::*;

rules! {
    /// 表6 column discipline: 301 and 303 only under 人员经费, 302 and 310 only under 公用经费.
    /// Why: 人员经费 and 公用经费 are defined by these classes; a stray cell misstates both.
    T6_4 = "T6.4", "表6 301/303 只列人员经费，302/310 只列公用经费", "Table 6: 301/303 only under personnel, 302/310 only under public expenses",
        economic_discipline;
}
