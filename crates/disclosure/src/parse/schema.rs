//! What each table is: its titles, columns, labelled rows and the identities that bind them.
//!
//! The column solver and the checker read the same definitions, so an identity is written once.

use crate::model::{Col, DocKind, Family, Meta, RowKey, RowKind, Scope, Side, TableKind};

/// `total = Σ parts`, across columns of one row.
#[derive(Debug, Clone, Copy)]
pub struct Identity {
    /// The column that holds the sum.
    pub total: Col,
    /// The columns that add up to it.
    pub parts: &'static [Col],
}

/// `total = Σ parts`, across labelled rows of one column.
#[derive(Debug, Clone, Copy)]
pub struct RowIdentity {
    /// The row that holds the sum.
    pub total: RowKey,
    /// The rows that add up to it.
    pub parts: &'static [RowKey],
}

/// A labelled row: its key and the labels it is printed with (spaces, ordinals such as "一、",
/// "1." and "其中：" removed).
#[derive(Debug, Clone, Copy)]
pub struct Label {
    /// The row's meaning.
    pub key: RowKey,
    /// Printed forms, compact.
    pub texts: &'static [&'static str],
}

/// The table kinds in the Xinjiang template's order, with the number it prints.
pub const XINJIANG_ORDER: [(TableKind, u8); 11] = [
    (TableKind::Summary, 1),
    (TableKind::Income, 2),
    (TableKind::Expense, 3),
    (TableKind::FiscalSummary, 4),
    (TableKind::GeneralExpense, 5),
    (TableKind::GeneralBasic, 6),
    (TableKind::GeneralProjects, 7),
    (TableKind::GovFund, 8),
    (TableKind::StateCapital, 9),
    (TableKind::ThreePublic, 10),
    (TableKind::CarryOver, 11),
];

/// Which template a table is read with: the family, budget or final accounts, and whose
/// (a department's or one unit's). Columns, labels and numbering differ between them;
/// identities are shared (see [`identities`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Layout {
    /// The template family.
    pub family: Family,
    /// 预算 or 决算.
    pub doc: DocKind,
    /// 部门 or 单位.
    pub scope: Scope,
}

impl Layout {
    /// The layout a document's tables are read with.
    pub fn of(meta: &Meta) -> Self {
        Layout {
            family: meta.family,
            doc: meta.kind,
            scope: meta.scope,
        }
    }

    /// The Shanghai 决算 layout.
    pub fn is_shanghai_final(self) -> bool {
        self.family == Family::Shanghai && self.doc == DocKind::Final
    }

    /// The Shanghai 预算 layout.
    pub fn is_shanghai_budget(self) -> bool {
        self.family == Family::Shanghai && self.doc == DocKind::Budget
    }
}

/// The Shanghai 9-table budget, in printed order (1. 部门财务收支预算总表 … 9. “三公”经费和机关
/// 运行经费预算表).
pub const SHANGHAI_BUDGET_ORDER: [(TableKind, u8); 9] = [
    (TableKind::Summary, 1),
    (TableKind::Income, 2),
    (TableKind::Expense, 3),
    (TableKind::FiscalSummary, 4),
    (TableKind::GeneralExpense, 5),
    (TableKind::GovFund, 6),
    (TableKind::StateCapital, 7),
    (TableKind::GeneralBasic, 8),
    (TableKind::ThreePublic, 9),
];

/// The Shanghai 部门决算 tables, in printed order (一、收入支出决算总表 … 九、国有资本经营预算
/// 财政拨款收入支出决算表).
pub const SHANGHAI_FINAL_ORDER: [(TableKind, u8); 9] = [
    (TableKind::Summary, 1),
    (TableKind::Income, 2),
    (TableKind::Expense, 3),
    (TableKind::FiscalSummary, 4),
    (TableKind::GeneralExpense, 5),
    (TableKind::GeneralBasic, 6),
    (TableKind::ThreePublic, 7),
    (TableKind::GovFund, 8),
    (TableKind::StateCapital, 9),
];

/// The tables a layout defines, with the number each gets (the Xinjiang list for a document
/// whose family is not known).
pub fn order(layout: Layout) -> &'static [(TableKind, u8)] {
    match (layout.family, layout.doc) {
        (Family::Shanghai, DocKind::Budget) => &SHANGHAI_BUDGET_ORDER,
        (Family::Shanghai, DocKind::Final) => &SHANGHAI_FINAL_ORDER,
        _ => &XINJIANG_ORDER,
    }
}

/// The number a table of this kind gets in a layout (0 when the layout has no such table).
pub fn number(layout: Layout, kind: TableKind) -> u8 {
    order(layout)
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or(0, |&(_, n)| n)
}

/// One printed form of a table title, and the family that prints it.
#[derive(Debug, Clone, Copy)]
pub struct Title {
    /// The table it names.
    pub kind: TableKind,
    /// The family whose documents print it.
    pub family: Family,
    /// The title, compact (no spaces). A title line must end with it.
    pub text: &'static str,
    /// Where the title's text after its last quotation mark starts, if it has any ("“三公”"):
    /// a line that matches the title without its quotes ends with that text.
    unquoted_tail: Option<usize>,
}

const fn title(kind: TableKind, family: Family, text: &'static str) -> Title {
    Title {
        kind,
        family,
        text,
        unquoted_tail: after_last_quote(text.as_bytes()),
    }
}

/// The offset just past the last quotation mark (" ' “ ” ‘ ’) of `b`, if it has one.
const fn after_last_quote(b: &[u8]) -> Option<usize> {
    let mut i = b.len();
    while i > 0 {
        i -= 1;
        if matches!(b[i], b'"' | b'\'') {
            return Some(i + 1);
        }
        // “ ” ‘ ’ are E2 80 9C, E2 80 9D, E2 80 98, E2 80 99.
        if i >= 2
            && b[i - 2] == 0xe2
            && b[i - 1] == 0x80
            && matches!(b[i], 0x98 | 0x99 | 0x9c | 0x9d)
        {
            return Some(i + 1);
        }
    }
    None
}

/// Whether text may hold a quotation mark: an ASCII one, or a byte that starts “ ” ‘ ’ (and
/// some other punctuation) in UTF-8. A quick test that rules out most lines.
const fn may_quote(b: &[u8]) -> bool {
    let mut i = 0;
    while i < b.len() {
        if matches!(b[i], b'"' | b'\'' | 0xe2) {
            return true;
        }
        i += 1;
    }
    false
}

/// Every title form, for every family. A line may end with several (部门财政拨款收支预算总表
/// ends with 收支预算总表 too): the longest match decides. A form that says 部门 is also
/// printed by a unit with 单位 or 预算单位 in its place ("预算单位收入预算总表", see
/// [`title_match`]).
pub const TITLES: &[Title] = {
    use Family::{Shanghai as S, Xinjiang as X};
    use TableKind::*;
    &[
        title(Summary, X, "部门收支总体情况表"),
        title(Income, X, "部门收入总体情况表"),
        title(Expense, X, "部门支出总体情况表"),
        title(FiscalSummary, X, "财政拨款收支预算总体情况表"),
        title(FiscalSummary, X, "财政拨款收支总体情况表"),
        title(GeneralExpense, X, "一般公共预算支出情况表"),
        title(GeneralBasic, X, "一般公共预算基本支出情况表"),
        title(GeneralProjects, X, "一般公共预算项目支出情况表"),
        title(GovFund, X, "政府性基金预算支出情况表"),
        title(StateCapital, X, "国有资本经营预算支出情况表"),
        title(ThreePublic, X, "财政拨款“三公”经费支出情况表"),
        title(ThreePublic, X, "财政拨款\"三公\"经费支出情况表"),
        title(ThreePublic, X, "三公经费支出情况表"),
        title(CarryOver, X, "上年结转结余情况明细表"),
        title(CarryOver, X, "上年结转结余情况表"),
        // Shanghai 部门预算.
        title(Summary, S, "部门财务收支预算总表"),
        title(Summary, S, "收支预算总表"),
        title(Income, S, "部门收入预算总表"),
        title(Expense, S, "部门支出预算总表"),
        title(FiscalSummary, S, "财政拨款收支预算总表"),
        title(GeneralExpense, S, "一般公共预算支出功能分类预算表"),
        title(
            GeneralBasic,
            S,
            "一般公共预算基本支出部门预算经济分类预算表",
        ),
        title(GovFund, S, "政府性基金预算支出功能分类预算表"),
        title(StateCapital, S, "国有资本经营预算支出功能分类预算表"),
        title(ThreePublic, S, "“三公”经费和机关运行经费预算表"),
        title(ThreePublic, S, "\"三公\"经费和机关运行经费预算表"),
        // Shanghai 部门决算.
        title(Summary, S, "收入支出决算总表"),
        title(Income, S, "收入决算表"),
        title(Expense, S, "支出决算表"),
        title(FiscalSummary, S, "财政拨款收入支出决算总表"),
        title(GeneralExpense, S, "一般公共预算财政拨款支出决算表"),
        title(GeneralBasic, S, "一般公共预算财政拨款基本支出决算表"),
        title(ThreePublic, S, "财政拨款“三公”经费支出决算表"),
        title(ThreePublic, S, "财政拨款\"三公\"经费支出决算表"),
        title(ThreePublic, S, "“三公”经费及机关运行经费支出决算表"),
        title(ThreePublic, S, "\"三公\"经费及机关运行经费支出决算表"),
        title(GovFund, S, "政府性基金预算财政拨款收入支出决算表"),
        title(StateCapital, S, "国有资本经营预算财政拨款收入支出决算表"),
    ]
};

/// A title line read: the title form it ends with, and whose table the words in front of it
/// say it is (部门 or 单位), when they say.
#[derive(Debug, Clone, Copy)]
pub struct TitleMatch {
    /// The title form.
    pub title: &'static Title,
    /// 部门 or 单位 / 预算单位, from the title's own words.
    pub scope: Option<Scope>,
}

/// The scope a title's leading words name: "…部门" or "…单位" (预算单位 included) just before
/// the title form.
fn scope_before(head: &str) -> Option<Scope> {
    if head.ends_with("部门") {
        Some(Scope::Department)
    } else if head.ends_with("单位") {
        Some(Scope::Unit)
    } else {
        None
    }
}

/// The title form a compact line ends with, the longest one when several fit. A form that
/// says 部门 also matches a unit's title, where 单位 (or 预算单位) stands in its place.
/// Quotation marks do not count: some copies print them apart from the title ("财政拨款 三公
/// 经费支出决算表" with "“ ”" on the next line), and the title is the same.
pub fn title_match(compact: &str) -> Option<TitleMatch> {
    // Every title ends with 表 (see the tests): most lines are rejected by one comparison.
    if !compact.ends_with('表') {
        return None;
    }
    let quoted = may_quote(compact.as_bytes());
    // The words before `form` at the end of the line, quotation marks aside when either has any.
    let before = |form: &'static str, tail: Option<usize>| {
        compact.strip_suffix(form).or_else(|| {
            let may = match tail {
                Some(tail) => compact.ends_with(&form[tail..]),
                None => quoted,
            };
            if may {
                strip_unquoted(compact, form)
            } else {
                None
            }
        })
    };
    TITLES
        .iter()
        .filter_map(|t| {
            if let Some(head) = before(t.text, t.unquoted_tail) {
                let scope = if t.text.starts_with("部门") {
                    Some(Scope::Department)
                } else {
                    scope_before(head)
                };
                return Some(TitleMatch { title: t, scope });
            }
            // A unit's title: the form with 单位 (预算单位 at the front) where it says 部门.
            let (front, after) = t.text.split_once("部门")?;
            let head = compact.strip_suffix(after)?.strip_suffix("单位")?;
            head.ends_with(front).then_some(TitleMatch {
                title: t,
                scope: Some(Scope::Unit),
            })
        })
        .max_by_key(|m| m.title.text.len())
}

/// Quotation marks, which a title matches without.
const QUOTES: [char; 6] = ['“', '”', '"', '‘', '’', '\''];

/// What comes before `end` at the end of `s`, quotation marks left out of both (and off the
/// end of what comes before), when `s` ends with it so.
fn strip_unquoted<'a>(s: &'a str, end: &str) -> Option<&'a str> {
    let mut rest = s.char_indices().rev().filter(|(_, c)| !QUOTES.contains(c));
    let mut start = s.len();
    for c in end.chars().rev().filter(|c| !QUOTES.contains(c)) {
        let (i, d) = rest.next()?;
        if d != c {
            return None;
        }
        start = i;
    }
    Some(s[..start].trim_end_matches(QUOTES))
}

/// The Chinese title of a table kind as a layout prints it: a Shanghai 决算's "收入支出决算总表"
/// where Xinjiang's budget prints "部门收支总体情况表"; the Xinjiang title when the layout has
/// no such table.
pub fn title_in(layout: Layout, kind: TableKind) -> &'static str {
    let fin = layout.doc == DocKind::Final;
    TITLES
        .iter()
        .find(|t| t.kind == kind && t.family == layout.family && t.text.contains("决算") == fin)
        .map_or_else(|| canonical_title(kind), |t| t.text)
}

/// The Chinese title of a table kind, as the Xinjiang template prints it.
pub fn canonical_title(kind: TableKind) -> &'static str {
    TITLES
        .iter()
        .find(|t| t.kind == kind && t.family == Family::Xinjiang)
        .map_or("", |t| t.text)
}

/// The 支出 columns of a Shanghai unit's 财务收支预算总表: its 预算数 split into 合计, 基本支出
/// (人员经费, 公用经费) and 项目支出 (a department's prints the 预算数 alone).
pub const SUMMARY_EXPENSE_BY_ECONOMY: [Col; 4] =
    [Col::Amount, Col::Personnel, Col::Public, Col::Project];

/// The numeric columns of a table in a layout, in printed order.
pub fn columns(layout: Layout, kind: TableKind, side: Side) -> Vec<Col> {
    use Col::*;
    let shanghai = layout.family == Family::Shanghai;
    let fin = layout.is_shanghai_final();
    match (kind, side) {
        (TableKind::Summary, Side::Expense)
            if layout.is_shanghai_budget() && layout.scope == Scope::Unit =>
        {
            SUMMARY_EXPENSE_BY_ECONOMY.to_vec()
        }
        (TableKind::Income, _) if fin => vec![
            Total,
            FiscalIncome,
            SuperiorSubsidy,
            BusinessIncome,
            OperatingIncome,
            AffiliatedIncome,
            OtherIncome,
        ],
        (TableKind::Income, _) if shanghai => vec![
            Total,
            FiscalIncome,
            BusinessIncome,
            OperatingIncome,
            OtherIncome,
        ],
        (TableKind::Expense, _) if fin => vec![
            Total,
            Basic,
            Project,
            PaidToSuperior,
            OperatingExpense,
            AffiliateSubsidy,
        ],
        (TableKind::GeneralBasic, _) if fin => vec![Personnel, Public],
        (TableKind::GovFund | TableKind::StateCapital, _) if fin => vec![
            OpeningBalance,
            CurrentIncome,
            Total,
            Basic,
            Project,
            ClosingBalance,
        ],
        (TableKind::GovFund | TableKind::StateCapital, _) if shanghai => {
            vec![Total, Basic, Project]
        }
        (TableKind::ThreePublic, _) if fin => vec![Budgeted, Actual],
        (TableKind::ThreePublic, _) if shanghai => vec![Total],
        _ => xinjiang_columns(kind, side),
    }
}

/// The 支出 columns of a two-sided table, given the words of its column header (compact): a
/// Shanghai budget's 财务收支预算总表 whose header splits the 预算数 into 人员经费 and 公用经费
/// has the split columns, one whose header names the 预算数 and neither of them has the 预算数
/// alone, whatever the document's scope. A copy may print the header words after the rows:
/// the scope's layout holds then.
pub fn expense_columns(layout: Layout, kind: TableKind, header: &str) -> Vec<Col> {
    let named = |w: &str| header.contains(w);
    if kind == TableKind::Summary && layout.is_shanghai_budget() {
        if named("人员经费") && named("公用经费") {
            return SUMMARY_EXPENSE_BY_ECONOMY.to_vec();
        }
        if named("预算数") && !named("人员经费") && !named("公用经费") {
            return vec![Col::Amount];
        }
    }
    columns(layout, kind, Side::Expense)
}

/// The numeric columns of a table (Xinjiang layout), in printed order.
fn xinjiang_columns(kind: TableKind, side: Side) -> Vec<Col> {
    use Col::*;
    match (kind, side) {
        (TableKind::Summary, _) => vec![Amount],
        (TableKind::Income, _) => vec![
            Total,
            FiscalSubtotal,
            GeneralBudget,
            GeneralTransfer,
            GovFund,
            GovFundTransfer,
            StateCapital,
            StateCapitalTransfer,
            SpecialAccount,
            UnitFunds,
            FiscalCarryover,
            NonFiscalCarryover,
        ],
        (TableKind::Expense | TableKind::GeneralExpense, _) => vec![Total, Basic, Project],
        (TableKind::FiscalSummary, Side::Income) => vec![Amount],
        (TableKind::FiscalSummary, _) | (TableKind::ThreePublic, _) => {
            vec![Total, GeneralBudget, GovFund, StateCapital]
        }
        (TableKind::GeneralBasic, _) => vec![Total, Personnel, Public],
        (TableKind::GeneralProjects, _) => {
            let mut v = vec![Total];
            v.extend(ECON_CLASSES.iter().map(|&c| Econ(c)));
            v
        }
        (TableKind::GovFund | TableKind::StateCapital, _) => {
            vec![Total, Personnel, Public, Project]
        }
        (TableKind::CarryOver, _) => vec![
            Total,
            FiscalCarryTotal,
            FiscalCarryPersonnel,
            FiscalCarryPublic,
            FiscalCarryProject,
            NonFiscalCarryTotal,
            NonFiscalCarryPersonnel,
            NonFiscalCarryPublic,
            NonFiscalCarryProject,
        ],
    }
}

/// The 经济分类 类 columns of 表7, in printed order.
pub const ECON_CLASSES: [u16; 10] = [301, 302, 303, 307, 309, 310, 311, 312, 313, 399];

/// The identities across the columns of every row of a table, for every layout: a part a
/// layout does not print is left out (合计 = 基本支出 + 项目支出 in a budget, with 上缴上级支出,
/// 经营支出 and 对附属单位补助支出 added in a 决算), and an identity whose total column is not
/// printed does not apply. No layout prints both a part and the parts it is made of.
pub fn identities(kind: TableKind) -> &'static [Identity] {
    use Col::*;
    match kind {
        // A unit's 财务收支预算总表 splits each 类 into 人员经费, 公用经费 and 项目支出.
        TableKind::Summary => &[Identity {
            total: Amount,
            parts: &[Personnel, Public, Project],
        }],
        TableKind::Income => &[
            Identity {
                total: Total,
                parts: &[
                    FiscalSubtotal,
                    SpecialAccount,
                    UnitFunds,
                    FiscalCarryover,
                    NonFiscalCarryover,
                ],
            },
            Identity {
                total: FiscalSubtotal,
                parts: &[
                    GeneralBudget,
                    GeneralTransfer,
                    GovFund,
                    GovFundTransfer,
                    StateCapital,
                    StateCapitalTransfer,
                ],
            },
            Identity {
                total: Total,
                parts: &[
                    FiscalIncome,
                    SuperiorSubsidy,
                    BusinessIncome,
                    OperatingIncome,
                    AffiliatedIncome,
                    OtherIncome,
                ],
            },
        ],
        TableKind::Expense | TableKind::GeneralExpense => &[Identity {
            total: Total,
            parts: &[
                Basic,
                Project,
                PaidToSuperior,
                OperatingExpense,
                AffiliateSubsidy,
            ],
        }],
        TableKind::FiscalSummary | TableKind::ThreePublic => &[Identity {
            total: Total,
            parts: &[GeneralBudget, GovFund, StateCapital],
        }],
        TableKind::GeneralBasic => &[Identity {
            total: Total,
            parts: &[Personnel, Public],
        }],
        TableKind::GeneralProjects => &[Identity {
            total: Total,
            parts: &[
                Econ(301),
                Econ(302),
                Econ(303),
                Econ(307),
                Econ(309),
                Econ(310),
                Econ(311),
                Econ(312),
                Econ(313),
                Econ(399),
            ],
        }],
        TableKind::GovFund | TableKind::StateCapital => &[Identity {
            total: Total,
            parts: &[Basic, Personnel, Public, Project],
        }],
        TableKind::CarryOver => &[
            Identity {
                total: Total,
                parts: &[FiscalCarryTotal, NonFiscalCarryTotal],
            },
            Identity {
                total: FiscalCarryTotal,
                parts: &[FiscalCarryPersonnel, FiscalCarryPublic, FiscalCarryProject],
            },
            Identity {
                total: NonFiscalCarryTotal,
                parts: &[
                    NonFiscalCarryPersonnel,
                    NonFiscalCarryPublic,
                    NonFiscalCarryProject,
                ],
            },
        ],
    }
}

/// How usual a column is to carry money, lower first: the last tie-breaker of the column
/// solver when nothing else in the document decides.
pub fn prior(col: Col) -> u32 {
    use Col::*;
    match col {
        Total | Amount | FiscalSubtotal | FiscalCarryTotal => 0,
        GeneralBudget | Basic | Personnel | FiscalIncome => 1,
        Project | Public | FiscalCarryover | FiscalCarryProject => 2,
        GeneralTransfer | UnitFunds | Econ(302) => 3,
        Econ(303) | FiscalCarryPersonnel | FiscalCarryPublic => 4,
        Econ(310) | GovFund | NonFiscalCarryover | NonFiscalCarryTotal => 5,
        Econ(301) | StateCapital | BusinessIncome | NonFiscalCarryProject => 6,
        Econ(309) | Econ(399) | SpecialAccount | OtherIncome => 7,
        _ => 8,
    }
}

/// Labelled rows of the 收入 half of 表1, in printed order.
pub const SUMMARY_INCOME: &[Label] = &[
    Label {
        key: RowKey::CurrentIncome,
        texts: &["本年收入", "本年收入合计"],
    },
    Label {
        key: RowKey::GeneralBudget,
        texts: &["一般公共预算拨款", "一般公共预算", "一般公共预算资金"],
    },
    Label {
        key: RowKey::GeneralFinance,
        texts: &["一般财力"],
    },
    Label {
        key: RowKey::GeneralTransfer,
        texts: &[
            "上级一般公共预算安排转移支付",
            "上级一般公共预算安排的转移支付",
        ],
    },
    Label {
        key: RowKey::GovFund,
        texts: &["政府性基金预算拨款", "政府性基金", "政府性基金预算"],
    },
    Label {
        key: RowKey::GovFundIncome,
        texts: &["政府性基金收入"],
    },
    Label {
        key: RowKey::GovFundTransfer,
        texts: &["上级政府性基金安排转移支付", "上级政府性基金安排的转移支付"],
    },
    Label {
        key: RowKey::StateCapital,
        texts: &["国有资本经营预算拨款", "国有资本经营预算"],
    },
    Label {
        key: RowKey::StateCapitalIncome,
        texts: &["国有资本经营收入"],
    },
    Label {
        key: RowKey::StateCapitalTransfer,
        texts: &[
            "上级国有资本经营预算安排转移支付",
            "上级国有资本经营预算安排的转移支付",
        ],
    },
    Label {
        key: RowKey::SpecialAccount,
        texts: &["财政专户核拨", "财政专户管理资金"],
    },
    Label {
        key: RowKey::UnitFunds,
        texts: &["单位资金"],
    },
    Label {
        key: RowKey::BusinessIncome,
        texts: &["事业收入"],
    },
    Label {
        key: RowKey::SuperiorSubsidy,
        texts: &["上级补助收入"],
    },
    Label {
        key: RowKey::AffiliatedIncome,
        texts: &["附属单位上缴收入"],
    },
    Label {
        key: RowKey::OperatingIncome,
        texts: &["事业单位经营收入", "经营收入"],
    },
    Label {
        key: RowKey::OtherIncome,
        texts: &["其他收入"],
    },
    Label {
        key: RowKey::CarryOver,
        texts: &["上年结转结余", "上年结转"],
    },
    Label {
        key: RowKey::FiscalCarryover,
        texts: &["财政拨款结转", "财政拨款结转结余"],
    },
    Label {
        key: RowKey::CarryGeneral,
        texts: &["一般公共预算拨款", "一般公共预算"],
    },
    Label {
        key: RowKey::CarryGovFund,
        texts: &["政府性基金预算拨款", "政府性基金预算"],
    },
    Label {
        key: RowKey::CarryStateCapital,
        texts: &["国有资本经营预算拨款", "国有资本经营预算"],
    },
    Label {
        key: RowKey::NonFiscalCarryover,
        texts: &["非财政拨款结转结余", "非财政拨款结转"],
    },
    Label {
        key: RowKey::CarrySpecialAccount,
        texts: &["财政专户核拨"],
    },
    Label {
        key: RowKey::CarryUnitFunds,
        texts: &["单位资金"],
    },
    Label {
        key: RowKey::IncomeTotal,
        texts: &["收入总计"],
    },
];

/// Labelled rows of the 收入 half of 表4.
pub const FISCAL_INCOME: &[Label] = &[
    Label {
        key: RowKey::FiscalAppropriation,
        texts: &[
            "财政拨款（补助）",
            "财政拨款(补助)",
            "财政拨款收入",
            "财政拨款",
        ],
    },
    Label {
        key: RowKey::GeneralBudget,
        texts: &["一般公共预算", "一般公共预算资金", "一般公共预算拨款"],
    },
    Label {
        key: RowKey::GovFund,
        texts: &["政府性基金预算", "政府性基金"],
    },
    Label {
        key: RowKey::StateCapital,
        texts: &["国有资本经营预算"],
    },
    Label {
        key: RowKey::IncomeTotal,
        texts: &["收入总计"],
    },
];

/// Labelled rows of the 收入 half of the Shanghai 部门财务收支预算总表.
pub const SHANGHAI_SUMMARY_INCOME: &[Label] = &[
    Label {
        key: RowKey::FiscalAppropriation,
        texts: &["财政拨款收入", "财政拨款"],
    },
    Label {
        key: RowKey::GeneralBudget,
        texts: &["一般公共预算", "一般公共预算资金", "一般公共预算拨款"],
    },
    Label {
        key: RowKey::GovFund,
        texts: &["政府性基金", "政府性基金预算", "政府性基金预算资金"],
    },
    Label {
        key: RowKey::StateCapital,
        texts: &["国有资本经营预算", "国有资本经营预算资金"],
    },
    Label {
        key: RowKey::BusinessIncome,
        texts: &["事业收入"],
    },
    Label {
        key: RowKey::OperatingIncome,
        texts: &["事业单位经营收入", "经营收入"],
    },
    Label {
        key: RowKey::OtherIncome,
        texts: &["其他收入"],
    },
    Label {
        key: RowKey::IncomeTotal,
        texts: &["收入总计"],
    },
];

/// Labelled rows of the 收入 half of the Shanghai 收入支出决算总表.
pub const SHANGHAI_FINAL_SUMMARY_INCOME: &[Label] = &[
    Label {
        key: RowKey::GeneralBudget,
        texts: &["一般公共预算财政拨款收入", "一般公共预算财政拨款"],
    },
    Label {
        key: RowKey::GovFund,
        texts: &["政府性基金预算财政拨款收入", "政府性基金预算财政拨款"],
    },
    Label {
        key: RowKey::StateCapital,
        texts: &["国有资本经营预算财政拨款收入", "国有资本经营预算财政拨款"],
    },
    Label {
        key: RowKey::SuperiorSubsidy,
        texts: &["上级补助收入"],
    },
    Label {
        key: RowKey::BusinessIncome,
        texts: &["事业收入"],
    },
    Label {
        key: RowKey::OperatingIncome,
        texts: &["经营收入", "事业单位经营收入"],
    },
    Label {
        key: RowKey::AffiliatedIncome,
        texts: &["附属单位上缴收入"],
    },
    Label {
        key: RowKey::OtherIncome,
        texts: &["其他收入"],
    },
    Label {
        key: RowKey::CurrentIncome,
        texts: &["本年收入合计"],
    },
    Label {
        key: RowKey::UseOfBalance,
        texts: &[
            "使用非财政拨款结余（含专用结余）",
            "使用非财政拨款结余(含专用结余)",
            "使用非财政拨款结余",
        ],
    },
    Label {
        key: RowKey::OpeningBalance,
        texts: &["年初结转和结余"],
    },
    Label {
        key: RowKey::IncomeTotal,
        texts: &["总计", "收入总计"],
    },
];

/// Labelled rows of the 收入 half of the Shanghai 财政拨款收入支出决算总表. The three budgets are
/// printed twice: for the year's income, and again under 年初财政拨款结转和结余.
pub const SHANGHAI_FINAL_FISCAL_INCOME: &[Label] = &[
    Label {
        key: RowKey::GeneralBudget,
        texts: &["一般公共预算财政拨款"],
    },
    Label {
        key: RowKey::GovFund,
        texts: &["政府性基金预算财政拨款"],
    },
    Label {
        key: RowKey::StateCapital,
        texts: &["国有资本经营预算财政拨款"],
    },
    Label {
        key: RowKey::CurrentIncome,
        texts: &["本年收入合计"],
    },
    Label {
        key: RowKey::OpeningBalance,
        texts: &["年初财政拨款结转和结余", "年初结转和结余"],
    },
    Label {
        key: RowKey::CarryGeneral,
        texts: &["一般公共预算财政拨款"],
    },
    Label {
        key: RowKey::CarryGovFund,
        texts: &["政府性基金预算财政拨款"],
    },
    Label {
        key: RowKey::CarryStateCapital,
        texts: &["国有资本经营预算财政拨款"],
    },
    Label {
        key: RowKey::IncomeTotal,
        texts: &["总计", "收入总计"],
    },
];

/// The 收入 labels of a two-sided table (表1 or 表4) in a layout.
pub fn income_labels(layout: Layout, kind: TableKind) -> &'static [Label] {
    match kind {
        TableKind::Summary if layout.is_shanghai_final() => SHANGHAI_FINAL_SUMMARY_INCOME,
        TableKind::Summary if layout.is_shanghai_budget() => SHANGHAI_SUMMARY_INCOME,
        TableKind::Summary => SUMMARY_INCOME,
        _ if layout.is_shanghai_final() => SHANGHAI_FINAL_FISCAL_INCOME,
        _ => FISCAL_INCOME,
    }
}

/// The labelled rows of a two-sided table's 支出 half that are not 类 (compact, ordinal
/// removed), with the kind and key each row gets. In a 决算, 本年支出合计 is the sum of the 类
/// and 总计 adds 结余分配 and 年末结转和结余 to it.
pub fn expense_label(layout: Layout, label: &str) -> Option<(RowKind, RowKey)> {
    if layout.is_shanghai_final() {
        return match label {
            "本年支出合计" => Some((RowKind::Total, RowKey::CurrentExpense)),
            "结余分配" => Some((RowKind::Item, RowKey::BalanceDistribution)),
            "年末结转和结余" | "年末财政拨款结转和结余" => {
                Some((RowKind::Item, RowKey::ClosingBalance))
            }
            "总计" | "支出总计" => Some((RowKind::Item, RowKey::ExpenseTotal)),
            _ => None,
        };
    }
    (label.ends_with("支出总计") || label.ends_with("支出合计") || label == "总计")
        .then_some((RowKind::Total, RowKey::ExpenseTotal))
}

/// Labels that start the 支出 half in the middle of a line, beyond 支出总计 / 本年支出合计 /
/// 支出合计 (which every layout has). "总计" counts only after a number ("总计 2,995.39 总计
/// 2,995.39").
pub fn expense_split_labels(layout: Layout) -> &'static [&'static str] {
    if layout.is_shanghai_final() {
        &[
            "结余分配",
            "年末结转和结余",
            "年末财政拨款结转和结余",
            "总计",
        ]
    } else {
        &[]
    }
}

/// Labelled rows of 表10.
pub const THREE_PUBLIC: &[Label] = &[
    Label {
        key: RowKey::Abroad,
        texts: &["因公出国（境）费", "因公出国(境)费"],
    },
    Label {
        key: RowKey::Reception,
        texts: &["公务接待费"],
    },
    Label {
        key: RowKey::Vehicles,
        texts: &[
            "公务用车购置及运行费（小计）",
            "公务用车购置及运行费(小计)",
            "公务用车购置及运行费",
            "公务用车购置及运行维护费（小计）",
            "公务用车购置及运行维护费(小计)",
            "公务用车购置及运行维护费",
        ],
    },
    Label {
        key: RowKey::VehiclePurchase,
        texts: &["公务用车购置费"],
    },
    Label {
        key: RowKey::VehicleOperation,
        texts: &["公务用车运行费", "公务用车运行维护费"],
    },
    Label {
        key: RowKey::RunningCost,
        texts: &["机关运行经费"],
    },
];

/// Identities between the labelled rows of 表1's 收入 half (rules T1.1–T1.9).
pub const SUMMARY_INCOME_IDENTITIES: &[(&str, RowIdentity)] = {
    use RowKey::*;
    &[
        (
            "T1.1",
            RowIdentity {
                total: CurrentIncome,
                parts: &[
                    GeneralBudget,
                    GovFund,
                    StateCapital,
                    SpecialAccount,
                    UnitFunds,
                ],
            },
        ),
        (
            "T1.2",
            RowIdentity {
                total: GeneralBudget,
                parts: &[GeneralFinance, GeneralTransfer],
            },
        ),
        (
            "T1.3",
            RowIdentity {
                total: GovFund,
                parts: &[GovFundIncome, GovFundTransfer],
            },
        ),
        (
            "T1.4",
            RowIdentity {
                total: StateCapital,
                parts: &[StateCapitalIncome, StateCapitalTransfer],
            },
        ),
        (
            "T1.5",
            RowIdentity {
                total: UnitFunds,
                parts: &[
                    BusinessIncome,
                    SuperiorSubsidy,
                    AffiliatedIncome,
                    OperatingIncome,
                    OtherIncome,
                ],
            },
        ),
        (
            "T1.6",
            RowIdentity {
                total: CarryOver,
                parts: &[FiscalCarryover, NonFiscalCarryover],
            },
        ),
        (
            "T1.7",
            RowIdentity {
                total: FiscalCarryover,
                parts: &[CarryGeneral, CarryGovFund, CarryStateCapital],
            },
        ),
        (
            "T1.8",
            RowIdentity {
                total: NonFiscalCarryover,
                parts: &[CarrySpecialAccount, CarryUnitFunds],
            },
        ),
        (
            "T1.9",
            RowIdentity {
                total: IncomeTotal,
                parts: &[CurrentIncome, CarryOver],
            },
        ),
    ]
};

/// Identities between the rows of 表10 (rules T10.1, T10.2).
pub const THREE_PUBLIC_IDENTITIES: &[(&str, RowIdentity)] = &[(
    "T10.2",
    RowIdentity {
        total: RowKey::Vehicles,
        parts: &[RowKey::VehiclePurchase, RowKey::VehicleOperation],
    },
)];

/// The 30 功能分类 类 printed in 表1 and 表4, code and official 2024 name.
pub const FUNCTION_CLASSES: [(&str, &str); 30] = [
    ("201", "一般公共服务支出"),
    ("202", "外交支出"),
    ("203", "国防支出"),
    ("204", "公共安全支出"),
    ("205", "教育支出"),
    ("206", "科学技术支出"),
    ("207", "文化旅游体育与传媒支出"),
    ("208", "社会保障和就业支出"),
    ("209", "社会保险基金支出"),
    ("210", "卫生健康支出"),
    ("211", "节能环保支出"),
    ("212", "城乡社区支出"),
    ("213", "农林水支出"),
    ("214", "交通运输支出"),
    ("215", "资源勘探工业信息等支出"),
    ("216", "商业服务业等支出"),
    ("217", "金融支出"),
    ("219", "援助其他地区支出"),
    ("220", "自然资源海洋气象等支出"),
    ("221", "住房保障支出"),
    ("222", "粮油物资储备支出"),
    ("223", "国有资本经营预算支出"),
    ("224", "灾害防治及应急管理支出"),
    ("227", "预备费"),
    ("229", "其他支出"),
    ("230", "转移性支出"),
    ("231", "债务还本支出"),
    ("232", "债务付息支出"),
    ("233", "债务发行费用支出"),
    ("234", "抗疫特别国债安排的支出"),
];

/// The code of a 功能分类 类 printed by name only (the Shanghai templates number them 一、二、…).
pub fn class_code_by_name(name: &str) -> Option<&'static str> {
    FUNCTION_CLASSES
        .iter()
        .find(|(_, n)| *n == name)
        .map(|(c, _)| *c)
}

/// Removes spaces, a leading ordinal ("一、", "1.", "1、", "（一）") and "其中：" from a label.
pub fn compact_label(s: &str) -> String {
    let mut t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    loop {
        let before = t.len();
        if let Some(rest) = t.strip_prefix("其中：").or_else(|| t.strip_prefix("其中:")) {
            t = rest.to_owned();
        }
        t = strip_ordinal(&t).to_owned();
        if t.len() == before {
            return t;
        }
    }
}

/// Strips one leading ordinal: "一、", "十二、", "1.", "1、", "1．", "(一)", "（一）".
pub fn strip_ordinal(s: &str) -> &str {
    let numeral = |c: char| "一二三四五六七八九十".contains(c);
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 {
        let rest = &s[digits..];
        for sep in ["、", ".", "．", ")", "）"] {
            if let Some(r) = rest.strip_prefix(sep) {
                return r;
            }
        }
        return s;
    }
    let n = s.chars().take_while(|&c| numeral(c)).count();
    if n > 0 {
        let len: usize = s.chars().take(n).map(char::len_utf8).sum();
        if let Some(r) = s[len..].strip_prefix('、') {
            return r;
        }
    }
    for (open, close) in [("（", "）"), ("(", ")")] {
        if let Some(r) = s.strip_prefix(open) {
            let n = r
                .chars()
                .take_while(|&c| numeral(c) || c.is_ascii_digit())
                .count();
            let len: usize = r.chars().take(n).map(char::len_utf8).sum();
            if n > 0 {
                if let Some(r2) = r[len..].strip_prefix(close) {
                    return r2;
                }
            }
        }
    }
    s
}

/// Matches printed labels to keys in printed order, so that a label printed twice (the
/// "一般公共预算拨款" of 本年收入 and of 结转) gets the right key each time.
pub struct LabelMatcher {
    labels: &'static [Label],
    next: usize,
    used: Vec<bool>,
}

impl LabelMatcher {
    /// A matcher over one label list.
    pub fn new(labels: &'static [Label]) -> Self {
        LabelMatcher {
            labels,
            next: 0,
            used: vec![false; labels.len()],
        }
    }

    /// Whether an unused label has this printed form (without using it up).
    pub fn knows(&self, compact: &str) -> bool {
        self.labels
            .iter()
            .zip(&self.used)
            .any(|(l, &used)| !used && l.texts.contains(&compact))
    }

    /// The key of a printed label (already compact), preferring the next one in order.
    pub fn key(&mut self, compact: &str) -> Option<RowKey> {
        let hit = |l: &Label| l.texts.contains(&compact);
        let found = (self.next..self.labels.len())
            .find(|&i| !self.used[i] && hit(&self.labels[i]))
            .or_else(|| (0..self.labels.len()).find(|&i| !self.used[i] && hit(&self.labels[i])))?;
        self.used[found] = true;
        self.next = found + 1;
        Some(self.labels[found].key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_three_public_title_that_adds_the_running_costs_is_the_three_public_table() {
        // Not the 支出决算表 its last words are (a Shanghai district's 2017 决算).
        let m = title_match("2017年度一般公共预算财政拨款“三公”经费及机关运行经费支出决算表")
            .expect("a title");
        assert_eq!(m.title.kind, TableKind::ThreePublic);
    }

    #[test]
    fn every_title_ends_with_biao() {
        // title_match rejects a line not ending in 表 before trying the titles.
        assert!(TITLES.iter().all(|t| t.text.ends_with('表')));
    }

    #[test]
    fn a_unit_prints_the_department_titles_with_its_own_word() {
        let m = |c: &str| title_match(c).map(|m| (m.title.kind, m.title.family, m.scope));
        use Family::{Shanghai as S, Xinjiang as X};
        use Scope::{Department as D, Unit as U};
        for (title, want) in [
            ("2023年部门收入预算总表", (TableKind::Income, S, Some(D))),
            (
                "2025年预算单位收入预算总表",
                (TableKind::Income, S, Some(U)),
            ),
            (
                "2025年预算单位支出预算总表",
                (TableKind::Expense, S, Some(U)),
            ),
            (
                "2025年预算单位财务收支预算总表",
                (TableKind::Summary, S, Some(U)),
            ),
            (
                "2025年预算单位财政拨款收支预算总表",
                (TableKind::FiscalSummary, S, Some(U)),
            ),
            (
                "2025年单位“三公”经费和机关运行经费预算表",
                (TableKind::ThreePublic, S, Some(U)),
            ),
            ("单位收支总体情况表", (TableKind::Summary, X, Some(U))),
            (
                "2025年预算单位一般公共预算基本支出部门预算经济分类预算表",
                (TableKind::GeneralBasic, S, Some(U)),
            ),
            (
                "2025年一般公共预算基本支出单位预算经济分类预算表",
                (TableKind::GeneralBasic, S, Some(U)),
            ),
            ("收入支出决算总表", (TableKind::Summary, S, None)),
        ] {
            assert_eq!(m(title), Some(want), "{title}");
        }
        // The form without its 部门 names a unit's table only after 单位.
        assert!(m("2025年收入预算总表").is_none());
        assert!(m("2025年财政拨款收入预算总表").is_none());
    }

    #[test]
    fn a_units_summary_splits_its_spending() {
        let unit = Layout {
            family: Family::Shanghai,
            doc: DocKind::Budget,
            scope: Scope::Unit,
        };
        let department = Layout {
            scope: Scope::Department,
            ..unit
        };
        let split = SUMMARY_EXPENSE_BY_ECONOMY.to_vec();
        let s = TableKind::Summary;
        assert_eq!(expense_columns(unit, s, ""), split);
        assert_eq!(expense_columns(unit, s, "预算数合计人员经费"), split);
        assert_eq!(expense_columns(department, s, ""), [Col::Amount]);
        // A unit's table printed the department way is read the department way.
        assert_eq!(expense_columns(unit, s, "项目预算数"), [Col::Amount]);
        // A department's table printed the unit way is read the unit way.
        assert_eq!(
            expense_columns(department, s, "预算数合计基本支出项目支出人员经费公用经费"),
            split
        );
    }

    #[test]
    fn labels_lose_ordinals_and_spaces() {
        for (input, want) in [
            ("一、本年收入", "本年收入"),
            ("1.一般公共预算拨款", "一般公共预算拨款"),
            ("其中：一般财力", "一般财力"),
            ("1、财政拨款结转", "财政拨款结转"),
            ("收 入 总 计", "收入总计"),
            ("（三）国有资产", "国有资产"),
            ("十二、其他", "其他"),
            ("2. 政府性基金", "政府性基金"),
        ] {
            assert_eq!(compact_label(input), want, "{input}");
        }
    }

    #[test]
    fn titles_match_without_their_quotation_marks() {
        // pdfplumber and the tab-separated copy print the quotes of caizhengju-2024-final's 表7
        // apart from its title: it is still the 三公 table, not 支出决算表.
        for t in [
            "财政拨款三公经费支出决算表",
            "财政拨款“三公”经费支出决算表",
            "七、财政拨款\"三公\"经费支出决算表",
        ] {
            assert_eq!(
                title_match(t).map(|m| m.title.kind),
                Some(TableKind::ThreePublic),
                "{t}"
            );
        }
        assert_eq!(
            title_match("支出决算表").map(|m| m.title.kind),
            Some(TableKind::Expense)
        );
        assert!(title_match("三公经费支出").is_none());
    }

    #[test]
    fn repeated_labels_follow_printed_order() {
        let mut m = LabelMatcher::new(SUMMARY_INCOME);
        assert_eq!(m.key("本年收入"), Some(RowKey::CurrentIncome));
        assert_eq!(m.key("一般公共预算拨款"), Some(RowKey::GeneralBudget));
        assert_eq!(m.key("财政拨款结转"), Some(RowKey::FiscalCarryover));
        assert_eq!(m.key("一般公共预算拨款"), Some(RowKey::CarryGeneral));
        assert_eq!(m.key("单位资金"), Some(RowKey::CarryUnitFunds));
        assert_eq!(m.key("收入总计"), Some(RowKey::IncomeTotal));
        assert_eq!(m.key("不存在"), None);
    }
}
