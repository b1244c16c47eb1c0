//! Rule N25: Official-car running costs match the cars held

use super::*;

rules! {
    /// 十二（三） ⇔ 表10: official-car running costs with no official or law-enforcement car held.
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
