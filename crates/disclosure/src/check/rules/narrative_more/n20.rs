//! Rule N20: Section 十: 三公 amounts and changes = table 10

use super::*;

rules! {
    /// ## What it checks
    /// 十 (三公): the total and the four items (因公出国（境）费, 公务用车购置费, 公务用车运行费, 公务接待费) restate 表10 (same
    /// quantity: a gap of one unit of the last printed digit is rounding, more is an error); the items' stated changes add up to the total's
    /// (within half a printed unit per item is rounding, more is an error); year-over-year claims
    /// as N5. In a budget the stated total must also be the stated items (出国 + 购置及运行, or 购置 +
    /// 运行, + 接待; within half a printed unit per item is rounding, more an error); in a 决算, a total
    /// whose own sentence lists those items after it (其中), none of them a 预算 figure, wherever it
    /// stands, is held to the same sum. Each item's share of the 三公 total it is listed under or
    /// names ("占“三公”经费的 p%"), wherever stated, is judged as N4's shares are. Those sums and
    /// the year-over-year claims are the text's own arithmetic: they run without 表10 too (the 说明
    /// alone). The rule's own logic, `three_public` with `stated_parts` and `item_changes`, is
    /// below; it uses the shared `three_public_col` (narrative_more.rs), `restates` and `yoy_in`
    /// (narrative.rs).
    ///
    /// ## Why it must hold
    /// The 操作规程 asks for the 三公 total, each item and the reasons for their changes; the figures are
    /// the table's. Applies to documents with a 三公 table and chapter (Xinjiang 十, Shanghai 预算 一 and
    /// 决算 七). 三公 is by definition those three items (名词解释: 因公出国（境）费、公务用车购置及运行费和公务接待
    /// 费), so the stated items make the stated total; a 决算's 七 may state 预算数 and 决算数 of each
    /// item side by side, so there only a sentence listing its own total's items is summed.
    ///
    /// ## Example
    /// Xinjiang sample, 十: 9.60 = 出国 0.00 + 购置 0.00 + 运行 9.60 + 接待 0.00, as 表10 prints; every
    /// change is 0.00 and adds up to the total's 0.00.
    N20 = "N20", "说明十：“三公”经费及增减 = 表10", "Section 十: 三公 amounts and changes = table 10", three_public;
}

/// N20: 十 restates 表10 and its changes add up.
fn three_public(c: &mut Checker) {
    let doc = c.doc;
    if doc.meta.kind == DocKind::Budget {
        let all: Vec<&Statement> = stated(doc, 10, 0).collect();
        if let Some(at) = all.iter().position(|s| s.subject.contains("三公")) {
            stated_parts(c, all[at], &all[at + 1..]);
        }
    } else {
        // A 决算 states 预算数 and 决算数 side by side: only a total whose own sentence lists its
        // items after it ("…决算总额为 a 万元，其中：…"), none of them a 预算 figure, is summed.
        let budgeted =
            |s: &Statement| s.in_reason || s.subject.replace("一般公共预算", "").contains("预算");
        for (i, t) in doc.statements.iter().enumerate() {
            if !t.subject.contains("三公") || budgeted(t) {
                continue;
            }
            let parts: Vec<&Statement> = doc
                .statements
                .iter()
                .filter(|p| p.whole == Some(i))
                .collect();
            if !parts.iter().any(|p| budgeted(p)) {
                stated_parts(c, t, &parts);
            }
        }
    }
    item_shares(c);
    let Some(t) = c.table(TableKind::ThreePublic) else {
        // The 说明 alone: the changes and rates are the text's own arithmetic.
        item_changes(c, &[]);
        yoy_in(c, 10, 0);
        return;
    };
    let Some(b) = t.main() else { return };
    for s in stated(doc, 10, 0).collect::<Vec<_>>() {
        let row = if s.subject.contains("三公") {
            b.total()
        } else {
            [
                (RowKey::Abroad, "出国"),
                (RowKey::Reception, "接待"),
                (RowKey::Vehicles, "购置及运行"),
                (RowKey::VehiclePurchase, "购置"),
                (RowKey::VehicleOperation, "运行"),
            ]
            .iter()
            .find(|(_, w)| s.subject.contains(w))
            .and_then(|&(k, _)| b.keyed(k))
        };
        let Some(row) = row else { continue };
        let what = || row_label(t, row);
        let col = three_public_col(b, &s.subject);
        restates(
            c,
            s,
            &what,
            Some((b.value(row, col), row.lines.clone())),
            t.unit,
            t.number,
        );
    }
    item_changes(c, &[t.number]);
    yoy_in(c, 10, 0);
}

/// The stated 三公 total against its stated items: 因公出国（境）费 + 公务用车购置及运行费 (or 购置费 + 运行费
/// when only those are stated) + 公务接待费, each the first of `after` (the statements after the
/// total's) naming it. Nothing when one of the three is not stated.
fn stated_parts(c: &mut Checker, total: &Statement, after: &[&Statement]) {
    let first = |want: Item| {
        after
            .iter()
            .find(|s| item(&s.subject) == Some(want))
            .copied()
    };
    let abroad = first(Item::Abroad);
    let reception = first(Item::Reception);
    let (vehicles, whole) = vehicle_items(first);
    let (Some(abroad), Some(reception), true) = (abroad, reception, whole) else {
        return;
    };
    let parts: Option<Vec<Amt>> = [abroad]
        .into_iter()
        .chain(vehicles)
        .chain([reception])
        .map(amt)
        .collect();
    let (Some(parts), Some(amount)) = (parts, amt(total)) else {
        return;
    };
    let sl = statement_label(total);
    let what = Label::new(
        format!(
            "{}：“三公”经费应等于所述因公出国（境）费、公务用车购置及运行费与公务接待费之和",
            sl.zh
        ),
        format!(
            "{}: the 三公 total should be the stated travel abroad, vehicles and reception",
            sl.en
        ),
    );
    c.sum(&what, &amount, &parts, &[]);
}

/// A 三公 item a statement's subject names.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Item {
    /// 因公出国（境）费.
    Abroad,
    /// 公务用车购置及运行（维护）费, in any of its wordings ("公务用车购置费及运行维护费",
    /// "公务用车运行维护及购置费", "公务用车费").
    Vehicles,
    /// 公务用车购置费, a part of [`Item::Vehicles`].
    Purchase,
    /// 公务用车运行（维护）费, the other part.
    Running,
    /// 公务接待费.
    Reception,
}

/// The 三公 item a subject names, if any. The vehicles' items name a car (公务用车, 公务车辆) or
/// open with 购置 / 运行 ("购置费", "运行维护费" in a list under 公务用车); 机关运行经费 is none.
fn item(subject: &str) -> Option<Item> {
    let has = |w: &str| subject.contains(w);
    if has("出国") {
        return Some(Item::Abroad);
    }
    if has("接待") {
        return Some(Item::Reception);
    }
    let car = has("车") || subject.starts_with("购置") || subject.starts_with("运行");
    if !car || has("机关") {
        return None;
    }
    let purchase = has("购置");
    let running = has("运行") || has("运维") || has("维护");
    Some(match (purchase, running) {
        (true, false) => Item::Purchase,
        (false, true) => Item::Running,
        _ => Item::Vehicles,
    })
}

/// The vehicles' items as `first` finds them: 购置及运行费 where stated, else those of its 购置费
/// and 运行费 stated; and whether they make the whole item (one of the two alone does not).
fn vehicle_items<'d>(first: impl Fn(Item) -> Option<&'d Statement>) -> (Vec<&'d Statement>, bool) {
    match first(Item::Vehicles) {
        Some(v) => (vec![v], true),
        None => {
            let parts: Vec<&Statement> = [first(Item::Purchase), first(Item::Running)]
                .into_iter()
                .flatten()
                .collect();
            let whole = parts.len() == 2;
            (parts, whole)
        }
    }
}

/// The 三公 items among statements after the total, each the first naming it: 因公出国（境）费,
/// 公务用车购置及运行费 (or, where it is not stated, 购置费 and 运行费, its parts), 公务接待费. Its
/// parts are never summed beside the whole they make up ("…购置及运行费减少45万元。其中：运行费
/// 减少10万元…购置费减少35万元" is one item), nor is anything else the chapter states.
fn three_items<'d>(after: &[&'d Statement]) -> Vec<&'d Statement> {
    // The first naming it with its change, else the first naming it.
    let first = |want: Item| {
        let named = |s: &&&Statement| item(&s.subject) == Some(want);
        let mut all = after.iter().filter(named);
        let with_change = after.iter().filter(named).find(|s| s.change.is_some());
        with_change.or_else(|| all.next()).copied()
    };
    let (vehicles, _) = vehicle_items(first);
    [first(Item::Abroad)]
        .into_iter()
        .flatten()
        .chain(vehicles)
        .chain(first(Item::Reception))
        .collect()
}

/// Each item's stated share of the 三公 total it is a part of or names ("公务用车购置及运行费 a 万元，
/// 占“三公”经费的 p%"), wherever stated: over the stated total, as N4's shares are judged.
fn item_shares(c: &mut Checker) {
    let doc = c.doc;
    for s in doc
        .statements
        .iter()
        .filter(|s| s.share.is_some() && !s.in_reason)
    {
        let Some(w) = s.whole.and_then(|i| doc.statements.get(i)) else {
            continue;
        };
        if !w.subject.contains("三公") || w.in_reason {
            continue;
        }
        let Some((value, unit)) = w
            .value
            .as_ref()
            .and_then(|q| Some((q.value, q.unit.money()?)))
        else {
            continue;
        };
        share(c, s, (&statement_label(w), value, unit, &w.lines), &[], &[]);
    }
}

/// Σ item Δ = total Δ, as the 三公 chapter states them (`tables`: the 三公 table, when the check
/// rests on it). An item stated without its change is 0 this year or not judged: at 0 it can only
/// have fallen, so the other items' changes must come to at least the total's; an item of some
/// amount whose change is not stated leaves the sum unknown.
fn item_changes(c: &mut Checker, tables: &[u8]) {
    let doc = c.doc;
    let stated: Vec<&Statement> = doc
        .statements
        .iter()
        .filter(|s| in_topic(doc, s.section, 10) && !s.in_reason)
        .filter(|s| s.change.is_some() || s.value.is_some())
        .collect();
    let Some(k) = stated.iter().position(|s| s.change.is_some()) else {
        return;
    };
    let total = stated[k];
    if !total.subject.contains("三公") {
        return;
    }
    let items = three_items(&stated[k + 1..]);
    // Parts the text lists as the total's, each with its change ("…167.37万元，比上年减少 12.00
    // 万元。其中：…") are N33's to sum, which judges every such list: not judged twice.
    let at = crate::check::rules::narrative::index_of(doc, total);
    if at.is_some() && items.iter().all(|s| s.whole == at && s.change.is_some()) {
        return;
    }
    let unstated: Vec<&&Statement> = items.iter().filter(|s| s.change.is_none()).collect();
    let at_zero = |s: &&&Statement| s.value.as_ref().is_some_and(|q| q.value.is_zero());
    if !unstated.iter().all(at_zero) {
        return;
    }
    let parts: Vec<Amt> = items.iter().filter_map(|s| change_amt(s)).collect();
    // Changes from different bases (the total's from last year, an item's from the year's
    // budget) do not add up to one another.
    let same = crate::check::rules::narrative::same_basis(
        doc,
        total,
        items.iter().copied().filter(|s| s.change.is_some()),
    );
    let Some(total_change) = change_amt(total) else {
        return;
    };
    // With items at 0 and no change stated, the total's change can be below the others' sum,
    // never above it.
    let wan = |a: &Amt| a.unit.to_wan(a.value);
    let sum: Decimal = parts.iter().map(wan).sum();
    let possible = !unstated.is_empty() && wan(&total_change) <= sum;
    if parts.len() >= 2 && same && !possible {
        let ch = chapter_label(total.section);
        let what = Label::new(
            format!("{}：各项“三公”经费的变动之和应等于总变动", ch.zh),
            format!(
                "{}: the changes of the 三公 items should add up to the total change",
                ch.en
            ),
        );
        c.sum(&what, &total_change, &parts, tables);
    }
}
