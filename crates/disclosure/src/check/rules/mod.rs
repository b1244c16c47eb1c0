//! The rule registry: every rule of the checker, in rule-book order.
//!
//! Each rule is declared in its own file, `<family>/<rule>.rs` (`structure/t2_5.rs` is T2.5),
//! with the [`rules!`] macro: its id from the rule book, its titles in Chinese and English, a doc
//! comment in three parts (`## What it checks`, `## Why it must hold`, `## Example`; the test
//! `tests/rule_docs.rs` holds every rule to them) and the function that runs it. A rule's own
//! logic lives in its file; a family's file (`structure.rs`: within-table sums; `summary.rs`:
//! 表1/表4 and completeness; `narrative*.rs`: the explanations against the tables;
//! `performance.rs`: the 绩效 tables; `cross/`: identities across tables; `family.rs`: Shanghai
//! and 决算 identities) holds only the helpers several of its rules share.
//!
//! ## Without tables: what the narrative alone can check
//!
//! A 说明 pasted alone (a web page whose tables are attachments) holds no table. What a rule can
//! check there, under the same tolerance model (tests/text_alone.rs shows each firing on an
//! edited 说明 alone; tests/parts.rs holds every part of every real document to the whole's
//! findings):
//!
//! | Rule | Without tables | Why |
//! | --- | --- | --- |
//! | N7 三 | total = 基本 + 项目 as stated (budgets; always), shares over the stated whole, changes and rates | a budget's spending is those two; a 决算's 本年支出合计 may also hold 上缴上级/经营/对附属单位补助支出, so its 三 is not summed |
//! | N9 五（一） | total = 基本 + 项目 as stated (always), shares over the stated total, changes and rates | 一般公共预算 money is 基本 or 项目 and nothing else |
//! | N14 六 | 基本支出 = 人员经费 + 公用经费 as stated (always) | by definition; the names of the 款 (N15) need 表6 |
//! | N20 十 | 三公 = 出国 + 购置及运行 (or 购置 + 运行) + 接待 as stated (budgets; a 决算's total whose sentence lists its items after 其中, none a 预算 figure; always); the items' changes add up; rates; the items' shares of the total | by definition; a 决算's 七 states 预算数 and 决算数 side by side, so only such a sentence is summed |
//! | N21 十一 | total = 财政拨款 + 非财政拨款 as stated, each item's stated breakdown (always) | what is carried over is appropriated or not; the items' names need 表11 |
//! | N4 二 | shares over the stated whole they are part of; the shares add up to 100 % | a share is arithmetic on two stated numbers |
//! | N10 五（二） | shares over the total the list opens with, when it opens with one | the listed 类 are shares of it; which 类 have money needs 表5 |
//! | N11 五（三） | the items add up to 五（一）'s stated total; changes and rates | each 项's amount and every 项 covered need 表5 |
//! | N22 十二（一） | the change and rate | the amount restates 表6 or the 三公 table |
//! | N5, N6, N12, N17, N23, N24, N29, N30, N31, N33, N34, N36, N37, N38, U1, F5 | everything, as before | they read only the text (N34 adds a table's total when there is one; F5 checks each item's own arithmetic without 表5) |
//! | N1, N3, N8 | nothing | restatements of 表1 / 表4 cells; the text's own sums here (二's sources, 四's funds) are not done: which sources overlap (一般公共预算 with or without 上级转移支付) is read from 表1's rows |
//! | N2, N15, N16, N13, N25, N26, N27, N32 | nothing | they compare what the text lists or counts (类, 款 names, projects, vehicles, 绩效 scopes, an item's 基本/项目 split) with a table's rows |
//! | C1 | nothing | completeness is judged on a whole document only |
//! | F1–F4, T*, X* | nothing | identities within and across tables |

/// Declares rules: each a documented constant with its id, its titles in Chinese and English,
/// and the function that runs it.
macro_rules! rules {
    ($($(#[$doc:meta])* $name:ident = $id:literal, $zh:literal, $en:literal, $body:expr;)*) => {
        $(
            $(#[$doc])*
            pub const $name: $crate::check::Rule =
                $crate::check::Rule { id: $id, title_zh: $zh, title_en: $en, run: $body };
        )*
    };
}

mod cross;
mod family;
pub(crate) mod narrative;
mod narrative_more;
mod narrative_projects;
mod performance;
mod structure;
mod summary;

use super::Rule;
pub(crate) use super::{Amt, Label};
use crate::model::{Row, Table};
pub(crate) use narrative::stated as main_statements;

/// Length of the longest run of characters two names share ("中级社会工作者补助标准" and
/// "中级社会工作者补助人数": 9). Dynamic programming over one row: `O(|a|·|b|)`.
pub(crate) fn common_run(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    // run[j + 1]: the run ending at the current character of `a` and at b[j].
    let mut run = vec![0usize; b.len() + 1];
    let mut best = 0;
    for ca in a.chars() {
        for j in (0..b.len()).rev() {
            run[j + 1] = if b[j] == ca { run[j] + 1 } else { 0 };
            best = best.max(run[j + 1]);
        }
    }
    best
}

/// "表2「208 05 行政事业单位养老支出」" / "Table 2 row 208 05 行政事业单位养老支出".
pub(crate) fn row_label(t: &Table, r: &Row) -> Label {
    let name = match (&r.code, &r.project) {
        (Some(c), Some(p)) => format!("{} {} / {}", c.spaced(), r.name, p),
        (Some(c), None) => format!("{} {}", c.spaced(), r.name),
        (None, _) => crate::parse::schema::compact_label(&r.name),
    };
    Label::new(
        format!("表{}「{}」", t.number, name),
        format!("Table {} row '{}'", t.number, name),
    )
}

/// "表7 一般公共预算项目支出情况表" / "Table 7 (一般公共预算项目支出情况表)".
pub(crate) fn table_label(t: &Table) -> Label {
    Label::new(
        format!("表{} {}", t.number, t.title),
        format!("Table {} ({})", t.number, t.title),
    )
}

/// Every rule, in rule-book order.
pub static RULES: &[Rule] = &[
    summary::D1,
    summary::C1,
    summary::T1_1,
    summary::T1_2,
    summary::T1_3,
    summary::T1_4,
    summary::T1_5,
    summary::T1_6,
    summary::T1_7,
    summary::T1_8,
    summary::T1_9,
    summary::T1_10,
    summary::T1_11,
    structure::T2_1,
    structure::T2_2,
    structure::T2_3,
    structure::T2_4,
    structure::T2_5,
    structure::T3_1,
    structure::T3_2,
    structure::T3_3,
    structure::T3_4,
    summary::T4_1,
    summary::T4_2,
    structure::T4_3,
    structure::T4_4,
    summary::T4_5,
    structure::T5_1,
    structure::T5_2,
    structure::T5_3,
    structure::T5_4,
    structure::T6_1,
    structure::T6_2,
    structure::T6_3,
    structure::T6_4,
    structure::T6_5,
    structure::T6_6,
    structure::T7_1,
    structure::T7_2,
    structure::T7_3,
    structure::T7_4,
    structure::T7_5,
    structure::T8_1,
    narrative_more::T8_2,
    structure::T9_1,
    narrative_more::T9_2,
    summary::T10_1,
    summary::T10_2,
    structure::T10_3,
    structure::T11_1,
    structure::T11_2,
    structure::T11_3,
    structure::T11_4,
    cross::X1,
    cross::X2,
    cross::X3,
    cross::X4,
    cross::X5,
    cross::X6,
    cross::X7,
    cross::X8,
    cross::X9,
    cross::X10,
    cross::X11,
    cross::X12,
    cross::X13,
    cross::X14,
    cross::X15,
    cross::X16,
    cross::X17,
    cross::X18,
    cross::X19,
    cross::X20,
    cross::X21,
    cross::X22,
    cross::X23,
    cross::X24,
    cross::X25,
    cross::X26,
    cross::X27,
    cross::X28,
    cross::X29,
    cross::X30,
    cross::X31,
    cross::X32,
    cross::X33,
    cross::X34,
    cross::X35,
    cross::X36,
    cross::X37,
    cross::X38,
    narrative::N1,
    narrative_more::N2,
    narrative::N3,
    narrative::N4,
    narrative::N5,
    narrative::N6,
    narrative::N7,
    narrative::N8,
    narrative::N9,
    narrative::N10,
    narrative::N11,
    narrative::N12,
    narrative_projects::N13,
    narrative::N14,
    narrative_more::N15,
    narrative_more::N16,
    narrative_more::N17,
    narrative_projects::N18,
    narrative_more::N20,
    narrative_more::N21,
    narrative_more::N22,
    narrative_more::N23,
    narrative_more::N24,
    narrative_more::N25,
    narrative_more::N26,
    performance::N27,
    performance::N28,
    narrative_more::N29,
    narrative_more::N30,
    narrative_more::N31,
    narrative::N32,
    narrative::N33,
    narrative::N34,
    performance::N35,
    narrative::N36,
    narrative::N37,
    narrative::N38,
    narrative_more::U1,
    performance::P1,
    performance::P2,
    performance::P3,
    performance::P4,
    family::F1,
    family::F2,
    family::F3,
    family::F4,
    family::F5,
];
