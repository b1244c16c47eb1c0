//! The glossary: the terms the page uses, each explained in a sentence or two in both
//! languages, folded under the results; every term the page shows links to its entry
//! ([`term`]). Opening a link to an entry unfolds it (the browser opens a `<details>` that
//! holds the fragment it is sent to). It is drawn by the later module ([`crate::later::Parts::glossary`]):
//! its entries' text is none of the first load's.

use yew::prelude::*;

use crate::i18n::Lang;

/// One entry: its id (the anchor is `term-<id>`), its name and its explanation in each language.
pub struct Entry {
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
    pub say_zh: &'static str,
    pub say_en: &'static str,
}

/// Every entry, in the order a reader meets them.
pub static ENTRIES: &[Entry] = &[
    Entry {
        id: "budget",
        zh: "预算 / 决算",
        en: "Budget (预算) / final accounts (决算)",
        say_zh: "预算是年初的计划：这一年打算收多少、花多少、花在哪里；决算是年终的结果：实际收了多少、花了多少。",
        say_en: "A budget is the plan made before the year: what is expected to come in, how much will be spent and on what. Final accounts report, after the year, what actually came in and was spent.",
    },
    Entry {
        id: "total",
        zh: "收入总计 / 支出总计",
        en: "Total income / total spending (收入总计 / 支出总计)",
        say_zh: "部门这一年可用的全部钱和它的全部去向，两者应相等：收入一方包括本年收入和上年结转结余，支出一方包括本年支出和留到下年的结转结余。",
        say_en: "All the money the department has for the year, and where all of it goes; the two must be equal. Income includes what is left from earlier years; spending includes what is carried into the next.",
    },
    Entry {
        id: "wan",
        zh: "万元",
        en: "万元 (10,000 yuan)",
        say_zh: "金额单位，1 万元就是 10,000 元。表格多以万元为单位、保留两位小数，也就是精确到百元。",
        say_en: "The unit most tables use: 1 万元 is 10,000 yuan, so 2,300.52 万元 is 23,005,200 yuan. With two decimals an amount is given to the nearest 100 yuan.",
    },
    Entry {
        id: "functional",
        zh: "功能分类（类、款、项）",
        en: "Functional classification (类, 款, 项)",
        say_zh: "按“钱用来做什么事”划分支出，如一般公共服务、教育、社会保障和就业。分三级：类（3 位编码，如 201）、款（5 位，如 20103）、项（7 位，如 2010301），每一级是上一级的细分。",
        say_en: "Spending divided by what it is for: general public services, education, social security and employment, and so on. Three levels, each a breakdown of the one above: 类 (a three-digit code such as 201), 款 (five digits, 20103) and 项 (seven digits, 2010301).",
    },
    Entry {
        id: "economic",
        zh: "经济分类",
        en: "Economic classification (经济分类)",
        say_zh: "按“钱花成了什么”划分支出：工资福利、商品和服务、对个人和家庭的补助等。它和功能分类是同一笔钱的两种分法。",
        say_en: "Spending divided by what it buys: salaries and benefits, goods and services, payments to individuals and households. The same money as the functional classification, divided another way.",
    },
    Entry {
        id: "basic",
        zh: "基本支出",
        en: "Basic spending (基本支出)",
        say_zh: "维持机构日常运转的钱，由人员经费和公用经费组成。",
        say_en: "What keeps the body running from day to day: its personnel costs and its office costs.",
    },
    Entry {
        id: "project",
        zh: "项目支出",
        en: "Project spending (项目支出)",
        say_zh: "为完成某项特定任务安排的钱，如一项工程、一项补助，按项目逐一列出，一般附有绩效目标。",
        say_en: "Money for particular tasks beyond the day-to-day (a works project, a subsidy scheme), listed project by project, usually with performance targets.",
    },
    Entry {
        id: "personnel",
        zh: "人员经费",
        en: "Personnel costs (人员经费)",
        say_zh: "基本支出中花在人身上的部分：工资、津贴补贴、社会保险缴费、离退休费等。",
        say_en: "The part of basic spending that pays people: salaries, allowances, social-insurance contributions, pensions.",
    },
    Entry {
        id: "public",
        zh: "公用经费",
        en: "Office costs (公用经费)",
        say_zh: "基本支出中用于日常办公的部分：办公费、水电费、差旅费、维修费等。",
        say_en: "The part of basic spending that runs the office: supplies, water and power, travel, repairs.",
    },
    Entry {
        id: "three-public",
        zh: "“三公”经费",
        en: "The “three public” costs (三公经费)",
        say_zh: "用财政拨款安排的因公出国（境）费、公务接待费、公务用车购置及运行维护费。这三项受到严格控制，必须单独公开。",
        say_en: "Three kinds of spending from government funds that are strictly limited and must be disclosed on their own: official trips abroad, official hospitality, and buying and running official vehicles.",
    },
    Entry {
        id: "running-cost",
        zh: "机关运行经费",
        en: "Running costs (机关运行经费)",
        say_zh: "行政单位（和按公务员管理的事业单位）用一般公共预算安排的公用经费，也就是让机关运转起来的日常开销。",
        say_en: "The office costs of government bodies paid from the general budget: what it costs to keep them working.",
    },
    Entry {
        id: "appropriation",
        zh: "财政拨款",
        en: "Government appropriations (财政拨款)",
        say_zh: "政府从财政预算中拨给单位的钱，来自一般公共预算、政府性基金预算或国有资本经营预算；单位自己的事业收入等不算在内。",
        say_en: "Money the government gives a body out of its budgets (the general budget, government funds, state capital); the body's own income, such as fees, is not part of it.",
    },
    Entry {
        id: "general-budget",
        zh: "一般公共预算",
        en: "General public budget (一般公共预算)",
        say_zh: "以税收为主要来源，用于提供公共服务、保障民生和维持政府运转的预算，是财政拨款的主体。",
        say_en: "The main government budget, funded mostly by taxes, for public services and for running the government; most appropriations come from it.",
    },
    Entry {
        id: "fund-budget",
        zh: "政府性基金预算",
        en: "Government fund budget (政府性基金预算)",
        say_zh: "依法为特定用途筹集的资金（如土地出让收入）的预算，专款专用。",
        say_en: "The budget of money raised by law for particular purposes (land-sale revenue, for one) and spent only on them.",
    },
    Entry {
        id: "capital-budget",
        zh: "国有资本经营预算",
        en: "State capital budget (国有资本经营预算)",
        say_zh: "国有企业上缴的利润等收入，以及这些收入如何安排使用的预算。",
        say_en: "The budget of the income state-owned enterprises pay in (their profits) and of how it is used.",
    },
    Entry {
        id: "carryover",
        zh: "结转结余",
        en: "Carry-over (结转结余)",
        say_zh: "以前年度没有花完的钱：结转是留到今年继续用于原来用途的，结余是原来用途已经完成或取消后剩下的。",
        say_en: "Money from earlier years not yet spent: 结转 goes on serving its purpose this year, 结余 is what remains once the purpose is done or dropped.",
    },
    Entry {
        id: "procurement",
        zh: "政府采购",
        en: "Government procurement (政府采购)",
        say_zh: "单位用财政资金购买货物、工程和服务，须按政府采购的程序进行。",
        say_en: "Goods, works and services a body buys with public money, by the procedures of government procurement.",
    },
    Entry {
        id: "staff",
        zh: "编制数 / 实有人数",
        en: "Establishment / actual staff (编制数 / 实有人数)",
        say_zh: "编制数是核定的人员名额，实有人数是实际在册的人数。",
        say_en: "The establishment is the number of posts approved; the actual staff is the number of people on the rolls.",
    },
    Entry {
        id: "rounding",
        zh: "尾差",
        en: "Rounding difference (尾差)",
        say_zh: "表格只印到末位（如两位小数），每一项先四舍五入再相加，和印出的合计可能差末位一两个单位。这种差额不是错误，预算透视把它和错误分开标出。",
        say_en: "Tables print amounts rounded to their last digit; parts rounded one by one may add up to a total one or two units of that digit apart. Such a gap is rounding, not a mistake, and Budget Lens marks it apart from errors.",
    },
];

/// A term as a link to its glossary entry (`id` one of [`ENTRIES`]' ids).
pub fn term(id: &'static str, label: impl Into<Html>) -> Html {
    html! { <a class="term" href={format!("#term-{id}")}>{ label.into() }</a> }
}

/// `glossary`: every entry, folded.
pub fn glossary(lang: Lang) -> Html {
    html! {
        <details class="glossary card" id="glossary" data-testid="glossary">
            <summary><h2>{ lang.plain().glossary }</h2></summary>
            <dl>
                { for ENTRIES.iter().map(|e| html! {
                    <div class="entry" id={format!("term-{}", e.id)} data-term={e.id}>
                        <dt>{ lang.pick(e.zh, e.en) }</dt>
                        <dd>{ lang.pick(e.say_zh, e.say_en) }</dd>
                    </div>
                }) }
            </dl>
        </details>
    }
}
