//! Every view rendered natively from its props (yew's `ssr` feature, a dev-dependency: not in
//! the shipped wasm), for the built-in sample and a Shanghai document (the reviewed corpus's
//! pypdf copy of the 万里街道 2023 budget): the HTML is snapshotted (insta; one tag a line) and
//! its key content asserted. The browser tests cover what only a browser can (events, focus,
//! layout, the worker, storage).

use std::rc::Rc;

use yew::prelude::*;
use yew::LocalServerRenderer;

use super::answer::PlainSummary;
use super::charts::{Bar, Group, GroupedBars, Scale};
use super::compare::CompareView;
use super::findings::{selection_of, FindingsView};
use super::glossary::{glossary, ENTRIES};
use super::input::InputPanel;
use super::nav::{Masthead, Pages, Tabs};
use super::previous::PreviousView;
use super::shares::SharesView;
use super::status::Status;
use super::summary::SummaryView;
use super::tables::TablesView;
use super::time::TimeView;
use super::workspace::WorkspaceView;
use super::Shared;
use crate::i18n::Lang;
use crate::prepared::Prepared;
use crate::state::{window, AppState, CompareUi, Dispatch, Drill, Filter, Page, Selection, View};
use crate::workspace::{Reduced, StoredDoc, Workspace, WsMessage};

const SAMPLE: &str = crate::example::EXAMPLE;
const SHANGHAI: &str = include_str!("../../fixtures/corpus/wanli-2023/pypdf.txt");

#[derive(Properties, PartialEq)]
struct HarnessProps {
    view: Html,
}

/// Gives the view the dispatcher every component finds in its context (nothing is dispatched:
/// no event happens in a server render).
#[component]
fn Harness(props: &HarnessProps) -> Html {
    let state = use_reducer(AppState::default);
    html! {
        <ContextProvider<Dispatch> context={state.dispatcher()}>{ props.view.clone() }</ContextProvider<Dispatch>>
    }
}

/// Elements that start a line in a snapshot (a table row, a list item, a heading…); what is
/// inside them stays on their line.
const BLOCKS: [&str; 24] = [
    "aside", "caption", "dd", "details", "div", "dl", "dt", "g", "h1", "h2", "h3", "header", "li",
    "main", "nav", "ol", "option", "p", "section", "select", "svg", "table", "tr", "ul",
];

/// The HTML of a view, as yew writes it (attributes in yew's order, `class` last), each block
/// element starting a line.
fn render(view: Html) -> String {
    let renderer =
        LocalServerRenderer::<Harness>::with_props(HarnessProps { view }).hydratable(false);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    let html = tokio::task::LocalSet::new().block_on(&runtime, renderer.render());
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    for (i, piece) in html.split('<').enumerate() {
        if i > 0 {
            let name: String = piece
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect();
            if !out.is_empty() && BLOCKS.contains(&name.as_str()) {
                out.push('\n');
            }
            out.push('<');
        }
        out.push_str(piece);
    }
    out
}

/// The lines of `html` from the first containing `from` up to the first after it containing
/// `to` (both included).
fn excerpt(html: &str, from: &str, to: &str) -> String {
    let mut lines = html.lines().skip_while(|l| !l.contains(from));
    let mut out: Vec<&str> = lines.next().into_iter().collect();
    for l in lines {
        out.push(l);
        if l.contains(to) {
            break;
        }
    }
    out.join("\n")
}

fn prepared(text: &'static str) -> Prepared {
    Prepared::new(1, AttrValue::Static(text), disclosure::analyze(text), 9)
}

/// The two documents: a name for the snapshots and the analysis.
fn documents() -> [(&'static str, Prepared); 2] {
    [
        ("sample", prepared(SAMPLE)),
        ("shanghai", prepared(SHANGHAI)),
    ]
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[test]
fn summary() {
    for (name, result) in documents() {
        let html = render(html! { <SummaryView result={result.clone()} lang={Lang::Zh} /> });
        insta::assert_snapshot!(format!("summary-{name}"), html);
        for id in [
            "income-total",
            "expense-total",
            "basic",
            "project",
            "personnel",
            "public",
            "three-public",
            "running-cost",
            "procurement",
            "carryover",
            "general-budget",
        ] {
            let figure = format!(r#"<div data-testid="{id}" class="figure">"#);
            assert!(html.contains(&figure), "{name}: {figure}");
        }
    }
    let html = render(html! { <SummaryView result={prepared(SAMPLE)} lang={Lang::Zh} /> });
    assert!(html.contains(r#"<dd data-testid="department">库尔勒市朝阳街道办事处</dd>"#));
    let income = excerpt(&html, r#"data-testid="income-total""#, "</dd>");
    assert!(
        income.contains(r#"<span class="value">2,300.52</span> <span class="unit">万元</span>"#),
        "{income}"
    );
    assert!(income.contains("表1 · 第 125 行"), "{income}");
    assert!(
        html.contains(r#"data-verdict="warnings""#),
        "no error in the sample"
    );
    assert!(html.contains("完整性 16/16"));
    let html = render(html! { <SummaryView result={prepared(SHANGHAI)} lang={Lang::En} /> });
    assert!(
        html.contains(r#"<dd data-testid="department">上海市普陀区人民政府万里街道办事处</dd>"#)
    );
    assert!(html.contains(">Summary</h2>"));
    assert!(html.contains(r#"<dd data-testid="year">2023</dd>"#));
}

#[test]
fn findings() {
    for (name, result) in documents() {
        let findings = &result.analysis.findings;
        let html = render(html! {
            <FindingsView result={result.clone()} lang={Lang::Zh} filter={Filter::default()}
                selection={None::<Selection>} />
        });
        insta::assert_snapshot!(format!("findings-{name}"), html);
        assert!(!findings.is_empty(), "{name} has findings");
        assert_eq!(
            count(&html, r#"data-testid="finding""#),
            findings.len(),
            "{name}: every finding listed"
        );
        assert!(html.contains("source-placeholder"));
        for f in findings {
            let item = format!(
                r#"data-testid="finding" data-severity="{}" data-rule="{}""#,
                f.severity.slug(),
                f.rule
            );
            assert!(html.contains(&item), "{name}: {item}");
        }
    }
    let html = render(html! {
        <FindingsView result={prepared(SAMPLE)} lang={Lang::En} filter={Filter::default()}
            selection={None::<Selection>} />
    });
    let t25 = excerpt(&html, r#"data-rule="T2.5""#, "</li>");
    assert!(t25.contains("Table 2"), "{t25}");
    // A rounding difference: the sentence first, saying both numbers and that it is rounding;
    // no 应为 / 印出 pair that would read as a mistake; the rule id after it, small.
    let message = t25.find(r#"class="message""#).unwrap();
    assert!(message < t25.find("rule-id").unwrap(), "{t25}");
    assert!(t25.contains("printed 248.91, sum 248.92"), "{t25}");
    assert!(t25.contains("within the rounding of 3 parts"), "{t25}");
    assert!(!t25.contains(r#"data-testid="expected""#), "{t25}");
    assert!(t25.contains(r#"<small class="rule">"#), "{t25}");
    // What each severity means, said once.
    assert_eq!(count(&html, r#"data-testid="severity-legend""#), 1);
    assert!(html.contains("a difference that rounding of the printed numbers explains</dd>"));
    // A rate: both values with "%", the expected one to the places the printed one has (20
    // worked out from 20.00 ÷ 100.00 shows as 20.00%, as the message says it).
    let rate = "某局2021年度部门决算情况说明\n一、收入支出决算总体情况说明\n\
                2021年度收入总计120.00万元，比上年增加20.00万元，增长2.00%。\n";
    let html = render(html! {
        <FindingsView result={prepared(rate)} lang={Lang::Zh} filter={Filter::default()}
            selection={None::<Selection>} />
    });
    let card = excerpt(&html, r#"data-rule="N38""#, "</li>");
    assert!(card.contains("变动率应为 20.00%，印为 2.00%"), "{card}");
    assert!(
        card.contains(r#"<dd data-testid="expected">20.00%</dd>"#),
        "{card}"
    );
    assert!(
        card.contains(r#"<dd data-testid="actual">2.00%</dd>"#),
        "{card}"
    );
}

/// A finding selected: its source view, the whole text, with its lines and numbers marked (the
/// snapshot keeps the head of the view and the cited lines with their neighbours).
#[test]
fn source_view() {
    for (name, result) in documents() {
        let findings = &result.analysis.findings;
        let (i, f) = findings
            .iter()
            .enumerate()
            .find(|(_, f)| f.lines.len() > 1 && f.expected.is_some())
            .expect("a finding with lines and values");
        let mut selection = selection_of(i, f);
        disclosure::sort::sort(&mut selection.lines);
        selection.window = window(&selection.lines, result.source.count());
        let html = render(html! {
            <FindingsView result={result.clone()} lang={Lang::Zh} filter={Filter::default()}
                selection={Some(selection.clone())} />
        });
        // The head, and each cited line with the lines either side of it.
        let near = |l: &str| {
            let n: Option<u32> = l
                .strip_prefix(r#"<li data-line=""#)
                .and_then(|r| r.split('"').next()?.parse().ok());
            n.is_some_and(|n| selection.lines.iter().any(|&c| n + 1 >= c && n <= c + 1))
        };
        let mut shown = excerpt(&html, r#"data-testid="source-view""#, "</header>");
        for l in html.lines().filter(|l| near(l)) {
            shown.push('\n');
            shown.push_str(l);
        }
        insta::assert_snapshot!(format!("source-{name}"), shown);
        assert_eq!(
            count(&html, r#"<li data-line=""#),
            result.source.count() as usize,
            "{name}: a short text is shown whole"
        );
        for l in &selection.lines {
            let cited =
                format!(r#"<li data-line="{l}" data-highlighted="true" class="src-line cited">"#);
            assert!(html.contains(&cited), "{name}: {cited}");
        }
        assert_eq!(
            count(&html, r#"data-highlighted="true""#),
            selection.lines.len()
        );
        let selected = format!(r#"data-rule="{}""#, f.rule);
        assert!(
            html.lines().any(|l| l.contains(&selected)
                && l.contains("finding sev-")
                && l.contains(" selected\"")),
            "{name}: the finding is marked selected"
        );
    }
    let result = prepared(SAMPLE);
    let t25 = result
        .analysis
        .findings
        .iter()
        .position(|f| f.rule == "T2.5")
        .expect("T2.5");
    let mut sel = selection_of(t25, &result.analysis.findings[t25]);
    sel.window = window(&sel.lines, result.source.count());
    let html = render(html! {
        <FindingsView result={result.clone()} lang={Lang::Zh} filter={Filter::default()} selection={Some(sel)} />
    });
    let line = excerpt(&html, r#"<li data-line="329""#, "</li>");
    assert!(line.contains("208 05"), "{line}");
    assert_eq!(count(&line, "<mark>248.91</mark>"), 3, "{line}");
}

#[test]
fn findings_filtered() {
    let result = prepared(SAMPLE);
    let filter = Filter {
        hidden: vec![disclosure::check::Severity::Rounding],
        table: crate::state::TableFilter::Table(6),
    };
    let html = render(html! {
        <FindingsView result={result.clone()} lang={Lang::En} {filter} selection={None::<Selection>} />
    });
    let expected = result
        .analysis
        .findings
        .iter()
        .filter(|f| f.severity != disclosure::check::Severity::Rounding && f.tables.contains(&6))
        .count();
    assert!(expected > 0);
    assert_eq!(count(&html, r#"data-testid="finding""#), expected);
    assert!(
        html.contains(r#"<option value="6" selected="selected">Table 6</option>"#),
        "{html}"
    );
    assert!(html
        .contains(r#"<button type="button" aria-pressed="false" data-filter-severity="rounding""#));
    assert!(!html.contains(r#"data-group="rounding""#));
}

#[test]
fn shares() {
    for (name, result) in documents() {
        let html = render(
            html! { <SharesView result={result.clone()} lang={Lang::Zh} drill={Drill::default()} /> },
        );
        insta::assert_snapshot!(format!("shares-{name}"), html);
        assert!(
            html.contains(r#"data-testid="shares-functional""#),
            "{name}"
        );
        assert!(count(&html, r#"<tr data-testid="share-row""#) > 5, "{name}");
    }
    let html = render(
        html! { <SharesView result={prepared(SAMPLE)} lang={Lang::Zh} drill={Drill::default()} /> },
    );
    let row = excerpt(
        &html,
        r#"<tr data-testid="share-row" data-code="201">"#,
        "</tr>",
    );
    assert!(
        row.contains(r#"<td data-testid="share-percent" class="num">72.36%</td>"#),
        "{row}"
    );
    assert!(row.contains("1,664.74"), "{row}");
    assert!(html.contains("支出总计（表3）"));
    assert!(html.contains("每个社区"), "projects say what they are for");

    // Every chart of the sample can be saved as a PNG, named by department and year.
    assert_eq!(
        count(&html, r#"<button type="button" data-testid="download-png""#),
        6,
        "a button under each chart"
    );
    assert!(
        html.contains(r#"data-file="budget-lens-库尔勒市朝阳街道办事处-2024-functional.png""#),
        "{html}"
    );
    assert!(!html.contains("disabled"), "every chart has figures");

    let drill = Drill {
        functional: vec!["201".into()],
        economic: Vec::new(),
    };
    let html = render(html! { <SharesView result={prepared(SAMPLE)} lang={Lang::Zh} {drill} /> });
    insta::assert_snapshot!("shares-sample-201", html);
    assert!(html.contains(r#"<tr data-testid="share-row" data-code="20103">"#));
    assert!(!html.contains(r#"<tr data-testid="share-row" data-code="201">"#));
    assert!(
        html.contains(r#"<span aria-current="true">201 一般公共服务支出</span>"#),
        "{html}"
    );
}

/// A chart with no figure to draw (every percentage missing, as when a set's total reads 0:
/// the core then gives no percentage) offers no image: its button is disabled and says why.
#[test]
fn a_chart_without_figures_cannot_be_saved() {
    let mut analysis = disclosure::analyze(SAMPLE);
    let set = analysis
        .shares
        .three_public
        .as_mut()
        .expect("the sample's 三公");
    for item in &mut set.items {
        item.percent = None;
    }
    let result = Prepared::new(1, AttrValue::Static(SAMPLE), analysis, 9);
    let html = render(html! { <SharesView {result} lang={Lang::Zh} drill={Drill::default()} /> });
    let three = excerpt(&html, r#"data-testid="shares-three-public""#, "</section>");
    assert!(
        three.contains(r#"disabled="disabled""#) && three.contains(r#"data-testid="download-png""#),
        "{three}"
    );
    assert!(
        three.contains("这张图没有可画的数字，不能保存为图片。"),
        "{three}"
    );
    assert!(!three.contains("data-file="), "no file to offer");
    let functional = excerpt(&html, r#"data-testid="shares-functional""#, "</section>");
    assert!(
        !functional.contains("disabled"),
        "the other charts keep theirs"
    );
}

#[test]
fn tables() {
    for (name, result) in documents() {
        let html = render(html! { <TablesView result={result.clone()} lang={Lang::Zh} /> });
        insta::assert_snapshot!(format!("tables-{name}"), html);
        assert_eq!(
            count(&html, r#"data-testid="parsed-table""#),
            result.analysis.document.tables.len(),
            "{name}"
        );
    }
    let html = render(html! { <TablesView result={prepared(SAMPLE)} lang={Lang::Zh} /> });
    let row = excerpt(&html, r#"<tr data-line="329""#, "</tr>");
    assert!(row.contains("208 05"), "{row}");
    assert!(
        row.contains(r#"data-testid="recomputed""#) && row.contains("248.92"),
        "{row}"
    );
}

#[test]
fn previous_year() {
    for (name, result) in documents() {
        let html = render(html! { <PreviousView result={result.clone()} lang={Lang::Zh} /> });
        insta::assert_snapshot!(format!("previous-{name}"), html);
        assert_eq!(
            count(&html, r#"data-testid="previous-row""#),
            result.analysis.previous_year.items.len(),
            "{name}"
        );
    }
    let html = render(html! { <PreviousView result={prepared(SAMPLE)} lang={Lang::Zh} /> });
    let first = excerpt(&html, r#"data-testid="previous-row""#, "</tr>");
    for text in [
        "一般公共预算",
        "2,283.56",
        "+239.81",
        "2,043.75",
        "+11.73%",
        "第三部分 二",
    ] {
        assert!(first.contains(text), "{text}: {first}");
    }
}

/// A workspace of these documents (id and text, each named "<id>.txt"), analysed.
fn analysed(docs: &[(&str, &str)]) -> Workspace {
    let stored = |&(id, text): &(&str, &str)| StoredDoc {
        id: id.into(),
        name: format!("{id}.txt"),
        text: text.into(),
        added: String::new(),
        people: None,
        pages: Vec::new(),
    };
    let mut w = Workspace::from_stored(docs.iter().map(stored).collect());
    let done = w
        .pending()
        .map(|t| {
            let reduced = Reduced::of(&disclosure::analyze(t));
            (t.clone(), Rc::new(reduced))
        })
        .collect();
    w.set_analyses(done);
    w
}

/// A workspace of the two documents, analysed, and the sample once more (a duplicate).
fn workspace() -> Workspace {
    analysed(&[
        ("sample", SAMPLE),
        ("shanghai", SHANGHAI),
        ("again", SAMPLE),
    ])
}

#[test]
fn workspace_view() {
    let w = workspace();
    let html = render(html! {
        <WorkspaceView workspace={w.clone()} messages={vec![WsMessage::Added(3)]} kiosk={false}
            save_blocked={false} idb={true} lang={Lang::Zh} />
    });
    insta::assert_snapshot!("workspace", html);
    assert_eq!(count(&html, r#"data-testid="workspace-doc""#), 3);
    assert_eq!(
        count(&html, r#"data-testid="ws-duplicate""#),
        2,
        "the sample twice"
    );
    assert!(
        html.contains(r#"<dd data-testid="ws-department">上海市普陀区人民政府万里街道办事处</dd>"#)
    );
    assert!(html.contains(r#"value="shanghai.txt""#));
    assert!(html.contains(r#"data-testid="ws-message" data-kind="ok""#));
    let empty = render(html! {
        <WorkspaceView workspace={Workspace::default()} messages={Vec::<WsMessage>::new()} kiosk={false}
            save_blocked={false} idb={true} lang={Lang::En} />
    });
    assert!(empty.contains(r#"data-testid="ws-empty""#));
    let export = excerpt(&empty, r#"data-testid="workspace-export""#, "</button>");
    assert!(export.contains("disabled"), "{export}");
    // A kiosk neither imports nor exports a workspace.
    let kiosk = render(html! {
        <WorkspaceView workspace={w.clone()} messages={Vec::<WsMessage>::new()} kiosk={true}
            save_blocked={false} idb={true} lang={Lang::Zh} />
    });
    assert!(
        kiosk.contains(r#"data-testid="workspace-files""#),
        "{kiosk}"
    );
    assert!(!kiosk.contains("workspace-import"), "{kiosk}");
    assert!(!kiosk.contains("workspace-export"), "{kiosk}");
}

#[test]
fn compare_and_time() {
    let w = workspace();
    let c = w.comparison.clone().expect("compared");
    let html = render(html! {
        <CompareView comparison={Shared(c.clone())} docs={Shared(w.docs.clone())} ui={CompareUi::default()}
            lang={Lang::Zh} />
    });
    insta::assert_snapshot!("compare", html);
    assert_eq!(count(&html, r#"data-testid="compare-col""#), 3);
    assert!(html.contains(r#"data-department="上海市普陀区人民政府万里街道办事处""#));
    assert!(count(&html, r#"data-mark="highest""#) > 10);
    assert!(
        html.contains(r#"data-testid="compare-notes""#),
        "the duplicate is noted"
    );
    assert!(
        !html.contains(r#"data-metric="share_func_20101""#),
        "款 closed"
    );
    let ui = CompareUi {
        sort: Some(("income_total".into(), false)),
        expanded: vec!["share_func_201".into()],
        derivations: true,
        ..CompareUi::default()
    };
    let html = render(
        html! { <CompareView comparison={Shared(c)} docs={Shared(w.docs.clone())} {ui} lang={Lang::En} /> },
    );
    insta::assert_snapshot!("compare-sorted-opened", html);
    assert!(html.contains(r#"data-testid="sorted-by""#));
    assert!(
        html.contains(r#"data-metric="share_func_20101""#),
        "201's 款 shown"
    );
    assert!(html.contains(r#"data-testid="nested-warning""#));
    assert!(count(&html, r#"data-testid="derivation""#) > 10);

    let html = render(html! { <TimeView series={Shared(w.series.clone())} lang={Lang::Zh} /> });
    insta::assert_snapshot!("time", html);
    assert_eq!(
        count(&html, r#"data-testid="time-series""#),
        2,
        "two departments"
    );
    assert_eq!(
        count(&html, r#"data-testid="time-col""#),
        4,
        "the sample's 2023 as it states it, its two copies, Shanghai's one"
    );
    // Headed by year and kind, never by a file name.
    for head in [
        r#"data-stated="true" class="doc-col stated">2023 预算（2024 年文件所述）</th>"#,
        r#"data-stated="false" class="doc-col">2024 预算</th>"#,
        r#"data-stated="false" class="doc-col">2024 预算 (2)</th>"#,
    ] {
        assert!(html.contains(head), "{head}");
    }
    assert!(!html.contains(".txt</th>"));
    // The sample's 一般公共预算: "比上年预算增加 239.81 万元", 11.73 %, as stated.
    let general = excerpt(&html, r#"<tr data-metric="general_budget">"#, "</tr>");
    assert!(general.contains(">2,043.75</span>"), "{general}");
    assert!(
        general.contains(r#"data-stated="true" title="文件所述的比上年增减额和增长率" class="change">+239.81 · +11.73%</span>"#),
        "{general}"
    );
    // Between the two copies: no change, computed.
    assert!(
        general.contains(r#"data-stated="false" title="与左边一列相比的增减额和增减百分比" class="change">0.00 · 0.00%</span>"#),
        "{general}"
    );
}

/// A whole document folds the text box to one line: the box keeps the text but is hidden, the
/// line says how long the text is, and a button opens it.
#[test]
fn a_folded_text_box_keeps_its_text_and_says_how_long_it_is() {
    let example = crate::example::EXAMPLE;
    let html = render(html! {
        <InputPanel text={AttrValue::Static(example)} doc_name={AttrValue::Static("x")} lang={Lang::Zh}
            notice={None::<crate::state::Notice>} dragging={false} folded={true} />
    });
    let lines = example.lines().count();
    assert!(lines > 1000, "{lines}");
    let said = format!("文本共 {},{:03} 行", lines / 1000, lines % 1000);
    assert!(html.contains(&said), "{said} in {html:.2000}");
    assert!(html.contains(r#"data-testid="unfold-input""#));
    let area = excerpt(&html, r#"<textarea"#, ">");
    assert!(area.contains(" hidden"), "{area:.300}");
    // Open, or an empty text: no fold line.
    for (text, folded) in [(example, false), ("", true)] {
        let html = render(html! {
            <InputPanel text={AttrValue::Static(text)} doc_name={AttrValue::Static("x")} lang={Lang::En}
                notice={None::<crate::state::Notice>} dragging={false} {folded} />
        });
        let area = excerpt(&html, "<textarea", ">");
        assert!(
            !html.contains("input-folded") && !area.contains(" hidden"),
            "{area:.300}"
        );
    }
}

#[test]
fn navigation_input_status_and_charts() {
    let html = render(html! {
        <>
            <Masthead lang={Lang::Zh} kiosk={true} />
            <Pages current={Page::Compare} documents={2} lang={Lang::Zh} />
            <Tabs view={View::Shares} lang={Lang::En} findings={12} />
            <InputPanel text={AttrValue::Static("")} doc_name={AttrValue::Static("x")} lang={Lang::Zh}
                notice={None::<crate::state::Notice>} dragging={false} folded={false} />
            <Status lang={Lang::Zh} busy={false} size={10} background={false} done={Some((7, false))} />
            <GroupedBars title="图" groups={Rc::new(vec![Group {
                label: "一般公共服务支出 (%)".into(),
                bars: vec![
                    Bar { label: "甲".into(), text: "72.36%".into(), value: Some("72.36".parse().unwrap()) },
                    Bar { label: "乙".into(), text: "—".into(), value: None },
                ],
            }])} scale={Scale::Percent} lang={Lang::Zh} />
        </>
    });
    insta::assert_snapshot!("navigation-input-status-charts", html);
    let compare = excerpt(&html, r#"data-testid="nav-compare""#, "</button>");
    assert!(compare.contains(r#"aria-current="page""#), "{compare}");
    assert!(
        html.contains(r#"<span data-testid="ws-count" class="tab-count">2</span>"#),
        "{html}"
    );
    let shares = excerpt(&html, r#"data-testid="nav-shares""#, "</button>");
    assert!(shares.contains(r#"aria-selected="true""#), "{shares}");
    assert!(html.contains(r#"data-testid="kiosk-banner""#));
    assert!(html.contains(r#"data-testid="start""#));
    assert!(html.contains(r#"data-state="done" data-ms="7""#));
    assert!(
        html.contains(r#"width="72.4%""#),
        "a bar to a tenth of a per cent"
    );
}

/// Pasted markup stays text: yew escapes every text and attribute value.
#[test]
fn pasted_markup_is_escaped() {
    let text = "编制部门：<img src=x onerror=alert(1)>\"'&\n<script>alert(2)</script>\n";
    let result = Prepared::new(1, AttrValue::Static(text), disclosure::analyze(text), 1);
    let html = render(html! { <SummaryView result={result.clone()} lang={Lang::Zh} /> });
    // (The department as read: the reader prints ASCII parentheses as full-width ones.)
    assert!(
        html.contains("&lt;img src=x onerror=alert（1）&gt;"),
        "{html}"
    );
    assert!(!html.contains("<img"));
    let f = &result.analysis.findings[0];
    let mut sel = selection_of(0, f);
    sel.lines = vec![1, 2];
    sel.window = window(&sel.lines, result.source.count());
    let html = render(html! {
        <FindingsView result={result.clone()} lang={Lang::Zh} filter={Filter::default()} selection={Some(sel)} />
    });
    assert!(
        html.contains("&lt;script&gt;alert(2)&lt;/script&gt;"),
        "{html}"
    );
    assert!(!html.contains("<script") && !html.contains("<img"));
    let mut w = Workspace::default();
    w.add(
        "\"><img src=x>".into(),
        text.into(),
        Vec::new(),
        String::new(),
        1,
    );
    let html = render(html! {
        <WorkspaceView workspace={w} messages={Vec::<WsMessage>::new()} kiosk={false} save_blocked={false} idb={true}
            lang={Lang::Zh} />
    });
    assert!(
        html.contains(r#"value="&quot;&gt;&lt;img src=x&gt;""#),
        "{html}"
    );
    assert!(!html.contains("<img"));
}

/// The sample's 表1 alone (its lines 55–125): part of a disclosure.
fn sample_table1() -> &'static str {
    let start = SAMPLE.match_indices('\n').nth(53).map_or(0, |(i, _)| i + 1);
    let end = SAMPLE
        .match_indices('\n')
        .nth(124)
        .map_or(SAMPLE.len(), |(i, _)| i);
    &SAMPLE[start..end]
}

#[test]
fn a_part_is_not_scored_for_completeness() {
    let part = sample_table1();
    assert!(part.starts_with("表 1"), "{}", &part[..20]);
    let html = render(html! { <SummaryView result={prepared(part)} lang={Lang::Zh} /> });
    assert!(html.contains(r#"data-extent="part""#));
    assert!(html.contains("部门预算的一部分：表1"));
    assert!(!html.contains("完整性"), "no completeness score for a part");
    assert!(
        !html.contains(r#"class="checklist""#),
        "no checklist for a part"
    );
    let whole = render(html! { <SummaryView result={prepared(SAMPLE)} lang={Lang::Zh} /> });
    assert!(whole.contains(r#"class="checklist""#));

    let w = analysed(&[("sample", SAMPLE), ("table1", part)]);
    let c = w.comparison.clone().expect("compared");
    let html = render(html! {
        <CompareView comparison={Shared(c)} docs={Shared(w.docs.clone())} ui={CompareUi::default()} lang={Lang::Zh} />
    });
    assert_eq!(count(&html, r#"data-testid="compare-part""#), 1);
    assert!(html.contains(r#"title="部门预算的一部分：表1""#));
    assert!(html.contains("第2列为部门预算的一部分：表1。"));
    // The part's empty cells say why; the whole document's 16/16 stays, the part's is not given.
    assert!(count(&html, r#"title="粘贴的这部分没有给出此数的表""#) > 10);
    let quality = excerpt(&html, r#"data-metric="completeness_complete""#, "</tr>");
    assert!(quality.contains(">16</span>"), "{quality}");
    assert!(
        quality.contains(r#"title="粘贴的这部分没有给出此数的表""#),
        "{quality}"
    );
}
/// The ranking: by any row, documents without it listed apart; per person of a count entered
/// for one document only; a workspace of one document said plainly.
#[test]
fn ranking() {
    use disclosure::analyze::ranking::{Basis, Entered, Mode};
    let mut w = workspace();
    let staff = Some(Entered {
        basis: Basis::Staff,
        count: 189,
    });
    let id = w.docs[0].id.to_string();
    w.set_people(&id, staff);
    let c = w.comparison.clone().expect("compared");
    let view = |ui: CompareUi, lang: Lang| {
        let (c, docs) = (Shared(c.clone()), Shared(w.docs.clone()));
        let html = render(html! { <CompareView comparison={c} {docs} {ui} {lang} /> });
        excerpt(&html, r#"data-testid="ranking""#, "</section>")
    };
    // By 支出总计 (the default): all three, Wanli's 16,497.864 first, the sample's two copies
    // sharing second place.
    let html = view(CompareUi::default(), Lang::Zh);
    insta::assert_snapshot!("ranking", html);
    assert_eq!(count(&html, r#"data-testid="rank-item""#), 3);
    assert_eq!(count(&html, r#"data-place="1""#), 1);
    assert_eq!(count(&html, r#"data-place="2""#), 2);
    assert!(!html.contains("rank-not-stated"));
    // By 实有人数, which the Shanghai document does not print: listed apart, not as 0.
    let ui = CompareUi {
        rank_metric: Some("staff_actual".into()),
        ..CompareUi::default()
    };
    let html = view(ui, Lang::En);
    assert_eq!(count(&html, r#"data-testid="rank-item""#), 2);
    let apart = excerpt(&html, r#"data-testid="rank-not-stated""#, "</section>");
    assert!(apart.contains("not stated"), "{apart}");
    assert!(apart.contains(r#"data-column="1""#), "{apart}");
    // Per member of staff entered: 2,300.52 ÷ 189 = 12.17; the two without a count apart.
    let ui = CompareUi {
        rank_mode: Mode::PerPerson(Basis::Staff),
        ..CompareUi::default()
    };
    let html = view(ui, Lang::Zh);
    insta::assert_snapshot!("ranking-per-staff", html);
    let item = excerpt(&html, r#"data-testid="rank-item""#, "</li>");
    assert!(item.contains("12.17"), "{item}");
    assert!(
        item.contains("2,300.52 ÷ 189 人<span class=\"entered-mark\">（填写）"),
        "{item}"
    );
    let apart = excerpt(&html, r#"data-testid="rank-no-count""#, "</section>");
    assert_eq!(count(&apart, r#"data-testid="rank-apart-item""#), 2);
    // A share cannot be divided per person.
    let ui = CompareUi {
        rank_metric: Some("share_basic".into()),
        rank_mode: Mode::PerPerson(Basis::Staff),
        ..CompareUi::default()
    };
    assert!(view(ui, Lang::Zh).contains(r#"data-testid="rank-not-amount""#));
    // One document.
    let one = analysed(&[("sample", SAMPLE)]);
    let c = one.comparison.clone().expect("compared");
    let html = render(html! {
        <CompareView comparison={Shared(c)} docs={Shared(one.docs.clone())} ui={CompareUi::default()} lang={Lang::Zh} />
    });
    assert!(html.contains(r#"data-testid="rank-one""#));
    assert_eq!(count(&html, r#"data-testid="rank-item""#), 1);
}

/// The plain answer: the total, the largest 类 with its share, 三公 and the verdict, from the
/// core's `Answer`, each figure with its line; in English, in 元 when asked.
#[test]
fn plain_summary() {
    for (name, result) in documents() {
        for lang in [Lang::Zh, Lang::En] {
            let html = render(html! { <PlainSummary result={result.clone()} {lang} /> });
            insta::assert_snapshot!(format!("plain-summary-{name}-{}", lang.tag()), html);
            let ans = &result.analysis.answer;
            let q = &result.analysis.quality;
            let purposes = ans.purposes.as_ref().expect("both documents give their 类");
            assert!(
                html.contains(&crate::format::percent(purposes[0].percent)),
                "{html}"
            );
            assert!(html.contains(&purposes[0].name));
            assert!(html.contains(&crate::format::amount(ans.total.as_ref().unwrap().value)));
            let verdict = excerpt(&html, r#"data-answer="verdict""#, "</li>");
            for (slug, n) in [
                ("error", q.errors),
                ("rounding", q.rounding),
                ("info", q.info),
            ] {
                let at = verdict
                    .find(&format!(r#"data-count="{slug}""#))
                    .expect(slug);
                assert!(
                    verdict[at..].contains(&format!(">{n} ")),
                    "{slug} {n} in {verdict}"
                );
            }
            assert_eq!(html.contains(r#"data-testid="plain-error""#), q.errors > 0);
        }
    }
    let (_, sample) = &documents()[0];
    let zh = render(html! { <PlainSummary result={sample.clone()} lang={Lang::Zh} /> });
    assert!(zh.contains("一般公共服务支出"), "{zh}");
    assert!(zh.contains("72.36%"));
    assert!(zh.contains("2,300.52"));
    assert!(
        zh.contains(r#"data-lines="125""#),
        "the total links to its line"
    );
    assert!(
        zh.contains("文件没有说明支出总计比上年的变化"),
        "the sample states no change of its total"
    );
    let yuan = render(html! { <PlainSummary result={sample.clone()} lang={Lang::En} yuan=true /> });
    assert!(yuan.contains("23,005,200.00"), "2,300.52 万元 in yuan");
    assert!(!yuan.contains("万元"));
}

/// A part of a document: the answer says what it lacks instead of a figure.
#[test]
fn plain_summary_of_a_part() {
    let from = SAMPLE.find("部门收支总体情况表\n").unwrap_or(0);
    let part: &'static str = Box::leak(
        SAMPLE[from..]
            .lines()
            .take(70)
            .collect::<Vec<_>>()
            .join("\n")
            .into_boxed_str(),
    );
    let result = prepared(part);
    let html = render(html! { <PlainSummary result={result} lang={Lang::Zh} /> });
    assert!(
        html.contains("这段文本只是文件的一部分，其中没有“三公”经费"),
        "{html}"
    );
}

/// The glossary holds every entry the issue names, in both languages, and every term link the
/// results show leads to one of its entries.
#[test]
fn glossary_and_term_links() {
    for lang in [Lang::Zh, Lang::En] {
        let html = render(glossary(lang));
        insta::assert_snapshot!(format!("glossary-{}", lang.tag()), html);
    }
    let zh = render(glossary(Lang::Zh));
    for t in [
        "“三公”经费",
        "机关运行经费",
        "基本支出",
        "项目支出",
        "人员经费",
        "公用经费",
        "财政拨款",
        "一般公共预算",
        "政府性基金",
        "国有资本经营预算",
        "结转结余",
        "功能分类",
        "经济分类",
        "决算",
        "尾差",
        "万元",
    ] {
        assert!(zh.contains(t), "{t}");
    }
    for (_, result) in documents() {
        for lang in [Lang::Zh, Lang::En] {
            let html = render(html! {
                <>
                    <PlainSummary result={result.clone()} {lang} />
                    <SummaryView result={result.clone()} {lang} />
                    <FindingsView result={result.clone()} {lang} filter={Filter::default()} selection={None} />
                </>
            });
            let links: Vec<&str> = html
                .split(r##"href="#term-"##)
                .skip(1)
                .map(|s| &s[..s.find('"').unwrap()])
                .collect();
            assert!(links.len() > 12, "{links:?}");
            for id in links {
                assert!(ENTRIES.iter().any(|e| e.id == id), "{id} has an entry");
            }
        }
    }
}

/// The kiosk's library: a readable document opens by a large button headed by the department
/// and year; a broken file says what is wrong in both languages; an empty or missing library
/// says so. The countdown says how long is left.
#[test]
fn kiosk_library_and_countdown() {
    use super::kiosk::{IdleWarning, LibraryList};
    use crate::library::{parse, Unavailable};

    let meta = disclosure::analyze(SAMPLE).document.meta;
    let department = meta
        .department
        .expect("the sample names its department")
        .value;
    let year = meta.year.expect("the sample names its year").value;
    let index = format!(
        "budget-lens-library\t1\nsample.txt\t{}\t{department}\t{year}\t0.txt\t\t\t\n\
         empty.txt\t0\t\t\t\tempty\t\t\n\
         scan.pdf\t2048\t\t\t\tunreadable\t这是扫描件。\tIt is a scan.\n",
        SAMPLE.len()
    );
    let library = Some(Ok(Rc::new(parse(&index).unwrap())));
    let zh = render(html! { <LibraryList library={library.clone()} lang={Lang::Zh} /> });
    insta::assert_snapshot!("kiosk-library", zh);
    assert!(zh.contains("库尔勒市朝阳街道办事处 2024</span>"), "{zh}");
    assert!(zh.contains("sample.txt · 58 kB"), "{zh}");
    assert!(zh.contains("文件是空的，没有可分析的文字。"), "{zh}");
    assert!(zh.contains("无法读取这份 PDF：这是扫描件。"), "{zh}");
    assert_eq!(zh.matches(r#"data-testid="library-open""#).count(), 1);
    let en = render(html! { <LibraryList {library} lang={Lang::En} /> });
    assert!(
        en.contains("This PDF cannot be read: It is a scan."),
        "{en}"
    );

    let empty = Some(Ok(Rc::new(parse("budget-lens-library\t1\n").unwrap())));
    let html = render(html! { <LibraryList library={empty} lang={Lang::Zh} /> });
    assert!(html.contains(r#"data-kind="empty""#), "{html}");
    let missing = Some(Err(Unavailable::Missing));
    let html = render(html! { <LibraryList library={missing} lang={Lang::En} /> });
    assert!(html.contains("No library was found"), "{html}");

    let html = render(html! { <IdleWarning seconds={7} lang={Lang::Zh} /> });
    assert!(html.contains("7 秒后回到开始页面。"), "{html}");
}
