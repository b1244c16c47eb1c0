//! Text normalisation: what a PDF viewer's copy gives us, turned into clean lines that keep
//! their original 1-based line numbers.
//!
//! Everything downstream reads [`Line::text`]; nothing else in the crate looks at raw input.

use std::borrow::Cow;

/// A 1-based line number in the text as the user gave it.
pub type LineNo = u32;

/// One non-blank line after normalisation.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Line {
    /// The line's number in the original text (1-based; blank lines count).
    pub no: LineNo,
    /// The normalised content: no leading or trailing space, single spaces, ASCII digits and
    /// operators, no thousands separators inside numbers.
    pub text: String,
    /// The content without white space, when it has any (see [`Line::compact`]).
    compact: Option<String>,
}

impl Line {
    /// A line from its number and normalised text.
    pub fn new(no: LineNo, text: String) -> Self {
        // Most lines have no space at all: their compact form is the text itself.
        let compact = match compact_or_same(&text) {
            Cow::Borrowed(_) => None,
            Cow::Owned(c) => Some(c),
        };
        Line { no, text, compact }
    }

    /// The content without white space ([`compact`]), computed once: most tests of what a line
    /// is (a title, a heading, a part) read this form.
    pub fn compact(&self) -> &str {
        self.compact.as_deref().unwrap_or(&self.text)
    }
}

/// Normalises the whole text and returns its non-blank lines.
///
/// Handles a UTF-8 BOM, CRLF and lone CR line ends, full-width digits and number punctuation
/// (０-９ ． ％ ＞ ＜ ＝, and ， , or a thin space used as a thousands separator), ASCII
/// parentheses (made full-width), Kangxi-radical code points,
/// ideographic and no-break spaces, zero-width and bidi control characters, and stray spaces.
pub fn lines(input: &str) -> Vec<Line> {
    lines_counted(input).0
}

/// [`lines`], and how many lines the text has in all (blank ones included).
pub(crate) fn lines_counted(input: &str) -> (Vec<Line>, usize) {
    let mut out = Vec::new();
    let mut buf = String::new();
    let mut count = 0;
    let mut cells = String::new();
    for (i, raw) in split_lines(input).enumerate() {
        count = i + 1;
        // A byte search rules out nearly every line before the row is looked at.
        let raw = if raw.as_bytes().contains(&b'|') || raw.contains('｜') {
            pipe_row(raw, &mut cells)
        } else {
            raw
        };
        normalise_line(raw, &mut buf);
        // Only a line that can hold one: a year in numerals has 〇/○/零 or starts 一九.
        if buf.contains('年') && (buf.contains(['〇', '○', '零']) || buf.contains("一九")) {
            arabic_years(&mut buf);
        }
        if !buf.is_empty() {
            let no = LineNo::try_from(i + 1).unwrap_or(LineNo::MAX);
            // A copy of exactly the line's length; `buf` keeps its capacity for the next line.
            out.push(Line::new(no, buf.clone()));
        }
    }
    (out, count)
}

/// A table row as a Markdown converter or a wiki prints it ("| 项目 | 本年收入 | 2,946.25 |", or
/// "项目|本年收入|2,946.25"): its cells apart as a tab-separated copy's are, written into `cells`;
/// its rule under the header ("|---|:---:|") is no line. Only a line with two bars or more;
/// any other line is returned as it is.
fn pipe_row<'a>(raw: &'a str, cells: &'a mut String) -> &'a str {
    let bar = |c: char| c == '|' || c == '｜';
    if raw.chars().filter(|&c| bar(c)).count() < 2 {
        // One cell a line, closed by its bar ("246 |"), the rows apart by a bar alone: the
        // cell, as a copy printing one cell per line gives it.
        let cell = raw.trim();
        return match cell.strip_suffix(bar).or_else(|| cell.strip_prefix(bar)) {
            Some(cell) => cell,
            None => raw,
        };
    }
    cells.clear();
    if raw.chars().all(|c| bar(c) || "-:：—－ \t".contains(c)) {
        return cells;
    }
    let row = raw.trim().trim_start_matches(bar).trim_end_matches(bar);
    for (k, cell) in row.split(bar).enumerate() {
        if k > 0 {
            cells.push('\t');
        }
        cells.push_str(cell.trim());
    }
    cells
}

/// The lines of `input` as written, split on `\n`, `\r\n` and a lone `\r` (a leading BOM is
/// dropped). Line `i` of this iterator is line number `i + 1`.
pub fn split_lines(input: &str) -> impl Iterator<Item = &str> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let mut rest = Some(input);
    std::iter::from_fn(move || {
        let s = rest?;
        // A byte search: both ends are ASCII, so they never occur inside a multi-byte character
        // (`str::find` with a char set decodes every character, several times slower).
        match s.bytes().position(|b| b == b'\n' || b == b'\r') {
            Some(i) => {
                let next = if s[i..].starts_with("\r\n") {
                    i + 2
                } else {
                    i + 1
                };
                rest = if next == s.len() {
                    None
                } else {
                    Some(&s[next..])
                };
                Some(&s[..i])
            }
            None => {
                rest = None;
                Some(s)
            }
        }
    })
}

/// Text without spaces (without any character that is `char::is_whitespace`).
pub fn compact(s: &str) -> String {
    compact_or_same(s).into_owned()
}

/// [`compact`], borrowing `s` when it has no white space.
fn compact_or_same(s: &str) -> Cow<'_, str> {
    // A byte scan: only ASCII spaces and characters whose UTF-8 starts with one of four lead
    // bytes can be white space, so the others (nearly all of a line) are never decoded.
    let b = s.as_bytes();
    let mut out = String::new();
    let (mut from, mut i) = (0, 0);
    while i < b.len() {
        let space = match b[i] {
            b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r' => 1,
            // U+0085, U+00A0 (C2), U+1680 (E1), U+2000..U+205F (E2), U+3000 (E3).
            0xc2 | 0xe1 | 0xe2 | 0xe3 => s[i..]
                .chars()
                .next()
                .filter(|c| c.is_whitespace())
                .map_or(0, char::len_utf8),
            _ => 0,
        };
        if space > 0 {
            if out.capacity() == 0 {
                out.reserve(s.len());
            }
            out.push_str(&s[from..i]);
            i += space;
            from = i;
        } else {
            i += 1;
        }
    }
    if from == 0 {
        return Cow::Borrowed(s);
    }
    out.push_str(&s[from..]);
    Cow::Owned(out)
}

/// Whether `s` has at most `n` characters; counted only when its length in bytes does not
/// decide (a character takes one to four bytes).
pub fn at_most_chars(s: &str, n: usize) -> bool {
    s.len() <= n || (s.len() <= 4 * n && s.chars().count() <= n)
}

/// The unified ideograph for each Kangxi radical U+2F00..=U+2FD5 (their NFKC forms).
const KANGXI: [char; 214] = [
    '一', '丨', '丶', '丿', '乙', '亅', '二', '亠', '人', '儿', '入', '八', '冂', '冖', '冫', '几',
    '凵', '刀', '力', '勹', '匕', '匚', '匸', '十', '卜', '卩', '厂', '厶', '又', '口', '囗', '土',
    '士', '夂', '夊', '夕', '大', '女', '子', '宀', '寸', '小', '尢', '尸', '屮', '山', '巛', '工',
    '己', '巾', '干', '幺', '广', '廴', '廾', '弋', '弓', '彐', '彡', '彳', '心', '戈', '戶', '手',
    '支', '攴', '文', '斗', '斤', '方', '无', '日', '曰', '月', '木', '欠', '止', '歹', '殳', '毋',
    '比', '毛', '氏', '气', '水', '火', '爪', '父', '爻', '爿', '片', '牙', '牛', '犬', '玄', '玉',
    '瓜', '瓦', '甘', '生', '用', '田', '疋', '疒', '癶', '白', '皮', '皿', '目', '矛', '矢', '石',
    '示', '禸', '禾', '穴', '立', '竹', '米', '糸', '缶', '网', '羊', '羽', '老', '而', '耒', '耳',
    '聿', '肉', '臣', '自', '至', '臼', '舌', '舛', '舟', '艮', '色', '艸', '虍', '虫', '血', '行',
    '衣', '襾', '見', '角', '言', '谷', '豆', '豕', '豸', '貝', '赤', '走', '足', '身', '車', '辛',
    '辰', '辵', '邑', '酉', '釆', '里', '金', '長', '門', '阜', '隶', '隹', '雨', '靑', '非', '面',
    '革', '韋', '韭', '音', '頁', '風', '飛', '食', '首', '香', '馬', '骨', '高', '髟', '鬥', '鬯',
    '鬲', '鬼', '魚', '鳥', '鹵', '鹿', '麥', '麻', '黃', '黍', '黑', '黹', '黽', '鼎', '鼓', '鼠',
    '鼻', '齊', '齒', '龍', '龜', '龠',
];

/// Maps one character to its normalised form, or `None` to drop it.
fn map_char(c: char) -> Option<char> {
    // Most characters stay as they are: printable ASCII, and everything from the CJK
    // punctuation after U+3000 up to the full-width forms (ideographs included).
    // Parentheses become the full-width ones Chinese text prints ("一般公共服务支出(类)" as
    // "…（类）"): a copy or a document with ASCII ones reads as one with full-width ones.
    if matches!(c, ' '..='~' | '\u{3001}'..='\u{fefe}') {
        return Some(match c {
            '(' => '（',
            ')' => '）',
            c => c,
        });
    }
    Some(match c {
        '\u{ff10}'..='\u{ff19}' => char::from(b'0' + (u32::from(c) - 0xff10) as u8),
        '\u{ff0e}' => '.',
        '\u{ff05}' => '%',
        '\u{ff1e}' => '>',
        '\u{ff1c}' => '<',
        '\u{ff1d}' => '=',
        '\u{ff0b}' => '+',
        '\u{ff0d}' => '-',
        '\u{2f00}'..='\u{2fd5}' => KANGXI[(u32::from(c) - 0x2f00) as usize],
        '\u{3000}' | '\u{00a0}' | '\u{2002}'..='\u{200a}' | '\u{202f}' | '\u{205f}' => ' ',
        // Zero-width and bidirectional controls: invisible, and never part of a figure.
        '\u{200b}'..='\u{200f}'
        | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}'
        | '\u{feff}' => return None,
        c if c.is_control() => ' ',
        c => c,
    })
}

/// Normalises one line into `out`.
///
/// Most characters stay as they are: runs of them are copied as slices, and only the
/// characters that change (or are dropped) interrupt a run. The scan goes by bytes and decodes
/// only ASCII and the characters whose UTF-8 starts with C2, E2, E3 or EF, the only ones
/// [`map_char`] changes; every other character is stepped over whole.
fn normalise_line(raw: &str, out: &mut String) {
    out.clear();
    let b = raw.as_bytes();
    let mut commas = false;
    // Start of the run of unchanged characters not yet copied.
    let mut from = 0;
    // What the output ends with, counting that run: nothing yet, a space, or a '、' (after
    // which a space is dropped: "二十六、 抗疫特别国债安排" is the row "二十六、抗疫特别国债安排").
    let (mut empty, mut after_space, mut after_pause) = (true, false, false);
    // Whether the output ends with a digit (a thin space after it may separate thousands).
    let mut after_digit = false;
    let mut i = 0;
    while i < b.len() {
        let c = match b[i] {
            0x00..=0x7f => char::from(b[i]),
            0xc2 | 0xe2 | 0xe3 | 0xef => raw[i..].chars().next().unwrap_or_default(),
            lead => {
                // Another character, unchanged and not a space.
                empty = false;
                after_space = false;
                after_pause = false;
                after_digit = false;
                i += utf8_len(lead);
                continue;
            }
        };
        let next = i + c.len_utf8();
        // Dropped (`None`): an invisible character, a leading space or a second space in a row.
        let kept = match map_char(c) {
            // "2 300.52" with a thin space: a separator, dropped as a comma is.
            // Not after a decimal part ("227.35 227.35" are two figures).
            Some(' ')
                if after_digit
                    && !after_decimal_point(out, &raw[from..i])
                    && thin_separator(c, &raw[next..]) =>
            {
                Some(',')
            }
            Some(' ') if empty || after_space || after_pause => None,
            m => m,
        };
        match kept {
            Some(m) => {
                if m != c {
                    out.push_str(&raw[from..i]);
                    out.push(m);
                    from = next;
                }
                empty = false;
                after_space = m == ' ';
                after_pause = m == '、';
                after_digit = m.is_ascii_digit();
                commas |= m == ',' || m == '\u{ff0c}';
            }
            None => {
                out.push_str(&raw[from..i]);
                from = next;
            }
        }
        i = next;
    }
    out.push_str(&raw[from..]);
    let trailing = out.bytes().rev().take_while(|&b| b == b' ').count();
    out.truncate(out.len() - trailing);
    if commas {
        drop_thousands_separators(out);
    }
}

/// Whether the digits the output ends with (`out`, then the run `pending` not yet copied into
/// it) follow a decimal point.
fn after_decimal_point(out: &str, pending: &str) -> bool {
    let digits = |s: &str| s.trim_end_matches(|d: char| d.is_ascii_digit()).len();
    let before = &pending[..digits(pending)];
    if before.is_empty() {
        out[..digits(out)].ends_with('.')
    } else {
        before.ends_with('.')
    }
}

/// Whether `c`, after a digit, is a thin space (U+2009, U+202F) that separates thousands: exactly
/// three digits follow it ("2\u{2009}300.52"). A plain space is not read so: "201 300.52" is a
/// code and an amount.
fn thin_separator(c: char, after: &str) -> bool {
    let mut next = after.chars().filter_map(map_char);
    matches!(c, '\u{2009}' | '\u{202f}')
        && next.by_ref().take(3).filter(char::is_ascii_digit).count() == 3
        && !next.next().is_some_and(|d| d.is_ascii_digit())
}

/// A year written in Chinese numerals ("二〇二三年", "二○二二年", "一九九八年") written in digits
/// ("2023年"), as the narrative and the titles are read.
fn arabic_years(s: &mut String) {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let mut changed = false;
    while i < chars.len() {
        let year: Option<Vec<char>> = chars
            .get(i..i + 5)
            .filter(|w| {
                w[4] == '年' && matches!((w[0], w[1]), ('二', '〇' | '○' | '零') | ('一', '九'))
            })
            .and_then(|w| w[..4].iter().map(|&c| chinese_digit(c)).collect());
        match year {
            Some(digits) => {
                out.extend(digits);
                out.push('年');
                i += 5;
                changed = true;
            }
            None => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    if changed {
        *s = out;
    }
}

/// A Chinese numeral digit ("〇", "○", "零", "一" … "九") as an ASCII digit.
pub(crate) fn chinese_digit(c: char) -> Option<char> {
    let d = match c {
        '〇' | '○' | '零' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    };
    Some(char::from(b'0' + d))
}

/// The length of a UTF-8 sequence from its first byte.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0x00..=0x7f => 1,
        0x80..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

/// Removes every comma that sits between a digit and exactly three digits ("2,300.52").
///
/// Works on bytes: digits and ',' are ASCII, and an ASCII byte of UTF-8 is always a whole
/// character, so "the byte before is a digit" means "the character before is a digit".
fn drop_thousands_separators(s: &mut String) {
    let b = s.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let mut kept = String::new();
    let mut from = 0;
    let mut i = 0;
    while i < b.len() {
        // ',' or '，' (EF BC 8C in UTF-8).
        let len = if b[i] == b',' {
            1
        } else if b[i] == 0xef && b.get(i + 1..i + 3) == Some(&[0xbc, 0x8c]) {
            3
        } else {
            i += 1;
            continue;
        };
        let after = i + len;
        let separator = i > 0
            && digit(i - 1)
            && digit(after)
            && digit(after + 1)
            && digit(after + 2)
            && !digit(after + 3);
        if separator {
            kept.push_str(&s[from..i]);
            from = after;
        }
        i = after;
    }
    if from > 0 {
        kept.push_str(&s[from..]);
        *s = kept;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> String {
        lines(s)
            .into_iter()
            .map(|l| l.text)
            .collect::<Vec<_>>()
            .join("|")
    }

    #[test]
    fn line_numbers_survive_blank_lines_and_crlf() {
        let got = lines("\u{feff}a\r\n\r\nb\rc\n\n  d  \n");
        let got: Vec<_> = got.iter().map(|l| (l.no, l.text.as_str())).collect();
        assert_eq!(got, [(1, "a"), (3, "b"), (4, "c"), (6, "d")]);
    }

    #[test]
    fn a_cell_closed_by_its_bar_is_the_cell() {
        // One cell a line, each closed by a bar, the rows apart by a bar alone (a web page's
        // table as some browsers copy it).
        let got = lines("|\n合 计 |\n246 |\n167.37 |\n|\n｜ 公务接待费\n");
        let got: Vec<_> = got.iter().map(|l| (l.no, l.text.as_str())).collect();
        assert_eq!(
            got,
            [(2, "合 计"), (3, "246"), (4, "167.37"), (6, "公务接待费")]
        );
    }

    #[test]
    fn number_forms() {
        for (input, want) in [
            ("收入总计 2,300.52", "收入总计 2300.52"),
            ("１，２３４．５６ 万元", "1234.56 万元"),
            ("164,978,640 元", "164978640 元"),
            ("＞=4万人", ">=4万人"),
            ("＜＝100元", "<=100元"),
            ("占 ９９．２６％", "占 99.26%"),
            ("1,2345", "1,2345"),
            ("收入总计 2\u{2009}300.52 万元", "收入总计 2300.52 万元"),
            ("1\u{202f}234\u{2009}567.00", "1234567.00"),
            ("基本工资 227.35\u{2009}227.35", "基本工资 227.35 227.35"),
            (
                "2024\u{2009}12 年 5\u{2009}2345 201 300.52",
                "2024 12 年 5 2345 201 300.52",
            ),
            ("增长 9,165.00%", "增长 9165.00%"),
            ("在职 187 人，减少 8人", "在职 187 人，减少 8人"),
            (
                "二十六、 抗疫特别国债安排 0.00",
                "二十六、抗疫特别国债安排 0.00",
            ),
        ] {
            assert_eq!(norm(input), want, "{input}");
        }
    }

    #[test]
    fn kangxi_radicals_and_invisible_characters() {
        assert_eq!(norm("⽀出\u{200b}总计"), "支出总计");
        assert_eq!(norm("⼀般公共预算"), "一般公共预算");
        assert_eq!(norm("\u{3000}\u{3000}收 入\t总计\u{202e}"), "收 入 总计");
        // A table's row with bars between its cells, and its rule under the header.
        let texts = |t: &str| {
            lines(t)
                .into_iter()
                .map(|l| (l.no, l.text))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            texts("| 项目 | 金额 |\n|---|:---:|\n| 收入总计 | 2,946.25 |\n收入|合计|支出\n"),
            vec![
                (1, "项目 金额".to_owned()),
                (3, "收入总计 2946.25".to_owned()),
                (4, "收入 合计 支出".to_owned())
            ]
        );
        // One bar is no table: "A|B" stays.
        assert_eq!(texts("A|B\n"), vec![(1, "A|B".to_owned())]);
    }

    /// The straightforward normaliser (map, collapse spaces, then drop separators by
    /// character index) that `normalise_line` must agree with.
    fn reference(raw: &str) -> String {
        let mut chars: Vec<char> = Vec::new();
        let raw: Vec<char> = raw.chars().collect();
        for (k, &r) in raw.iter().enumerate() {
            let Some(mut c) = map_char(r) else { continue };
            // A thin space between a digit and exactly three digits separates thousands.
            let after: Vec<char> = raw[k + 1..].iter().filter_map(|&x| map_char(x)).collect();
            let digit_at = |i: usize| after.get(i).is_some_and(char::is_ascii_digit);
            let whole = chars
                .iter()
                .rev()
                .find(|d| !d.is_ascii_digit())
                .is_none_or(|&d| d != '.');
            if matches!(r, '\u{2009}' | '\u{202f}')
                && chars.last().is_some_and(char::is_ascii_digit)
                && whole
                && (0..3).all(digit_at)
                && !digit_at(3)
            {
                c = ',';
            }
            if c != ' ' || chars.last().is_some_and(|&p| p != ' ' && p != '、') {
                chars.push(c);
            }
        }
        while chars.last() == Some(&' ') {
            chars.pop();
        }
        let digit_at = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
        let mut out = String::new();
        for (i, &c) in chars.iter().enumerate() {
            let separator = (c == ',' || c == '\u{ff0c}')
                && i > 0
                && digit_at(i - 1)
                && digit_at(i + 1)
                && digit_at(i + 2)
                && digit_at(i + 3)
                && !digit_at(i + 4);
            if !separator {
                out.push(c);
            }
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn normalising_agrees_with_the_reference(raw in "[0-9１２ ,，\u{3000}\u{200b}\u{2f00}\t.．元万a-c\u{7f}-\u{a0}é\u{1680}\u{2000}-\u{2070}\u{2fd5}\u{3001}\u{feff}\u{ff05}-\u{ff1e}😀]{0,24}") {
            let mut out = String::new();
            normalise_line(&raw, &mut out);
            proptest::prop_assert_eq!(out, reference(&raw));
        }
    }

    proptest::proptest! {
        #[test]
        fn compact_drops_exactly_the_white_space(s in "\\PC{0,30}|[ \u{85}\u{a0}\u{1680}\u{2000}-\u{2030}\u{205f}\u{3000}-\u{3003}a一]{0,20}") {
            let want: String = s.chars().filter(|c| !c.is_whitespace()).collect();
            proptest::prop_assert_eq!(compact(&s), want);
        }
    }

    #[test]
    fn empty_and_blank_input() {
        assert!(lines("").is_empty());
        assert!(lines("\n\r\n \u{3000}\n").is_empty());
    }
}
