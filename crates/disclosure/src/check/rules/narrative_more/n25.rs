//! Rule N25: Official-car running costs match the cars held

use super::*;

rules! {
    /// ## What it checks
    /// 表10 budgets 公务用车运行费 while 十二（三） says no 一般公务用车, no 执法执勤用车 and no other
    /// vehicle are held: a warning. The rule's
    /// own logic, `vehicles_without_cars`, is below; it uses the shared `vehicles` and
    /// `three_public_col` (narrative_more.rs).
    ///
    /// ## Why it must hold
    /// 公务用车运行费 pays for the cars a department keeps; with no vehicle held, either the cars or
    /// the cost are misreported. Premise: "其他车辆" (special-purpose vehicles and the like) count as
    /// 公务用车 in the reform's wide sense and may carry running costs, so a department that holds
    /// any vehicle is not contradicted. Applies to documents with a 三公 table and a vehicle
    /// statement.
    ///
    /// ## Example
    /// Xinjiang sample: 表10 公务用车运行费 9.60 万元 with 十二（三） listing 一般公务用车 0 辆 and 执法执勤用车
    /// 0 辆 but 其他车辆 5 辆: no finding (the hand review: not provable). Were the 5 其他车辆 0 as
    /// well, 9.60 万元 of running costs for no vehicle would be a warning.
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
    // Other vehicles (特种专业技术用车 and the like are 公务用车 in the reform's wide sense) may
    // carry running costs: only a department that holds no vehicle at all is a contradiction.
    if ["其他车辆", "车辆"]
        .iter()
        .filter_map(|w| count(w))
        .any(|q| !q.value.is_zero())
    {
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
