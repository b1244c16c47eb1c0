//! Rule T6.4: Table 6: 301/303 only under personnel, 302/310 only under public expenses

use super::*;

rules! {
    /// ## What it checks
    /// 表6 column discipline: a 301 or 303 row (工资福利, 对个人和家庭的补助) has no non-zero amount under 公用经费,
    /// and a 302 or 310 row (商品和服务, 资本性支出) none under 人员经费. Each stray cell is a warning. The
    /// rule's own logic, `economic_discipline`, is below.
    ///
    /// ## Why it must hold
    /// 人员经费 and 公用经费 are defined by these classes (人员经费 = 301 + 303, 公用经费 = 302 + 310 …); an amount
    /// in the other column misstates both. Applies to every template's basic-expenditure table that
    /// prints the two columns.
    ///
    /// ## Example
    /// Xinjiang sample, 表6: 301 prints 1,985.64 and 303 prints 56.31 only under 人员经费, 302 prints
    /// 60.61 only under 公用经费 — nothing to report.
    T6_4 = "T6.4", "表6 301/303 只列人员经费，302/310 只列公用经费", "Table 6: 301/303 only under personnel, 302/310 only under public expenses",
        economic_discipline;
}

/// 表6: 301 and 303 rows carry amounts only under 人员经费, 302 and 310 only under 公用经费.
fn economic_discipline(c: &mut Checker) {
    let Some(t) = c.table(TableKind::GeneralBasic) else {
        return;
    };
    let Some(b) = t.main() else { return };
    for r in b.rows.iter() {
        let Some(code) = r.code_str() else { continue };
        let (wrong, right) = match code.get(..3) {
            Some("301" | "303") => (Col::Public, "人员经费"),
            Some("302" | "310") => (Col::Personnel, "公用经费"),
            _ => continue,
        };
        let Some(cell) = b.cell(r, wrong).filter(|x| !x.value.is_zero()) else {
            continue;
        };
        let label = row_label(t, r);
        let f = c.report(
            Severity::Warning,
            format!(
                "{}：{} 类科目应列入{}，却在{}列有 {}。",
                label.zh,
                &code[..3],
                right,
                wrong.title(),
                amount(cell.value)
            ),
            format!(
                "{}: class {} belongs under {}, but {} is printed under {}.",
                label.en,
                &code[..3],
                right,
                amount(cell.value),
                wrong.title()
            ),
        );
        f.actual = Some(cell.value);
        f.lines = r.lines.clone();
        f.tables = vec![t.number];
    }
}
