//! Rule N31: An empty table's note names the fund of its table

use super::*;

rules! {
    /// ## What it checks
    /// A sentence that calls a table empty ("注：本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。")
    /// gives as its reason a fund (政府性基金 or 国有资本经营) that must be the fund of the table it speaks
    /// of: the fund in the title of the table the note stands under, or, for a sentence of the
    /// narrative, the fund of the table it names ("…政府性基金预算支出情况表为空表"). When the sentence names
    /// only the other fund as the reason, a warning (a reading of wording). A sentence that names
    /// no fund, or both, or a table whose title names neither, is not judged. The rule's own logic,
    /// `note_funds`, is below.
    ///
    /// ## Why it must hold
    /// The note is the only explanation a reader gets for an empty table; a note copied from the
    /// table before it (as templates are filled in) explains the wrong table and leaves the right
    /// one unexplained. Applies to every template's 政府性基金 and 国有资本经营 tables and to the
    /// narrative's empty-table sentences.
    ///
    /// ## Example
    /// Shanghai 普陀区财政局 2025 budget: under 表7 "国有资本经营预算支出功能分类预算表" the note reads "无政府性基金预算财政拨款
    /// 安排的预算，故本表为空表" — 表6's note copied; it should speak of 国有资本经营预算 (a warning). 万里街道 2023:
    /// 表6 says 政府性基金 and 表7 says 国有资本经营 (holds).
    N31 = "N31", "空表说明所称资金与本表一致", "An empty table's note names the fund of its table", note_funds;
}

/// The two funds whose tables are printed empty when a department has none.
const FUNDS: [(&str, &str); 2] = [("政府性基金", "政府性基金"), ("国有资本", "国有资本经营")];

/// The funds a text names, as indexes into [`FUNDS`], each once, in order.
fn funds_in(text: &str) -> Vec<usize> {
    (0..FUNDS.len())
        .filter(|&i| text.contains(FUNDS[i].0))
        .collect()
}

/// A sentence split into the funds of the tables it names ("政府性基金预算支出情况表": a fund word
/// followed by 表 within a short run without punctuation) and the funds it names otherwise
/// (its reason).
fn split_funds(sentence: &str) -> (Vec<usize>, Vec<usize>) {
    let mut tables = Vec::new();
    let mut reason = Vec::new();
    for (i, (word, _)) in FUNDS.iter().enumerate() {
        for (at, _) in sentence.match_indices(word) {
            let rest = &sentence[at + word.len()..];
            let run: String = rest
                .chars()
                .take_while(|c| !"，。；：,;:、（）()“”".contains(*c))
                .take(16)
                .collect();
            let v = if run.ends_with('表') && !run.contains("本表") {
                &mut tables
            } else {
                &mut reason
            };
            if !v.contains(&i) {
                v.push(i);
            }
        }
    }
    (tables, reason)
}

/// N31: every empty-table sentence against the fund of its table.
fn note_funds(c: &mut Checker) {
    let doc = c.doc;
    // Notes printed under a table: the table's title gives its fund.
    for t in &doc.tables {
        let Some(note) = &t.empty_statement else {
            continue;
        };
        let own = funds_in(&compact(&t.title));
        let [own] = own.as_slice() else { continue };
        let (_, reason) = split_funds(&compact(&note.value));
        judge(c, *own, &reason, note, Some(t));
    }
    // Sentences of the narrative that name the table they call empty.
    for e in &doc.empty_statements {
        let (tables, reason) = split_funds(&compact(&e.value));
        let [own] = tables.as_slice() else { continue };
        let table = doc
            .tables
            .iter()
            .find(|t| funds_in(&compact(&t.title)).as_slice() == [*own]);
        judge(c, *own, &reason, e, table);
    }
}

/// Reports a sentence whose reason names only the other fund.
fn judge(c: &mut Checker, own: usize, reason: &[usize], note: &Located<String>, t: Option<&Table>) {
    let [named] = reason else { return };
    if *named == own {
        return;
    }
    let (own_name, named_name) = (FUNDS[own].1, FUNDS[*named].1);
    let (zh_table, en_table) = match t {
        Some(t) => (
            format!("表{} {}", t.number, t.title),
            format!("table {} ({})", t.number, t.title),
        ),
        None => (
            format!("{own_name}预算支出表"),
            format!("the {own_name} table"),
        ),
    };
    let f = c.report(
        Severity::Warning,
        format!(
            "{zh_table}是{own_name}预算的表，其空表说明却说“无{named_name}预算”：说明写错了资金（可能照抄了另一张表的说明），本表为何为空未作说明。"
        ),
        format!(
            "{en_table} is the {own_name} table, but its empty-table note says there is no {named_name} budget: the note names the wrong fund (perhaps copied from the other table's), and this table's emptiness is left unexplained."
        ),
    );
    f.lines = vec![note.line];
    if let Some(t) = t {
        f.lines.push(t.span.0);
        f.tables = vec![t.number];
    }
}
