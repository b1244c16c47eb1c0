//! Rule N37: A quantity split into two complementary parts is their sum

use super::*;

rules! {
    /// ## What it checks
    /// A quantity the text splits into parts right after it ("地上建筑面积为8013平方米（其中计容面积7998平方
    /// 米，不计容面积105平方米）", the narrative's breakdowns: any unit — 平方米, 万元, 人, 辆…) whose parts
    /// are exactly two that exclude each other by their names: one is the other with 不/非/未 in
    /// front (计容 and 不计容, 财政拨款 and 非财政拨款), or the two differ only by 上 and 下 or 内 and 外 (地上
    /// and 地下, 境内 and 境外). Then the two parts make the whole, and their sum must equal it within
    /// the rounding of the three printed numbers (half a unit of each one's last digit); an error
    /// otherwise. A whole printed as approximate (约) is not judged, nor are parts of any other
    /// kind: "其中" may list some parts only, or parts that overlap (党员 and 女性). The rule's own
    /// logic, `complementary_parts`, is below.
    ///
    /// ## Why it must hold
    /// Two parts that exclude each other and name the whole's two sides (above and below ground,
    /// counted and not counted) are all of it: their sum is the whole by definition. A difference
    /// means one of the three numbers is misprinted. Applies to every document, every section.
    ///
    /// ## Example
    /// Shanghai 万里街道 2023 budget, 项目经费情况说明: 地上建筑面积 8013 平方米, of which 计容面积 7998 and 不计容面积
    /// 105 平方米: 7998 + 105 = 8103, not 8013 (an error: digits transposed, as 13459 − 地下 5356 = 8103
    /// also shows). Its whole, "约为13459平方米", is approximate and not judged.
    N37 = "N37", "互补的两部分之和等于总数", "A quantity split into two complementary parts is their sum", complementary_parts;
}

/// Words that negate the name they stand before.
const NEGATIONS: [&str; 3] = ["不", "非", "未"];

/// Pairs of opposite characters that split a whole in two.
const OPPOSITES: [(char, char); 2] = [('上', '下'), ('内', '外')];

/// Whether two part names exclude each other and together cover their whole.
fn complementary(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suffix = a[prefix..]
        .iter()
        .rev()
        .zip(b[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let x: String = a[prefix..a.len() - suffix].iter().collect();
    let y: String = b[prefix..b.len() - suffix].iter().collect();
    // The shared rest must be a name, not a character or two.
    if prefix + suffix < 2 {
        return false;
    }
    let negation = |p: &str, q: &str| p.is_empty() && NEGATIONS.contains(&q);
    let opposite = |p: &str, q: &str| {
        let (mut p, mut q) = (p.chars(), q.chars());
        match (p.next(), p.next(), q.next(), q.next()) {
            (Some(p), None, Some(q), None) => {
                OPPOSITES.contains(&(p, q)) || OPPOSITES.contains(&(q, p))
            }
            _ => false,
        }
    };
    negation(&x, &y) || negation(&y, &x) || opposite(&x, &y)
}

/// Half a unit of the last digit printed.
fn half_unit(v: Decimal) -> Decimal {
    Decimal::new(5, v.scale() + 1)
}

/// N37: each breakdown into two complementary parts against its whole.
fn complementary_parts(c: &mut Checker) {
    let doc = c.doc;
    for b in &doc.breakdowns {
        let [(la, a), (lb, bq)] = b.parts.as_slice() else {
            continue;
        };
        if b.approximate || !complementary(la, lb) {
            continue;
        }
        let sum = a.value + bq.value;
        let slack = half_unit(b.whole.value) + half_unit(a.value) + half_unit(bq.value);
        let diff = b.whole.value - sum;
        if diff.abs() <= slack {
            continue;
        }
        let unit = match &b.whole.unit {
            QUnit::Wan => "万元".to_owned(),
            QUnit::Yuan => "元".to_owned(),
            QUnit::Percent => "%".to_owned(),
            QUnit::SquareMetre => "平方米".to_owned(),
            QUnit::Count(w) => w.clone(),
        };
        let f = c.report(
            Severity::Error,
            format!(
                "「{}」{} {unit}，其中{} {} {unit}、{} {} {unit}：两部分互补，合计应为 {}，与印出的 {} 相差 {}，超出各数四舍五入的范围。",
                b.label,
                b.whole.value,
                la,
                a.value,
                lb,
                bq.value,
                sum,
                b.whole.value,
                diff.abs()
            ),
            format!(
                "'{}' {} {unit} split into {} {} and {} {} {unit}, two parts that make the whole: they add up to {}, {} away from the printed {}, beyond the rounding of the numbers.",
                b.label,
                b.whole.value,
                la,
                a.value,
                lb,
                bq.value,
                sum,
                diff.abs(),
                b.whole.value
            ),
        );
        f.expected = Some(sum);
        f.actual = Some(b.whole.value);
        f.percent = b.whole.unit == QUnit::Percent;
        f.lines = b.lines.clone();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_split_a_whole_in_two() {
        assert!(complementary("计容面积", "不计容面积"));
        assert!(complementary("地上建筑面积", "地下建筑面积"));
        assert!(complementary("财政拨款收入", "非财政拨款收入"));
        assert!(complementary("境内培训", "境外培训"));
        // Overlapping or unrelated parts, or too little shared.
        assert!(!complementary("党员", "女性"));
        assert!(!complementary("一般公务用车", "执法执勤用车"));
        assert!(!complementary("上", "下"));
        assert!(!complementary("在职人员", "离退休人员"));
    }

    fn doc(text: &str) -> Document {
        crate::parse(text).document
    }

    fn run(text: &str) -> Vec<Finding> {
        let d = doc(text);
        let mut c = Checker::new(&d);
        complementary_parts(&mut c);
        c.findings
    }

    /// The Wanli budget's 项目经费情况说明 (pypdf lines 496–497), after its tables.
    const WANLI: &str = "项目经费情况说明\n本工程规划建筑面积约为13459平方米，其中地上建筑面积为8013平方米（其中计容面积7998平方米，不计容面积105平方米），地下建筑面积为5356平方米，建筑高度为29.8米。";

    #[test]
    fn two_complementary_parts_that_miss_their_whole_are_an_error() {
        let found = run(WANLI);
        assert_eq!(found.len(), 1, "{found:#?}");
        let f = &found[0];
        assert_eq!(f.severity, Severity::Error);
        assert_eq!(
            (f.expected, f.actual),
            (Some(Decimal::from(8103)), Some(Decimal::from(8013)))
        );
        assert!(f.message_zh.contains("地上建筑面积"), "{}", f.message_zh);
    }

    #[test]
    fn parts_that_add_up_or_cannot_be_judged_hold() {
        // The misprint corrected: 8103.
        assert!(run(&WANLI.replace("8013", "8103")).is_empty());
        // The approximate whole 约13459 is not judged even with its parts off.
        let d = doc(WANLI);
        let outer = d
            .breakdowns
            .iter()
            .find(|b| b.whole.value == Decimal::from(13459))
            .expect("the outer breakdown");
        assert!(outer.approximate);
        assert_eq!(outer.parts.len(), 2);
        // Parts of another kind: some parts only, or overlapping.
        assert!(run("在职人员60人，其中党员50人，女性30人。").is_empty());
    }
}
