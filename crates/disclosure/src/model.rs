//! The typed document: what a disclosure says, every number with the line it was read from.
//!
//! All amounts are exact [`Decimal`]s in the unit the document printed them in; [`Unit`] says
//! which. Nothing here is computed: checks and analysis derive from these values.

use rust_decimal::Decimal;

pub use crate::text::LineNo;

/// Implements `#[derive(Serialize, Deserialize)]` only when the `serde` feature is on.
macro_rules! model {
    ($($item:item)*) => {$(
        #[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
        $item
    )*};
}

model! {
/// The currency unit a table or a sentence is printed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Unit {
    /// 万元 (10,000 yuan), the usual unit of Xinjiang documents.
    #[default]
    Wan,
    /// 元, the usual unit of Shanghai budget tables.
    Yuan,
}

/// Budget (预算) or final accounts (决算).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DocKind {
    /// 部门预算.
    #[default]
    Budget,
    /// 部门决算.
    Final,
}

/// Whose budget or accounts a document is: a 部门's (the department with the units under it) or
/// one 预算单位's. The tables are the same kinds; their titles say 单位 / 预算单位 where a
/// department's say 部门, and a unit's 收支总表 may split its spending into 人员经费, 公用经费 and
/// 项目支出.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Scope {
    /// 部门预算 / 部门决算.
    #[default]
    Department,
    /// 单位预算 / 单位决算.
    Unit,
}

/// The template family a document follows: which tables it has and how they are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Family {
    /// Not recognised: no known table titles were found.
    #[default]
    Unknown,
    /// The Xinjiang 11-table budget (表1–表11, 第一–第四部分, 绩效目标表).
    Xinjiang,
    /// The Shanghai district 9-table layout (budgets and final accounts).
    Shanghai,
}

/// A value with the line it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Located<T> {
    /// The value.
    pub value: T,
    /// Where it was read.
    pub line: LineNo,
}

/// What a number in the narrative counts.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum QUnit {
    /// 万元.
    Wan,
    /// 元.
    Yuan,
    /// A percentage (the value is in percent: 99.26 means 99.26 %).
    Percent,
    /// A count with its measure word (人, 个, 辆, 台, 次, 名, 场…).
    Count(String),
    /// 平方米.
    SquareMetre,
}

/// A number read from the narrative, with its unit and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quantity {
    /// The value as printed (thousands separators removed, scale kept).
    pub value: Decimal,
    /// What it counts.
    pub unit: QUnit,
    /// Where it was printed.
    pub line: LineNo,
}

/// The direction a year-over-year phrase states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// 增加 / 增长 / 上升.
    Up,
    /// 减少 / 下降 / 降低.
    Down,
    /// 持平 / 无变动.
    Flat,
}

/// A stated change: "增加 239.81 万元" or "增长 11.73%".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The direction word as printed.
    pub direction: Direction,
    /// The magnitude as printed (never negative); absent for 持平.
    pub amount: Option<Quantity>,
    /// The comparison names a budget and not last year ("与年初预算相比", "比2021年度预算"). In a
    /// 决算 that is the year's own budget, not the previous year ([`Change::against_budget`]); in
    /// a budget, "比2023年预算" is last year's.
    pub names_budget: bool,
    /// The year the comparison names ("与2021年度预算相比": 2021), if it names one: a budget of
    /// another year than the document's is not the year's own.
    pub compared_year: Option<u16>,
}

/// Where in the document a sentence sits: 第三部分 五（三）3 is
/// `{ part: 3, chapter: 5, sub: 3, item: 3 }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct SectionRef {
    /// 第一部分 … 第四部分 (0 before any part heading).
    pub part: u8,
    /// 一、… 十二、 within the part (0 when none).
    pub chapter: u8,
    /// （一）… within the chapter (0 when none).
    pub sub: u8,
    /// 1、… within the sub-section (0 when none).
    pub item: u16,
}

/// A heading of the narrative, with its place and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    /// The section it opens.
    pub section: SectionRef,
    /// The heading text without its number.
    pub title: String,
    /// The first line of the heading.
    pub line: LineNo,
}

/// One numeric claim of the narrative: a subject, an amount and what is said about it.
///
/// "一般公共预算 2,283.56 万元，占 99.26%，比上年预算增加 239.81 万元，增长 11.73%" is one
/// statement with a share, a change and a growth rate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Statement {
    /// The section the sentence belongs to.
    pub section: SectionRef,
    /// What the amount is of, as printed just before it (without filler such as "其中："),
    /// or the heading of the item when the sentence only says "预算数为".
    pub subject: String,
    /// The amount or count; `None` for a bare change ("在职人员减少 17人").
    pub value: Option<Quantity>,
    /// "占 x%".
    pub share: Option<Quantity>,
    /// "比上年增加/减少 Δ".
    pub change: Option<Change>,
    /// "增长/下降 g%".
    pub growth: Option<Change>,
    /// True when the amount is cited inside an explanation ("主要原因是…", "主要用于…"), or
    /// as the budget a 决算 figure is measured against ("年初预算为 …"), rather than stated.
    pub in_reason: bool,
    /// When the text gives this amount as a part of another ("收入预算 a 万元，其中：财政拨款收入 b
    /// 万元…", "财政拨款支出预算中，一般公共预算 b 万元…", up to the end of the sentence): the index in
    /// [`Document::statements`] of the statement it is a part of.
    pub whole: Option<usize>,
    /// Every line the sentence's parts were read from.
    pub lines: Vec<LineNo>,
}

/// A direction stated without a number: "公用经费支出增加", "压减了公用经费支出".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Trend {
    /// The section the phrase belongs to.
    pub section: SectionRef,
    /// What moves (公用经费, 机关运行经费).
    pub subject: String,
    /// Which way.
    pub direction: Direction,
    /// Where the phrase was printed.
    pub line: LineNo,
    /// The phrase as printed.
    pub phrase: String,
}

/// A list the narrative gives without numbers: "支出预算包括：一般公共服务支出、教育支出…",
/// "人员经费…主要包括：基本工资、津贴补贴…".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    /// The section the list belongs to.
    pub section: SectionRef,
    /// What is listed, as printed before "包括".
    pub subject: String,
    /// The items, each with its line.
    pub items: Vec<Located<String>>,
}

/// A quantity a sentence splits into parts right after it: "规划建筑面积约为13459平方米，其中地上建筑
/// 面积为8013平方米（…），地下建筑面积为5356平方米" (the parts are those of the whole's level and unit;
/// a part's own parts, in brackets after it, are a breakdown of their own).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breakdown {
    /// The section the sentence belongs to.
    pub section: SectionRef,
    /// What the whole is, as printed before its number ("本工程规划建筑面积").
    pub label: String,
    /// The whole.
    pub whole: Quantity,
    /// Whether the whole is printed as approximate ("约为13459平方米").
    pub approximate: bool,
    /// Each part: its label as printed ("地上建筑面积") and its quantity.
    pub parts: Vec<(String, Quantity)>,
    /// The lines from the whole to the last part.
    pub lines: Vec<LineNo>,
}

/// What an item's money is said to be for: "…一般行政管理事务（项）。主要用于：局财政业务指导与宣传等
/// 基本支出。" The same shape holds why an item is said to have changed ("…主要原因是：事业单位离
/// 退休经费增加。"), in [`Document::reasons`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Purpose {
    /// The section the sentence belongs to.
    pub section: SectionRef,
    /// The text before "主要用于" (or "主要原因") that names the item (its heading, its 类/款/项
    /// path and amount), from the start of the block or the end of the previous such phrase.
    pub item: String,
    /// What follows "主要用于" (or "主要原因是"), up to the end of its sentence.
    pub text: String,
    /// The lines of the item's text and of the purpose.
    pub lines: Vec<LineNo>,
}

/// Staff figures of 第一部分 二: a head count and its stated change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Headcount {
    /// The count.
    pub count: Decimal,
    /// "增加/减少 n 人", when stated.
    pub change: Option<Change>,
    /// Where it was printed.
    pub line: LineNo,
}

/// 第一部分: functions, offices and staff.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Overview {
    /// 主要职能, one entry per numbered item.
    pub functions: Vec<Located<String>>,
    /// "下设 6 个科室": the stated number of offices.
    pub offices_stated: Option<Located<Decimal>>,
    /// The office names listed after "分别是：".
    pub offices: Vec<Located<String>>,
    /// 编制数.
    pub establishment: Option<Headcount>,
    /// 实有人数.
    pub actual: Option<Headcount>,
    /// 在职.
    pub in_service: Option<Headcount>,
    /// 退休.
    pub retired: Option<Headcount>,
    /// 离休.
    pub lixiu: Option<Headcount>,
    /// Where 第一部分 says the department has no units under it ("…无下属预算单位"): it is one
    /// unit, and its 公用经费 are its 机关运行经费 when it is a 行政单位.
    pub no_subordinates: Option<LineNo>,
}

/// Which half of a two-sided table a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Side {
    /// A one-sided table.
    Whole,
    /// The 收入 half of 表1 / 表4.
    Income,
    /// The 支出 half of 表1 / 表4.
    Expense,
}

/// The meaning of a numeric column. Checks and the column solver work on these keys, never on
/// printed positions, so one rule serves every template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Col {
    /// 预算数 / 决算数: the single amount column of a labelled half.
    Amount,
    /// 总计 / 合计.
    Total,
    /// 财政拨款（补助）小计.
    FiscalSubtotal,
    /// 一般公共预算 (本级).
    GeneralBudget,
    /// 上级一般公共预算安排的转移支付.
    GeneralTransfer,
    /// 政府性基金预算.
    GovFund,
    /// 上级政府性基金安排的转移支付.
    GovFundTransfer,
    /// 国有资本经营预算.
    StateCapital,
    /// 上级国有资本经营预算安排的转移支付.
    StateCapitalTransfer,
    /// 财政专户（教育收费）.
    SpecialAccount,
    /// 单位资金.
    UnitFunds,
    /// 财政拨款结转.
    FiscalCarryover,
    /// 非财政拨款结转结余.
    NonFiscalCarryover,
    /// 财政拨款收入 (Shanghai 表2).
    FiscalIncome,
    /// 事业收入.
    BusinessIncome,
    /// 事业单位经营收入.
    OperatingIncome,
    /// 其他收入.
    OtherIncome,
    /// 基本支出.
    Basic,
    /// 项目支出.
    Project,
    /// 人员经费.
    Personnel,
    /// 公用经费.
    Public,
    /// A 经济分类 类 column of 表7 (301 工资福利支出 … 399 其他支出).
    Econ(u16),
    /// 表11 财政拨款 合计.
    FiscalCarryTotal,
    /// 表11 财政拨款 人员经费.
    FiscalCarryPersonnel,
    /// 表11 财政拨款 公用经费.
    FiscalCarryPublic,
    /// 表11 财政拨款 项目支出.
    FiscalCarryProject,
    /// 表11 非财政拨款 合计.
    NonFiscalCarryTotal,
    /// 表11 非财政拨款 人员经费.
    NonFiscalCarryPersonnel,
    /// 表11 非财政拨款 公用经费.
    NonFiscalCarryPublic,
    /// 表11 非财政拨款 项目支出.
    NonFiscalCarryProject,
    /// 上级补助收入 (the Shanghai 决算 收入决算表).
    SuperiorSubsidy,
    /// 附属单位上缴收入 (the Shanghai 决算 收入决算表).
    AffiliatedIncome,
    /// 上缴上级支出 (the Shanghai 决算 支出决算表).
    PaidToSuperior,
    /// 经营支出 (the Shanghai 决算 支出决算表).
    OperatingExpense,
    /// 对附属单位补助支出 (the Shanghai 决算 支出决算表).
    AffiliateSubsidy,
    /// 年初结转和结余: money carried into the year (决算 fund tables).
    OpeningBalance,
    /// 本年收入: the year's income of a 决算 fund table.
    CurrentIncome,
    /// 年末结转和结余: money carried out of the year (决算 fund tables).
    ClosingBalance,
    /// 预算数: the budgeted amount of a 决算 table that prints budget and outturn in pairs
    /// (财政拨款“三公”经费支出决算表).
    Budgeted,
    /// 决算数: the outturn beside [`Col::Budgeted`].
    Actual,
}

/// The canonical tables of a department budget, whatever their printed number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TableKind {
    /// 部门收支总体情况表 (Shanghai: 部门财务收支预算总表).
    Summary,
    /// 部门收入总体情况表.
    Income,
    /// 部门支出总体情况表.
    Expense,
    /// 财政拨款收支预算总体情况表.
    FiscalSummary,
    /// 一般公共预算支出情况表.
    GeneralExpense,
    /// 一般公共预算基本支出情况表.
    GeneralBasic,
    /// 一般公共预算项目支出情况表.
    GeneralProjects,
    /// 政府性基金预算支出情况表.
    GovFund,
    /// 国有资本经营预算支出情况表.
    StateCapital,
    /// 财政拨款“三公”经费支出情况表.
    ThreePublic,
    /// 上年结转结余情况明细表.
    CarryOver,
}

/// A classification code: 功能分类 (3, 5 or 7 digits) or 经济分类 (3 or 5 digits).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code(pub String);

/// What a row is in its table's hierarchy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RowKind {
    /// 总计 / 合计.
    Total,
    /// The department's own row, equal to 总计 (表7, 表11).
    Unit,
    /// A 类 (3-digit code).
    Class,
    /// A 款 (5-digit code).
    Kuan,
    /// A 项 (7-digit code).
    Xiang,
    /// A project row of 表7 (a 7-digit code and a 项目名称).
    Project,
    /// A labelled row (表1, 表4 收入, 表10) or an item row (表11 结转 items).
    Item,
}

/// The meaning of a labelled row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RowKey {
    /// 一、本年收入.
    CurrentIncome,
    /// 1.一般公共预算拨款.
    GeneralBudget,
    /// 其中：一般财力.
    GeneralFinance,
    /// 上级一般公共预算安排转移支付.
    GeneralTransfer,
    /// 2.政府性基金预算拨款.
    GovFund,
    /// 其中：政府性基金收入.
    GovFundIncome,
    /// 上级政府性基金安排转移支付.
    GovFundTransfer,
    /// 3.国有资本经营预算拨款.
    StateCapital,
    /// 其中：国有资本经营收入.
    StateCapitalIncome,
    /// 上级国有资本经营预算安排转移支付.
    StateCapitalTransfer,
    /// 4.财政专户核拨.
    SpecialAccount,
    /// 5.单位资金.
    UnitFunds,
    /// 事业收入.
    BusinessIncome,
    /// 上级补助收入.
    SuperiorSubsidy,
    /// 附属单位上缴收入.
    AffiliatedIncome,
    /// 事业单位经营收入.
    OperatingIncome,
    /// 其他收入.
    OtherIncome,
    /// 二、上年结转结余.
    CarryOver,
    /// 1、财政拨款结转.
    FiscalCarryover,
    /// 其中：一般公共预算拨款 (结转).
    CarryGeneral,
    /// 政府性基金预算拨款 (结转).
    CarryGovFund,
    /// 国有资本经营预算拨款 (结转).
    CarryStateCapital,
    /// 2、非财政拨款结转结余.
    NonFiscalCarryover,
    /// 其中：财政专户核拨 (结转).
    CarrySpecialAccount,
    /// 单位资金 (结转).
    CarryUnitFunds,
    /// 收入总计.
    IncomeTotal,
    /// 支出总计.
    ExpenseTotal,
    /// 表4: 一、财政拨款（补助）.
    FiscalAppropriation,
    /// 表10: 因公出国（境）费.
    Abroad,
    /// 表10: 公务接待费.
    Reception,
    /// 表10: 公务用车购置及运行费（小计）.
    Vehicles,
    /// 表10: 公务用车购置费.
    VehiclePurchase,
    /// 表10: 公务用车运行费.
    VehicleOperation,
    /// 机关运行经费 (printed in the Shanghai 三公 table).
    RunningCost,
    /// 决算: 年初结转和结余 (年初财政拨款结转和结余 in the 财政拨款 table): money carried into
    /// the year, on the income side.
    OpeningBalance,
    /// 决算: 年末结转和结余 (年末财政拨款结转和结余): money carried out of the year, on the
    /// expense side.
    ClosingBalance,
    /// 决算: 本年支出合计, the sum of the year's 类 on the expense side (the block's total row;
    /// 总计 adds the closing balance and is keyed [`RowKey::ExpenseTotal`]).
    CurrentExpense,
    /// 决算: 使用非财政拨款结余（含专用结余）, on the income side.
    UseOfBalance,
    /// 决算: 结余分配, on the expense side.
    BalanceDistribution,
}

/// One printed number of a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cell {
    /// The amount as printed, in the table's unit.
    pub value: Decimal,
    /// The line it was printed on.
    pub line: LineNo,
}

/// One row of a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Its place in the hierarchy.
    pub kind: RowKind,
    /// The meaning of a labelled row.
    pub key: Option<RowKey>,
    /// The classification code, when the row has one.
    pub code: Option<Code>,
    /// The 科目名称 or label, with wrapped parts joined.
    pub name: String,
    /// 表7: the 项目名称.
    pub project: Option<String>,
    /// One entry per column of the block; `None` where the cell is empty.
    pub cells: Vec<Option<Cell>>,
    /// Every line the row was read from.
    pub lines: Vec<LineNo>,
}

/// A run of rows sharing one set of columns: a whole table, or one half of 表1 / 表4.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Which half.
    pub side: Side,
    /// The numeric columns, in printed order.
    pub columns: Vec<Col>,
    /// The rows, in printed order.
    pub rows: Vec<Row>,
}

/// One table of 第二部分.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// What the table is.
    pub kind: TableKind,
    /// The printed number ("表 2"), or its place in the family's list.
    pub number: u8,
    /// The title as printed.
    pub title: String,
    /// The unit printed in its header.
    pub unit: Unit,
    /// Whether `unit` is a guess: the header printed none the reader found, and the narrative
    /// did not show it, so the table took the unit most tables print. A comparison that is
    /// exactly 10,000 times off between such a table and an amount whose unit is known says
    /// the guess was wrong, not that the document is.
    #[cfg_attr(feature = "serde", serde(default))]
    pub unit_guessed: bool,
    /// The 编制部门 printed in its header.
    pub department: Option<Located<String>>,
    /// The 编制部门 of each header repeated after a page break.
    pub repeated_departments: Vec<Located<String>>,
    /// First and last line of the table.
    pub span: (LineNo, LineNo),
    /// The blocks (one, or two for a two-sided table).
    pub blocks: Vec<Block>,
    /// The sentence saying the table is empty, when it says so.
    pub empty_statement: Option<Located<String>>,
}

/// 第三部分 七: one project's description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectNote {
    /// The section the description sits in (七（n）).
    pub section: SectionRef,
    /// 项目名称.
    pub name: String,
    /// 预算安排规模.
    pub amount: Option<Quantity>,
    /// 资金分配情况 as printed.
    pub allocation: Option<Located<String>>,
    /// The arithmetic read from 资金分配情况, when it could be read.
    pub terms: Vec<AllocationTerm>,
    /// Every line of the description.
    pub lines: Vec<LineNo>,
}

/// One term of an allocation: an amount times its multipliers ("5 个社区，每个社区 10 万元"
/// is 10 万元 × 5 个).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllocationTerm {
    /// The money (万元 or 元), per unit when there are multipliers.
    pub amount: Quantity,
    /// The counts it is multiplied by (people, months, communities…).
    pub multipliers: Vec<Quantity>,
}

/// Whose performance targets a 绩效目标表 sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PerformanceScope {
    /// 部门整体绩效目标表.
    Department,
    /// 项目支出绩效目标表.
    Project,
}

/// A comparison operator of an indicator value ("＞=4万人").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Op {
    /// `=`.
    Eq,
    /// `>=` / `≥`.
    Ge,
    /// `<=` / `≤`.
    Le,
    /// `>`.
    Gt,
    /// `<`.
    Lt,
}

/// One indicator row of a 绩效目标表.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Indicator {
    /// 一级指标 (产出指标, 成本指标, 效益指标, 满意度指标, 履职效能…).
    pub level1: String,
    /// 二级指标 (数量指标, 质量指标…).
    pub level2: String,
    /// 三级指标: the indicator's name.
    pub name: String,
    /// The operator of 指标值.
    pub op: Op,
    /// The number of 指标值.
    pub value: Decimal,
    /// The unit of 指标值 as printed ("万人", "元/人/月", "%").
    pub unit: String,
    /// 分值权重.
    pub weight: Option<Decimal>,
    /// Every line the row was read from.
    pub lines: Vec<LineNo>,
}

/// The funding block of a Shanghai 财政项目支出绩效目标填报表: two columns side by side, the
/// project's whole funding (项目资金总额 = 其中：财政资金 + 其他资金) and the year's request
/// (年度资金申请总额 = 其中：当年财政拨款 + 上年结转资金 + 其他资金). Each as printed, in the table's
/// unit (元 in the templates seen); `None` when not printed or not told apart.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RequestFunds {
    /// 项目资金总额.
    pub project_total: Option<Quantity>,
    /// Its 其中：财政资金.
    pub project_fiscal: Option<Quantity>,
    /// Its 其他资金 (the first of the two printed side by side).
    pub project_other: Option<Quantity>,
    /// 年度资金申请总额.
    pub annual_total: Option<Quantity>,
    /// Its 其中：当年财政拨款.
    pub appropriation: Option<Quantity>,
    /// Its 上年结转资金.
    pub carried_over: Option<Quantity>,
    /// Its 其他资金 (the second of the two).
    pub annual_other: Option<Quantity>,
}

/// One 绩效目标表.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PerformanceTable {
    /// Department-wide or one project.
    pub scope: PerformanceScope,
    /// 项目名称 (for a project table).
    pub project: Option<Located<String>>,
    /// 年度预算总额 / 资金总额 / 年度资金申请总额 (computed by nobody: as printed, when printed).
    pub total: Option<Quantity>,
    /// 其中：财政拨款.
    pub fiscal: Option<Quantity>,
    /// 其他资金 (of the year's funding).
    pub other: Option<Quantity>,
    /// 部门整体: 上级安排.
    pub superior: Option<Quantity>,
    /// 部门整体: 本级安排.
    pub local: Option<Quantity>,
    /// The two funding columns of a Shanghai 财政项目支出绩效目标填报表, when the table has them.
    pub request: Option<RequestFunds>,
    /// The indicator rows.
    pub indicators: Vec<Indicator>,
    /// First and last line.
    pub span: (LineNo, LineNo),
}

/// Document-level facts.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Meta {
    /// 编制部门 (or 预算主管部门).
    pub department: Option<Located<String>>,
    /// The budget year.
    pub year: Option<Located<u16>>,
    /// Budget or final accounts.
    pub kind: DocKind,
    /// A department's document or one unit's.
    pub scope: Scope,
    /// The unit most tables are printed in.
    pub unit: Unit,
    /// The template family.
    pub family: Family,
    /// The date printed at the end (ISO form, "2024-02-23").
    pub date: Option<Located<String>>,
    /// How much of a disclosure the text holds: the whole document, a part of it, its
    /// narrative without tables, or nothing of one.
    #[cfg_attr(feature = "serde", serde(default))]
    pub coverage: Coverage,
}

/// How much of a disclosure a text holds. People paste a whole document, or one table, one
/// section, a web page whose tables are attachments: what is not in the text is not missing
/// from the document, so only a whole document's completeness is judged.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Coverage {
    /// Whole, part, narrative or no disclosure.
    pub extent: Extent,
    /// The sections the text holds, in [`Section`] order.
    pub sections: Vec<Section>,
    /// Whether the text names its kind (预算 or 决算, in a title, a heading or a table's title);
    /// when it does not, [`Meta::kind`] is the default, a budget.
    pub kind_stated: bool,
}

/// How much of a disclosure a text holds ([`Coverage`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Extent {
    /// The whole document: its tables, its 说明, and its 概况 or its 名词解释. (A document built
    /// by hand, as tests do, is taken as whole: every check runs on it.)
    #[default]
    Whole,
    /// Part of one, with some of its tables: one table, the tables alone, the tables and the
    /// 说明 without the rest.
    Part,
    /// Part of one without any table: the 说明 alone, the 概况, a web page whose tables are
    /// attachments.
    Narrative,
    /// Nothing of a disclosure: no table, no section, no title of one.
    NotADisclosure,
}

/// A section of a disclosure, as [`Coverage`] lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    /// 目录, the table of contents.
    Contents,
    /// 第一部分 概况: 主要职能, 机构设置, 人员.
    Overview,
    /// 第二部分: the tables.
    Tables,
    /// 第三部分 情况说明 (the Shanghai budget's 部门预算编制说明 and 其他相关情况说明).
    Narrative,
    /// 第四部分 名词解释.
    Glossary,
    /// The Shanghai budget's 项目经费情况说明.
    ProjectNotes,
    /// The 绩效目标表.
    Performance,
}

/// Everything read from one disclosure.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    /// Department, year, kind, unit.
    pub meta: Meta,
    /// 第一部分.
    pub overview: Overview,
    /// 第二部分, in printed order.
    pub tables: Vec<Table>,
    /// The narrative's headings.
    pub headings: Vec<Heading>,
    /// Every numeric claim of the narrative.
    pub statements: Vec<Statement>,
    /// Directions stated without numbers, for the subjects the checker compares.
    pub trends: Vec<Trend>,
    /// Lists given without numbers ("…包括：a、b、c").
    pub listings: Vec<Listing>,
    /// What items' money is said to be for ("主要用于…").
    pub purposes: Vec<Purpose>,
    /// Why items are said to have changed ("主要原因是：…").
    pub reasons: Vec<Purpose>,
    /// Quantities the text splits into parts ("建筑面积13459平方米，其中地上…，地下…").
    pub breakdowns: Vec<Breakdown>,
    /// Headings outside the tables that name a required part of a disclosure (职能, 机构设置,
    /// 三公, 政府采购, 国有资产, 绩效, 名词解释…), for the completeness checklist.
    pub landmarks: Vec<Located<String>>,
    /// 第三部分 七.
    pub projects: Vec<ProjectNote>,
    /// The 绩效目标表.
    pub performance: Vec<PerformanceTable>,
    /// 第四部分 名词解释: the terms defined.
    pub glossary: Vec<Located<String>>,
    /// Sentences that say a table is empty ("…为空表。"), wherever they are.
    pub empty_statements: Vec<Located<String>>,
    /// Headline totals of tables whose rows could not be read (a copy that prints a table
    /// column by column, labels apart from amounts), each printed in the table and confirmed by
    /// the narrative and the table's own sums ([`crate::parse`]'s `confirm`): the summary takes
    /// them where the table's own reading has no such cell. No check reads them.
    #[cfg_attr(feature = "serde", serde(default))]
    pub confirmed: Vec<ConfirmedTotal>,
    /// The number the document prints on the part heading of its 说明 where that is not 三 (a
    /// Sichuan or Beijing template's "第二部分 …决算情况说明"), 0 otherwise: the reader numbers
    /// parts as the Xinjiang template does ([`SectionRef::part`] 3 is always the 说明), the
    /// findings name the part as printed.
    #[cfg_attr(feature = "serde", serde(default))]
    pub narrative_part_printed: u8,
    /// What the findings call the 说明 where its heading prints no part number: the heading's
    /// words ("部门预算编制说明", the Shanghai template's), or 说明 (a 说明 pasted without its
    /// heading). Empty where the heading is "第N部分 …" ([`Self::narrative_part_printed`]).
    #[cfg_attr(feature = "serde", serde(default))]
    pub narrative_name: String,
    /// How many lines the input had.
    pub line_count: LineNo,
    /// The number of the input's last line with any text (0 for an empty one): a table that
    /// reaches it may be cut there, its later rows not pasted.
    pub last_line: LineNo,
}

/// A total cell of a table read from its printed amounts alone, where its rows could not be
/// read: the amount is printed in the table, the narrative states it, and the table's sums hold
/// with it (see [`Document::confirmed`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfirmedTotal {
    /// The table it is a total of.
    pub kind: TableKind,
    /// Its side (收入/支出 of 表1) or [`Side::Whole`].
    pub side: Side,
    /// Its column.
    pub col: Col,
    /// The amount, in the table's unit.
    pub value: Decimal,
    /// The lines of the table it is printed on.
    pub lines: Vec<LineNo>,
}

/// Something the parser noticed about the input: never an error, always with lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// A stable kebab-case code ("ambiguous-columns").
    pub code: DiagCode,
    /// The lines concerned (may be empty for whole-document notes).
    pub lines: Vec<LineNo>,
    /// What happened, in Chinese.
    pub message_zh: String,
    /// What happened, in English.
    pub message_en: String,
}

/// The kinds of parser diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DiagCode {
    /// Several column assignments fit a row equally well; the most usual one was kept.
    AmbiguousColumns,
    /// The column search hit its cap; the best assignment found so far was kept.
    SearchCapped,
    /// A row has more numbers than the table has columns.
    TooManyNumbers,
    /// A line inside a table could not be read as a row.
    UnreadableRow,
    /// The text does not look like a budget disclosure.
    NotADisclosure,
    /// The input is larger than the parser accepts.
    TooLarge,
    /// A table title was found but the table has no recognisable rows.
    EmptyTable,
    /// Table titles were found that this family does not define.
    UnknownTable,
    /// A table's unit was read wrongly (its total is 10,000 times off the narrative's) and was
    /// corrected.
    UnitCorrected,
    /// Page numbers or running headers were taken out of the text.
    PageFurniture,
    /// Wrapped names printed between two coded rows could be split between them more than one
    /// way: checks by name do not use the table's names.
    NameInDoubt,
    /// A table printed one cell per line (or in blocks) whose amounts could not be placed in
    /// its rows so that its sums hold: the copy's order or a figure of the document that does
    /// not add up, the reader cannot tell which.
    Unplaced,
    /// A table's header names a money unit the reader does not read (亿元, 千元…): its amounts
    /// were not read.
    OtherUnit,
    /// A “三公” table printed an item a row whose header does not name the columns the reader
    /// reads it with (预算数 then 决算数 for a 决算): its amounts were not read.
    UnnamedColumns,
    /// A table's title with nothing after it but its unit: the table is not in the text (a web
    /// page's picture of it, a copy that left it out).
    TitleOnly,
}
}

impl Unit {
    /// The unit as printed: "万元" or "元".
    pub fn label(self) -> &'static str {
        match self {
            Unit::Wan => "万元",
            Unit::Yuan => "元",
        }
    }

    /// Converts an amount in this unit to 万元, exactly.
    pub fn to_wan(self, v: Decimal) -> Decimal {
        match self {
            Unit::Wan => v,
            Unit::Yuan => v / Decimal::from(10_000),
        }
    }

    /// An amount in this unit, in 元, exactly (2,300.52 万元 is 23,005,200.00 元).
    pub fn to_yuan(self, v: Decimal) -> Decimal {
        match self {
            Unit::Wan => v * Decimal::from(10_000),
            Unit::Yuan => v,
        }
    }
}

impl QUnit {
    /// The amount unit, for 万元 and 元 (`None` for percentages, counts and areas).
    pub fn money(&self) -> Option<Unit> {
        match self {
            QUnit::Wan => Some(Unit::Wan),
            QUnit::Yuan => Some(Unit::Yuan),
            _ => None,
        }
    }
}

impl Scope {
    /// "部门" or "单位".
    pub fn label(self) -> &'static str {
        match self {
            Scope::Department => "部门",
            Scope::Unit => "单位",
        }
    }

    /// "department" or "unit", as the CLI prints it.
    pub fn slug(self) -> &'static str {
        match self {
            Scope::Department => "department",
            Scope::Unit => "unit",
        }
    }
}

impl Extent {
    /// "whole", "part", "narrative" or "not-a-disclosure", as the CLI prints it.
    pub fn slug(self) -> &'static str {
        match self {
            Extent::Whole => "whole",
            Extent::Part => "part",
            Extent::Narrative => "narrative",
            Extent::NotADisclosure => "not-a-disclosure",
        }
    }
}

impl Section {
    /// "contents", "overview", "tables", "narrative", "glossary", "project-notes" or
    /// "performance", as the CLI prints it.
    pub fn slug(self) -> &'static str {
        match self {
            Section::Contents => "contents",
            Section::Overview => "overview",
            Section::Tables => "tables",
            Section::Narrative => "narrative",
            Section::Glossary => "glossary",
            Section::ProjectNotes => "project-notes",
            Section::Performance => "performance",
        }
    }

    /// The section's name in Chinese ("第三部分 情况说明").
    pub fn label_zh(self) -> &'static str {
        match self {
            Section::Contents => "目录",
            Section::Overview => "概况（职能、机构、人员）",
            Section::Tables => "表格",
            Section::Narrative => "情况说明",
            Section::Glossary => "名词解释",
            Section::ProjectNotes => "项目经费情况说明",
            Section::Performance => "绩效目标表",
        }
    }

    /// The section's name in English.
    pub fn label_en(self) -> &'static str {
        match self {
            Section::Contents => "the table of contents",
            Section::Overview => "the overview (functions, bodies, staff)",
            Section::Tables => "tables",
            Section::Narrative => "the narrative (情况说明)",
            Section::Glossary => "the glossary",
            Section::ProjectNotes => "the project notes",
            Section::Performance => "performance targets",
        }
    }
}

impl DocKind {
    /// "预算" or "决算".
    pub fn label(self) -> &'static str {
        match self {
            DocKind::Budget => "预算",
            DocKind::Final => "决算",
        }
    }

    /// "budget" or "final", as the CLI prints it.
    pub fn slug(self) -> &'static str {
        match self {
            DocKind::Budget => "budget",
            DocKind::Final => "final",
        }
    }
}

impl Direction {
    /// +1, -1 or 0.
    pub fn sign(self) -> Decimal {
        match self {
            Direction::Up => Decimal::ONE,
            Direction::Down => Decimal::NEGATIVE_ONE,
            Direction::Flat => Decimal::ZERO,
        }
    }
}

impl Change {
    /// Whether the change is measured from the year's budget rather than from last year: a
    /// 决算's comparison that names a budget ([`Change::names_budget`]), of no other year than
    /// the document's `year`.
    pub fn against_budget(&self, kind: DocKind, year: Option<u16>) -> bool {
        self.names_budget
            && kind == DocKind::Final
            && self.compared_year.is_none_or(|y| Some(y) == year)
    }

    /// The signed change (0 for 持平).
    pub fn signed(&self) -> Decimal {
        self.amount
            .as_ref()
            .map_or(Decimal::ZERO, |q| q.value * self.direction.sign())
    }
}

impl Code {
    /// The level a 功能分类 code's length gives: 3 → class, 5 → 款, 7 → 项.
    pub fn row_kind(&self) -> RowKind {
        match self.0.len() {
            3 => RowKind::Class,
            5 => RowKind::Kuan,
            _ => RowKind::Xiang,
        }
    }

    /// The 类 (first three digits).
    pub fn class(&self) -> &str {
        self.0.get(..3).unwrap_or(&self.0)
    }

    /// The code as printed in the tables: "201 03 01".
    pub fn spaced(&self) -> String {
        let s = &self.0;
        let mut out = String::with_capacity(s.len() + 2);
        for (i, c) in s.chars().enumerate() {
            if i == 3 || i == 5 {
                out.push(' ');
            }
            out.push(c);
        }
        out
    }

    /// True when `self` is `other` or lies under it ("2010301" under "201" and "20103").
    pub fn is_within(&self, other: &Code) -> bool {
        self.0.starts_with(other.0.as_str())
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl Col {
    /// The column's title in Chinese, as templates print it.
    pub fn title(self) -> std::borrow::Cow<'static, str> {
        use std::borrow::Cow::Borrowed;
        Borrowed(match self {
            Col::Amount => "预算数",
            Col::Total => "合计",
            Col::FiscalSubtotal => "财政拨款小计",
            Col::GeneralBudget => "一般公共预算",
            Col::GeneralTransfer => "上级一般公共预算转移支付",
            Col::GovFund => "政府性基金预算",
            Col::GovFundTransfer => "上级政府性基金转移支付",
            Col::StateCapital => "国有资本经营预算",
            Col::StateCapitalTransfer => "上级国有资本经营预算转移支付",
            Col::SpecialAccount => "财政专户",
            Col::UnitFunds => "单位资金",
            Col::FiscalCarryover => "财政拨款结转",
            Col::NonFiscalCarryover => "非财政拨款结转结余",
            Col::FiscalIncome => "财政拨款收入",
            Col::BusinessIncome => "事业收入",
            Col::OperatingIncome => "事业单位经营收入",
            Col::OtherIncome => "其他收入",
            Col::Basic => "基本支出",
            Col::Project => "项目支出",
            Col::Personnel => "人员经费",
            Col::Public => "公用经费",
            Col::Econ(code) => return std::borrow::Cow::Owned(econ_class_name(code).to_owned()),
            Col::FiscalCarryTotal => "财政拨款合计",
            Col::FiscalCarryPersonnel => "财政拨款人员经费",
            Col::FiscalCarryPublic => "财政拨款公用经费",
            Col::FiscalCarryProject => "财政拨款项目支出",
            Col::NonFiscalCarryTotal => "非财政拨款合计",
            Col::NonFiscalCarryPersonnel => "非财政拨款人员经费",
            Col::NonFiscalCarryPublic => "非财政拨款公用经费",
            Col::NonFiscalCarryProject => "非财政拨款项目支出",
            Col::SuperiorSubsidy => "上级补助收入",
            Col::AffiliatedIncome => "附属单位上缴收入",
            Col::PaidToSuperior => "上缴上级支出",
            Col::OperatingExpense => "经营支出",
            Col::AffiliateSubsidy => "对附属单位补助支出",
            Col::OpeningBalance => "年初结转和结余",
            Col::CurrentIncome => "本年收入",
            Col::ClosingBalance => "年末结转和结余",
            Col::Budgeted => "预算数",
            Col::Actual => "决算数",
        })
    }
}

/// The name of a 部门预算支出经济分类 类.
pub fn econ_class_name(code: u16) -> &'static str {
    match code {
        301 => "工资福利支出",
        302 => "商品和服务支出",
        303 => "对个人和家庭的补助",
        307 => "债务利息及费用支出",
        309 => "资本性支出（基本建设）",
        310 => "资本性支出",
        311 => "对企业补助（基本建设）",
        312 => "对企业补助",
        313 => "对社会保障基金补助",
        399 => "其他支出",
        _ => "经济分类",
    }
}

impl Table {
    /// The block of the given side (the only block of a one-sided table is `Side::Whole`).
    pub fn block(&self, side: Side) -> Option<&Block> {
        self.blocks.iter().find(|b| b.side == side)
    }

    /// The main block: the whole table, or the expense half of a two-sided table.
    pub fn main(&self) -> Option<&Block> {
        self.block(Side::Whole)
            .or_else(|| self.block(Side::Expense))
    }

    /// Every row of every block.
    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.blocks.iter().flat_map(|b| b.rows.iter())
    }

    /// How many rows the table has in all.
    pub fn row_count(&self) -> usize {
        self.blocks.iter().map(|b| b.rows.len()).sum()
    }
}

impl Block {
    /// The index of a column.
    pub fn col(&self, col: Col) -> Option<usize> {
        self.columns.iter().position(|&c| c == col)
    }

    /// The cell of `row` in column `col`.
    pub fn cell(&self, row: &Row, col: Col) -> Option<Cell> {
        self.col(col)
            .and_then(|i| row.cells.get(i).copied().flatten())
    }

    /// The value of `row` in column `col`, zero when the cell is empty.
    pub fn value(&self, row: &Row, col: Col) -> Decimal {
        self.cell(row, col).map_or(Decimal::ZERO, |c| c.value)
    }

    /// The 总计 row.
    pub fn total(&self) -> Option<&Row> {
        self.rows.iter().find(|r| r.kind == RowKind::Total)
    }

    /// The row with this key.
    pub fn keyed(&self, key: RowKey) -> Option<&Row> {
        self.rows.iter().find(|r| r.key == Some(key))
    }

    /// The code rows (类, 款, 项 and projects), in printed order.
    pub fn coded(&self) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(|r| r.code.is_some())
    }

    /// The first row with exactly this code (a subtotal, not a project).
    pub fn by_code(&self, code: &str) -> Option<&Row> {
        self.rows
            .iter()
            .find(|r| r.kind != RowKind::Project && r.code.as_ref().is_some_and(|c| c.0 == code))
    }
}

impl Row {
    /// The row's code as a string slice, when it has one.
    pub fn code_str(&self) -> Option<&str> {
        self.code.as_ref().map(|c| c.0.as_str())
    }

    /// The first line the row was read from.
    pub fn line(&self) -> LineNo {
        self.lines.first().copied().unwrap_or(0)
    }
}

impl Document {
    /// The first table of this kind.
    pub fn table(&self, kind: TableKind) -> Option<&Table> {
        self.tables.iter().find(|t| t.kind == kind)
    }

    /// The statements of one chapter of 第三部分 (`chapter` 1 = 一).
    pub fn statements_in(&self, chapter: u8) -> impl Iterator<Item = &Statement> {
        self.statements
            .iter()
            .filter(move |s| s.section.part == 3 && s.section.chapter == chapter)
    }
}
