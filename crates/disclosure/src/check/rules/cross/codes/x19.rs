//! Rule X19: Each code: Table 7 projects = Table 5 project expenditure

use super::*;

rules! {
    /// ## What it checks
    /// 表7 against 表5 项目支出, code by code: each 类 and 款 row of 表7 = 表5 项目支出 of the same code (same
    /// quantity, a gap of one unit of the last printed digit is rounding, more is an error); for each 项, the 表7 projects under it add up to 表5
    /// 项目支出 (exact passes, within half a printed unit per project is rounding, more is an error);
    /// 表7 covers exactly the codes with 表5 项目支出 (a code with projects but no 表5 row, or 表5 项目支出
    /// with no project, is an error). The rule's own logic, `projects_by_code`, is below; it uses
    /// the shared `missing_code` (cross/codes.rs).
    ///
    /// ## Why it must hold
    /// 表7 lists the projects that make up 表5's project column. Applies to templates with 表7
    /// (Xinjiang).
    ///
    /// ## Example
    /// Xinjiang sample: 2010399 表5 项目支出 129.16 = 表7 0.84 + 10.32 + 95.00 + 23.00; 20132 50.00 in
    /// both.
    X19 = "X19", "各科目：表7 项目之和 = 表5 项目支出", "Each code: Table 7 projects = Table 5 project expenditure", projects_by_code;
}

/// X19: 表7 类/款 rows = 表5 项目支出 of the same code; per 项, the projects of 表7 add up to
/// 表5 项目支出; 表7 covers exactly the codes with 表5 项目支出.
fn projects_by_code(c: &mut Checker) {
    let s5 = src(c, TableKind::GeneralExpense, Side::Whole);
    let s7 = src(c, TableKind::GeneralProjects, Side::Whole);
    let (Some(s5), Some(s7)) = (s5, s7) else {
        return;
    };
    let with_projects = |kinds: &[RowKind]| -> Vec<&str> {
        s5.b.rows
            .iter()
            .filter(|r| kinds.contains(&r.kind) && !s5.b.value(r, Col::Project).is_zero())
            .filter_map(Row::code_str)
            .collect()
    };
    // 类 and 款: both tables print a subtotal.
    let upper = union([
        s7.codes(RowKind::Class),
        s7.codes(RowKind::Kuan),
        with_projects(&[RowKind::Class, RowKind::Kuan]),
    ]);
    for code in upper {
        let (a, b) = (s7.at(code, Col::Total), s5.at(code, Col::Project));
        same(c, &a, &b);
    }
    // 项: 表7 has one row per project and no subtotal.
    let project_codes: Vec<&str> =
        s7.b.rows
            .iter()
            .filter(|r| matches!(r.kind, RowKind::Project | RowKind::Xiang))
            .filter_map(Row::code_str)
            .collect();
    for code in union([project_codes, with_projects(&[RowKind::Xiang])]) {
        let parts: Vec<Val> =
            s7.b.rows
                .iter()
                .filter(|r| r.code_str() == Some(code))
                .filter(|r| matches!(r.kind, RowKind::Project | RowKind::Xiang))
                .map(|r| s7.val(r, Col::Total))
                .collect();
        let total = s5.at(code, Col::Project);
        if s5.row(code).is_none() {
            missing_code(
                c,
                &parts,
                s5,
                ("一般公共预算项目支出", "general-budget project"),
            );
            continue;
        }
        if parts.is_empty() {
            let v = total.shown();
            let f = c.report(
                Severity::Error,
                format!(
                    "{}为 {v}，但表{}没有该科目下的项目。",
                    total.what().zh,
                    s7.n()
                ),
                format!(
                    "{} is {v}, but Table {} lists no project under that code.",
                    total.what().en,
                    s7.n()
                ),
            );
            // 表5 prints the amount; 表7's projects under the code come to nothing.
            f.actual = total.amt.actual();
            f.expected = Some(Decimal::ZERO);
            f.lines = total.amt.lines.clone();
            f.tables = vec![s5.n(), s7.n()];
            continue;
        }
        let what = || {
            let code_name = s5.row(code).map(|r| row_label(s5.t, r));
            Label::new(
                format!(
                    "{} = 表{} 该科目各项目之和",
                    code_name
                        .as_ref()
                        .map_or(total.what().zh, |l| format!("{}项目支出", l.zh)),
                    s7.n()
                ),
                format!(
                    "{} = the sum of Table {} projects under that code",
                    code_name.as_ref().map_or(total.what().en, |l| format!(
                        "{}, project expenditure",
                        l.en
                    )),
                    s7.n()
                ),
            )
        };
        sum_of(c, &what, &total, &parts);
    }
}
