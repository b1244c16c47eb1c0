//! The two-panel table of a Shanghai 决算 (一般公共预算财政拨款基本支出决算表: 人员经费 301 / 303
//! on the left, 公用经费 302 / 310 … on the right, side by side) in a copy that prints each
//! printed row over several lines, with the codes, the names and the amounts of both panels on
//! lines of their own:
//!
//! ```text
//! 301 01 302                    (pdfplumber)        262.33 21.21          (pdftotext -layout)
//! 基本工资 01 办公费                                 301 01 302
//! 262.33 21.21                                       基本工资 01 办公费
//! ```
//!
//! A copy keeps left before right within a line, and within one panel the order code → name →
//! amount; it loses where on the line each word stood. So each printed row (a *record*: the line
//! with its 类 codes, the lines after it, and its lines of amounts alone, which a copy prints
//! below it or above it) is read word by word: a word goes to the panel whose next cell it can
//! be, and where a line leaves that open — an amount alone on its line, while both panels still
//! lack theirs — the amount is one of two places. The panels' own arithmetic decides those: each
//! 类 is the sum of its 款, and 人员经费合计 / 公用经费合计 the sums of the panels' 类. Only a
//! reading in which every sum holds, and no other does, is taken; otherwise the table is not
//! read (a guess would put an amount on the wrong item).

use rust_decimal::Decimal;

use super::numbers::{table_token, AmountStyle, NumToken};
use super::schema::ECON_CLASSES;
use crate::text::{compact, LineNo};

/// Where a copy prints a record's lines of amounts alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spill {
    /// After the record's 类 line (pdfplumber).
    Below,
    /// Before it (pdftotext -layout).
    Above,
}

/// One item of a panel as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PanelRow {
    /// 0 for the left panel (人员经费), 1 for the right (公用经费).
    pub panel: usize,
    /// The 经济分类 code: the 类 ("301") or the 类 and its 款 ("30101").
    pub code: String,
    /// The name, its parts joined.
    pub name: String,
    /// The 决算数 and the line it was printed on (`None` inside: a dash).
    pub amount: Option<(LineNo, Option<Decimal>)>,
    /// The lines the row was printed on.
    pub lines: Vec<LineNo>,
}

/// 人员经费合计 and 公用经费合计, each with its line, and the lines of the 合计 row.
pub type Totals = ([Option<(LineNo, Decimal)>; 2], Vec<LineNo>);

/// A place in the records: a record and a panel.
type Place = (usize, usize);

/// A reading of the table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reading {
    /// The items, in printed order.
    pub rows: Vec<PanelRow>,
    /// 人员经费合计 and 公用经费合计, with their line, and the lines of the 合计 row.
    pub total: Option<Totals>,
    /// Lines that could not be read, or whose amounts could not be placed for certain.
    pub unread: Vec<LineNo>,
}

/// The most work the sums may do to place the amounts: ways tried × (records + parts of sums).
const MAX_WORK: usize = 20_000_000;

/// The most words a line of the table is read with (a real one has a dozen); a longer line is
/// not read.
const MAX_WORDS: usize = 64;

/// The most printed rows read (a real table has a few dozen); the lines after are not read.
const MAX_RECORDS: usize = 1000;

/// A word of a line.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Tok<'t> {
    Class(&'t str),
    Kuan(&'t str),
    Text(&'t str),
    Amount(Option<Decimal>),
}

impl Tok<'_> {
    /// The order of a panel's cells within a line.
    fn rank(&self) -> u8 {
        match self {
            Tok::Class(_) => 0,
            Tok::Kuan(_) => 1,
            Tok::Text(_) => 2,
            Tok::Amount(_) => 3,
        }
    }
}

fn is_class(tok: &str) -> bool {
    tok.len() == 3
        && tok.bytes().all(|b| b.is_ascii_digit())
        && tok.parse::<u16>().is_ok_and(|n| ECON_CLASSES.contains(&n))
}

fn two_digits(tok: &str) -> bool {
    tok.len() == 2 && tok.bytes().all(|b| b.is_ascii_digit())
}

/// The words of a line. Two digits are a 款 where an amount has decimals (万元), and otherwise
/// when a 类 precedes them or a name follows.
fn tokens(t: &str, style: AmountStyle) -> Vec<Tok<'_>> {
    let words: Vec<&str> = t.split_whitespace().collect();
    let mut out = Vec::with_capacity(words.len());
    for (i, &w) in words.iter().enumerate() {
        let next_is_text = words
            .get(i + 1)
            .is_some_and(|n| table_token(n, style).is_none() && !is_class(n) && !two_digits(n));
        let after_class = i > 0 && is_class(words[i - 1]);
        let tok = if is_class(w) {
            Tok::Class(w)
        } else if two_digits(w) && (style == AmountStyle::Decimals || after_class || next_is_text) {
            Tok::Kuan(w)
        } else {
            match table_token(w, style) {
                Some(NumToken::Amount(d)) => Tok::Amount(Some(d)),
                Some(NumToken::Dash) => Tok::Amount(None),
                None => Tok::Text(w),
            }
        };
        out.push(tok);
    }
    out
}

/// The 合计 line: "人员经费合计 … 公用经费合计 …".
fn is_total(t: &str) -> bool {
    let c = compact(t);
    c.contains("人员经费合计") || c.contains("公用经费合计")
}

/// The panel a 类 alone on its line belongs to: 工资福利支出 and 对个人和家庭的补助 are 人员经费.
fn panel_of(class: &str) -> usize {
    usize::from(!matches!(class, "301" | "303"))
}

/// Whether the copy prints codes apart from their names ("301 01 302" / "基本工资 01 办公费"),
/// which this reader is for, rather than each panel's code, name and amount together ("301 01
/// 基本工资 262.33 302 01 办公费 21.21"), which the line reader reads: most 类 codes are
/// followed by another code, an amount or nothing rather than by a name. A copy that prints
/// one cell per line ("301" / "01" / "基本工资" / "262.33") is neither: most of its 类 codes
/// stand alone on their line.
pub fn codes_apart(lines: &[(LineNo, &str)], style: AmountStyle) -> bool {
    let (mut apart, mut together, mut alone) = (0usize, 0usize, 0usize);
    for &(_, t) in lines {
        let toks = tokens(t, style);
        if toks.len() == 1 && matches!(toks[0], Tok::Class(_)) {
            alone += 1;
        }
        for (i, tok) in toks.iter().enumerate() {
            if !matches!(tok, Tok::Class(_)) {
                continue;
            }
            let mut j = i + 1;
            if matches!(toks.get(j), Some(Tok::Kuan(_))) {
                j += 1;
            }
            match toks.get(j) {
                Some(Tok::Text(_)) => together += 1,
                _ => apart += 1,
            }
        }
    }
    apart > together && alone * 2 < apart
}

/// One panel's cells of a record while it is read.
#[derive(Debug, Clone, Default)]
struct Slot {
    present: bool,
    class: Option<String>,
    kuan: Option<String>,
    name: Vec<String>,
    /// The line its name began on.
    name_from: Option<LineNo>,
    amount: Option<(LineNo, Option<Decimal>)>,
    lines: Vec<LineNo>,
}

impl Slot {
    fn note(&mut self, no: LineNo) {
        if !self.lines.contains(&no) {
            self.lines.push(no);
        }
    }

    fn take(&mut self, tok: Tok, no: LineNo) {
        self.note(no);
        match tok {
            Tok::Class(c) => self.class = Some(c.to_owned()),
            Tok::Kuan(k) => self.kuan = Some(k.to_owned()),
            Tok::Text(w) => {
                self.name_from.get_or_insert(no);
                self.name.push(w.to_owned());
            }
            Tok::Amount(v) => self.amount = Some((no, v)),
        }
    }

    /// Whether the panel can take the words `part` of a line, in this order.
    fn can_take(&self, part: &[Tok]) -> bool {
        if part.is_empty() {
            return true;
        }
        if !self.present {
            return false;
        }
        let ordered = part
            .windows(2)
            .all(|w| w[0].rank() < w[1].rank() || (w[0].rank() == 2 && w[1].rank() == 2));
        ordered
            && part.iter().all(|tok| match tok {
                Tok::Class(_) => self.class.is_none(),
                Tok::Kuan(_) => self.kuan.is_none(),
                Tok::Text(_) => true,
                Tok::Amount(_) => self.amount.is_none(),
            })
    }
}

/// A printed row: its two panels, the amounts whose panel its lines leave open, and whether it is
/// the 合计 row.
#[derive(Debug, Clone, Default)]
struct Record {
    slots: [Slot; 2],
    floating: Vec<(LineNo, Option<Decimal>)>,
    total: bool,
    lines: Vec<LineNo>,
}

/// A choice the lines leave open: an amount in one panel or the other, or two amounts in one
/// order or the other. `options[o]` lists (record, panel, amount) placements.
type Choice = [Vec<(usize, usize, (LineNo, Option<Decimal>))>; 2];

/// Reads the body lines of the table with lines of amounts alone going as `spill` says.
pub fn read(
    lines: &[(LineNo, &str)],
    style: AmountStyle,
    half_ulp: Decimal,
    spill: Spill,
) -> Reading {
    let mut reading = Reading::default();
    // The records: each the index of its anchor line and its other lines.
    let mut anchors: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, (_, t))| {
            is_total(t)
                || tokens(t, style)
                    .iter()
                    .any(|tok| matches!(tok, Tok::Class(_)))
        })
        .map(|(i, _)| i)
        .collect();
    let Some(&first) = anchors.first() else {
        return reading;
    };
    let end = anchors.get(MAX_RECORDS).copied().unwrap_or(lines.len());
    anchors.truncate(MAX_RECORDS);
    reading
        .unread
        .extend(lines[end..].iter().map(|(no, _)| *no));
    let lines = &lines[..end];
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); anchors.len()];
    // The record whose anchor is the last at or before line i (anchors are in order).
    let record_of = |i: usize| anchors.partition_point(|&a| a <= i).checked_sub(1);
    for (i, &(no, t)) in lines.iter().enumerate() {
        let toks = tokens(t, style);
        if toks.len() > MAX_WORDS {
            reading.unread.push(no);
            continue;
        }
        let amounts_alone = !toks.is_empty() && toks.iter().all(|x| matches!(x, Tok::Amount(_)));
        let at = if anchors.binary_search(&i).is_ok() {
            record_of(i)
        } else if amounts_alone && spill == Spill::Above {
            Some(anchors.partition_point(|&a| a <= i)).filter(|&r| r < anchors.len())
        } else if i < first {
            // The column header above the first row.
            if amounts_alone {
                reading.unread.push(no);
            }
            continue;
        } else {
            record_of(i)
        };
        match at {
            Some(r) => members[r].push(i),
            None => reading.unread.push(no),
        }
    }
    let mut records: Vec<Record> = Vec::with_capacity(anchors.len());
    for (r, &anchor) in anchors.iter().enumerate() {
        let mut rec = Record::default();
        let (ano, at) = lines[anchor];
        if is_total(at) {
            rec.total = true;
            rec.slots[0].present = true;
            rec.slots[1].present = true;
        } else {
            let classes: Vec<&str> = tokens(at, style)
                .into_iter()
                .filter_map(|x| match x {
                    Tok::Class(c) => Some(c),
                    _ => None,
                })
                .collect();
            match classes.as_slice() {
                [one] => rec.slots[panel_of(one)].present = true,
                [_, _] => {
                    rec.slots[0].present = true;
                    rec.slots[1].present = true;
                }
                _ => {
                    reading.unread.push(ano);
                    continue;
                }
            }
        }
        let mut ok = true;
        for &i in &members[r] {
            let (no, t) = lines[i];
            rec.lines.push(no);
            if !take_line(&mut rec, &tokens(t, style), no) {
                reading.unread.push(no);
                ok = false;
            }
        }
        let free = (0..2)
            .filter(|&p| rec.slots[p].present && rec.slots[p].amount.is_none())
            .count();
        if rec.floating.len() > free {
            reading
                .unread
                .extend(rec.floating.iter().map(|(no, _)| *no));
            rec.floating.clear();
        }
        if ok {
            records.push(rec);
        }
    }
    // The choices the lines leave open.
    let mut choices: Vec<Choice> = Vec::new();
    for (r, rec) in records.iter_mut().enumerate() {
        let free: Vec<usize> = (0..2)
            .filter(|&p| rec.slots[p].present && rec.slots[p].amount.is_none())
            .collect();
        let floating = std::mem::take(&mut rec.floating);
        match (floating.as_slice(), free.as_slice()) {
            ([], _) => {}
            ([a], [p]) => rec.slots[*p].amount = Some(*a),
            ([a], [l, rt]) => choices.push([vec![(r, *l, *a)], vec![(r, *rt, *a)]]),
            ([a, b], [l, rt]) => choices.push([
                vec![(r, *l, *a), (r, *rt, *b)],
                vec![(r, *l, *b), (r, *rt, *a)],
            ]),
            _ => reading.unread.extend(floating.iter().map(|(no, _)| *no)),
        }
        for (no, _) in &floating {
            for p in &free {
                rec.slots[*p].note(*no);
            }
        }
    }
    match place(&records, &choices, half_ulp) {
        Some(picks) => {
            for (choice, &o) in choices.iter().zip(&picks) {
                for &(r, p, a) in &choice[o] {
                    records[r].slots[p].amount = Some(a);
                }
            }
        }
        None => {
            // The sums do not tell where the open amounts go (or do not hold either way).
            for choice in &choices {
                reading
                    .unread
                    .extend(choice[0].iter().map(|&(_, _, (no, _))| no));
            }
        }
    }
    emit(&records, &mut reading);
    reading.unread.sort_unstable();
    reading.unread.dedup();
    reading
}

/// Gives the words of one line of a record to its panels; `false` when they fit no way.
fn take_line(rec: &mut Record, toks: &[Tok], no: LineNo) -> bool {
    // Every place where the left panel's words could end.
    let fits: Vec<usize> = (0..=toks.len())
        .filter(|&k| rec.slots[0].can_take(&toks[..k]) && rec.slots[1].can_take(&toks[k..]))
        .collect();
    let mut fits = fits;
    if fits.len() > 1 {
        let text: Vec<usize> = (0..toks.len())
            .filter(|&i| matches!(toks[i], Tok::Text(_)))
            .collect();
        let gets_text = |k: usize, p: usize| text.iter().any(|&i| (i < k) == (p == 0));
        let (l, r) = (&rec.slots[0], &rec.slots[1]);
        let preferred = match (l.name_from, r.name_from) {
            // Neither has a name yet: each takes its own ("工资福利支出 商品和服务支出").
            (None, None) => None,
            // A name still to come takes the words.
            (Some(_), None) if r.present => Some(1),
            (None, Some(_)) if l.present => Some(0),
            // Both begun: the words continue the name begun first (a name cut in two is set
            // higher, from the 类 line: "301 08 机关事业单位基本养老保险缴 302" / "06 电费" / "费").
            (Some(a), Some(b)) if a != b => Some(usize::from(b < a)),
            _ => None,
        };
        if !text.is_empty() {
            let kept: Vec<usize> = match preferred {
                Some(p) => fits
                    .iter()
                    .copied()
                    .filter(|&k| !gets_text(k, 1 - p))
                    .collect(),
                None => fits
                    .iter()
                    .copied()
                    .filter(|&k| gets_text(k, 0) && gets_text(k, 1))
                    .collect(),
            };
            if !kept.is_empty() {
                fits = kept;
            }
        }
    }
    let Some(&k0) = fits.first() else {
        return false;
    };
    // What every remaining way agrees on is placed; an amount they disagree on is left open.
    let mut open: Option<(LineNo, Option<Decimal>)> = None;
    for (i, tok) in toks.iter().enumerate() {
        let panels: Vec<usize> = fits.iter().map(|&k| usize::from(i >= k)).collect();
        let agreed = panels.iter().all(|&p| p == panels[0]);
        match (agreed, tok) {
            (true, _) => {}
            (false, Tok::Amount(v)) if open.is_none() => {
                open = Some((no, *v));
                continue;
            }
            _ => return false,
        }
        let p = usize::from(i >= k0);
        rec.slots[p].take(*tok, no);
    }
    rec.floating.extend(open);
    true
}

/// The row amounts under some choices: each record's two panels.
fn amounts(records: &[Record], choices: &[Choice], picks: &[usize]) -> Vec<[Option<Decimal>; 2]> {
    let mut out: Vec<[Option<Decimal>; 2]> = records
        .iter()
        .map(|r| [0, 1].map(|p| r.slots[p].amount.and_then(|(_, v)| v)))
        .collect();
    for (choice, &o) in choices.iter().zip(picks) {
        for &(r, p, (_, v)) in &choice[o] {
            out[r][p] = v;
        }
    }
    out
}

/// Which option of each choice makes every sum of the panels hold; `None` unless exactly one
/// way does (or when there are too many ways to try).
fn place(records: &[Record], choices: &[Choice], half_ulp: Decimal) -> Option<Vec<usize>> {
    // The sums: (total's record and panel, the parts' records and panels).
    let mut sums: Vec<(Place, Vec<Place>)> = Vec::new();
    // The 款 of each 类.
    let mut kuans: std::collections::HashMap<&str, Vec<Place>> = Default::default();
    for (j, r) in records.iter().enumerate().filter(|(_, r)| !r.total) {
        for q in 0..2 {
            if let (Some(class), Some(_)) = (&r.slots[q].class, &r.slots[q].kuan) {
                kuans.entry(class.as_str()).or_default().push((j, q));
            }
        }
    }
    for (i, rec) in records.iter().enumerate() {
        for p in 0..2 {
            let s = &rec.slots[p];
            if rec.total || !s.present || s.kuan.is_some() {
                continue;
            }
            let Some(class) = &s.class else { continue };
            if let Some(parts) = kuans.get(class.as_str()) {
                sums.push(((i, p), parts.clone()));
            }
        }
    }
    if let Some(t) = records.iter().position(|r| r.total) {
        for p in 0..2 {
            let parts: Vec<(usize, usize)> = records
                .iter()
                .enumerate()
                .filter(|(_, r)| {
                    !r.total && r.slots[p].kuan.is_none() && r.slots[p].class.is_some()
                })
                .map(|(j, _)| (j, p))
                .collect();
            sums.push(((t, p), parts));
        }
    }
    let holds = |a: &[[Option<Decimal>; 2]]| {
        sums.iter().all(|((t, tp), parts)| {
            let total = a[*t][*tp].unwrap_or_default();
            let sum: Decimal = parts.iter().filter_map(|&(j, q)| a[j][q]).sum();
            let n = parts.iter().filter(|&&(j, q)| a[j][q].is_some()).count();
            (total - sum).abs() <= half_ulp * Decimal::from(n.max(1))
        })
    };
    if choices.is_empty() {
        return Some(Vec::new());
    }
    // Each way costs a pass over the records and the sums: beyond a bound (real tables need a
    // hundredth of it) the amounts are not placed.
    let pass = records.len() + sums.iter().map(|(_, parts)| parts.len() + 1).sum::<usize>();
    if choices.len() > 16 || (1usize << choices.len()).saturating_mul(pass) > MAX_WORK {
        return None;
    }
    let mut found: Option<Vec<usize>> = None;
    let mut picks = vec![0usize; choices.len()];
    for n in 0..1usize << choices.len() {
        for (i, p) in picks.iter_mut().enumerate() {
            *p = (n >> i) & 1;
        }
        if holds(&amounts(records, choices, &picks)) {
            if found.is_some() {
                return None;
            }
            found = Some(picks.clone());
        }
    }
    found
}

/// The rows and the total of the records.
fn emit(records: &[Record], reading: &mut Reading) {
    for panel in 0..2 {
        for rec in records.iter().filter(|r| !r.total) {
            let s = &rec.slots[panel];
            if !s.present {
                continue;
            }
            let Some(class) = &s.class else {
                // Words for a panel with no 类 of its own.
                if !s.lines.is_empty() {
                    reading.unread.extend(s.lines.iter().copied());
                }
                continue;
            };
            let mut code = class.clone();
            code.push_str(s.kuan.as_deref().unwrap_or_default());
            let mut lines = s.lines.clone();
            lines.sort_unstable();
            reading.rows.push(PanelRow {
                panel,
                code,
                name: s.name.concat(),
                amount: s.amount,
                lines,
            });
        }
    }
    if let Some(rec) = records.iter().find(|r| r.total) {
        let amounts = [0, 1].map(|p| rec.slots[p].amount.and_then(|(no, v)| v.map(|v| (no, v))));
        let mut lines = rec.lines.clone();
        lines.sort_unstable();
        reading.total = Some((amounts, lines));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PDFPLUMBER: &str =
        include_str!("../../../../fixtures/corpus/caizhengju-2024-final/pdfplumber.txt");
    const LAYOUT: &str =
        include_str!("../../../../fixtures/corpus/caizhengju-2024-final/pdftotext-layout.txt");

    /// Lines `from..=to` of a copy, normalised, with `edit` applied to their text.
    fn excerpt(
        text: &str,
        from: LineNo,
        to: LineNo,
        edit: &[(&str, &str)],
    ) -> Vec<(LineNo, String)> {
        crate::text::lines(text)
            .into_iter()
            .filter(|l| (from..=to).contains(&l.no))
            .map(|l| {
                let t = edit
                    .iter()
                    .find(|(a, _)| *a == l.text)
                    .map_or(l.text.clone(), |(_, b)| (*b).to_owned());
                (l.no, t)
            })
            .collect()
    }

    fn read_lines(lines: &[(LineNo, String)], spill: Spill) -> Reading {
        let borrowed: Vec<(LineNo, &str)> = lines.iter().map(|(n, t)| (*n, t.as_str())).collect();
        read(&borrowed, AmountStyle::Decimals, Decimal::new(5, 3), spill)
    }

    fn amount(r: &Reading, code: &str) -> Option<String> {
        let row = r.rows.iter().find(|x| x.code == code)?;
        row.amount.and_then(|(_, v)| v).map(|v| v.to_string())
    }

    /// The 决算数 of the pypdf copy (verified against the PDF), item by item.
    const PYPDF: &[(&str, &str)] = &[
        ("301", "2082.85"),
        ("30101", "262.33"),
        ("30102", "1238.58"),
        ("30106", ""),
        ("30108", "160.75"),
        ("30110", "60.99"),
        ("30113", "187.19"),
        ("30199", "91.03"),
        ("303", "69.41"),
        ("30302", "69.10"),
        ("30309", "0.31"),
        ("30310", ""),
        ("302", "171.07"),
        ("30201", "21.21"),
        ("30202", "7.61"),
        ("30204", "0.09"),
        ("30208", ""),
        ("30215", ""),
        ("30229", "42.77"),
        ("30299", "11.53"),
        ("310", "13.58"),
        ("31002", "13.58"),
    ];

    fn check(r: &Reading) {
        assert!(r.unread.is_empty(), "unread {:?}", r.unread);
        for (code, want) in PYPDF {
            let got = amount(r, code).unwrap_or_default();
            assert_eq!(&got, want, "{code}");
        }
        let total = r
            .total
            .as_ref()
            .map(|(a, _)| a.map(|x| x.map(|(_, v)| v.to_string())));
        assert_eq!(
            total,
            Some([Some("2152.26".to_owned()), Some("184.65".to_owned())])
        );
    }

    #[test]
    fn the_panels_sums_place_the_amounts_a_copy_prints_alone() {
        // caizhengju-2024-final's pdfplumber copy of 表6: codes, names and amounts of both panels
        // on lines of their own, the amounts below ("301 06 302" / "伙食补助费 04 手续费" /
        // "0.09": 0.09 is 手续费's, as 302 = 171.07 needs and 301 = 2,082.85 forbids).
        let lines = excerpt(PDFPLUMBER, 348, 445, &[]);
        let below = read_lines(&lines, Spill::Below);
        check(&below);
        let names: Vec<&str> = below.rows.iter().map(|x| x.name.as_str()).collect();
        assert!(names.contains(&"机关事业单位基本养老保险缴费"), "{names:?}");
        assert!(names.contains(&"公务用车运行维护费"), "{names:?}");
        assert!(names.contains(&"因公出国（境）费用"), "{names:?}");
        // Read with the amounts going to the row below, lines do not fit (262.33 would be
        // 津贴补贴's second amount).
        assert!(!read_lines(&lines, Spill::Above).unread.is_empty());
        // The pdftotext -layout copy prints the amounts above their row.
        let layout = excerpt(LAYOUT, 341, 478, &[]);
        check(&read_lines(&layout, Spill::Above));
        assert!(!read_lines(&layout, Spill::Below).unread.is_empty());
    }

    #[test]
    fn an_amount_the_sums_do_not_place_is_not_read() {
        // Without the 类 rows nothing tells whether 0.09 is 伙食补助费's or 手续费's.
        let lines = excerpt(PDFPLUMBER, 358, 360, &[]);
        let r = read_lines(&lines, Spill::Below);
        assert_eq!(r.unread, [360]);
        assert!(r.rows.iter().all(|x| x.amount.is_none()), "{:?}", r.rows);
        // With 手续费 printed 0.19 instead, 302 no longer adds up whichever panel takes it, nor
        // does 301: the amounts left open are not read, rather than guessed.
        let lines = excerpt(PDFPLUMBER, 348, 445, &[("0.09", "0.19")]);
        let r = read_lines(&lines, Spill::Below);
        assert!(r.unread.contains(&360), "{:?}", r.unread);
        assert_eq!(amount(&r, "30204"), None);
        assert_eq!(amount(&r, "30106"), None);
    }

    #[test]
    fn a_mangled_table_is_read_as_far_as_it_goes() {
        // Thousands of printed rows with an amount left open each, a line of thousands of
        // words: bounded work, no panic, what is not read is said.
        let mut text = String::from("301 302\n工资福利支出 1.00 商品和服务支出 1.00\n");
        for i in 0..3000 {
            text.push_str(&format!(
                "301 {:02} 302\n名称 {:02} 名称\n0.01\n",
                i % 100,
                i % 100
            ));
        }
        text.push_str(&"301 01 302 ".repeat(5000));
        let lines = excerpt(&text, 1, u32::MAX, &[]);
        for spill in [Spill::Below, Spill::Above] {
            let r = read_lines(&lines, spill);
            assert!(!r.unread.is_empty());
        }
    }

    #[test]
    fn which_copies_print_codes_apart() {
        let l = |t: &'static str| vec![(1, t), (2, t)];
        for (t, apart) in [
            ("301 01 基本工资 262.33 302 01 办公费 21.21", false),
            ("301 01 302", true),
            ("301 2082.85 302 171.07", true),
            // One cell per line (pdftotext without -layout).
            ("301", false),
        ] {
            assert_eq!(codes_apart(&l(t), AmountStyle::Decimals), apart, "{t}");
        }
    }
}
