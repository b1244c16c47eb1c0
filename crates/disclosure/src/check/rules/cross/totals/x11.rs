//! Rule X11: Table 4 income by budget = Table 1 current appropriations

use super::*;

rules! {
    /// What: 表4 收入 一般公共预算 / 政府性基金预算 / 国有资本经营预算 = 表1 1. / 2. / 3.
    /// Why: 表4 restates this year's appropriations. Example: 2,287.86 = 2,287.86.
    X11 = "X11", "表4 收入三种预算 = 表1 本年三种拨款", "Table 4 income by budget = Table 1 current appropriations", fiscal_income;
}
