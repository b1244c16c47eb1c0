//! Amounts as the documents print them ("2,300.52", "164,978,640", "-0.01"), and the 说明's
//! sections as they name them ("第三部分 五（三）2", "部门预算编制说明 二").

use rust_decimal::Decimal;

use crate::model::{Document, SectionRef};
use crate::rounding::round;

/// An amount with thousands separators, keeping its scale ("2,300.52", "0.3", "-1,204.10").
pub fn amount(v: Decimal) -> String {
    let s = v.abs().to_string();
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s.as_str(), None),
    };
    let mut out = String::with_capacity(s.len() + int.len() / 3 + 1);
    if v.is_sign_negative() && !v.is_zero() {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// An amount rounded to two decimals, then formatted with exactly two ("1,234.57").
pub fn amount2(v: Decimal) -> String {
    let mut r = round(v, 2);
    r.rescale(2);
    amount(r)
}

/// A percentage with two decimals ("91.39%").
pub fn percent(v: Decimal) -> String {
    let mut r = round(v, 2);
    r.rescale(2);
    format!("{}%", amount(r))
}

/// A rate worked out to the places the document printed its own (`printed`): "17%" beside a
/// printed "50%", not "17.00%", which would claim places the check never looked at; "50.00%"
/// beside a printed "25.00%".
pub fn percent_as_printed(v: Decimal, printed: Decimal) -> String {
    let places = printed.scale();
    let mut r = round(v, places);
    r.rescale(places);
    format!("{}%", amount(r))
}

/// A Chinese numeral up to 99: 一, 十, 十二, 二十三.
pub fn numeral(n: u16) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    let d = |i: u16| DIGITS[usize::from(i)];
    match n {
        0..=9 => d(n).to_owned(),
        10..=19 => format!("十{}", if n > 10 { d(n - 10) } else { "" }),
        20..=99 => format!("{}十{}", d(n / 10), if n % 10 > 0 { d(n % 10) } else { "" }),
        _ => n.to_string(),
    }
}

/// A section as the reader numbers the parts (the Xinjiang template's, the 说明 being part 3):
/// "第三部分 五（三）2" / "Part 3, section 五(三) item 2"; "" for part 0 and no chapter.
pub fn section(s: SectionRef) -> (String, String) {
    let (mut zh, mut en) = if s.part > 0 {
        (
            format!("第{}部分", numeral(u16::from(s.part))),
            format!("Part {}", s.part),
        )
    } else {
        (String::new(), String::new())
    };
    if s.chapter > 0 {
        let ch = numeral(u16::from(s.chapter));
        if !zh.is_empty() {
            zh.push(' ');
            en.push_str(", ");
        }
        zh.push_str(&ch);
        en.push_str(&format!("section {ch}"));
        if s.sub > 0 {
            let sub = numeral(u16::from(s.sub));
            zh.push_str(&format!("（{sub}）"));
            en.push_str(&format!("({sub})"));
        }
        if s.item > 0 {
            zh.push_str(&s.item.to_string());
            en.push_str(&format!(" item {}", s.item));
        }
    }
    (zh, en)
}

/// What the document calls the part the reader numbers 3, its 说明, where that is not 第三部分:
/// the number it prints ("第二部分" / "Part 2"), or the words of a heading that prints none
/// ("部门预算编制说明"; "说明" / "Explanation" without a heading). `None` where it prints 第三部分.
pub fn narrative_part(doc: &Document) -> Option<(String, String)> {
    if doc.narrative_part_printed != 0 {
        let n = doc.narrative_part_printed;
        Some((
            format!("第{}部分", numeral(u16::from(n))),
            format!("Part {n}"),
        ))
    } else if doc.narrative_name == "说明" {
        Some(("说明".to_owned(), "Explanation".to_owned()))
    } else if !doc.narrative_name.is_empty() {
        Some((doc.narrative_name.clone(), doc.narrative_name.clone()))
    } else {
        None
    }
}

/// Text written with the reader's part numbers ("第三部分 二…" / "Part 3, …") with the 说明 named
/// as the document names it ([`narrative_part`]): "部门预算编制说明 二…".
pub fn as_printed(doc: &Document, zh: &mut String, en: &mut String) {
    if let Some((their_zh, their_en)) = narrative_part(doc) {
        *zh = zh.replace("第三部分", &their_zh);
        *en = en.replace("Part 3", &their_en);
    }
}

/// A section of the narrative as the document names it: "第三部分 五（三）2", "第二部分 二" in a
/// document that prints its 说明 as 第二部分, "部门预算编制说明 二" where its heading prints no
/// part number.
pub fn section_in(doc: &Document, s: SectionRef) -> (String, String) {
    let (mut zh, mut en) = section(s);
    if s.part == 3 {
        as_printed(doc, &mut zh, &mut en);
    }
    (zh, en)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn amounts_as_printed() {
        for (v, want) in [
            ("2300.52", "2,300.52"),
            ("164978640", "164,978,640"),
            ("0.3", "0.3"),
            ("-1204.10", "-1,204.10"),
            ("0.00", "0.00"),
            ("-0.01", "-0.01"),
            ("999", "999"),
            ("1000", "1,000"),
        ] {
            assert_eq!(amount(Decimal::from_str(v).unwrap()), want);
        }
        assert_eq!(percent(Decimal::from_str("91.394995").unwrap()), "91.39%");
        assert_eq!(percent(Decimal::from_str("8.605").unwrap()), "8.61%");
        assert_eq!(percent(Decimal::from(100)), "100.00%");
    }

    #[test]
    fn sections_named_as_the_document_names_its_parts() {
        let s = |part, chapter, sub, item| SectionRef {
            part,
            chapter,
            sub,
            item,
        };
        let mut doc = Document::default();
        let zh = |doc: &Document, r| section_in(doc, r).0;
        assert_eq!(zh(&doc, s(3, 5, 3, 2)), "第三部分 五（三）2");
        assert_eq!(
            section_in(&doc, s(3, 5, 3, 2)).1,
            "Part 3, section 五(三) item 2"
        );
        assert_eq!(zh(&doc, s(3, 12, 1, 0)), "第三部分 十二（一）");
        assert_eq!(zh(&doc, s(3, 10, 0, 0)), "第三部分 十");
        assert_eq!(zh(&doc, s(3, 0, 0, 0)), "第三部分");
        assert_eq!(zh(&doc, s(0, 0, 0, 0)), "");
        assert_eq!(zh(&doc, s(0, 2, 0, 0)), "二");
        // A 说明 printed as 第二部分 (Sichuan's, Beijing's templates) is named so; the other
        // parts keep their numbers.
        doc.narrative_part_printed = 2;
        assert_eq!(zh(&doc, s(3, 2, 0, 0)), "第二部分 二");
        assert_eq!(zh(&doc, s(1, 0, 0, 0)), "第一部分");
        // A heading without a part number is named by its words; no heading, 说明.
        doc.narrative_part_printed = 0;
        doc.narrative_name = "部门预算编制说明".into();
        assert_eq!(zh(&doc, s(3, 2, 1, 0)), "部门预算编制说明 二（一）");
        assert_eq!(
            section_in(&doc, s(3, 2, 1, 0)).1,
            "部门预算编制说明, section 二(一)"
        );
        doc.narrative_name = "说明".into();
        assert_eq!(zh(&doc, s(3, 7, 0, 0)), "说明 七");
        assert_eq!(section_in(&doc, s(3, 7, 0, 0)).1, "Explanation, section 七");
        let (mut zh, mut en) = (
            "第三部分 七说明了 3 个项目".to_owned(),
            "Part 3, 七".to_owned(),
        );
        as_printed(&doc, &mut zh, &mut en);
        assert_eq!(
            (zh.as_str(), en.as_str()),
            ("说明 七说明了 3 个项目", "Explanation, 七")
        );
        assert_eq!(numeral(23), "二十三");
        assert_eq!(numeral(20), "二十");
        assert_eq!(numeral(10), "十");
        assert_eq!(numeral(14), "十四");
    }
}
