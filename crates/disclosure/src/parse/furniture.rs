//! Page furniture: the page numbers and running headers a PDF prints on every page, which a copy
//! of its text carries between the document's own lines ("— 3 —", "第 3 页 共 40 页", a bare
//! "3" at the foot of each page, "上海市普陀区2023年区级部门预算" at the head of each). Left in,
//! such a line falls inside a table or a sentence: a page number read as a performance
//! indicator's weight or a table's row, a running header glued to the row name it interrupts.
//! None of the documents the reader was built on prints them; most others do.
//!
//! A line is furniture only when its form says so beyond doubt:
//! - a page number in one of the printed forms: "- 3 -" (any dashes), "第3页", "第3页 共40页",
//!   "共40页 第3页", "Page 3", "Page 3 of 40";
//! - a bare number that is one of at least [`MIN_CHAIN`] consecutive page numbers (3, 4, 5, 6),
//!   each at least [`MIN_PAGE_LINES`] lines after the one before, and each standing between
//!   lines that are not figures (a table printed one cell per line has bare numbers too: those
//!   stay);
//! - a running header: a title-like line (it names a budget or final accounts and a year, and is
//!   no table title), or one that names only the body ("上海市普陀区财政局", "部门名称：…", the
//!   name with its year), printed at least [`MIN_REPEATS`] times a page from any other
//!   printing, these most of its printings; its first printing stays (it may be the
//!   document's title), the others a page apart go, and printings close together stay (a
//!   table's cells, a signature, a cover's title with the next page's header just after it);
//! - a running header and a page number on one line ("库尔勒市朝阳街道办事处 第 17 页"), printed
//!   once or more: each half alone would be furniture.
//!
//! A body's name printed alone once or twice (not a page apart thrice) stays: it may be the
//! document's own line.
//!
//! The lines keep their numbers: the rest of the text is numbered as the person gave it.

use crate::text::{Line, LineNo};

/// The fewest consecutive bare numbers read as page numbers.
const MIN_CHAIN: usize = 4;
/// The fewest lines from one page number (or running header) to the next: a page of a copy
/// holds more lines than this.
const MIN_PAGE_LINES: LineNo = 8;
/// The fewest printings of a running header.
const MIN_REPEATS: usize = 3;

/// Takes the page furniture out of `lines` and returns the numbers of the lines taken, in order.
pub(crate) fn strip(lines: &mut Vec<Line>) -> Vec<LineNo> {
    let mut gone = vec![false; lines.len()];
    for (i, l) in lines.iter().enumerate() {
        gone[i] = is_page_number(l.compact()) || is_named_page_number(l.compact());
    }
    for i in bare_page_numbers(lines) {
        gone[i] = true;
    }
    for i in running_headers(lines) {
        gone[i] = true;
    }
    if !gone.contains(&true) {
        return Vec::new();
    }
    let mut taken = Vec::new();
    let mut keep = gone.iter().map(|g| !g);
    lines.retain(|l| {
        let k = keep.next().unwrap_or(true);
        if !k {
            taken.push(l.no);
        }
        k
    });
    taken
}

/// The dashes printed on both sides of a page number ("- 3 -", "— 3 —", "－3－").
const DASHES: &[char] = &['-', '—', '–', '－', '―', '‐', '~', '～'];

/// `s` (a line without white space) is a page number in a printed form.
fn is_page_number(s: &str) -> bool {
    // "- 3 -", "— 3 —", "－3－": dashes on both sides of the number.
    let inner = s.trim_start_matches(DASHES);
    if inner.len() < s.len() {
        let middle = inner.trim_end_matches(DASHES);
        if middle.len() < inner.len() && is_number(middle) {
            return true;
        }
    }
    // "第3页", "第3页共40页", "第3页/共40页", "共40页第3页".
    let of_pages = |s: &str| -> Option<usize> {
        let rest = s.strip_prefix('第')?;
        let end = rest.find('页')?;
        is_number(&rest[..end]).then_some(end + '第'.len_utf8() + '页'.len_utf8())
    };
    let total = |s: &str| -> Option<usize> {
        let rest = s.strip_prefix('共')?;
        let end = rest.find('页')?;
        is_number(&rest[..end]).then_some(end + '共'.len_utf8() + '页'.len_utf8())
    };
    const SEPARATORS: &[char] = &[',', '，', '、', '/', '／', '|', '.', '。'];
    if let Some(n) = of_pages(s) {
        let rest = s[n..].trim_start_matches(SEPARATORS);
        if rest.is_empty() || total(rest) == Some(rest.len()) {
            return true;
        }
    }
    if let Some(n) = total(s) {
        let rest = s[n..].trim_start_matches(SEPARATORS);
        if of_pages(rest) == Some(rest.len()) {
            return true;
        }
    }
    // "Page 3", "Page 3 of 40".
    if s.len() > 4 && s.is_char_boundary(4) && s[..4].eq_ignore_ascii_case("page") {
        let rest = &s[4..];
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if (1..=4).contains(&digits) {
            let tail = &rest[digits..];
            if tail.is_empty() {
                return true;
            }
            if tail.len() > 2 && tail.is_char_boundary(2) && tail[..2].eq_ignore_ascii_case("of") {
                return is_number(&tail[2..]);
            }
        }
    }
    false
}

/// `s` (a line without white space) is a running header and a page number on one line: the
/// body's name or the document's title with a page number before or after it
/// ("库尔勒市朝阳街道办事处 第 17 页", "- 3 - 上海市普陀区财政局", "上海市普陀区2023年区级部门预算 第3页
/// 共40页"). Both halves must be furniture on their own ([`names_the_body`], [`title_like`],
/// [`is_page_number`]): a row or a sentence that ends with "第3页" is neither.
fn is_named_page_number(s: &str) -> bool {
    if s.len() > 200 {
        return false;
    }
    let header = |t: &str| names_the_body(t) || title_like(t);
    s.char_indices().skip(1).any(|(i, c)| {
        let (a, b) = s.split_at(i);
        // Where a page number can start (第, 共, a dash, "Page") or end (页, a dash, a figure).
        let page_after = matches!(c, '第' | '共' | 'P' | 'p') || DASHES.contains(&c);
        let page_before =
            a.ends_with(|p: char| p == '页' || p.is_ascii_digit() || DASHES.contains(&p));
        (page_after && is_page_number(b) && header(a))
            || (page_before && is_page_number(a) && header(b))
    })
}

/// One to four ASCII digits, not all zeros.
fn is_number(s: &str) -> bool {
    (1..=4).contains(&s.len())
        && s.bytes().all(|b| b.is_ascii_digit())
        && s.bytes().any(|b| b != b'0')
}

/// A line of figures only: digits with the signs, points, commas and percent signs of amounts
/// (a cell of a table printed one cell per line).
fn is_figures(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_digit())
        && s.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'-' | b'+' | b'%' | b' '))
}

/// The indices of bare numbers that are page numbers: chains of consecutive numbers
/// (n, n + 1, …) at least [`MIN_CHAIN`] long, pages apart, most of them (at least
/// [`MIN_CHAIN`], and at least half) between lines that are not figures. (A page number printed
/// inside a table copied one cell per line stands among figures: the chain it continues says
/// what it is.)
fn bare_page_numbers(lines: &[Line]) -> Vec<usize> {
    struct Candidate {
        index: usize,
        value: u32,
        /// The longest chain ending here: its length, how many of it are alone, the one before.
        length: usize,
        alone_count: usize,
        before: Option<usize>,
    }
    let figures = |j: usize| lines.get(j).is_some_and(|n| is_figures(n.compact()));
    let mut found: Vec<Candidate> = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let s = l.compact();
        if !is_number(s) {
            continue;
        }
        let Ok(value) = s.parse::<u32>() else {
            continue;
        };
        let alone = !(i.checked_sub(1).is_some_and(figures) || figures(i + 1));
        // The best chain ending at the number one less, far enough above.
        let best = found
            .iter()
            .enumerate()
            .filter(|(_, c)| c.value + 1 == value && lines[c.index].no + MIN_PAGE_LINES <= l.no)
            .max_by_key(|(k, c)| (c.alone_count, c.length, *k))
            .map(|(k, c)| (k, c.length, c.alone_count));
        let (length, alone_count, before) = match best {
            Some((k, n, a)) => (n + 1, a + usize::from(alone), Some(k)),
            None => (1, usize::from(alone), None),
        };
        found.push(Candidate {
            index: i,
            value,
            length,
            alone_count,
            before,
        });
    }
    let qualifies = |c: &Candidate| {
        c.length >= MIN_CHAIN && c.alone_count >= MIN_CHAIN && 2 * c.alone_count >= c.length
    };
    let mut out = Vec::new();
    let mut taken = vec![false; found.len()];
    // From the best chain down: a chain that qualifies is taken whole; one that shares a number
    // with a chain already taken is a branch of it (a figure that happens to follow one of its
    // page numbers) and is not taken at all.
    let mut ends: Vec<usize> = (0..found.len()).collect();
    ends.sort_by_key(|&k| std::cmp::Reverse((found[k].alone_count, found[k].length)));
    for end in ends {
        if !qualifies(&found[end]) {
            continue;
        }
        let mut chain = Vec::new();
        let mut k = Some(end);
        while let Some(j) = k {
            chain.push(j);
            k = found[j].before;
        }
        if chain.iter().any(|&j| taken[j]) {
            continue;
        }
        for j in chain {
            taken[j] = true;
            out.push(found[j].index);
        }
    }
    out.sort_unstable();
    out
}

/// The indices of a running header's later printings: of the printings of one line, those at
/// least a page from the printings before and after it. Printings close together are the
/// document's own lines (a body's name in the cells of a table, a signature) or a header a
/// short page (a cover) puts near one of them: they stay, and do not stop the others going.
/// A line is a running header when at least [`MIN_REPEATS`] of its printings, and most of them,
/// stand a page apart; the first printing stays (it may be the document's title).
fn running_headers(lines: &[Line]) -> Vec<usize> {
    use std::collections::BTreeMap;
    let mut seen: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, l) in lines.iter().enumerate() {
        if title_like(l.compact()) || names_the_body(l.compact()) {
            seen.entry(l.compact()).or_default().push(i);
        }
    }
    let far = |a: usize, b: usize| lines[a].no + MIN_PAGE_LINES <= lines[b].no;
    let mut out = Vec::new();
    for at in seen.values() {
        let alone: Vec<usize> = (0..at.len())
            .filter(|&k| {
                (k == 0 || far(at[k - 1], at[k])) && at.get(k + 1).is_none_or(|&n| far(at[k], n))
            })
            .collect();
        if alone.len() >= MIN_REPEATS && 2 * alone.len() > at.len() {
            out.extend(alone.iter().filter(|&&k| k > 0).map(|&k| at[k]));
        }
    }
    out.sort_unstable();
    out
}

/// What a body's name ends with ("…街道办事处", "…财政局", "…商务委员会").
const BODY_ENDINGS: &[&str] = &[
    "办事处",
    "局",
    "委员会",
    "办公室",
    "人民政府",
    "中心",
    "院",
    "所",
    "站",
    "队",
    "厅",
    "馆",
    "学校",
];

/// A body's name alone: 4 to 30 Chinese characters (brackets allowed), no figure, ending as a
/// body's name does, and no field's label before it ("预算单位 …办事处", a 绩效目标表's first
/// row, printed once a table: 单位 and 部门 are not in a body's name).
fn body_name(s: &str) -> bool {
    let chars = s.chars().count();
    (4..=30).contains(&chars)
        && !s.contains("单位")
        && !s.contains("部门")
        && s.chars()
            .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || "（）()".contains(c))
        && BODY_ENDINGS.iter().any(|e| s.ends_with(e))
}

/// A line that names only the body whose document it is, as a running header prints it: the
/// name alone ("上海市普陀区财政局"), after "部门名称：" or "单位名称：", or with the year before
/// or after it ("上海市普陀区财政局 2024年度", "2024年上海市普陀区财政局").
fn names_the_body(s: &str) -> bool {
    let named = ["部门名称：", "部门名称:", "单位名称：", "单位名称:"]
        .iter()
        .find_map(|p| s.strip_prefix(p))
        .unwrap_or(s);
    let year = |t: &str| {
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        digits == 4 && matches!(&t[4..], "年" | "年度" | "")
    };
    let with_year = named
        .char_indices()
        .filter(|(_, c)| c.is_ascii_digit())
        .map(|(i, _)| i)
        .next()
        .map(|i| {
            if i == 0 {
                // "2024年上海市普陀区财政局"
                let rest = named.trim_start_matches(|c: char| c.is_ascii_digit());
                let rest = rest
                    .strip_prefix("年度")
                    .or_else(|| rest.strip_prefix('年'))
                    .unwrap_or(rest);
                named.len() - rest.len() >= 5
                    && year(&named[..named.len() - rest.len()])
                    && body_name(rest)
            } else {
                body_name(&named[..i]) && year(&named[i..])
            }
        });
    with_year.unwrap_or_else(|| body_name(named))
}

/// A line that reads as a document's title: it names a budget or final accounts and a year, is
/// short, and is no table's title, heading, sentence or figure.
fn title_like(s: &str) -> bool {
    let chars = s.chars().count();
    if !(6..=40).contains(&chars) {
        return false;
    }
    let names_kind = s.contains("预算") || s.contains("决算");
    let year = s
        .as_bytes()
        .windows(4)
        .any(|w| w.iter().all(u8::is_ascii_digit) && matches!(&w[..2], b"19" | b"20"));
    let other_digits = s.bytes().filter(u8::is_ascii_digit).count() > 4;
    let not_a_title = s.contains('表')
        || s.contains("部分")
        || s.contains('：')
        || s.contains(':')
        || s.contains('。')
        || s.contains('，')
        || s.ends_with("说明");
    names_kind && year && !other_digits && !not_a_title
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line> {
        crate::text::lines(text)
    }

    #[test]
    fn a_body_named_alone_is_a_running_header_form() {
        for s in [
            "上海市普陀区财政局",
            "库尔勒市朝阳街道办事处",
            "部门名称：上海市普陀区商务委员会",
            "上海市普陀区财政局2024年度",
            "2024年上海市普陀区财政局",
        ] {
            assert!(names_the_body(s), "{s}");
        }
        for s in [
            "预算单位库尔勒市朝阳街道办事处",
            "编制部门：上海市普陀区财政局",
            "一般行政管理事务",
            "上海市普陀区财政局2024年度部门决算",
            "公务接待费",
        ] {
            assert!(!names_the_body(s), "{s}");
        }
        // Three printings pages apart: the second and third go.
        let mut text = String::new();
        for page in 0..3 {
            text.push_str("上海市普陀区财政局\n");
            for k in 0..10 {
                text.push_str(&format!("第{page}页的第{k}行文字\n"));
            }
        }
        let mut ls = lines(&text);
        assert_eq!(strip(&mut ls), vec![12, 23]);
    }

    #[test]
    fn a_running_header_with_its_page_number() {
        for s in [
            "库尔勒市朝阳街道办事处第17页",
            "上海市普陀区财政局-3-",
            "-3-上海市普陀区财政局",
            "第3页上海市普陀区财政局",
            "上海市普陀区2023年区级部门预算第3页共40页",
        ] {
            assert!(is_named_page_number(s), "{s}");
        }
        for s in [
            "公务接待费第3页",
            "库尔勒市朝阳街道办事处",
            "第17页",
            "库尔勒市朝阳街道办事处17",
            "2023年部门收支预算总表第3页",
            "上海市普陀区财政局第三页",
        ] {
            assert!(!is_named_page_number(s), "{s}");
        }
    }

    #[test]
    fn printings_close_together_stay_and_keep_none_of_the_others() {
        // A cover that prints the name alone (line 1), the next page's header 3 lines on, a
        // header every 12 lines, and a signature 2 lines after the last one.
        let mut text = "上海市普陀区财政局\n一行\n一行\n上海市普陀区财政局\n".to_string();
        for _ in 0..6 {
            text.push_str(&"一行说明文字\n".repeat(11));
            text.push_str("上海市普陀区财政局\n");
        }
        text.push_str("一行\n上海市普陀区财政局\n");
        assert_eq!(strip(&mut lines(&text)), vec![16, 28, 40, 52, 64]);
        // Printings mostly close together (a table's cells) are no running header.
        let cells = "上海市普陀区财政局\n一行\n".repeat(6);
        let text = cells + &("一行说明文字\n".repeat(11) + "上海市普陀区财政局\n").repeat(3);
        assert!(strip(&mut lines(&text)).is_empty());
    }

    #[test]
    fn printed_page_numbers() {
        for s in [
            "-3-",
            "—12—",
            "－7－",
            "——3——",
            "第3页",
            "第3页共40页",
            "第3页/共40页",
            "共40页第3页",
            "Page3",
            "page3of40",
        ] {
            assert!(is_page_number(s), "{s}");
        }
        for s in [
            "-",
            "3",
            "-3",
            "第三页",
            "第3页内容",
            "第0页",
            "3-5",
            "-12345-",
            "Pages",
            "page3of",
            "表3",
            "-3.5-",
        ] {
            assert!(!is_page_number(s), "{s}");
        }
    }

    #[test]
    fn bare_page_numbers_need_a_chain_of_pages_between_words() {
        let page =
            |n: u32| format!("一行说明文字\n{}\n", "说明文字\n".repeat(9)) + &format!("{n}\n");
        let text: String = (3..=7).map(page).collect();
        let mut ls = lines(&text);
        let taken = strip(&mut ls);
        assert_eq!(taken.len(), 5, "{taken:?}");
        assert!(ls.iter().all(|l| !is_number(l.compact())));
        // Three pages are not enough; nor are numbers a page apart that do not follow each other.
        let text: String = (3..=5).map(page).collect();
        assert!(strip(&mut lines(&text)).is_empty());
        let text: String = [3, 5, 7, 9, 11].into_iter().map(page).collect();
        assert!(strip(&mut lines(&text)).is_empty());
        // Numbers close together (a column of a table) are not pages.
        let text: String = (1..=6).map(|n| format!("项目\n{n}\n")).collect();
        assert!(strip(&mut lines(&text)).is_empty());
        // Between figures (a table printed one cell per line) a bare number stays.
        let text: String = (3..=7)
            .map(|n| format!("{}12.50\n{n}\n8.00\n", "说明文字\n".repeat(10)))
            .collect();
        assert!(strip(&mut lines(&text)).is_empty());
    }

    #[test]
    fn a_running_header_keeps_its_first_printing() {
        let page = "上海市普陀区2023年区级部门预算\n".to_string() + &"一行说明文字\n".repeat(10);
        let text = page.repeat(4);
        let mut ls = lines(&text);
        let taken = strip(&mut ls);
        assert_eq!(taken, vec![12, 23, 34]);
        assert_eq!(ls[0].text, "上海市普陀区2023年区级部门预算");
        // Twice is not a running header; nor is a table's title, however often it is printed.
        assert!(strip(&mut lines(&page.repeat(2))).is_empty());
        let table = "2023年部门收支预算总表\n".to_string() + &"一行说明文字\n".repeat(10);
        assert!(strip(&mut lines(&table.repeat(4))).is_empty());
    }
}
