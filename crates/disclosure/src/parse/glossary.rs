//! 第四部分 名词解释: the terms the document defines.

use super::segment::chapter_number;
use crate::model::Located;
use crate::text::Line;

/// The longest text taken for a term; anything longer is a sentence, not a term.
const MAX_TERM_CHARS: usize = 20;

/// The terms of numbered items "一、财政拨款:指由…" (ASCII or full-width colon), as printed,
/// each with the line of its number. A long term may push the colon onto the next line.
pub fn read(lines: &[Line]) -> Vec<Located<String>> {
    let mut out = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        let c = &l.compact();
        if chapter_number(c).is_none() {
            continue;
        }
        let Some((_, body)) = c.split_once('、') else {
            continue;
        };
        let mut body = body.to_owned();
        if !body.contains([':', '：']) && body.chars().count() <= MAX_TERM_CHARS {
            let next = lines.get(i + 1).map(|n| n.compact());
            if let Some(next) = next.filter(|n| chapter_number(n).is_none()) {
                body.push_str(next);
            }
        }
        let Some((term, _)) = body.split_once([':', '：']) else {
            continue;
        };
        let is_term = !term.is_empty()
            && term.chars().count() <= MAX_TERM_CHARS
            && !term.contains(['，', '。', '；']);
        if is_term {
            out.push(Located {
                value: term.to_owned(),
                line: l.no,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_with_either_colon_and_a_wrapped_one() {
        let lines = crate::text::lines(
            "一、财政拨款:指由一般公共预算安排的财政拨款数。\n\
             安排的财政拨款数。\n\
             二、一般公共预算：包括公共财政拨款（补助）资金、专项收入。\n\
             三、一个很长的名词\n解释:包括……\n\
             四、 说明，本部分不是名词：而是一句话\n\
             五、没有冒号的条目\n\
             六、短:下一条",
        );
        let got: Vec<_> = read(&lines)
            .into_iter()
            .map(|t| (t.value, t.line))
            .collect();
        assert_eq!(
            got,
            [
                ("财政拨款".to_owned(), 1),
                ("一般公共预算".to_owned(), 3),
                ("一个很长的名词解释".to_owned(), 4),
                ("短".to_owned(), 8),
            ]
        );
    }

    #[test]
    fn the_sample_glossary() {
        let doc = crate::parse(include_str!(
            "../../../../fixtures/xinjiang-korla-chaoyang-2024-budget.txt"
        ))
        .document;
        let got: Vec<_> = doc
            .glossary
            .iter()
            .map(|t| (t.value.as_str(), t.line))
            .collect();
        assert_eq!(
            got,
            [
                ("财政拨款", 3031),
                ("一般公共预算", 3035),
                ("财政专户管理资金", 3037),
                ("其他资金", 3041),
                ("基本支出", 3043),
                ("项目支出", 3047),
                ("“三公”经费", 3053),
                ("机关运行经费", 3069),
            ]
        );
    }
}
