//! Rule N25: Official-car running costs match the cars held

use super::*;

rules! {
    /// ## What it checks
    /// 表10 budgets 公务用车运行费 while 十二（三） says no 一般公务用车 and no 执法执勤用车 are held: a warning. The rule's
    /// own logic, `vehicles_without_cars`, is below; it uses the shared `vehicles` and
    /// `three_public_col` (narrative_more.rs).
    ///
    /// ## Why it must hold
    /// 公务用车运行费 pays for official cars; with none held, either the cars or the cost are misreported
    /// (other vehicles are not 公务用车). Applies to documents with a 三公 table and a vehicle statement.
    ///
    /// ## Example
    /// Xinjiang sample: 表10 公务用车运行费 9.60 万元, but 十二（三） lists 一般公务用车 0 辆 and 执法执勤用车 0 辆 (only 5
    /// 其他车辆) — a warning.
    N25 = "N25", "公务用车运行费与车辆情况相符", "Official-car running costs match the cars held", vehicles_without_cars;
}

/// N25: 公务用车运行费 is budgeted while no 一般公务用车 or 执法执勤用车 is held.
fn vehicles_without_cars(c: &mut Checker) {
    let doc = c.doc;
    let Some(t) = c.table(TableKind::ThreePublic) else {
        return;
    };
    let Some(b) = t.main() else { return };
    let Some(op) = b.keyed(RowKey::VehicleOperation) else {
        return;
    };
    let running = b.value(op, three_public_col(b, ""));
    if running.is_zero() {
        return;
    }
    let v = vehicles(doc);
    let count = |w: &str| {
        v.iter()
            .find(|s| s.subject == w)
            .and_then(|s| s.value.as_ref())
    };
    let (Some(general), Some(enforcement)) = (count("一般公务用车"), count("执法执勤用车"))
    else {
        return;
    };
    if !(general.value + enforcement.value).is_zero() {
        return;
    }
    let f = c.report(
        Severity::Warning,
        format!(
            "表{}安排公务用车运行费 {} 万元，但第三部分 十二（三）说明一般公务用车 {} 辆、执法执勤用车 {} 辆。",
            t.number,
            amount(running),
            general.value,
            enforcement.value
        ),
        format!(
            "Table {} budgets {} 万元 to run official cars, but 十二(三) says the department holds {} general-purpose and {} law-enforcement cars.",
            t.number,
            amount(running),
            general.value,
            enforcement.value
        ),
    );
    f.actual = Some(running);
    f.lines = [op.lines.clone(), vec![general.line, enforcement.line]].concat();
    f.tables = vec![t.number];
}
